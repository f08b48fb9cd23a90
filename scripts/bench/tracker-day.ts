/**
 * The benchmark's simulated worker day (used by scripts/bench/simulated-day.ts, the worker rows):
 * feeds the tracker an activity trace, fires the alarms it asks for (and the watchdog), answers
 * prompts like a person would, and counts what happened. Pure and deterministic.
 */
import type { Settings } from '../../lib/settings';
import { mulberry32 } from '../../lib/prng';
import { initialState, nextWake, transition, wantsWatchdog, WATCHDOG_MS, type Activity, type BreakRecord, type TrackerEvent, type TrackerState } from '../../lib/tracker/tracker';

export interface TraceStep {
  at: number;
  state: Activity;
}


/**
 * A typical 8-hour office day from `start`: mostly active, short pauses (reading, a phone call),
 * a few longer ones (a coffee, a meeting away from the desk) and a lunch break.
 */
export function typicalDay(start: number, seed = 1): TraceStep[] {
  const rnd = mulberry32(seed);
  const MIN = 60_000;
  const end = start + 8 * 60 * MIN;
  const lunch = start + 4 * 60 * MIN;
  const trace: TraceStep[] = [{ at: start, state: 'active' }];
  let t = start;
  let hadLunch = false;
  while (t < end) {
    t += (8 + rnd() * 25) * MIN; // active stretch
    if (t >= end) break;
    let away: number;
    if (!hadLunch && t >= lunch) {
      away = 45 * MIN;
      hadLunch = true;
    } else {
      const r = rnd();
      away = r < 0.6 ? (1.5 + rnd() * 2) * MIN : r < 0.9 ? (4 + rnd() * 6) * MIN : (15 + rnd() * 30) * MIN;
    }
    trace.push({ at: t, state: rnd() < 0.3 ? 'locked' : 'idle' });
    t += away;
    trace.push({ at: t, state: 'active' });
  }
  return trace;
}

export interface SimResult {
  /** Every event the worker handled (each one a wake of a stopped worker, at worst). */
  events: number;
  byType: Record<string, number>;
  prompts: number;
  records: BreakRecord[];
  state: TrackerState;
}

/**
 * Runs the trace. The person starts a prompted break after `respondMs` and finishes it after
 * the break's length. `idleSec` delay: the browser reports idle that long after input stops.
 */
export function simulate(trace: readonly TraceStep[], settings: Settings, end: number, respondMs = 30_000): SimResult {
  const first = trace[0]?.at ?? 0;
  let state = initialState(first);
  const byType: Record<string, number> = {};
  const records: BreakRecord[] = [];
  let prompts = 0;
  let events = 0;
  let now = first;
  let watchdogAt = first + WATCHDOG_MS;
  const pending: Array<{ at: number; event: TrackerEvent }> = [];
  const idleDelay = settings.idleSec * 1000;
  for (const s of trace.slice(1)) pending.push({ at: s.state === 'idle' ? s.at + idleDelay : s.at, event: { type: 'activity', state: s.state } });

  const send = (event: TrackerEvent, at: number, label: string) => {
    now = at;
    events++;
    byType[label] = (byType[label] ?? 0) + 1;
    const r = transition(state, event, at, settings);
    state = r.state;
    for (const e of r.effects) {
      if (e.type === 'record') records.push(e.entry);
      if (e.type === 'prompt') {
        prompts++;
        if (!e.reminder) pending.push({ at: at + respondMs, event: { type: 'start', breakId: e.brk.id } });
      }
      if (e.type === 'openBreak') {
        const len = settings[e.brk.kind].lengthSec * 1000;
        pending.push({ at: at + len, event: { type: 'finish', breakId: e.brk.id, outcome: 'completed' } });
      }
    }
  };

  for (let guard = 0; guard < 1_000_000; guard++) {
    pending.sort((a, b) => a.at - b.at);
    const wake = nextWake(state, settings) ?? Infinity;
    if (!wantsWatchdog(state, settings)) watchdogAt = Infinity;
    else if (watchdogAt === Infinity) watchdogAt = now + WATCHDOG_MS;
    const nextPending = pending[0]?.at ?? Infinity;
    const at = Math.min(wake, watchdogAt, nextPending);
    if (at > end) break;
    if (at === nextPending) {
      const p = pending.shift()!;
      send(p.event, Math.max(p.at, now), p.event.type === 'activity' ? 'activity' : 'user');
    } else if (at === wake) {
      send({ type: 'tick' }, Math.max(at, now), 'alarm');
    } else {
      send({ type: 'tick' }, Math.max(at, now), 'watchdog');
      watchdogAt = now + WATCHDOG_MS;
    }
  }
  return { events, byType, prompts, records, state };
}
