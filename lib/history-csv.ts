/** "Your data": the history exported as CSV, for spreadsheets (a backup to import back is JSON: lib/backup.ts). */
import type { StoredBreak } from './storage/history';

export const CSV_COLUMNS = ['id', 'day', 'kind', 'outcome', 'due_at', 'prompted_at', 'started_at', 'ended_at', 'routine_id', 'desk_minutes', 'snoozes', 'manual'] as const;

function csvCell(x: string): string {
  // Quote what needs it; a leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(x) ? `'${x}` : x;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (t: number | null) => (t === null ? '' : new Date(t).toISOString());

/** The history as CSV (RFC 4180, header row, ISO 8601 UTC times, desk time in minutes). */
export function historyCsv(rows: readonly StoredBreak[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.id, r.day, r.kind, r.outcome, iso(r.dueAt), iso(r.promptedAt), iso(r.startedAt), iso(r.endedAt), r.routineId ?? '', (r.deskMs / 60_000).toFixed(1), String(r.snoozes), r.manual ? 'true' : 'false']
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
