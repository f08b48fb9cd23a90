/**
 * The tracker's vocabulary: its state (a phase plus what is orthogonal to it), the events it
 * takes, the effects it returns as plain data, and the timing constants its rules use. The
 * initial state is here too; lib/tracker/tracker.ts is the public entry point.
 */
import type { BreakKind, Settings } from '../settings';
import { newDay } from './day';

export const TRACKER_VERSION = 7;

/** A watchdog alarm wakes the worker this often while desk time is counting. */
export const WATCHDOG_MS = 5 * 60_000;
/** How late an alarm may fire on a machine that is awake. */
export const ALARM_GRACE_MS = 90_000;
/** More than this without hearing from the machine while counting means it slept (or the browser was closed). */
export const SLEEP_GAP_MS = WATCHDOG_MS + ALARM_GRACE_MS;
/** A micro break falling due this close before a stretch break is folded into it. */
export const MERGE_WINDOW_MS = 2 * 60_000;
/** A break left open this long past its length is closed as `partial`. */
export const ABANDON_AFTER_MS = 15 * 60_000;
/**
 * While a due break waits for a pause in input with a tab noted, look again this often (a tab
 * switch ends the wait: moment.ts). While a due prompt is held (fullscreen, sound, a call), likewise, unless the
 * person sits still in it (the browser reported idle): then the watchdog's tick every
 * WATCHDOG_MS (desk time counts, so it runs) looks, and so does their next input, an idle ->
 * active event; a look every minute would only find out sooner that a video ended with nobody
 * touching anything, at a worker start a minute.
 */
export const HOLD_RECHECK_MS = 60_000;
/**
 * A hold's bound this close after the next look is looked at at the bound itself: an alarm set
 * at that look could not fire sooner than Chrome's 30 s floor (lib/platform/alarms.ts), and the
 * break would come up to that much past its bound.
 */
export const HOLD_BOUND_MERGE_MS = 30_000;
/** After a hold ends, the prompt comes this much later (not in the first second after a call). */
export const HOLD_SETTLE_MS = 60_000;

/** Only the developer switch (lib/dev-timing.ts) sets these, for the browser tests: stored settings never do. */
type HoldPace = { holdSettleSec?: number; holdRecheckSec?: number };
/** The settle in force: HOLD_SETTLE_MS, or the developer switch's. */
export const holdSettleMs = (settings: Settings): number => ((settings as Settings & HoldPace).holdSettleSec ?? HOLD_SETTLE_MS / 1000) * 1000;
/** The look while a hold lasts: HOLD_RECHECK_MS, or the developer switch's. */
export const holdRecheckMs = (settings: Settings): number => ((settings as Settings & HoldPace).holdRecheckSec ?? HOLD_RECHECK_MS / 1000) * 1000;

/** The postpone choices offered where the prompt is (notification, break window), in minutes. */
export const POSTPONE_MINUTES = [5, 15] as const;
export type PostponeMinutes = (typeof POSTPONE_MINUTES)[number];

/**
 * While a break waits for a pause in input, the idle detection interval is lowered to this (the
 * browser's minimum), so that the browser's own idle event marks the pause (moment.ts).
 */
export const LOW_IDLE_SEC = 15;

/** What a due break waits for: a fullscreen window, sound in the tab in view, a call (opt-in sites). */
export type HoldReason = 'fullscreen' | 'sound' | 'call';
/** Why a due break waits, as the popup says it: a hold, its settle, or a pause in input (moment.ts). */
/** 'pause': a pause in input or a tab switch; 'typing': a pause in input only (no tab was in view to switch from). */
export type WaitReason = HoldReason | 'settle' | 'pause' | 'typing';

export type Activity = 'active' | 'idle' | 'locked';
export type Outcome = 'completed' | 'partial' | 'skipped' | 'natural';

/** What the tracker needs to know about the world besides time and settings. */
export interface Env {
  timeZone: string;
  /** The focused browser window is fullscreen (video, slides). */
  fullscreen: boolean;
  /** The active tab of the focused window plays sound (music in a background tab does not count). */
  sound: boolean;
  /** A tab on a call site the user allowed (opt-in) plays sound. */
  call: boolean;
  /**
   * The id of the active tab in the focused browser window (a change of it is a tab switch), or
   * null when no browser window has the focus; absent when the browser was not asked.
   */
  tab?: number | null;
}

export const DEFAULT_ENV: Env = { timeZone: 'UTC', fullscreen: false, sound: false, call: false };

/**
 * A heads-up shown: the id its break will have if postponed from it, when it came, when the break
 * was then due, and whether it offered Postpone (absent in a state stored before: taken as offered).
 */
export interface HeadsUp {
  id: string;
  at: number;
  dueAt: number;
  postpone?: boolean;
}

export interface DueBreak {
  /** Stable id: the same due break always has the same id, so recording it twice is one row. */
  id: string;
  kind: BreakKind;
  dueAt: number;
  /** Desk time (ms) before this break. */
  deskMs: number;
  snoozes: number;
  /** Started by the user ("take a break now"), not prompted. */
  manual: boolean;
  promptedAt: number | null;
}

export type Phase =
  | { name: 'working' }
  | { name: 'due'; brk: DueBreak; remindAt: number | null }
  /** `chosenMs`: a postpone length the person chose (else the snooze setting's, which then bounds it). */
  | { name: 'snoozed'; brk: DueBreak; until: number; chosenMs?: number }
  | { name: 'onBreak'; brk: DueBreak; startedAt: number; routineId: string | null };

export interface TrackerState {
  v: typeof TRACKER_VERSION;
  activity: Activity;
  /** When the current away period began (estimated), while not active. */
  awaySince: number | null;
  /** When the machine last became active (bounds how far an idle report is back-dated). */
  activeSince: number;
  /** Counters are exact as of this instant. */
  asOf: number;
  /** Desk time (ms) since the last break of each kind. */
  desk: Record<BreakKind, number>;
  /** The last instant the tracker heard from the machine (any event). */
  lastSeen: number;
  /** When a natural break was last credited (for the popup's "why"). */
  lastNaturalAt: number | null;
  /**
   * Reminders paused: until an instant, or until resumed (`until: null`). `timed`: a pause of so
   * many minutes, which lasts them by the person's watch (a clock set back moves its end back too);
   * a pause until tomorrow's working hours keeps its instant.
   */
  paused: { since: number; until: number | null; timed?: true } | null;
  /** Outside working hours as of `asOf`. */
  offHours: boolean;
  /**
   * Today's desk time, for the daily sitting limit: the local day [start, end) in zone `tz`.
   * Days are 23, 24 or 25 hours long (daylight saving): both ends are stored, never derived.
   */
  today: Today;
  /** A due break (or an open prompt's reminder) has been held (fullscreen, sound, a call) since then; the bound counts from here. */
  deferredSince: number | null;
  /** What held it at the last look; null once the hold ended (then `settleAt` is set). */
  heldBy: HoldReason | null;
  /** The hold ended: the prompt comes at this instant (HOLD_SETTLE_MS after the end was seen). */
  settleAt: number | null;
  /**
   * Sitting still (v5): the browser reported idle while the person watched or listened (sound in
   * the tab in view, a fullscreen window, a call): still at the desk, so desk time goes on. Looked
   * at again at every event; once nothing plays, away starts then (not retroactively).
   */
  still: boolean;
  /** A due break waits for a pause in input (v5) since then (the idle detection interval is lowered). */
  pauseFrom: number | null;
  /**
   * The tab in view when the break fell due and began to wait for a pause (v7): another tab in
   * view later is a tab switch, a stopping point too. Null when none was (another app in focus).
   */
  pauseTab: number | null;
  /**
   * The idle event at this instant came at the lowered interval (v5): a pause, not yet away. It
   * becomes away (from `awaySince`) only once it outlasts the real "away after" threshold.
   */
  lowIdleAt: number | null;
  /**
   * The heads-up (v6) shown for the coming stretch break, if one was: it comes at most once per
   * break, and this is cleared when that break is prompted, postponed, started or credited, or
   * falls due and waits (held, or for a pause in typing) (heads-up.ts).
   */
  headsUp: HeadsUp | null;
  /** The time in the last manual break's id (ids stay unique even within one millisecond). */
  lastManualAt: number | null;
  /** The time in the last prompted break's id (ids stay unique after the clock is set back). */
  lastDueAt: number | null;
  phase: Phase;
}

export type TrackerEvent =
  | { type: 'activity'; state: Activity }
  | { type: 'tick' }
  | { type: 'start'; breakId?: string; kind?: BreakKind }
  /** Postpone: by `minutes` (one of POSTPONE_MINUTES), else by the snooze setting. Also from a prompted break just opened. */
  | { type: 'snooze'; breakId: string; minutes?: PostponeMinutes }
  | { type: 'skip'; breakId: string }
  /**
   * `underWay`: said by a page (the break window's Done, its early end), which can only say it of a
   * break under way: a prompt never started is answered by Start, Postpone or Skip, never recorded
   * as taken. (The background's own early end, a prompted window closed, has no such bound.)
   */
  | { type: 'finish'; breakId: string; outcome: 'completed' | 'partial' | 'skipped'; routineId?: string | null; underWay?: boolean }
  | { type: 'setRoutine'; breakId: string; routineId: string }
  | { type: 'pause'; until: number | null; timed?: boolean }
  | { type: 'resume' }
  | { type: 'settingsChanged' };

export interface BreakRecord {
  id: string;
  kind: BreakKind;
  outcome: Outcome;
  dueAt: number;
  promptedAt: number | null;
  startedAt: number | null;
  endedAt: number;
  routineId: string | null;
  deskMs: number;
  snoozes: number;
  manual: boolean;
}

/**
 * `paused`, and `whyOffHoursNoEnd` (resumed outside working hours, named by its text's key): the
 * pause shortcut's answers (lib/engine/lifecycle.ts); never effects of the tracker's.
 */
export type Notice = 'pauseEnded' | 'dailyLimit' | 'paused' | 'whyOffHoursNoEnd';

export type Effect =
  | { type: 'prompt'; brk: DueBreak; reminder: boolean }
  | { type: 'clearPrompt'; breakId: string }
  | { type: 'openBreak'; brk: DueBreak }
  | { type: 'record'; entry: BreakRecord }
  | { type: 'notice'; notice: Notice }
  /** A quiet notice before a stretch break; `postpone`: it may offer "Postpone" (a snooze is left under the limit). */
  | { type: 'headsUp'; headsUp: HeadsUp; postpone: boolean }
  /** The heads-up's break was prompted, postponed, started or credited, or fell due and waits: its notice goes. */
  | { type: 'clearHeadsUp'; id: string }
  /** Reminders paused or resumed (from the popup, the shortcut): a pause notice on screen ("Reminders paused", "back on") goes. */
  | { type: 'clearNotice' }
  /** The person's finish or skip of this break was accepted: the break window's bookkeeping closes. */
  | { type: 'breakEnded'; breakId: string };

export type Refusal = 'noSuchBreak' | 'snoozeLimit' | 'strict' | 'paused';

export interface Result {
  state: TrackerState;
  effects: Effect[];
  /** Why an intent was refused (the state is then unchanged but for the clock catching up). */
  refused?: Refusal;
}

export interface Today {
  start: number;
  end: number;
  tz: string;
  deskMs: number;
  /** When the daily-limit notice last came (it comes at most once per local day, see `notifiedToday`). */
  notifiedAt: number | null;
}

export function initialState(now: number, tz = 'UTC'): TrackerState {
  return {
    v: TRACKER_VERSION,
    activity: 'active',
    awaySince: null,
    activeSince: now,
    asOf: now,
    desk: { micro: 0, stretch: 0 },
    lastSeen: now,
    lastNaturalAt: null,
    paused: null,
    offHours: false,
    today: newDay(now, tz),
    ...NO_HOLD,
    still: false,
    lowIdleAt: null,
    headsUp: null,
    lastManualAt: null,
    lastDueAt: null,
    phase: { name: 'working' },
  };
}

/**
 * What ends of a due break's wait when the person leaves (away, locked, paused): a wait for a
 * pause in input, and a settle. A hold itself goes on, so that its bound still counts from when
 * it began (transition.ts, desk-time.ts returnFromAway).
 */
export const LEFT_WAIT = { settleAt: null, pauseFrom: null, pauseTab: null } as const;
/** The state's hold fields when nothing holds. */
export const NO_HOLD = { deferredSince: null, heldBy: null, ...LEFT_WAIT } as const;
