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
 *     +-----------+   (prompt; waits while fullscreen) +-------+ <-------- +---------+
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
 *   stored timestamps; nothing counts ticks.
 */
import { BREAK_KINDS, type BreakKind, type Settings } from '../settings';
import { currentInterval, localParts, localToInstant, nextWorkStart, workingIntervals } from '../schedule';
import { dayKey } from '../days';

export const TRACKER_VERSION = 3;

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
/** While a due prompt waits for fullscreen to end, look again this often. */
export const FULLSCREEN_RECHECK_MS = 60_000;

export type Activity = 'active' | 'idle' | 'locked';
export type Outcome = 'completed' | 'partial' | 'skipped' | 'natural';

/** What the tracker needs to know about the world besides time and settings. */
export interface Env {
  timeZone: string;
  /** The focused browser window is fullscreen (video, slides). */
  fullscreen: boolean;
}

export const DEFAULT_ENV: Env = { timeZone: 'UTC', fullscreen: false };

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
  | { name: 'snoozed'; brk: DueBreak; until: number }
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
  /** Reminders paused: until an instant, or until resumed (`until: null`). */
  paused: { since: number; until: number | null } | null;
  /** Outside working hours as of `asOf`. */
  offHours: boolean;
  /**
   * Today's desk time, for the daily sitting limit: the local day [start, end) in zone `tz`.
   * Days are 23, 24 or 25 hours long (daylight saving): both ends are stored, never derived.
   */
  today: Today;
  /** A due break has been waiting for fullscreen to end since then. */
  deferredSince: number | null;
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
  | { type: 'snooze'; breakId: string }
  | { type: 'skip'; breakId: string }
  | { type: 'finish'; breakId: string; outcome: 'completed' | 'partial' | 'skipped'; routineId?: string | null }
  | { type: 'setRoutine'; breakId: string; routineId: string }
  | { type: 'pause'; until: number | null }
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

export type Notice = 'pauseEnded' | 'dailyLimit';

export type Effect =
  | { type: 'prompt'; brk: DueBreak; reminder: boolean }
  | { type: 'clearPrompt'; breakId: string }
  | { type: 'openBreak'; brk: DueBreak }
  | { type: 'record'; entry: BreakRecord }
  | { type: 'notice'; notice: Notice };

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

/** Whether today's daily-limit notice is out: one came since today began (in the zone now in force). */
function notifiedToday(t: Today): boolean {
  return t.notifiedAt !== null && t.notifiedAt >= t.start && t.notifiedAt < t.end;
}

/** The local calendar day around `now` in `tz`, as instants: [start, end). */
function localDay(now: number, tz: string): { start: number; end: number } {
  const p = localParts(now, tz);
  const t = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return { start: localToInstant(p.year, p.month, p.day, 0, tz), end: localToInstant(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), 0, tz) };
}

function newDay(now: number, tz: string, notifiedAt: number | null = null): Today {
  return { ...localDay(now, tz), tz, deskMs: 0, notifiedAt };
}

/**
 * Today as of `at`: the same day until its end; a new one after it. A change of time zone
 * (travel) keeps today's count until the new zone's midnight (the person's day goes on), unless
 * the day the state knew has ended; the notice stays once per local day of the zone now in force
 * (`notifiedToday` compares its time with the day's bounds).
 */
function dayAt(today: Today, at: number, tz: string): Today {
  if (today.tz === tz && at < today.end) return today;
  if (at >= today.end) return newDay(at, tz, today.notifiedAt);
  // A new zone: the same day goes on if the date there is the day's own date (a state migrated
  // from v2 has no zone: its day goes on); a later date is a new day.
  if (today.tz !== '' && dayKey(at, tz) !== dayKey(today.start, today.tz)) return newDay(at, tz, today.notifiedAt);
  return { ...today, ...localDay(at, tz), tz };
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
    deferredSince: null,
    lastManualAt: null,
    lastDueAt: null,
    phase: { name: 'working' },
  };
}

type V2 = Omit<TrackerState, 'v' | 'today' | 'lastDueAt'> & { v: 2; today: { end: number; deskMs: number; limitNotified: boolean } };
/** Version 1's state (before pauses, working hours, today's count, deferral and manual ids). */
type V1 = Omit<V2, 'v' | 'paused' | 'offHours' | 'today' | 'deferredSince' | 'lastManualAt'> & { v: 1 };

/** Brings a stored state of an older version up to date (storage migrations call these). */
export function migrateV1(old: V1): V2 {
  return { ...old, v: 2, paused: null, offHours: false, today: { end: old.asOf, deskMs: 0, limitNotified: false }, deferredSince: null, lastManualAt: null };
}

/**
 * v3 stores the start of today and its zone (v2 assumed 24-hour days). The start is an estimate
 * and the zone unknown (''), so the next event sets both for the zone then in force, keeping
 * today's count (see dayAt).
 */
export function migrateV2(old: V2): TrackerState {
  const start = Math.min(old.asOf, old.today.end - 86_400_000);
  const { limitNotified, ...rest } = old.today;
  return { ...old, v: TRACKER_VERSION, lastDueAt: null, today: { ...rest, start, tz: '', notifiedAt: limitNotified ? Math.min(old.asOf, old.today.end - 1) : null } };
}

// ---------------------------------------------------------------------------------------------

function currentBreak(p: Phase): DueBreak | null {
  return p.name === 'working' ? null : p.brk;
}

function resetCounters(desk: Record<BreakKind, number>, kind: BreakKind): Record<BreakKind, number> {
  // A stretch break is also a micro break; a micro break only resets its own counter.
  return kind === 'stretch' ? { micro: 0, stretch: 0 } : { ...desk, micro: 0 };
}

function record(brk: DueBreak, outcome: Outcome, endedAt: number, startedAt: number | null, routineId: string | null): Effect {
  return {
    type: 'record',
    entry: {
      id: brk.id,
      kind: brk.kind,
      outcome,
      dueAt: brk.dueAt,
      promptedAt: brk.promptedAt,
      startedAt,
      endedAt,
      routineId,
      deskMs: brk.deskMs,
      snoozes: brk.snoozes,
      manual: brk.manual,
    },
  };
}

/** Closes an open (due or snoozed) prompt as skipped; a break under way is left alone. */
function closeOpenPrompt(s: TrackerState, now: number): { s: TrackerState; effects: Effect[] } {
  const p = s.phase;
  if (p.name !== 'due' && p.name !== 'snoozed') return { s, effects: [] };
  return {
    s: { ...s, phase: { name: 'working' }, desk: resetCounters(s.desk, p.brk.kind), deferredSince: null },
    effects: [{ type: 'clearPrompt', breakId: p.brk.id }, record(p.brk, 'skipped', now, null, null)],
  };
}

/** Desk time is counted now: active, not paused, inside working hours, not on a break. */
export function countingDeskTime(s: TrackerState): boolean {
  return s.activity === 'active' && !s.paused && !s.offHours && s.phase.name !== 'onBreak';
}

/** Active working time in [from, to] under the schedule. */
function workingOverlap(settings: Settings, from: number, to: number, tz: string): number {
  if (to <= from) return 0;
  if (!settings.schedule.enabled) return to - from;
  let sum = 0;
  for (const iv of workingIntervals(settings.schedule, from, to, tz)) sum += Math.max(0, Math.min(to, iv.end) - Math.max(from, iv.start));
  return sum;
}

function accrue(s: TrackerState, upTo: number, settings: Settings, tz: string): TrackerState {
  if (upTo <= s.asOf) return s;
  const countable = s.activity === 'active' && !s.paused && s.phase.name !== 'onBreak';
  const dt = countable ? workingOverlap(settings, s.asOf, upTo, tz) : 0;
  const today = dayAt(s.today, upTo, tz);
  return {
    ...s,
    asOf: upTo,
    desk: dt ? { micro: s.desk.micro + dt, stretch: s.desk.stretch + dt } : s.desk,
    // Only the part of dt inside today counts toward it (a stretch across midnight is split).
    today: dt ? { ...today, deskMs: today.deskMs + Math.min(dt, upTo - Math.max(s.asOf, today.start)) } : today,
  };
}

function clampPhaseTimes(p: Phase, now: number, settings: Settings): Phase {
  switch (p.name) {
    case 'snoozed':
      return { ...p, until: Math.min(p.until, now + settings.snoozeSec * 1000) };
    case 'due':
      return p.remindAt === null ? p : { ...p, remindAt: Math.min(p.remindAt, now + settings.remindAfterSec * 1000) };
    case 'onBreak':
      return { ...p, startedAt: Math.min(p.startedAt, now) };
    default:
      return p;
  }
}

/**
 * Brings the state up to `now`: adds desk time, notices sleep and clock jumps, the end of a
 * pause, and working hours starting or ending.
 */
function advance(s0: TrackerState, now: number, settings: Settings, env: Env): { s: TrackerState; effects: Effect[] } {
  const tz = env.timeZone;
  let s = s0;
  const effects: Effect[] = [];
  if (now < s.asOf || now < s.lastSeen) {
    // Clock set back: keep what was counted, count on from the new now.
    s = {
      ...s,
      asOf: now,
      lastSeen: now,
      awaySince: s.awaySince === null ? null : Math.min(s.awaySince, now),
      activeSince: Math.min(s.activeSince, now),
      paused: s.paused ? { ...s.paused, since: Math.min(s.paused.since, now) } : null,
      deferredSince: s.deferredSince === null ? null : Math.min(s.deferredSince, now),
      // Today's count is kept; its bounds are those of the day the clock now shows.
      today: { ...s.today, ...localDay(now, tz), tz },
      phase: clampPhaseTimes(s.phase, now, settings),
    };
  } else if (s.activity === 'active') {
    // When the machine should last have been heard from: while desk time counts, the watchdog
    // checks in every WATCHDOG_MS; otherwise the tracker asked to be woken at its next moment (a
    // pause's end, working hours starting). Not heard by then (and the alarm's grace), the machine
    // slept or the browser was closed: that time is time away, from when we last heard from it
    // (counting) or from the wake we missed (not counting, when nothing was being counted before).
    const counting = countingDeskTime(s);
    const heardBy = counting ? s.lastSeen + WATCHDOG_MS : (nextWake(s, settings, env) ?? Infinity);
    if (now > heardBy + ALARM_GRACE_MS) {
      const away = counting ? s.lastSeen : Math.max(s.lastSeen, heardBy);
      s = accrue(s, away, settings, tz);
      const back = returnFromAway({ ...s, activity: 'idle', awaySince: away }, now, settings, 'active');
      s = back.s;
      effects.push(...back.effects);
    }
  }

  // A pause that has run out ends by itself, and says so.
  const pause = s.paused;
  if (pause && pause.until !== null && now >= pause.until) {
    s = accrue(s, pause.until, settings, tz);
    const long = pause.until - pause.since >= settings.stretch.lengthSec * 1000;
    s = { ...s, paused: null, desk: long ? { micro: 0, stretch: 0 } : s.desk, asOf: Math.max(s.asOf, pause.until) };
    effects.push({ type: 'notice', notice: 'pauseEnded' });
  }

  // Working hours.
  if (settings.schedule.enabled) {
    const iv = currentInterval(settings.schedule, now, tz);
    if (!iv) {
      if (!s.offHours) {
        const closed = closeOpenPrompt(accrue(s, now, settings, tz), now);
        s = { ...closed.s, offHours: true };
        effects.push(...closed.effects);
      }
    } else if (s.offHours || s.asOf < iv.start) {
      // A new working range starts fresh (also after sleeping through the time off). An alarm
      // is set for its start: heard of only much later, the machine was asleep then, and desk
      // time starts now.
      const from = now - iv.start > ALARM_GRACE_MS ? now : iv.start;
      const closed = closeOpenPrompt(accrue(s, iv.start, settings, tz), iv.start);
      s = { ...closed.s, offHours: false, desk: { micro: 0, stretch: 0 }, asOf: Math.max(from, closed.s.asOf) };
      effects.push(...closed.effects);
    }
  } else if (s.offHours) {
    s = { ...s, offHours: false, asOf: now };
  }

  s = accrue(s, now, settings, tz);
  // A new day (or zone) starts even when there was nothing to add (after a sleep across midnight).
  s = { ...s, today: dayAt(s.today, now, tz), lastSeen: now };
  return { s, effects };
}

/** The machine is back (or the tracker noticed it was away): credit natural breaks. */
function returnFromAway(s: TrackerState, now: number, settings: Settings, activity: Activity): { s: TrackerState; effects: Effect[] } {
  const awaySince = s.awaySince ?? now;
  const awayMs = Math.max(0, now - awaySince);
  let desk = { ...s.desk };
  let phase = s.phase;
  const effects: Effect[] = [];
  let credited = false;
  const open = currentBreak(phase);
  for (const kind of BREAK_KINDS) {
    const rule = settings[kind];
    if (awayMs < rule.lengthSec * 1000) continue;
    const openHere = open && open.kind === kind && phase.name !== 'onBreak' ? open : null;
    const meaningful = desk[kind] >= (rule.everySec * 1000) / 2;
    if (openHere) {
      effects.push({ type: 'clearPrompt', breakId: openHere.id });
      effects.push(record(openHere, 'natural', awaySince + rule.lengthSec * 1000, null, null));
      phase = { name: 'working' };
      credited = true;
    } else if (rule.enabled && meaningful && !s.paused && !s.offHours && phase.name !== 'onBreak' && !(kind === 'micro' && credited)) {
      // (Away during a break under way is that break: it ends as itself, never also as a natural one.)
      const brk: DueBreak = { id: `${kind}-natural-${awaySince}`, kind, dueAt: awaySince, deskMs: desk[kind], snoozes: 0, manual: false, promptedAt: null };
      effects.push(record(brk, 'natural', awaySince + rule.lengthSec * 1000, null, null));
      credited = true;
    }
    desk[kind] = 0;
    if (kind === 'stretch') desk = { micro: 0, stretch: 0 };
  }
  return {
    s: {
      ...s,
      activity,
      awaySince: activity === 'active' ? null : s.awaySince,
      activeSince: activity === 'active' ? now : s.activeSince,
      asOf: now,
      lastSeen: now,
      desk,
      phase,
      deferredSince: phase.name === 'working' ? null : s.deferredSince,
      lastNaturalAt: credited ? awaySince : s.lastNaturalAt,
    },
    effects,
  };
}

/** When each enabled kind falls due, if desk time keeps counting from now. */
export function dueTimes(s: TrackerState, settings: Settings): Partial<Record<BreakKind, number>> {
  if (!countingDeskTime(s)) return {};
  const out: Partial<Record<BreakKind, number>> = {};
  for (const kind of BREAK_KINDS) {
    const rule = settings[kind];
    if (!rule.enabled) continue;
    out[kind] = s.asOf + Math.max(0, rule.everySec * 1000 - s.desk[kind]);
  }
  return out;
}

/** The next break the user will be asked to take, and when (null if none is scheduled). */
export function nextBreak(s: TrackerState, settings: Settings): { kind: BreakKind; at: number } | null {
  if (s.phase.name === 'snoozed') return { kind: s.phase.brk.kind, at: s.phase.until };
  if (s.phase.name !== 'working') return null;
  const { stretch, micro } = dueTimes(s, settings);
  if (stretch === undefined && micro === undefined) return null;
  if (micro === undefined) return { kind: 'stretch', at: stretch! };
  if (stretch === undefined) return { kind: 'micro', at: micro };
  // The stretch break wins when both fall due together.
  if (stretch <= micro + MERGE_WINDOW_MS) return { kind: 'stretch', at: Math.min(stretch, Math.max(micro, stretch - MERGE_WINDOW_MS)) };
  return { kind: 'micro', at: micro };
}

/** The snooze limit in force: strict mode allows one snooze at most. */
export function effectiveSnoozeLimit(settings: Settings): number {
  return settings.strict ? Math.min(1, settings.snoozeLimit) : settings.snoozeLimit;
}

/** The next instant the tracker must be woken (besides activity and user events), or null. */
export function nextWake(s: TrackerState, settings: Settings, env: Env = DEFAULT_ENV): number | null {
  const wakes: number[] = [];
  const add = (t: number | null | undefined) => {
    if (t !== null && t !== undefined && Number.isFinite(t)) wakes.push(t);
  };
  if (s.paused) add(s.paused.until);
  switch (s.phase.name) {
    case 'working':
      if (s.deferredSince !== null) add(Math.min(s.asOf + FULLSCREEN_RECHECK_MS, s.deferredSince + settings.fullscreen.maxMin * 60_000));
      else add(nextBreak(s, settings)?.at);
      break;
    case 'due':
      add(s.phase.remindAt);
      break;
    case 'snoozed':
      add(s.phase.until);
      break;
    case 'onBreak':
      add(s.phase.startedAt + settings[s.phase.brk.kind].lengthSec * 1000 + ABANDON_AFTER_MS);
      break;
  }
  if (countingDeskTime(s) && settings.dailyLimit.enabled) {
    // Today's limit, or, once today's notice is out, midnight, when tomorrow's count starts.
    add(notifiedToday(s.today) ? s.today.end : s.asOf + Math.max(0, settings.dailyLimit.minutes * 60_000 - s.today.deskMs));
  }
  if (settings.schedule.enabled && !s.paused) {
    // Working hours ending (to close an open prompt) or starting (to start fresh).
    if (s.offHours) add(nextWorkStart(settings.schedule, s.asOf, env.timeZone));
    else if (s.phase.name !== 'working' || countingDeskTime(s)) add(currentInterval(settings.schedule, s.asOf, env.timeZone)?.end);
  }
  return wakes.length ? Math.min(...wakes) : null;
}

/**
 * Whether the watchdog alarm should run: only while desk time is counting toward something (a
 * break, the daily limit, or an open prompt), so that a sleep (a gap with no events) is noticed.
 */
export function wantsWatchdog(s: TrackerState, settings: Settings, env: Env = DEFAULT_ENV): boolean {
  // An open prompt counts too: desk time goes on while it waits, and a sleep must be noticed.
  return countingDeskTime(s) && (s.phase.name !== 'working' || nextWake(s, settings, env) !== null);
}

function prompt(s: TrackerState, brk: DueBreak, now: number, settings: Settings, reminder = false): Result {
  const b = { ...brk, promptedAt: brk.promptedAt ?? now };
  const remindAt = settings.remindAfterSec > 0 && !reminder ? now + settings.remindAfterSec * 1000 : null;
  return { state: { ...s, deferredSince: null, phase: { name: 'due', brk: b, remindAt } }, effects: [{ type: 'prompt', brk: b, reminder }] };
}

function tick(s: TrackerState, now: number, settings: Settings, env: Env): Result {
  const effects: Effect[] = [];
  if (settings.dailyLimit.enabled && !notifiedToday(s.today) && s.today.deskMs >= settings.dailyLimit.minutes * 60_000 && !s.paused && !s.offHours) {
    s = { ...s, today: { ...s.today, notifiedAt: now } };
    effects.push({ type: 'notice', notice: 'dailyLimit' });
  }
  const withEffects = (r: Result): Result => ({ ...r, effects: [...effects, ...r.effects] });
  const p = s.phase;
  switch (p.name) {
    case 'working': {
      const next = nextBreak(s, settings);
      if (!next || next.at > now) return { state: s.deferredSince === null ? s : { ...s, deferredSince: null }, effects };
      // Fullscreen (a video, slides): wait, up to a bound.
      if (settings.fullscreen.defer && env.fullscreen) {
        const since = s.deferredSince ?? now;
        if (now < since + settings.fullscreen.maxMin * 60_000) return { state: { ...s, deferredSince: since }, effects };
      }
      // The instant the counter crossed the interval: the same whenever the tick runs.
      const over = s.desk[next.kind] - settings[next.kind].everySec * 1000;
      const dueAt = over >= 0 ? now - over : next.at;
      // The id's time never repeats, even after the clock was set back past an earlier one.
      const idAt = s.lastDueAt !== null && Math.round(dueAt) <= s.lastDueAt ? s.lastDueAt + 1 : Math.round(dueAt);
      const brk: DueBreak = { id: `${next.kind}-${idAt}`, kind: next.kind, dueAt, deskMs: s.desk[next.kind], snoozes: 0, manual: false, promptedAt: null };
      return withEffects(prompt({ ...s, lastDueAt: idAt }, brk, now, settings));
    }
    case 'due':
      if (p.remindAt !== null && now >= p.remindAt && !s.paused && !s.offHours) return withEffects(prompt(s, p.brk, now, settings, true));
      return { state: s, effects };
    case 'snoozed':
      if (now >= p.until && !s.paused && !s.offHours) return withEffects(prompt(s, p.brk, now, settings));
      return { state: s, effects };
    case 'onBreak': {
      const wake = p.startedAt + settings[p.brk.kind].lengthSec * 1000 + ABANDON_AFTER_MS;
      if (now < wake) return { state: s, effects };
      return withEffects(finish(s, p.brk.id, 'partial', p.routineId, now, settings));
    }
  }
}

function finish(s: TrackerState, breakId: string, outcome: 'completed' | 'partial' | 'skipped', routineId: string | null, now: number, settings: Settings): Result {
  const p = s.phase;
  const brk = currentBreak(p);
  if (!brk || brk.id !== breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
  // Strict mode: no skipping, from the prompt or from the break window (closing the window early
  // still ends the break, recorded as cut short: `partial`).
  if (outcome === 'skipped' && settings.strict) return { state: s, effects: [], refused: 'strict' };
  const startedAt = p.name === 'onBreak' ? p.startedAt : null;
  const effects: Effect[] = [];
  if (p.name !== 'onBreak') effects.push({ type: 'clearPrompt', breakId });
  effects.push(record(brk, outcome, now, startedAt, routineId ?? (p.name === 'onBreak' ? p.routineId : null)));
  return { state: { ...s, phase: { name: 'working' }, desk: resetCounters(s.desk, brk.kind), asOf: now, deferredSince: null }, effects };
}

/** The one entry point: state x event x now x settings x env -> state + effects. */
export function transition(state: TrackerState, event: TrackerEvent, now: number, settings: Settings, env: Env = DEFAULT_ENV): Result {
  const adv = advance(state, now, settings, env);
  const r = step(adv.s, event, now, settings, env);
  // After any event, a break may have fallen due (e.g. the interval was shortened).
  const after = event.type === 'tick' || r.refused ? r : chain(r, tick(r.state, now, settings, env));
  return { ...after, state: after.refused ? adv.s : after.state, effects: [...adv.effects, ...after.effects] };
}

function chain(a: Result, b: Result): Result {
  return { state: b.state, effects: [...a.effects, ...b.effects] };
}

function step(s: TrackerState, e: TrackerEvent, now: number, settings: Settings, env: Env): Result {
  switch (e.type) {
    case 'tick':
    case 'settingsChanged':
      return settingsGate(s, now, settings, env);
    case 'activity': {
      if (e.state === s.activity) return { state: s, effects: [] };
      if (e.state === 'active') {
        const r = returnFromAway(s, now, settings, 'active');
        return { state: r.s, effects: r.effects };
      }
      // Going away. Chrome reports `idle` only after `idleSec` without input: the user left then.
      // Time counted since then was not desk time; take it back.
      const leftAt = e.state === 'idle' && s.activity === 'active' ? Math.max(now - settings.idleSec * 1000, s.activeSince) : now;
      const over = countingDeskTime(s) ? Math.max(0, s.asOf - leftAt) : 0;
      const desk = { micro: Math.max(0, s.desk.micro - over), stretch: Math.max(0, s.desk.stretch - over) };
      const today = { ...s.today, deskMs: Math.max(0, s.today.deskMs - over) };
      const awaySince = s.activity === 'active' ? Math.min(leftAt, now) : (s.awaySince ?? now);
      return { state: { ...s, activity: e.state, awaySince, desk, today }, effects: [] };
    }
    case 'start': {
      const p = s.phase;
      if (p.name === 'onBreak') return { state: s, effects: [{ type: 'openBreak', brk: p.brk }] };
      if (p.name === 'due' || p.name === 'snoozed') {
        if (e.breakId !== undefined && e.breakId !== p.brk.id) return { state: s, effects: [], refused: 'noSuchBreak' };
        return {
          state: { ...s, deferredSince: null, phase: { name: 'onBreak', brk: p.brk, startedAt: now, routineId: null } },
          effects: [{ type: 'clearPrompt', breakId: p.brk.id }, { type: 'openBreak', brk: p.brk }],
        };
      }
      if (e.breakId !== undefined) return { state: s, effects: [], refused: 'noSuchBreak' };
      const kind: BreakKind = e.kind ?? (settings.stretch.enabled || !settings.micro.enabled ? 'stretch' : 'micro');
      const at = s.lastManualAt !== null && s.lastManualAt >= now ? s.lastManualAt + 1 : now;
      const brk: DueBreak = { id: `manual-${at}`, kind, dueAt: now, deskMs: s.desk[kind], snoozes: 0, manual: true, promptedAt: null };
      return {
        state: { ...s, deferredSince: null, lastManualAt: at, phase: { name: 'onBreak', brk, startedAt: now, routineId: null } },
        effects: [{ type: 'openBreak', brk }],
      };
    }
    case 'snooze': {
      const p = s.phase;
      if (p.name !== 'due' || p.brk.id !== e.breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
      if (p.brk.snoozes >= effectiveSnoozeLimit(settings)) return { state: s, effects: [], refused: 'snoozeLimit' };
      const brk = { ...p.brk, snoozes: p.brk.snoozes + 1 };
      return { state: { ...s, phase: { name: 'snoozed', brk, until: now + settings.snoozeSec * 1000 } }, effects: [{ type: 'clearPrompt', breakId: brk.id }] };
    }
    case 'skip':
      return finish(s, e.breakId, 'skipped', null, now, settings);
    case 'finish':
      return finish(s, e.breakId, e.outcome, e.routineId ?? null, now, settings);
    case 'setRoutine': {
      const p = s.phase;
      if (p.name !== 'onBreak' || p.brk.id !== e.breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
      return { state: { ...s, phase: { ...p, routineId: e.routineId } }, effects: [] };
    }
    case 'pause': {
      if (e.until !== null && e.until <= now) return { state: s, effects: [], refused: 'paused' };
      const closed = closeOpenPrompt(s, now);
      return { state: { ...closed.s, paused: { since: s.paused?.since ?? now, until: e.until }, deferredSince: null }, effects: closed.effects };
    }
    case 'resume': {
      if (!s.paused) return { state: s, effects: [] };
      const long = now - s.paused.since >= settings.stretch.lengthSec * 1000;
      return { state: { ...s, paused: null, asOf: now, desk: long ? { micro: 0, stretch: 0 } : s.desk }, effects: [] };
    }
  }
}

/** A prompt for a kind that has since been switched off is withdrawn, recorded as skipped. */
function settingsGate(s: TrackerState, now: number, settings: Settings, env: Env): Result {
  const p = s.phase;
  if ((p.name === 'due' || p.name === 'snoozed') && !settings[p.brk.kind].enabled) {
    const closed = closeOpenPrompt(s, now);
    return { state: closed.s, effects: closed.effects };
  }
  // A shorter snooze setting shortens a snooze under way.
  const clamped = p.name === 'snoozed' ? { ...s, phase: clampPhaseTimes(p, now, settings) } : s;
  return tick(clamped, now, settings, env);
}

/** What the popup shows, derived from state (pure). */
export interface TrackerView {
  phase: Phase['name'];
  activity: Activity;
  next: { kind: BreakKind; at: number } | null;
  open: { id: string; kind: BreakKind; snoozes: number; canSnooze: boolean; canSkip: boolean } | null;
  deskMs: number;
  todayDeskMs: number;
  lastNaturalAt: number | null;
  paused: { until: number | null } | null;
  /** Outside working hours: when they start again (null if not within a week). */
  offHours: { until: number | null } | null;
  /** A due break waiting for fullscreen to end. */
  deferred: boolean;
}

export function view(s: TrackerState, settings: Settings, env: Env = DEFAULT_ENV): TrackerView {
  const brk = currentBreak(s.phase);
  const limit = effectiveSnoozeLimit(settings);
  return {
    phase: s.phase.name,
    activity: s.activity,
    next: s.paused || s.offHours ? null : nextBreak(s, settings),
    open: brk
      ? { id: brk.id, kind: brk.kind, snoozes: brk.snoozes, canSnooze: s.phase.name === 'due' && brk.snoozes < limit, canSkip: !settings.strict }
      : null,
    deskMs: Math.max(s.desk.micro, s.desk.stretch),
    todayDeskMs: s.today.deskMs,
    lastNaturalAt: s.lastNaturalAt,
    paused: s.paused ? { until: s.paused.until } : null,
    offHours: s.offHours ? { until: nextWorkStart(settings.schedule, s.asOf, env.timeZone) } : null,
    deferred: s.deferredSince !== null,
  };
}
