/**
 * The driver for lib/tracker's rules tests (rules.test.ts, rules-days.test.ts): a tracker fed every
 * wake it asks for and the watchdog while counting, as the background does, through stored
 * (JSON) state, in an explicit time zone; and the settings and instants those tests share.
 */
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { initialState, nextWake, transition, wantsWatchdog, watchdogAt, WATCHDOG_MS, type Effect, type Env, type TrackerEvent, type TrackerState } from '../lib/tracker/tracker';

export const MIN = 60_000;
export const H = 60 * MIN;
export const NINE_TO_FIVE30 = [{ from: 9 * 60, to: 17 * 60 + 30 }];

export const BASE: Settings = {
  ...DEFAULT_SETTINGS,
  pauseWaitMin: 0,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  remindAfterSec: 0,
};
export const WEEKDAYS: Settings = {
  ...BASE,
  schedule: { enabled: true, days: [NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []] },
};

/** Drives the tracker like the background: every wake it asks for, the watchdog while counting. */
export class Sim {
  state: TrackerState;
  effects: Array<Effect & { at: number }> = [];
  env: Env;
  constructor(public settings: Settings, public now: number, tz = 'Europe/Berlin') {
    this.env = { timeZone: tz, fullscreen: false, sound: false, call: false };
    this.state = initialState(now, tz);
  }
  send(e: TrackerEvent, at = this.now) {
    this.now = at;
    const r = transition(JSON.parse(JSON.stringify(this.state)), e, at, this.settings, this.env);
    this.state = r.state;
    this.effects.push(...r.effects.map((x) => ({ ...x, at })));
    return r;
  }
  runUntil(until: number) {
    for (let guard = 0; guard < 100_000; guard++) {
      const wake = nextWake(this.state, this.settings, this.env) ?? Infinity;
      const at = Math.min(wake, wantsWatchdog(this.state, this.settings, this.env) ? this.now + WATCHDOG_MS : Infinity);
      if (at > until) break;
      this.send({ type: 'tick' }, Math.max(at, this.now));
    }
    this.now = until;
  }
  prompts() {
    return this.effects.filter((e) => e.type === 'prompt');
  }
  records() {
    return this.effects.flatMap((e) => (e.type === 'record' ? [e.entry] : []));
  }
  /** Answers every prompt by completing the break at once. */
  complete() {
    const p = this.state.phase;
    if (p.name !== 'due') throw new Error(`not due: ${p.name}`);
    this.send({ type: 'start', breakId: p.brk.id });
    this.send({ type: 'finish', breakId: p.brk.id, outcome: 'completed' });
  }
}

// Monday 2026-03-02, Europe/Berlin (UTC+1): 08:00 local = 07:00 UTC.
export const MON_0800 = Date.UTC(2026, 2, 2, 7);

/** Berlin, March 2026 (UTC+1): a local clock time on day `day` (2 = Monday). */
export const berlin = (h: number, m = 0, day = 2) => Date.UTC(2026, 2, day, h - 1, m);

/**
 * A Sim woken exactly as the background wakes it: the tracker's own next wake, and the watchdog
 * one period after the machine was last heard from (due.ts watchdogAt), so a gap of more than
 * ~6.5 min is a sleep only where a test means one (Sim's runUntil puts the watchdog a period
 * after its own last call).
 */
export class WokenSim extends Sim {
  override runUntil(until: number) {
    for (let guard = 0; guard < 100_000; guard++) {
      const at = Math.min(nextWake(this.state, this.settings, this.env) ?? Infinity, watchdogAt(this.state, this.settings, this.env) ?? Infinity);
      if (at > until) break;
      this.send({ type: 'tick' }, Math.max(at, this.now));
    }
    this.now = until;
  }
  promptTimes(): number[] {
    return this.prompts().map((p) => p.at);
  }
  /** The id of the break due now. */
  dueId(): string {
    const p = this.state.phase;
    if (p.name !== 'due') throw new Error(`not due: ${p.name}`);
    return p.brk.id;
  }
}
