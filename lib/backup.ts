/**
 * "Your data": the backup file, its format and how Limber writes it. Pure (the caller passes `now`).
 *
 * A backup is JSON: { format: 'limber-backup', version: 1, exportedAt, settings, settingsVersion,
 * ownRoutines, history } with the history as stored break rows and the user's own routines
 * (lib/own-routines.ts; absent in backups made before they existed: none). Day aggregates are not in it: they are rebuilt
 * on import. Settings from an older settings version are migrated before they are checked.
 *
 * Reading one back is the import check's (lib/backup-parse.ts parseBackup); the history as CSV is
 * lib/history-csv.ts; what a backup holds, for the import's preview, lib/backup-summary.ts.
 */
import { SETTINGS_VERSION, type Settings } from './settings';
import type { StoredBreak } from './storage/history';
import { MAX_IMPORT_BYTES } from './limits';
import type { OwnRoutine } from './own-routines';

export const BACKUP_FORMAT = 'limber-backup';
export const BACKUP_VERSION = 1;
export { MAX_IMPORT_BYTES };
/**
 * The most break rows a backup holds: 20 years at the default intervals (about 34 breaks a working
 * day). Chosen so that an export of that many rows, each at its longest, is within
 * MAX_IMPORT_BYTES: every file Limber writes can be imported back (lib/backup.test.ts).
 */
export const MAX_ROWS = 170_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  settingsVersion: number;
  ownRoutines: OwnRoutine[];
  history: StoredBreak[];
}

export function makeBackup(settings: Settings, history: readonly StoredBreak[], now: number, ownRoutines: readonly OwnRoutine[] = []): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), settings, settingsVersion: SETTINGS_VERSION, ownRoutines: [...ownRoutines], history: [...history] };
}

/**
 * The backup file's text: its top level indented, one history row per line (a row indented
 * field by field took half as much room again).
 */
export function backupJson(b: Backup): string {
  const { history, ...rest } = b;
  const head = JSON.stringify(rest, null, 1);
  const rows = history.length ? `[\n${history.map((r) => JSON.stringify(r)).join(',\n')}\n ]` : '[]';
  return `${head.slice(0, -2)},\n "history": ${rows}\n}\n`;
}

/** "limber-2026-03-05-1530.json" for an export made on that day at 15:30 (`stamp` "2026-03-05-1530"). */
export function exportFilename(stamp: string, ext: 'json' | 'csv'): string {
  return `limber-${ext === 'csv' ? 'history-' : ''}${stamp}.${ext}`;
}
