/**
 * The weekly review, computed in the review page (issue #16: the worker does not carry it) from
 * the same IndexedDB (lib/storage/history.ts) and settings (lib/storage) as the background. Apart
 * from lib/data.ts so that the review page does not load the backup code.
 */
import { addDays, dayKey } from './days';
import { clock } from './platform/clock';
import { firstWeekday } from './week';
import { reviewWindowStart, weeklyReview, type ReviewData } from './review';
import { withLongestSitting } from './sitting';
import { DEFAULT_RULES, weekStart } from './streaks';
import type { Settings } from './settings';
import { breaksBetween, historyForSummary, orNull } from './storage/history';
import { storedOwnRoutines } from './storage/own-routines';
import { statusSnapshotItem, type StatusSnapshot } from './storage/status-cache';
import { loadSettings } from './storage/items';

/**
 * The weekly review, or null when history is off (a browser without IndexedDB). A history that
 * cannot be opened just now (slow, blocked, a disk error) rejects, as any failed read does: the
 * page keeps the figures it has and says it could not refresh them, never that history is off.
 * Weeks start on the settings' day, or on the usual one for `locale`.
 */
export async function historyReview(now: number, timeZone: string, settings: Settings, locale = 'en'): Promise<ReviewData | null> {
  const first = firstWeekday(settings.weekStart, locale);
  const today = dayKey(now, timeZone);
  // This week's and last week's rows too, for their longest sitting stretches (lib/sitting.ts):
  // not read, the days' own figures stand (a skipped break then ends a stretch).
  const start = weekStart(today, first);
  const [h, own, rows] = await Promise.all([
    orNull(historyForSummary(reviewWindowStart(today, first))),
    storedOwnRoutines().catch(() => null),
    breaksBetween(addDays(start, -7), addDays(start, 6)).catch(() => []),
  ]);
  if (!h) return null;
  return weeklyReview(withLongestSitting(h.recent, rows), today, settings.schedule, DEFAULT_RULES, h.older, first, own);
}

/** The weekly review as of now, with the stored settings (what the review page shows). */
export async function reviewNow(): Promise<ReviewData | null> {
  return historyReview(clock.now(), clock.timeZone(), await loadSettings(), clock.locale());
}

/**
 * Calls `changed` when the history the review is read from has changed: the background rewrites
 * its status snapshot after every event it saves, with today's counts and the last days read again
 * when a break was recorded (or the history imported, reset or switched off; lib/engine/publish.ts).
 * A break recorded while the review is in front (away and back: a natural break; a notification's
 * Skip) moves neither its focus nor its visibility. Returns the function that stops watching.
 */
export function watchRecorded(changed: () => void): () => void {
  const part = (s: StatusSnapshot | null) => JSON.stringify(s && [s.day, s.data.status.today, s.data.history]);
  return statusSnapshotItem.watch((next, prev) => {
    if (part(next) !== part(prev)) changed();
  });
}
