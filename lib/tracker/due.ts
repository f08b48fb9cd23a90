/**
 * When things happen next: each kind's due time, the next break, the heads-up's moment, the snooze
 * limit in force, the next instant the worker must be woken (`nextWake`) and whether the watchdog alarm runs.
 */
import { BREAK_KINDS, type BreakKind, type Settings } from '../settings';
import { currentInterval, nextWorkStart } from '../schedule';
import { notifiedToday } from './day';
import { countingDeskTime } from './desk-time';
import { holdUntil } from './hold';
import { pauseUntil } from './moment';
import { ABANDON_AFTER_MS, DEFAULT_ENV, HOLD_BOUND_MERGE_MS, holdRecheckMs, MERGE_WINDOW_MS, WATCHDOG_MS, type Env, type TrackerState } from './state';

/** Whether an open prompt's reminder is at or past its moment (null: none is to come). */
export function reminderDue(s: TrackerState, now: number): boolean {
  return s.phase.name === 'due' && s.phase.remindAt !== null && now >= s.phase.remindAt;
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

/**
 * When the heads-up for the coming stretch break is due (`settings.headsUpSec` before it), or
 * null when none is to come: off (or notifications off: it is one), shown already for this break, a posture check next, or no
 * break coming now (away, paused, outside working hours: desk time does not grow then), or the
 * break already waits (held, or for a pause in input). See heads-up.ts.
 */
export function headsUpAt(s: TrackerState, settings: Settings): number | null {
  if (settings.headsUpSec <= 0 || !settings.prompts.notification || s.headsUp !== null) return null;
  if (s.phase.name !== 'working' || s.deferredSince !== null || s.pauseFrom !== null) return null;
  const next = nextBreak(s, settings);
  return next && next.kind === 'stretch' ? next.at - settings.headsUpSec * 1000 : null;
}

/** The snooze limit in force: strict mode allows one snooze at most. */
export function effectiveSnoozeLimit(settings: Settings): number {
  return settings.strict ? Math.min(1, settings.snoozeLimit) : settings.snoozeLimit;
}

/**
 * A waiting break's next wake: the look a recheck after the last event (when there is something
 * to look for), or the bound `until` when that is sooner or too close after the look for an alarm
 * to fall between (HOLD_BOUND_MERGE_MS).
 */
function lookOrBound(s: TrackerState, settings: Settings, looking: boolean, until: number): number {
  const look = looking ? s.asOf + holdRecheckMs(settings) : Infinity;
  return until - look < HOLD_BOUND_MERGE_MS ? until : look;
}

/**
 * When a break under way is given up: its length and ABANDON_AFTER_MS after it started. The alarm
 * wakes then; a finish heard of later is recorded as cut short at that moment (transition.ts).
 */
export function givenUpAt(p: { startedAt: number; brk: { kind: BreakKind } }, settings: Settings): number {
  return p.startedAt + settings[p.brk.kind].lengthSec * 1000 + ABANDON_AFTER_MS;
}

/** The next instant the tracker must be woken (besides activity and user events), or null. */
export function nextWake(s: TrackerState, settings: Settings, env: Env = DEFAULT_ENV): number | null {
  const wakes: number[] = [];
  const add = (t: number | null | undefined) => {
    // (Number.isFinite is false for null and undefined too: it does not convert.)
    if (Number.isFinite(t)) wakes.push(t!);
  };
  if (s.paused) add(s.paused.until);
  switch (s.phase.name) {
    case 'working':
    case 'snoozed':
    case 'due':
      // Waiting for a pause: the idle event marks one; with a tab noted, a look sees a tab switch
      // (moment.ts). Held: a look sees the hold end, unless the person sits still (the watchdog's
      // tick looks then, state.ts HOLD_RECHECK_MS). Then the bound. A postponed break waits so too,
      // and so does a prompt's reminder.
      if (s.pauseFrom !== null) add(lookOrBound(s, settings, s.pauseTab !== null, pauseUntil(s, settings)!));
      else if (s.deferredSince !== null) {
        // A hold kept while away, locked or paused needs no wake: the return is an event.
        if (countingDeskTime(s)) add(lookOrBound(s, settings, !s.still, holdUntil(s, settings)!));
      } else {
        // A postpone's end, the break's, or an open prompt's reminder: not while away, paused or
        // outside working hours (transition.ts): the return, the pause's end or the hours' start
        // is the next moment then.
        if (countingDeskTime(s)) add(s.phase.name === 'due' ? s.phase.remindAt : nextBreak(s, settings)?.at);
        // The heads-up's moment, while still ahead (one that passed unshown stays unshown).
        const headsUp = headsUpAt(s, settings);
        if (headsUp !== null && headsUp > s.asOf) add(headsUp);
      }
      break;
    case 'onBreak':
      add(givenUpAt(s.phase, settings));
      break;
  }
  if (countingDeskTime(s) && settings.dailyLimit.enabled) {
    // Today's limit, or, once today's notice is out, midnight, when tomorrow's count starts.
    add(notifiedToday(s.today) ? s.today.end : s.asOf + Math.max(0, settings.dailyLimit.minutes * 60_000 - s.today.deskMs));
  }
  if (settings.schedule.enabled && !s.paused) {
    // Working hours ending (to close an open prompt, or take back a heads-up) or starting (to start fresh).
    if (s.offHours) add(nextWorkStart(settings.schedule, s.asOf, env.timeZone));
    else if (s.phase.name !== 'working' || countingDeskTime(s) || s.headsUp) add(currentInterval(settings.schedule, s.asOf, env.timeZone)?.end);
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

/**
 * When the watchdog should next look, or null when it should not run: one period after the
 * machine was last heard from (`heardAt`, the saved state's `lastSeen`). Any event heard puts the
 * look back, so the watchdog only wakes the worker after a period in which nothing else did,
 * which is all that noticing a sleep needs (advance.ts: heard from within WATCHDOG_MS).
 */
export function watchdogAt(s: TrackerState, settings: Settings, env: Env = DEFAULT_ENV, heardAt = s.lastSeen): number | null {
  return wantsWatchdog(s, settings, env) ? heardAt + WATCHDOG_MS : null;
}
