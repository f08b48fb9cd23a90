/**
 * The background's side of history summaries and "Your data" (export, import, reset). Called from
 * lib/engine.ts's message handler, inside its one-event-at-a-time queue, so an import or a reset
 * never interleaves with a break being recorded. Only the background writes.
 */
import { dayKey } from './days';
import { clock } from './platform/clock';
import { backupJson, exportFilename, historyCsv, makeBackup, parseBackup, type ImportProblem } from './backup';
import { firstWeekday } from './week';
import { popupHistory, popupWindowStart, reviewWindowStart, weeklyReview, type PopupHistory, type ReviewData } from './review';
import { DEFAULT_RULES } from './streaks';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { allBreaks, clearHistory, historyForSummary, HistoryUnavailableError, replaceHistory, type TodaySummary } from './storage/history';
import { loadSettings, saveSettings } from './storage/items';
import { saveHealthAnswer } from './storage/health';
import { devTimingItem } from './storage/dev-timing';

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof HistoryUnavailableError) return null;
    throw err;
  }
}

/**
 * What the popup shows of the history, from one read: today's counts and the streaks (the
 * status's `today`) and the Today part (ring, last 7 days, cheer). Null when history is off.
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

/**
 * The weekly review, or null when history is off. Weeks start on the settings' day, or on the
 * usual one for `locale`.
 */
export async function historyReview(now: number, timeZone: string, settings: Settings, locale = 'en'): Promise<ReviewData | null> {
  const first = firstWeekday(settings.weekStart, locale);
  const today = dayKey(now, timeZone);
  const h = await orNull(historyForSummary(reviewWindowStart(today, first)));
  if (!h) return null;
  return weeklyReview(h.recent, today, settings.schedule, DEFAULT_RULES, h.older, first);
}

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
  /** History was unavailable: the file holds the settings only (JSON) or no rows (CSV). */
  historyOff: boolean;
}

export async function exportData(format: 'json' | 'csv', now: number, timeZone: string): Promise<ExportFile> {
  const [settings, rows] = await Promise.all([loadSettings(), orNull(allBreaks())]);
  const day = dayKey(now, timeZone);
  if (format === 'csv') return { filename: exportFilename(day, 'csv'), mime: 'text/csv', text: historyCsv(rows ?? []), historyOff: rows === null };
  return { filename: exportFilename(day, 'json'), mime: 'application/json', text: backupJson(makeBackup(settings, rows ?? [], now)), historyOff: rows === null };
}

export type ImportResult =
  | { imported: true; breaks: number }
  | { imported: false; problem: ImportProblem | { code: 'historyOff' | 'writeFailed' }; detail: string | null };

/**
 * Replaces the settings and the history with a backup's, all or nothing: the whole file is
 * checked first (as of `now`: the options page has shown what it holds and asked); the history
 * is replaced in one transaction; the settings are written after it and, should that fail, the
 * previous history is put back.
 */
export async function importData(text: string, now = clock.now()): Promise<ImportResult> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) return { imported: false, problem: parsed.problem, detail: parsed.detail };
  const previous = await orNull(allBreaks());
  if (previous === null) return { imported: false, problem: { code: 'historyOff' }, detail: null };
  try {
    await replaceHistory(parsed.value.history);
  } catch (err) {
    console.error('[limber] import failed', err);
    return { imported: false, problem: { code: 'writeFailed' }, detail: null };
  }
  try {
    await saveSettings(parsed.value.settings);
  } catch (err) {
    console.error('[limber] import: settings not saved, history restored', err);
    await replaceHistory(previous);
    return { imported: false, problem: { code: 'writeFailed' }, detail: null };
  }
  return { imported: true, breaks: parsed.value.history.length };
}

/** Deletes the history and restores the default settings. */
export async function resetData(): Promise<{ reset: true; historyOff: boolean }> {
  const cleared = await orNull(clearHistory().then(() => true));
  await saveSettings(DEFAULT_SETTINGS);
  await saveHealthAnswer('ask');
  await devTimingItem.removeValue();
  return { reset: true, historyOff: cleared === null };
}
