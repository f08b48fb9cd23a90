/**
 * The desk-time tracker: a pure state machine. `transition(state, event, now, settings, env)`
 * returns the next state and the effects to carry out; it never reads the clock and has no side
 * effects. The background stores the state after every transition, so a stopped worker loses
 * nothing, and a restart (state reloaded from storage) never changes what happens next.
 *
 *                     idle / locked / asleep for >= a break's length: counted as that break
 *                     taken naturally (recorded `natural`), its desk-time counter reset
 *           +-----------------------------------------------------------+
 *           v                                                           |
 *     +-----------+   desk time reaches an interval    +-------+  snooze   +---------+
 *     |  working  | ---------------------------------> |  due  | --------> | snoozed |
 *     +-----------+   (prompt; held: see hold.ts)      +-------+ <-------- +---------+
 *        ^     ^                                         |   |   time is up      |
 *        |     |  skip / pause / hours end (`skipped`)   |   | start             | start
 *        |     +-----------------------------------------+   v                   |
 *        |  finish: completed / partial / skipped      +---------+ <-------------+
 *        +-------------------------------------------- | onBreak |  <- "take a break now"
 *                                                       +---------+     (from working)
 *
 *   Orthogonal to the phase: `activity` (active / idle / locked), `paused` (until a time or
 *   until resumed) and working hours (from the schedule). Desk time is counted only while
 *   active, inside working hours, not paused and not on a break. Everything is derived from
 *   stored timestamps; nothing counts ticks. In strict mode a pause skips nothing: a due prompt is
 *   withdrawn into `snoozed` with its time already up, so the pause's end brings it back.
 *
 * This file is the tracker's one public entry point; the code lives beside it, by what it is:
 *   state.ts       the state, events, effects and timing constants; the initial state
 *   migrate.ts     stored states of earlier versions brought up to the current one (TRACKER_VERSION)
 *   day.ts         today's local calendar day (daily limit) across midnight, DST and travel
 *   desk-time.ts   counting desk time, and natural breaks credited on returning from away
 *   hold.ts        a due break held (fullscreen, sound, a call): the bound and the settle
 *   moment.ts      sitting still (idle while watching is not away), the wait for a pause in input
 *   heads-up.ts    the quiet notice before a stretch break, and a postpone from it
 *   due.ts         due times, the next break, nextWake and the watchdog rule
 *   advance.ts     catching the state up to now before any event (sleep, clock, pause, hours)
 *   transition.ts  the transition function and its per-event handlers
 *   view.ts        what the pages show, derived from the state
 */
export {
  ABANDON_AFTER_MS,
  ALARM_GRACE_MS,
  DEFAULT_ENV,
  HOLD_RECHECK_MS,
  HOLD_SETTLE_MS,
  initialState,
  LOW_IDLE_SEC,
  MERGE_WINDOW_MS,
  POSTPONE_MINUTES,
  SLEEP_GAP_MS,
  TRACKER_VERSION,
  WATCHDOG_MS,
  type Activity,
  type BreakRecord,
  type DueBreak,
  type Effect,
  type Env,
  type HeadsUp,
  type HoldReason,
  type Notice,
  type Outcome,
  type Phase,
  type PostponeMinutes,
  type Refusal,
  type Result,
  type Today,
  type TrackerEvent,
  type TrackerState,
  type WaitReason,
} from './state';
export { migrateV1, migrateV2, migrateV3, migrateV4, migrateV5, migrateV6, readableState } from './migrate';
export { HEADS_UP_MIN_SHARE } from './heads-up';
export { holdReason, holdUntil } from './hold';
export { idleDetectionSec, pauseUntil, pauseWaitOn, tabSwitched, watching } from './moment';
export { countingDeskTime } from './desk-time';
export { dueTimes, effectiveSnoozeLimit, headsUpAt, nextBreak, nextWake, reminderDue, wantsWatchdog, watchdogAt } from './due';
export { transition } from './transition';
export { view, type TrackerView } from './view';
