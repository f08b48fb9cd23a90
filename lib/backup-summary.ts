/**
 * What a checked backup holds and what replacing the current history with it would lose: the
 * options page's preview before an import. Pure. Apart from lib/backup.ts so that the worker,
 * which shares that module's chunk, does not load it.
 */
import type { Backup } from './backup';
import type { StoredBreak } from './storage/history';
import { isOwnId } from './own-routine-play';

/** What a checked backup holds, for the preview before it replaces anything. */
export interface BackupSummary {
  /** When the backup was made (null when its date cannot be read). */
  exportedAt: number | null;
  breaks: number;
  /** The days of its first and last break (null when it holds none). */
  firstDay: string | null;
  lastDay: string | null;
  /** Breaks whose routine Limber no longer has (kept; shown as "a routine no longer in Limber"). */
  goneRoutines: number;
  /** The user's own routines it holds (they replace the current ones). */
  ownRoutines: number;
}

/** Whether `a` is later than `b`: by day (a break is on the day it began: one ended after midnight may be the earlier day's), then time. */
const later = (a: Pick<StoredBreak, 'endedAt' | 'day'>, b: Pick<StoredBreak, 'endedAt' | 'day'>): boolean => a.day > b.day || (a.day === b.day && a.endedAt > b.endedAt);

export function summarizeBackup(b: Backup, knownRoutine: (id: string) => boolean): BackupSummary {
  let first: StoredBreak | null = null;
  let last: StoredBreak | null = null;
  let goneRoutines = 0;
  const own = new Set(b.ownRoutines.map((o) => o.id));
  for (const r of b.history) {
    if (!first || later(first, r)) first = r;
    if (!last || later(r, last)) last = r;
    // An own routine deleted since is shown as "one of your own routines", never as gone.
    if (r.routineId !== null && !knownRoutine(r.routineId) && !own.has(r.routineId) && !isOwnId(r.routineId)) goneRoutines++;
  }
  const made = Date.parse(b.exportedAt);
  return { exportedAt: Number.isFinite(made) ? made : null, breaks: b.history.length, firstDay: first?.day ?? null, lastDay: last?.day ?? null, goneRoutines, ownRoutines: own.size };
}

/**
 * What replacing the current history with a backup's would lose: the current breaks the backup
 * does not hold, split into those on days after its last break's day (`newer`, "after this
 * backup's last day": all of them when it holds none) and the rest (`other`, later breaks on that
 * same day among them).
 */
export function lostBreaks(current: ReadonlyArray<Pick<StoredBreak, 'id' | 'endedAt' | 'day'>>, b: Backup): { newer: number; other: number } {
  const ids = new Set<string>();
  let last: Pick<StoredBreak, 'endedAt' | 'day'> | null = null;
  for (const r of b.history) {
    ids.add(r.id);
    if (!last || later(r, last)) last = r;
  }
  let newer = 0;
  let other = 0;
  for (const r of current) {
    if (ids.has(r.id)) continue;
    if (!last || r.day > last.day) newer++;
    else other++;
  }
  return { newer, other };
}
