/**
 * Catching up: before any event, the state is brought up to `now` (desk time added, a sleep or
 * a clock jump noticed, a pause that ran out ended, working hours starting or ending). Also the
 * two state edits that catching up shares with the event handlers.
 */
import type { Settings } from '../settings';
import { currentInterval, workingIntervals } from '../schedule';
import { dayAt, localDay } from './day';
import { accrue, countingDeskTime, record, resetCounters, returnFromAway } from './desk-time';
import { nextWake } from './due';
import { judgeQuiet } from './moment';
import { ALARM_GRACE_MS, holdSettleMs, NO_HOLD, WATCHDOG_MS, type Effect, type Env, type Phase, type TrackerState } from './state';

/** Closes an open (due or snoozed) prompt, as skipped at `endedAt`; a break under way is left alone. */
export function closeOpenPrompt(s: TrackerState, endedAt: number): { s: TrackerState; effects: Effect[] } {
  const p = s.phase;
  if (p.name !== 'due' && p.name !== 'snoozed') return { s, effects: [] };
  return {
    s: { ...s, phase: { name: 'working' }, desk: resetCounters(s.desk, p.brk.kind), ...NO_HOLD },
    effects: [{ type: 'clearPrompt', breakId: p.brk.id }, record(p.brk, 'skipped', endedAt, null, null)],
  };
}

/**
 * Working hours ended (at `end`, their last instant, or an open prompt's postpone's end), desk
 * time brought up to `upTo`: away by `end` for a break's length, it was taken then, as on a return
 * (README "Being away counts"; an open prompt for it too, as natural); a prompt still open is skipped.
 */
function closeAtHoursEnd(s: TrackerState, upTo: number, end: number, settings: Settings, tz: string, effects: Effect[]): TrackerState {
  // Not a pause in input (moment.ts), which is away only once it outlasts "away after".
  if (s.activity !== 'active' && s.awaySince! + (s.lowIdleAt ? settings.idleSec * 1000 : 0) <= end) {
    const back = returnFromAway(s, end, settings, s.activity);
    s = back.s;
    effects.push(...back.effects);
  }
  const closed = closeOpenPrompt(accrue(s, upTo, settings, tz), end);
  effects.push(...closed.effects);
  return closed.s;
}

/**
 * A phase's own times kept within what its settings allow from `now` (a shorter snooze chosen
 * meanwhile). After the clock was set back by `jump` ms they move back with it first, so that a
 * postpone keeps the minutes it already ran and a break under way its time so far.
 */
export function clampPhaseTimes(p: Phase, now: number, settings: Settings, jump = 0): Phase {
  // So do the break's own instants, read on the old clock: its row stays in order (prompted before
  // it ended) and keeps the desk time it came after (record, desk-time.ts).
  if (jump && p.name !== 'working') p = { ...p, brk: { ...p.brk, dueAt: p.brk.dueAt - jump, promptedAt: p.brk.promptedAt && p.brk.promptedAt - jump } };
  switch (p.name) {
    case 'snoozed':
      return { ...p, until: Math.min(p.until - jump, now + (p.chosenMs ?? settings.snoozeSec * 1000)) };
    case 'due':
      return p.remindAt === null ? p : { ...p, remindAt: Math.min(p.remindAt - jump, now + settings.remindAfterSec * 1000) };
    case 'onBreak':
      return { ...p, startedAt: Math.min(p.startedAt - jump, now) };
    default:
      return p;
  }
}

/**
 * When a prompt still open from the working hours under way at `s.asOf` is closed, by `now`: at
 * their last instant once they have ended (however many ranges a sleep went past), else now.
 */
function promptEnd(s: TrackerState, now: number, settings: Settings, tz: string): number {
  const was = workingIntervals(settings.schedule, s.asOf, now, tz)[0];
  return was && was.end <= now ? was.end - 1 : now;
}

/**
 * Brings the state up to `now`: adds desk time, notices sleep and clock jumps, the end of a
 * pause, and working hours starting or ending.
 */
export function advance(s0: TrackerState, now: number, settings: Settings, env: Env, inputNow = false): { s: TrackerState; effects: Effect[] } {
  const tz = env.timeZone;
  let s = s0;
  const effects: Effect[] = [];
  if (now < s.asOf || now < s.lastSeen) {
    // Clock set back: keep what was counted, count on from the new now. A wait under way keeps
    // the time it has waited (its bound does not start again): moved back by the jump. So does
    // the moment counting began, which bounds how far back an idle report (real time) reaches.
    const jump = Math.max(s.asOf, s.lastSeen) - now;
    // An instant moved back by `back` (a wait's start: by the jump), then kept no later than `to`.
    const waited = (t: number | null, back = jump, to = now) => (t === null ? null : Math.min(t - back, to));
    s = {
      ...s,
      asOf: now,
      lastSeen: now,
      awaySince: waited(s.awaySince, 0),
      activeSince: waited(s.activeSince)!,
      paused: s.paused ? { ...s.paused, since: Math.min(s.paused.since, now), until: s.paused.timed && s.paused.until !== null ? s.paused.until - jump : s.paused.until } : null,
      deferredSince: waited(s.deferredSince),
      settleAt: waited(s.settleAt, 0, now + holdSettleMs(settings)),
      pauseFrom: waited(s.pauseFrom),
      lowIdleAt: waited(s.lowIdleAt, 0),
      // Today's count is kept; its bounds are those of the day the clock now shows.
      today: { ...s.today, ...localDay(now, tz), tz },
      phase: clampPhaseTimes(s.phase, now, settings, jump),
    };
  } else if (s.activity === 'active') {
    // When the machine should last have been heard from: while desk time counts, the watchdog
    // checks in every WATCHDOG_MS; otherwise the tracker asked to be woken at its next moment (a
    // pause's end, working hours starting). Not heard by then (and the alarm's grace), the machine
    // slept or the browser was closed: that time is time away, from when we last heard from it
    // (counting) or from the wake we missed (not counting, when nothing was being counted before).
    // That wake is the alarm set at the last event, in the zone in force then (`today.tz`): no
    // event says the zone changed since, and a moment read in the new zone was never asked for.
    const counting = countingDeskTime(s);
    const heardBy = counting ? s.lastSeen + WATCHDOG_MS : (nextWake(s, settings, { ...env, timeZone: s.today.tz || tz }) ?? Infinity);
    if (now > heardBy + ALARM_GRACE_MS) {
      const away = counting ? s.lastSeen : Math.max(s.lastSeen, heardBy);
      s = accrue(s, away, settings, tz);
      const back = returnFromAway({ ...s, activity: 'idle', awaySince: away }, now, settings, 'active');
      s = back.s;
      effects.push(...back.effects);
    }
  }

  // Working hours that ended or began during a pause that ends now are judged from before it (the
  // pause's end moves `asOf` on): a break waiting out the pause is closed on the hours' own day.
  const heardAsOf = s.asOf;
  // A pause that has run out ends by itself, and says so.
  const pause = s.paused;
  if (pause && pause.until !== null && now >= pause.until) {
    s = accrue(s, pause.until, settings, tz);
    const long = pause.until - pause.since >= settings.stretch.lengthSec * 1000;
    // Counting starts again at the pause's end: an idle report after it takes back no more than that.
    s = { ...s, paused: null, ...(long ? { desk: { micro: 0, stretch: 0 }, headsUp: null } : {}), asOf: Math.max(s.asOf, pause.until), activeSince: Math.max(s.activeSince, pause.until) };
    // "Counting desk time again" only when it is (inside working hours), and in the hours the pause
    // ended in: heard later (the browser closed, the computer asleep), one that ended outside them,
    // or in hours now over, ends quietly; the hours under way started fresh.
    if ((currentInterval(settings.schedule, now, tz)?.start ?? Infinity) <= pause.until) effects.push({ type: 'notice', notice: 'pauseEnded' });
  }

  // Working hours.
  if (settings.schedule.enabled) {
    const iv = currentInterval(settings.schedule, now, tz);
    if (!iv) {
      if (!s.offHours) {
        // A prompt still open is closed as skipped at the last instant of its working hours, on
        // their day: this event can come at the next day's midnight (hours ending at 24:00), or
        // after a night (or a weekend) asleep.
        // A heads-up out is taken back: its break will not come in these hours.
        s = { ...closeAtHoursEnd(s, now, promptEnd({ ...s, asOf: heardAsOf }, now, settings, tz), settings, tz, effects), offHours: true, headsUp: null };
      }
    } else if (s.offHours || heardAsOf < iv.start) {
      // A new working range starts fresh (also after sleeping through the time off). An alarm
      // is set for its start, or for the end of a pause it began in (the pause ended just now:
      // `s.asOf` moved on to that end, which desk time waits for): heard of only much later, the
      // machine was asleep then, and desk time starts now.
      const begun = Math.max(iv.start, s.asOf > heardAsOf ? s.asOf : 0);
      const from = now - begun > ALARM_GRACE_MS ? now : begun;
      // A break postponed after the hours ended (from its window) ended with its postpone: it is
      // not brought into the new range, and belongs to the day it was postponed on.
      const end = s.phase.name === 'snoozed' && s.phase.until < iv.start ? s.phase.until : promptEnd({ ...s, asOf: heardAsOf }, iv.start, settings, tz);
      const closed = closeAtHoursEnd(s, iv.start, end, settings, tz, effects);
      s = { ...closed, offHours: false, desk: { micro: 0, stretch: 0 }, headsUp: null, asOf: Math.max(from, closed.asOf), activeSince: Math.max(closed.activeSince, from) };
    }
  } else if (s.offHours) {
    s = { ...s, offHours: false, asOf: now };
  }

  s = accrue(s, now, settings, tz);
  // A new day (or zone) starts even when there was nothing to add (after a sleep across midnight).
  s = { ...s, today: dayAt(s.today, now, tz), lastSeen: now };
  // A pause that outlasted "away after" is away; sitting still ends once nothing plays (moment.ts).
  return { s: judgeQuiet(s, now, settings, env, inputNow), effects };
}
