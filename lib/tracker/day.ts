/**
 * The tracker's local calendar day (for the daily sitting limit): its bounds in a zone, and how
 * today carries on across midnight and travel. Days are 23, 24 or 25 hours long.
 */
import { localParts, localToInstant } from '../schedule';
import { dayKey } from '../days';
import type { Today } from './state';

/**
 * Whether today's daily-limit notice is out: one came since today began (in the zone now in
 * force). One "after" today's end can only be from before a clock set back: it counts.
 */
export function notifiedToday(t: Today): boolean {
  return t.notifiedAt !== null && t.notifiedAt >= t.start;
}

/** The local calendar day around `now` in `tz`, as instants: [start, end). */
export function localDay(now: number, tz: string): { start: number; end: number } {
  const p = localParts(now, tz);
  const t = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return { start: localToInstant(p.year, p.month, p.day, 0, tz), end: localToInstant(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), 0, tz) };
}

export function newDay(now: number, tz: string, notifiedAt: number | null = null): Today {
  return { ...localDay(now, tz), tz, deskMs: 0, notifiedAt };
}

/**
 * Today as of `at`: the same day until its end; a new one after it. A change of time zone
 * (travel) keeps today's count until the new zone's midnight (the person's day goes on), even when
 * the first wake there comes after the old zone's midnight (a flight west with the lid closed);
 * the notice stays once per local day of the zone now in force (`notifiedToday` compares its time
 * with the day's bounds).
 */
export function dayAt(today: Today, at: number, tz: string): Today {
  if (today.tz === tz && at < today.end) return today;
  // A new zone is judged by dates: the same day goes on if the date there is the day's own date or
  // the day before (west across the date line: the person's day goes on to midnight there); a later
  // date is a new day. The same zone (or a state migrated from v2, which has none): a new day after its end.
  const moved = today.tz !== tz && today.tz !== '';
  if (moved ? dayKey(at, tz) > dayKey(today.start, today.tz) : at >= today.end) return newDay(at, tz, today.notifiedAt);
  // The same day goes on in the new zone, and so does its notice if it came (it may lie before
  // the new zone's midnight: a flight west).
  const b = localDay(at, tz);
  return { ...today, ...b, tz, notifiedAt: notifiedToday(today) ? Math.max(today.notifiedAt!, b.start) : today.notifiedAt };
}
