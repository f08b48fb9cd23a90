import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import {
  initialState,
  nextBreak,
  nextWake,
  wantsWatchdog,
  SLEEP_GAP_MS,
  transition,
  WATCHDOG_MS,
  type Effect,
  type TrackerEvent,
  type TrackerState,
} from './tracker';

// 2026-03-02 09:00:00 UTC, a Monday. Every time below is this plus an offset.
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const SEC = 1000;

const S: Settings = {
  ...DEFAULT_SETTINGS,
  pauseWaitMin: 0,
  headsUpSec: 0,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  snoozeSec: 300,
  snoozeLimit: 2,
  idleSec: 60,
  remindAfterSec: 180,
};

/** Drives the tracker like the background does, through stored (JSON) state (`stored` false: kept in memory). */
class Sim {
  state: TrackerState;
  effects: Effect[] = [];
  stored = true;
  constructor(
    public settings: Settings = S,
    public now = T0,
  ) {
    this.state = initialState(T0);
  }
  send(e: TrackerEvent, at = this.now) {
    this.now = at;
    const r = transition(this.stored ? JSON.parse(JSON.stringify(this.state)) : this.state, e, at, this.settings);
    this.state = r.state;
    this.effects.push(...r.effects);
    return r;
  }
  /** Fires ticks at every wake the tracker asks for (and the watchdog) until `until`. */
  runUntil(until: number) {
    for (let guard = 0; guard < 10_000; guard++) {
      const wake = nextWake(this.state, this.settings);
      const watchdog = wantsWatchdog(this.state, this.settings) ? this.now + WATCHDOG_MS : Infinity;
      const at = Math.min(wake ?? Infinity, watchdog);
      if (at > until) break;
      this.send({ type: 'tick' }, Math.max(at, this.now));
    }
    this.now = until;
  }
  /** Active desk time up to `at` (with the watchdog ticks the background gets), then a tick. */
  workUntil(at: number) {
    this.runUntil(at);
    return this.send({ type: 'tick' }, at);
  }
  prompts() {
    return this.effects.filter((e) => e.type === 'prompt');
  }
  records() {
    return this.effects.flatMap((e) => (e.type === 'record' ? [e.entry] : []));
  }
}

describe('desk time and prompts', () => {
  it('prompts a stretch break when 50 minutes of active desk time have passed', () => {
    const sim = new Sim();
    sim.runUntil(T0 + 49 * MIN);
    expect(sim.prompts()).toHaveLength(0);
    sim.runUntil(T0 + 50 * MIN);
    expect(sim.prompts()).toHaveLength(1);
    const p = sim.prompts()[0]!;
    expect(p.type === 'prompt' && p.brk).toMatchObject({ kind: 'stretch', dueAt: T0 + 50 * MIN, id: `stretch-${T0 + 50 * MIN}` });
    expect(sim.state.phase.name).toBe('due');
  });

  it('asks for exactly one alarm at the due moment', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 10 * MIN);
    expect(nextWake(sim.state, S)).toBe(T0 + 50 * MIN);
  });

  it('a short idle pauses the count; it resumes where it was', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 20 * MIN);
    // Idle reported at 21:00 means input stopped at 20:00 (idleSec = 60).
    sim.send({ type: 'activity', state: 'idle' }, T0 + 21 * MIN);
    expect(sim.state.desk.stretch).toBe(20 * MIN);
    expect(nextBreak(sim.state, S)).toBeNull();
    sim.send({ type: 'activity', state: 'active' }, T0 + 22 * MIN); // away 2 min < 3 min
    expect(sim.state.desk.stretch).toBe(20 * MIN);
    expect(nextBreak(sim.state, S)?.at).toBe(T0 + 52 * MIN);
    expect(sim.records()).toHaveLength(0);
  });

  it('idle or locked for at least the break length is a natural break, recorded once', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 40 * MIN);
    sim.send({ type: 'activity', state: 'locked' }, T0 + 40 * MIN);
    sim.send({ type: 'activity', state: 'active' }, T0 + 44 * MIN);
    expect(sim.state.desk.stretch).toBe(0);
    expect(sim.records()).toEqual([expect.objectContaining({ kind: 'stretch', outcome: 'natural', endedAt: T0 + 43 * MIN })]);
    expect(nextBreak(sim.state, S)?.at).toBe(T0 + 94 * MIN);
    expect(sim.state.lastNaturalAt).toBe(T0 + 40 * MIN);
  });

  it('a natural break while a prompt is open answers that prompt', () => {
    const sim = new Sim();
    sim.runUntil(T0 + 50 * MIN);
    const id = sim.state.phase.name === 'due' ? sim.state.phase.brk.id : '';
    sim.send({ type: 'activity', state: 'idle' }, T0 + 52 * MIN);
    sim.send({ type: 'activity', state: 'active' }, T0 + 56 * MIN);
    expect(sim.state.phase.name).toBe('working');
    expect(sim.effects).toContainEqual({ type: 'clearPrompt', breakId: id });
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'natural' })]);
  });

  it('treats a sleep (no events for longer than the watchdog) as time away', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 30 * MIN);
    // The laptop sleeps: the next thing heard is an alarm 2 hours later.
    sim.send({ type: 'tick' }, T0 + 30 * MIN + 2 * 60 * MIN);
    expect(sim.state.desk.stretch).toBe(0);
    expect(sim.records()).toEqual([expect.objectContaining({ outcome: 'natural' })]);
    expect(sim.prompts()).toHaveLength(0);
    expect(sim.state.activity).toBe('active');
  });

  it('a gap just under the sleep threshold is still desk time', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 10 * MIN);
    sim.send({ type: 'tick' }, T0 + 10 * MIN + SLEEP_GAP_MS);
    expect(sim.state.desk.stretch).toBe(10 * MIN + SLEEP_GAP_MS);
  });

  it('the clock set back does not make desk time negative or count it twice', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 20 * MIN);
    sim.send({ type: 'tick' }, T0 + 5 * MIN); // clock set back 15 min
    expect(sim.state.desk.stretch).toBe(20 * MIN);
    sim.send({ type: 'tick' }, T0 + 10 * MIN);
    expect(sim.state.desk.stretch).toBe(25 * MIN);
  });

  it('the clock set back during a postpone: the prompt comes back when the chosen 5 minutes have run, not 5 minutes after the jump', () => {
    const sim = new Sim();
    sim.runUntil(T0 + 50 * MIN);
    const p = sim.state.phase;
    if (p.name !== 'due') throw new Error('not due');
    expect(sim.send({ type: 'snooze', breakId: p.brk.id }, T0 + 51 * MIN).refused).toBeUndefined();
    // 3 of its 5 minutes later (the worker woken then: the popup opened) the clock is set back an
    // hour: 2 minutes are left, by the person's watch.
    sim.send({ type: 'tick' }, T0 + 54 * MIN);
    const back = T0 + 54 * MIN - 60 * MIN;
    sim.send({ type: 'tick' }, back);
    sim.runUntil(back + 2 * MIN - 1);
    expect(sim.prompts()).toHaveLength(1);
    sim.runUntil(back + 2 * MIN);
    expect(sim.prompts()).toHaveLength(2);
  });

  it('the clock set back while a prompt waits: its reminder keeps the minutes already waited', () => {
    const sim = new Sim();
    sim.runUntil(T0 + 50 * MIN); // prompted; the reminder is due 3 min later (remindAfterSec)
    sim.send({ type: 'tick' }, T0 + 52 * MIN); // 2 of those minutes later (the popup opened)
    const back = T0 + 52 * MIN - 60 * MIN; // the clock is set back an hour
    sim.send({ type: 'tick' }, back);
    sim.runUntil(back + MIN - 1);
    expect(sim.prompts()).toHaveLength(1);
    sim.runUntil(back + MIN);
    expect(sim.prompts()).toHaveLength(2);
  });

  it('a shortened interval makes an overdue break prompt at once', () => {
    const sim = new Sim();
    sim.workUntil(T0 + 30 * MIN);
    sim.settings = { ...S, stretch: { ...S.stretch, everySec: 20 * 60 } };
    sim.send({ type: 'settingsChanged' }, T0 + 30 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });
});

describe('prompt actions', () => {
  const due = () => {
    const sim = new Sim();
    sim.runUntil(T0 + 50 * MIN);
    const p = sim.state.phase;
    if (p.name !== 'due') throw new Error('not due');
    return { sim, id: p.brk.id };
  };

  it('snooze waits, then prompts again; the limit is enforced', () => {
    const { sim, id } = due();
    expect(sim.send({ type: 'snooze', breakId: id }, T0 + 51 * MIN).refused).toBeUndefined();
    expect(nextWake(sim.state, S)).toBe(T0 + 56 * MIN);
    sim.runUntil(T0 + 56 * MIN);
    expect(sim.prompts()).toHaveLength(2);
    sim.send({ type: 'snooze', breakId: id }, T0 + 57 * MIN);
    sim.runUntil(T0 + 62 * MIN);
    expect(sim.send({ type: 'snooze', breakId: id }, T0 + 63 * MIN).refused).toBe('snoozeLimit');
    expect(sim.state.phase.name).toBe('due');
  });

  it('an unanswered prompt reminds once, then waits', () => {
    const { sim } = due();
    sim.runUntil(T0 + 80 * MIN);
    expect(sim.prompts().map((p) => p.type === 'prompt' && p.reminder)).toEqual([false, true]);
  });

  it('start -> finish records completed once and resets desk time', () => {
    const { sim, id } = due();
    sim.send({ type: 'start', breakId: id }, T0 + 51 * MIN);
    expect(sim.effects).toContainEqual(expect.objectContaining({ type: 'openBreak' }));
    sim.send({ type: 'setRoutine', breakId: id, routineId: 'cat-cow' }, T0 + 51 * MIN);
    sim.send({ type: 'finish', breakId: id, outcome: 'completed' }, T0 + 54 * MIN);
    // A second finish for the same break (a double click, a retried message) changes nothing.
    expect(sim.send({ type: 'finish', breakId: id, outcome: 'completed' }, T0 + 54 * MIN).refused).toBe('noSuchBreak');
    expect(sim.records()).toEqual([
      expect.objectContaining({ id, outcome: 'completed', startedAt: T0 + 51 * MIN, endedAt: T0 + 54 * MIN, routineId: 'cat-cow' }),
    ]);
    expect(nextBreak(sim.state, S)?.at).toBe(T0 + 104 * MIN);
  });

  it('desk time does not grow during a break', () => {
    const { sim, id } = due();
    sim.send({ type: 'start', breakId: id }, T0 + 51 * MIN);
    sim.workUntil(T0 + 53 * MIN);
    expect(sim.state.desk.stretch).toBe(51 * MIN);
  });

  it('a break left open is closed as partial', () => {
    const { sim, id } = due();
    sim.send({ type: 'start', breakId: id }, T0 + 51 * MIN);
    sim.runUntil(T0 + 90 * MIN);
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'partial' })]);
  });

  it('skip records skipped', () => {
    const { sim, id } = due();
    sim.send({ type: 'skip', breakId: id }, T0 + 51 * MIN);
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'skipped' })]);
    expect(sim.state.phase.name).toBe('working');
  });

  it('take a break now starts a manual break from working', () => {
    const sim = new Sim();
    const r = sim.send({ type: 'start' }, T0 + 10 * MIN);
    expect(r.state.phase).toMatchObject({ name: 'onBreak', brk: { manual: true, id: `manual-${T0 + 10 * MIN}` } });
  });

  it('messages naming another break are refused without a change', () => {
    const { sim } = due();
    const before = sim.state;
    expect(sim.send({ type: 'start', breakId: 'stretch-1' }, T0 + 51 * MIN).refused).toBe('noSuchBreak');
    expect(sim.state).toEqual({
      ...before,
      asOf: T0 + 51 * MIN,
      lastSeen: T0 + 51 * MIN,
      desk: { micro: 51 * MIN, stretch: 51 * MIN },
      today: { ...before.today, deskMs: 51 * MIN },
    });
  });
});

describe('two kinds', () => {
  const both: Settings = { ...S, micro: { enabled: true, everySec: 20 * 60, lengthSec: 20 } };

  it('micro checks come every 20 minutes; the stretch break wins when both fall due together', () => {
    const sim = new Sim(both);
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const nb = nextBreak(sim.state, both)!;
      sim.runUntil(nb.at);
      const p = sim.state.phase;
      if (p.name !== 'due') throw new Error('expected a prompt');
      kinds.push(`${p.brk.kind}@${(p.brk.dueAt - T0) / MIN}`);
      sim.send({ type: 'start', breakId: p.brk.id }, sim.now);
      sim.send({ type: 'finish', breakId: p.brk.id, outcome: 'completed' }, sim.now);
    }
    // 20, 40, then the stretch at 50 (the micro at 60 would fall within 2 min of nothing; 
    // after the stretch both counters restart), 70, 90, 100.
    expect(kinds).toEqual(['micro@20', 'micro@40', 'stretch@50', 'micro@70', 'micro@90', 'stretch@100']);
  });

  it('a short idle that covers a micro break credits it without touching the stretch counter', () => {
    const sim = new Sim(both);
    sim.workUntil(T0 + 15 * MIN);
    sim.send({ type: 'activity', state: 'locked' }, T0 + 15 * MIN);
    sim.send({ type: 'activity', state: 'active' }, T0 + 15 * MIN + 30 * SEC);
    expect(sim.state.desk).toEqual({ micro: 0, stretch: 15 * MIN });
    expect(sim.records()).toEqual([expect.objectContaining({ kind: 'micro', outcome: 'natural' })]);
  });
});

describe('restarts', () => {
  it('state survives a JSON round trip and continues identically', () => {
    // One tracker keeps its state in memory, the other reads it back from JSON before every event
    // (as after a worker restart): what happens next must not differ.
    const a = new Sim();
    a.stored = false;
    const b = new Sim();
    const events: Array<[TrackerEvent, number]> = [
      [{ type: 'tick' }, T0 + 5 * MIN],
      [{ type: 'activity', state: 'idle' }, T0 + 7 * MIN],
      [{ type: 'activity', state: 'active' }, T0 + 13 * MIN],
      [{ type: 'tick' }, T0 + 18 * MIN],
      [{ type: 'tick' }, T0 + 23 * MIN],
      [{ type: 'tick' }, T0 + 28 * MIN],
    ];
    for (const [e, at] of events) {
      a.send(e, at);
      b.state = JSON.parse(JSON.stringify(b.state));
      b.send(e, at);
    }
    expect(b.state).toEqual(a.state);
    expect(b.effects).toEqual(a.effects);
  });
});
