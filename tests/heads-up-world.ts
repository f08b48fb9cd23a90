/**
 * The heads-up tests' world (lib/tracker/heads-up.test.ts, heads-up.property.test.ts): the tracker driven by
 * its own wakes (the alarm at `nextWake`, the watchdog) and the events a test sends, with every
 * effect logged by the instant it came at. Stretch breaks every 50 min, heads-up 1 min before.
 */
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { initialState, nextWake, transition, wantsWatchdog, WATCHDOG_MS, type Effect, type Env, type TrackerEvent, type TrackerState } from '../lib/tracker/tracker';
import { DEFAULT_ENV } from '../lib/tracker/state';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const MIN = 60_000;
export const S: Settings = {
  ...DEFAULT_SETTINGS,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  snoozeSec: 300,
  snoozeLimit: 2,
  remindAfterSec: 0,
  pauseWaitMin: 0,
  headsUpSec: 60,
};

export function world(settings: Settings = S) {
  let state: TrackerState = initialState(T0);
  let now = T0;
  let env: Env = DEFAULT_ENV;
  const log: Array<{ at: number; e: Effect }> = [];
  const send = (e: TrackerEvent, at = now) => {
    now = at;
    const r = transition(JSON.parse(JSON.stringify(state)) as TrackerState, e, at, settings, env);
    state = r.state;
    log.push(...r.effects.map((x) => ({ at, e: x })));
    return r;
  };
  /** The worker woken only by its alarm and the watchdog, as the runtime would. */
  const runUntil = (until: number) => {
    for (let i = 0; i < 10_000; i++) {
      const at = Math.min(nextWake(state, settings) ?? Infinity, wantsWatchdog(state, settings) ? now + WATCHDOG_MS : Infinity);
      if (at > until) break;
      send({ type: 'tick' }, Math.max(at, now));
    }
    now = until;
  };
  const of = <T extends Effect['type']>(type: T) => log.filter((x) => x.e.type === type) as Array<{ at: number; e: Extract<Effect, { type: T }> }>;
  return {
    send,
    runUntil,
    of,
    setEnv: (e: Partial<Env>) => void (env = { ...env, ...e }),
    get state() {
      return state;
    },
  };
}
