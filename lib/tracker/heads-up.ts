/**
 * The heads-up: a quiet notice shortly before a stretch break (`settings.headsUpSec`: off, 1 or
 * 2 min), with "Postpone" where the browser's notifications have buttons (Chrome).
 *
 * - Its moment comes from desk time, which grows only while the person is active (`headsUpAt`
 *   in due.ts; `nextWake` wakes the worker then). It is decided again at that wake: away by
 *   then (desk time stopped), no heads-up; back later with the break still ahead, it comes then.
 * - At most once per break: `state.headsUp` remembers it until that break is prompted, postponed,
 *   started or credited, or falls due and waits (held, or for a pause in typing: its notice would say
 *   "in 1 min" through the wait), or a long pause or a new working range starts the counter afresh. Pausing
 *   reminders withdraws it: back with its break still ahead, it is announced again.
 * - Never while the break would be held (fullscreen, sound in view, a call: it then comes a
 *   minute after the hold ends, without a heads-up), while reminders are paused or outside
 *   working hours, nor when too little of its lead is left to be worth a notice.
 * - Postpone from it, before the break is due: the break is made now (with the heads-up's id)
 *   and postponed on the clock to the chosen minutes after the moment it would have come. It
 *   counts as a snooze against the limit like every postpone, so strict mode (one snooze) allows
 *   it once and then the prompt offers none; with no snooze allowed (limit 0) the notice offers
 *   no Postpone but still comes: a heads-up is worth having without one (the limit set to 0 while
 *   it is out, it is announced again without it: transition.ts headsUpKept).
 * - None while notifications are off for prompts (the break window only): it is a notification.
 */
import type { Settings } from '../settings';
import { currentInterval } from '../schedule';
import { effectiveSnoozeLimit, headsUpAt, nextBreak } from './due';
import { holdReason } from './hold';
import { NO_HOLD, type DueBreak, type Effect, type Env, type PostponeMinutes, type Result, type TrackerState } from './state';

/** Less than this share of the lead left, no heads-up: the prompt is moments away. */
export const HEADS_UP_MIN_SHARE = 0.25;

/** The time in a prompted break's id for `dueAt`: never one used before, even after the clock was set back. */
export function idTime(s: TrackerState, dueAt: number): number {
  return s.lastDueAt !== null && Math.round(dueAt) <= s.lastDueAt ? s.lastDueAt + 1 : Math.round(dueAt);
}

/**
 * After every transition: the heads-up forgotten once its break is no longer ahead (a stretch
 * break prompted, postponed or started, or due and waiting; a posture check meanwhile leaves it ahead), its notice
 * cleared when it is forgotten, and a new one shown when its moment has come (not after a
 * refused intent: that changes nothing).
 */
export function headsUpStep(before: TrackerState, r: Result, now: number, settings: Settings, env: Env): Result {
  let s = r.state;
  const effects: Effect[] = [...r.effects];
  // Its break fell due and waits (held, or for a pause in typing: up to the hold's bound), so
  // "in 1 min" is no longer true: forgotten as when it is prompted (a break due is not ahead).
  if ((s.phase.name !== 'working' && s.phase.brk.kind === 'stretch') || s.deferredSince !== null || s.pauseFrom !== null) s = { ...s, headsUp: null };
  if (before.headsUp && s.headsUp?.id !== before.headsUp.id) effects.push({ type: 'clearHeadsUp', id: before.headsUp.id });
  const lead = settings.headsUpSec * 1000;
  const at = r.refused ? null : headsUpAt(s, settings);
  // Its moment came, with enough of its lead left to be worth a notice, its break falls within the
  // working hours under way (after them it never comes: desk time starts again), and nothing would hold the break.
  const hoursEnd = currentInterval(settings.schedule, now, env.timeZone)?.end ?? -Infinity;
  if (at !== null && now >= at && at + lead - now >= lead * HEADS_UP_MIN_SHARE && at + lead < hoursEnd && !holdReason(env, settings)) {
    const postpone = effectiveSnoozeLimit(settings) > 0;
    const headsUp = { id: `stretch-${idTime(s, at + lead)}`, at: now, dueAt: at + lead, postpone };
    s = { ...s, headsUp };
    effects.push({ type: 'headsUp', headsUp, postpone });
  }
  return { ...r, state: s, effects };
}

/** "Postpone" on the heads-up, before its break is due (see above); refused once it is no longer ahead. */
export function postponeEarly(s: TrackerState, breakId: string, minutes: PostponeMinutes | undefined, now: number, settings: Settings): Result {
  const next = nextBreak(s, settings);
  const refused = s.headsUp?.id !== breakId || next?.kind !== 'stretch' ? 'noSuchBreak' : effectiveSnoozeLimit(settings) < 1 ? 'snoozeLimit' : null;
  if (refused) return { state: s, effects: [], refused };
  const dueAt = next!.at;
  const brk: DueBreak = { id: breakId, kind: 'stretch', dueAt, deskMs: s.desk.stretch + dueAt - now, snoozes: 1, manual: false, promptedAt: null };
  const until = dueAt + (minutes ? minutes * 60_000 : settings.snoozeSec * 1000);
  // The id's time counts as used (ids never repeat); `chosenMs` keeps a later settings change from
  // bringing the prompt forward. A wait the break had begun (only in a state stored before a wait
  // took the notice away) ends here, as a prompt's does: a postponed break waits afresh once its postpone
  // has ended (transition.ts tick).
  return { state: { ...s, ...NO_HOLD, lastDueAt: Math.max(s.lastDueAt ?? 0, +breakId.slice(8)), phase: { name: 'snoozed', brk, until, chosenMs: until - now } }, effects: [] };
}
