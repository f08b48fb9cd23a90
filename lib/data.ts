/**
 * "Your data" (export, import, reset), run in the options page's data section (issue #16; the
 * weekly review likewise runs in its page, lib/weekly-review.ts): it opens the same IndexedDB
 * (lib/storage/history.ts) and the same settings (lib/storage) as the background; the page then
 * sends the background one 'status/refresh', so that the popup's snapshot and the badge show the
 * new history. The worker carries none of this (no browser event needs it).
 *
 * An import replaces the history in one IndexedDB transaction, so a break the background records
 * at the same moment lands either before it (and is replaced, as the user asked) or after it.
 */
import { clock } from './platform/clock';
import { backupJson, exportFilename, makeBackup } from './backup';
import { historyCsv, localTimes } from './history-csv';
import { parseBackup, type CheckedBackup, type ImportProblem } from './backup-parse';
import { DEFAULT_SETTINGS } from './settings';
import { allBreaks, clearHistory, orNull, recordDay, replaceHistory, type StoredBreak } from './storage/history';
import { loadSettings, replaceSettings, saveSettings, waitingRecords } from './storage/items';
import { saveHealthAnswer } from './storage/health';
import { healthLaterItem } from './storage/health-later';
import { devTimingItem } from './storage/dev-timing';
import { saveOwnRoutines, storedOwnRoutines } from './storage/own-routines';

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
  /** History was unavailable: the file holds the settings only (JSON) or no rows (CSV). */
  historyOff: boolean;
}

export async function exportData(format: 'json' | 'csv', now = clock.now(), timeZone = clock.timeZone()): Promise<ExportFile> {
  const [settings, rows, own] = await Promise.all([loadSettings(), currentHistory(), storedOwnRoutines()]);
  // The day and the time of day (a second export that day is a file of its own): "2026-03-05-1530".
  const at = localTimes(timeZone)(now);
  const stamp = `${at.slice(0, 10)}-${at.slice(11, 13)}${at.slice(14, 16)}`;
  const csv = format === 'csv';
  return { filename: exportFilename(stamp, format), mime: csv ? 'text/csv' : 'application/json', text: csv ? historyCsv(rows ?? [], timeZone) : backupJson(makeBackup(settings, rows ?? [], now, own)), historyOff: rows === null };
}

/**
 * Every break, or null when history is off (what an export holds and an import would replace);
 * throws when it cannot be read just now. Those written, oldest first, then those still waiting
 * in the background's outbox (lib/engine/outbox.ts: a full disk refused their write), as the
 * background will write them (their day in their own zone): a backup made meanwhile holds them.
 * One both written and still listed as waiting is the written row, once: its write is keyed by
 * id (the first stands), so when it is written later, or after an import, it is never a second.
 */
export async function currentHistory(): Promise<StoredBreak[] | null> {
  const [rows, outbox] = await Promise.all([orNull(allBreaks()), waitingRecords()]);
  const ids = new Set(rows?.map((r) => r.id));
  return rows && [...rows, ...outbox.filter(({ entry }) => !ids.has(entry.id) && ids.add(entry.id)).map(({ entry, timeZone }) => ({ ...entry, day: recordDay(entry, timeZone) }))];
}

export type ImportResult =
  | { imported: true; breaks: number }
  | { imported: false; problem: ImportProblem | { code: 'historyOff' | 'writeFailed' }; detail: string | null };

/**
 * Replaces the settings, the own routines and the history with a backup's, all or nothing: the
 * whole file is checked first (as of `now`), then written by `importBackup`.
 */
export async function importData(text: string, now = clock.now(), tell?: TellBackground): Promise<ImportResult> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) return { imported: false, problem: parsed.problem, detail: parsed.detail };
  return importBackup(parsed.value, tell);
}

/**
 * Sends the background a 'status/refresh' (components/DataPrefs.tsx does), `replaced` or not.
 * An import and a reset send one before they replace anything (`false`): a stopped worker starts
 * on it, and its start (lib/engine/lifecycle.ts wake) writes the breaks still waiting to be
 * written into the history they belong to, or they keep waiting. Once it is replaced, `true`: the
 * worker, running now, drops those still waiting. Without the first, the second would start the
 * worker, and its start would write them into the new history before the message drops them.
 */
export type TellBackground = (replaced: boolean) => Promise<unknown>;

/**
 * Writes a backup `parseBackup` checked (the options page's preview did, and has shown what it
 * holds and asked: a file of 170,000 breaks takes seconds to check, so it is not checked again).
 * The history is replaced in one transaction; the settings and the own routines are written
 * after it and, should either fail, the previous history, settings and routines are put back.
 */
export async function importBackup(backup: CheckedBackup, tell?: TellBackground): Promise<ImportResult> {
  await tell?.(false);
  // With the breaks still waiting: `tell(true)` has them dropped, so a history put back holds them.
  const previous = await currentHistory();
  if (previous === null) return { imported: false, problem: { code: 'historyOff' }, detail: null };
  const [previousSettings, previousOwn] = await Promise.all([loadSettings(), storedOwnRoutines()]);
  try {
    await replaceHistory(backup.history);
  } catch (err) {
    console.error('[limber] import failed', err);
    return { imported: false, problem: { code: 'writeFailed' }, detail: null };
  }
  // Breaks still waiting to be written belong to the history just replaced: dropped now (by the
  // background, `tell(true)`), or the settings' write below would have it write them into the
  // new one. Not before the replacement: an import that fails there changes nothing, and they are
  // still written into the history they belong to. (Should the settings' write fail below, the
  // previous history comes back with them: `previous` holds them.)
  await tell?.(true);
  try {
    await replaceSettings(backup.settings);
    await saveOwnRoutines(backup.ownRoutines);
  } catch (err) {
    console.error('[limber] import: settings or own routines not saved, all restored', err);
    await replaceHistory(previous);
    await saveSettings(previousSettings).catch(() => undefined);
    await saveOwnRoutines(previousOwn).catch(() => undefined);
    return { imported: false, problem: { code: 'writeFailed' }, detail: null };
  }
  return { imported: true, breaks: backup.history.length };
}

/**
 * Deletes the history and the own routines, restores the default settings, forgets the health
 * answer (and a "Not now" to its screen) and the developer switch. `tell` (TellBackground): the
 * background writes the breaks still waiting to be written before the history is cleared (or they keep waiting), and drops those
 * still waiting once it is cleared, before the settings' write makes it write them into the
 * emptied history. A history that cannot be opened just now (not absent) throws before anything
 * else is reset, those breaks too.
 */
export async function resetData(tell?: TellBackground): Promise<{ reset: true; historyOff: boolean }> {
  await tell?.(false);
  const cleared = await orNull(clearHistory().then(() => true));
  await tell?.(true);
  await replaceSettings(DEFAULT_SETTINGS);
  await saveOwnRoutines([]);
  await saveHealthAnswer('ask');
  await healthLaterItem.removeValue();
  await devTimingItem.removeValue();
  return { reset: true, historyOff: cleared === null };
}
