/**
 * What the popup shows of the history (the background's status snapshot, lib/engine/publish.ts). Apart
 * from lib/data.ts so that the worker does not carry "Your data" and the weekly review, which the
 * pages that use them compute themselves (issue #16).
 */
import { dayKey } from './days';
import { popupHistory, popupWindowStart, type PopupHistory } from './review';
import type { Settings } from './settings';
import { historyForSummary, orNull, type TodaySummary } from './storage/history';

/**
 * What the popup shows of the history, from one read: today's counts and the streaks (the
 * status's `today`) and the Today part (ring, last 7 days, cheer). Null when history is off (a
 * browser without IndexedDB); a history that cannot be read just now rejects (lib/engine/publish.ts
 * keeps the last figures).
 */
export async function popupSummary(now: number, timeZone: string, settings: Settings): Promise<{ today: TodaySummary; history: PopupHistory } | null> {
  const day = dayKey(now, timeZone);
  const h = await orNull(historyForSummary(popupWindowStart(day)));
  if (!h) return null;
  const history = popupHistory(h.recent, day, settings.schedule, { stretchOn: settings.stretch.enabled, older: h.older });
  const td = h.recent.find((a) => a.day === day);
  const today: TodaySummary = {
    day,
    taken: td?.taken ?? 0,
    completed: td?.completed ?? 0,
    skipped: td?.skipped ?? 0,
    streak: history.streak.current,
    longest: history.streak.longest,
  };
  return { today, history };
}
