/**
 * The benchmark's simulated worker day (used by scripts/bench/simulated-day.ts, the worker rows):
 * feeds the tracker an activity trace, fires the alarms it asks for (and the watchdog), answers
 * prompts like a person would, and counts what happened. Pure and deterministic.
 */
import type { Settings } from '../../lib/settings';
import { mulberry32 } from '../../lib/prng';
import { asksBrowser } from '../../lib/engine/asks';
import { DEFAULT_ENV, initialState, nextWake, transition, watchdogAt, type Activity, type BreakRecord, type Env, type Result, type TrackerEvent, type TrackerState } from '../../lib/tracker/tracker';

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

/** Where the browser's idle reports come from: the next one (given the state, whose detection interval is in force), and taking it. */
export interface ActivityFeed {
  peek(now: number, state: TrackerState): { at: number; state: Activity } | null;
  take(): void;
}

export interface DayOptions {
  /** The person starts a prompted break this long after the prompt (default 30 s). */
  respondMs?: number;
  /** The env the worker passes with this event (default: none asked, DEFAULT_ENV). */
  env?: (event: TrackerEvent, at: number, before: TrackerState) => Env;
  /** The next alarm fires no sooner than this after the event that set it (Chrome's 30-s floor; default 0). */
  minAlarmMs?: number;
  /** Sees every event the worker handled, with the state before it and the result. */
  observe?: (event: TrackerEvent, at: number, label: string, before: TrackerState, result: Result) => void;
}

/** A fixed list of reports: `idle` arrives `idleDelayMs` after input stopped, as the browser reports it. */
export function stepsFeed(trace: readonly TraceStep[], idleDelayMs: number): ActivityFeed {
  const due = trace.slice(1).map((s) => ({ at: s.state === 'idle' ? s.at + idleDelayMs : s.at, state: s.state }));
  due.sort((a, b) => a.at - b.at);
  let i = 0;
  return { peek: () => due[i] ?? null, take: () => void i++ };
}

/**
 * Runs the trace. The person starts a prompted break after `respondMs` and finishes it after
 * the break's length. `idleSec` delay: the browser reports idle that long after input stops.
 * When the worker asks the browser (lib/engine/asks.ts, the runtime's rule), nothing plays and
 * the person works in one browser tab all day: a break that waits for a pause then has a tab
 * noted, so its looks for a switch are counted, and none ends it early (the costliest case).
 */
export function simulate(trace: readonly TraceStep[], settings: Settings, end: number, respondMs = 30_000): SimResult {
  const env = (event: TrackerEvent, at: number, before: TrackerState): Env => (asksBrowser(before, settings, at, event) ? { ...DEFAULT_ENV, tab: 1 } : DEFAULT_ENV);
  return runDay(trace[0]?.at ?? 0, stepsFeed(trace, settings.idleSec * 1000), settings, end, { respondMs, env });
}

/**
 * The worker's day from `first` to `end`: idle reports from `feed`, the alarms the tracker asks
 * for (the next moment that matters, the watchdog) and the person's answers, each handled in
 * time order (an idle report or an answer before an alarm at the same instant).
 */
export function runDay(first: number, feed: ActivityFeed, settings: Settings, end: number, opts: DayOptions = {}): SimResult {
  const respondMs = opts.respondMs ?? 30_000;
  let state = initialState(first);
  const byType: Record<string, number> = {};
  const records: BreakRecord[] = [];
  let prompts = 0;
  let events = 0;
  let now = first;
  let dogAt = watchdogAt(state, settings) ?? Infinity;
  let alarmAt = Infinity;
  const pending: Array<{ at: number; event: TrackerEvent }> = [];

  const send = (event: TrackerEvent, at: number, label: string) => {
    now = at;
    events++;
    byType[label] = (byType[label] ?? 0) + 1;
    const before = state;
    const r = transition(state, event, at, settings, opts.env?.(event, at, before));
    state = r.state;
    opts.observe?.(event, at, label, before, r);
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
    // The alarm as the worker sets it (lib/platform/alarms.ts): kept if already right, else not sooner than the floor.
    const wake = nextWake(state, settings);
    if (wake === null) alarmAt = Infinity;
    else if (!opts.minAlarmMs || Math.abs(alarmAt - wake) > 1000) alarmAt = Math.max(wake, at + (opts.minAlarmMs ?? 0));
    // The watchdog as the worker sets it: one period after the machine was last heard from (every event here is saved).
    dogAt = watchdogAt(state, settings) ?? Infinity;
  };

  for (let guard = 0; guard < 1_000_000; guard++) {
    pending.sort((a, b) => a.at - b.at);
    const wake = events === 0 ? (nextWake(state, settings) ?? Infinity) : alarmAt;
    const report = feed.peek(now, state);
    const nextReport = report?.at ?? Infinity;
    const nextPending = pending[0]?.at ?? Infinity;
    const at = Math.min(wake, dogAt, nextReport, nextPending);
    if (at > end) break;
    if (at === nextReport) {
      feed.take();
      send({ type: 'activity', state: report!.state }, Math.max(at, now), 'activity');
    } else if (at === nextPending) {
      const p = pending.shift()!;
      send(p.event, Math.max(p.at, now), 'user');
    } else if (at === wake) {
      send({ type: 'tick' }, Math.max(at, now), 'alarm');
    } else {
      send({ type: 'tick' }, Math.max(at, now), 'watchdog');
    }
  }
  return { events, byType, prompts, records, state };
}
