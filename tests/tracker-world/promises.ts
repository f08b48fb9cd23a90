/**
 * The promises the simulated world checks, and what it needs to name them: the engine's timing
 * restated (alarm floor, watchdog period, the slack of "on time"), the tracker functions it
 * drives (real or broken), the tracker bugs a test may accept, the `Violation` it throws, and
 * the figures a run reports.
 */
import { nextWake, transition, wantsWatchdog } from '../../lib/tracker/tracker';

const MIN = 60_000;

// ---------------------------------------------------------------------------------------------
// What the engine does, restated for the simulation (not imported: lib/engine.ts needs a browser).

/** lib/platform/alarms.ts MIN_ALARM_MS: no alarm is set sooner than this ahead (packed Chrome's floor). */
export const ALARM_FLOOR_MS = 30_000;
/** lib/platform/alarms.ts TOLERANCE_MS: an existing alarm this close to the wanted time is kept. */
export const ALARM_KEEP_MS = 1_000;
/** The watchdog's period (lib/tracker WATCHDOG_MS, restated: a mutant must not move it). */
export const WATCHDOG_PERIOD_MS = 5 * MIN;
/** Chrome stops an idle service worker after about this long. */
export const WORKER_IDLE_STOP_MS = 30_000;
/** While a due prompt is held, the tracker looks again this often (README). */
export const FULLSCREEN_RECHECK_MS = 60_000;
/** After a hold ends, the prompt comes this much later (README: "within a minute or two"). */
export const HOLD_SETTLE_MS = 60_000;

/**
 * The slack of "prompted on time", derived:
 * - the alarm floor: the alarm for a due time D is set at max(D, t + 30 s), t the last event the
 *   worker handled before D (an event, or a restart's wake, less than 30 s before D): <= D + 30 s;
 * - the alarm tolerance: an existing alarm within 1 s of the wanted time is kept: + 1 s;
 * - a sleep or a closed browser delivers nothing: obligations falling due in one are due on
 *   waking (missed alarms fire once then), again plus the floor;
 * - fullscreen (when deferral is on): the prompt (and an unanswered prompt's reminder, from its
 *   moment) waits while the focused window is fullscreen,
 *   at most the setting's `maxMin` from when the tracker first saw it due (<= D + 30 s), and it is
 *   checked again every 60 s and then settles 60 s, so it comes at most 120 s after fullscreen ends.
 * Nothing else may delay a prompt: restarts re-run wake() (a tick at once) and lost alarms are
 * put back by its reconcile, both within the floor.
 */
export const SLACK_MS = ALARM_FLOOR_MS + ALARM_KEEP_MS;

// ---------------------------------------------------------------------------------------------

/** The tracker functions the world drives; the mutant tests pass broken ones. */
export interface TrackerImpl {
  transition: typeof transition;
  nextWake: typeof nextWake;
  wantsWatchdog: typeof wantsWatchdog;
}

export const REAL_TRACKER: TrackerImpl = { transition, nextWake, wantsWatchdog };

/** Engine behaviours a mutant test may switch off. */
export interface EngineOptions {
  /** wake() puts back a prompt the browser lost (lib/engine.ts). */
  reshowOnWake?: boolean;
  /** Tracker bugs to accept (so that the other promises can be checked): see KNOWN_BUGS. */
  accept?: readonly KnownBug[];
}

/**
 * Tracker bugs these properties found (issue #13), all fixed since. The names stay so that a test
 * can accept one while studying a regression (`accept`); the suite accepts none, and
 * lib/tracker/tracker.property.test.ts keeps each one's minimal world as a regression test.
 */
export const KNOWN_BUGS = {
  /**
   * After an open prompt's one reminder (or at once, with reminders off) `nextWake` is null, so
   * `wantsWatchdog` is false although desk time is still counting: nothing wakes the worker, and
   * the next event more than 6.5 min later is taken for a sleep (the prompt is closed as a natural
   * break, both counts reset, the person's answer is refused). Accepted: no "checks in every five
   * minutes" promise.
   */
  silentWhilePromptOpen: 'silentWhilePromptOpen',
  /**
   * A sleep (or a clock set forward) that begins while the tracker is not counting (paused, on a
   * break, outside working hours) is not noticed: once counting resumes (the pause runs out, the
   * working range it slept through) the rest of the sleep is counted as desk time.
   */
  sleepUnseenWhenNotCounting: 'sleepUnseenWhenNotCounting',
  /**
   * The first event after a sleep across midnight (the return from away sets `asOf` to now, and
   * `accrue` then returns early with nothing to add) does not start the new day: yesterday's
   * desk time counts for the daily limit, whose notice can then come on waking and again when
   * today's own desk time reaches it.
   */
  todayNotRolledAtMidnight: 'todayNotRolledAtMidnight',
  /**
   * The engine's side (lib/platform/alarms.ts reconcileWatchdog): alarms keep wall-clock times,
   * and a watchdog that exists is kept, so after the clock is set back by hours the watchdog
   * stays hours away; the tracker then hears nothing for longer than the sleep gap and takes
   * desk time for a sleep (a natural break, the counts reset).
   */
  watchdogAfterClockBack: 'watchdogAfterClockBack',
  /** Issue #13 defect 3: today's end stays in the zone it began in, so a day can have two daily-limit notices after travel. */
  dayEndKeptAcrossZones: 'dayEndKeptAcrossZones',
  /** Ids are `kind-dueAt`: after the clock is set back past a due time anchored by working hours, a new break reuses an old break's id (one history row for two breaks). */
  idRepeatsAfterClockBack: 'idRepeatsAfterClockBack',
} as const;
export type KnownBug = keyof typeof KNOWN_BUGS;
export const ALL_KNOWN_BUGS = Object.keys(KNOWN_BUGS) as KnownBug[];

export class Violation extends Error {
  constructor(
    readonly promise: string,
    detail: string,
  ) {
    super(`${promise}: ${detail}`);
  }
}

export interface WorldStats {
  prompts: number;
  onTime: number;
  /** How late prompts came after the model's due time (ms), for each obligation met. */
  lateness: number[];
  restarts: number;
  reshows: number;
  crashes: number;
  zoneChanges: number;
  /** Events reached with desk time counting since the previous one across a change of UTC offset (DST). */
  countedAcrossDst: number;
}

export interface Obligation {
  what: string;
  dueAt: number;
  deadline: number;
  /** Slack added on the way (a killed worker). */
  extra: number;
}

export const fmt = (t: number) => new Date(t).toISOString();
