/** "Your data": the history exported as CSV, for spreadsheets (a backup to import back is JSON: lib/backup.ts). */
import type { StoredBreak } from './storage/history';

export const CSV_COLUMNS = ['id', 'day', 'kind', 'outcome', 'due_at', 'prompted_at', 'started_at', 'ended_at', 'routine_id', 'desk_minutes', 'snoozes', 'manual'] as const;

function csvCell(x: string): string {
  // Quote what needs it; a leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(x) ? `'${x}` : x;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the clock in `timeZone` showed it, with that clock's UTC offset
 * ("2026-10-25T02:30:00+01:00"): the person's own times, and the hour that comes twice when summer
 * time ends told apart. The offset is asked of Intl once a day of the history (a whole
 * day has one offset when both its ends have the same), not once a time (170,000 breaks took
 * seconds that way).
 */
export function localTimes(timeZone: string): (t: number | null) => string {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const offset = (s: number) => {
    const p: Record<string, number> = {};
    for (const { type, value } of f.formatToParts(s)) p[type] = +value;
    return Math.round((Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - s) / 60_000);
  };
  const days = new Map<number, number>();
  const atDay = (d: number) => days.get(d) ?? days.set(d, offset(d)).get(d)!;
  return (t) => {
    if (t === null) return '';
    const s = t - (t % 1000);
    const d = s - (s % DAY);
    const o = atDay(d) === atDay(d + DAY) ? atDay(d) : offset(s);
    const a = Math.abs(o);
    return `${new Date(s + o * 60_000).toISOString().slice(0, 19)}${o < 0 ? '-' : '+'}${pad((a / 60) | 0)}:${pad(a % 60)}`;
  };
}

/**
 * The history as CSV (RFC 4180, header row; times ISO 8601 in `timeZone` with their offset; desk
 * time in whole minutes, so that no decimal separator is left for a spreadsheet's language to misread).
 */
export function historyCsv(rows: readonly StoredBreak[], timeZone: string): string {
  const iso = localTimes(timeZone);
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.id, r.day, r.kind, r.outcome, iso(r.dueAt), iso(r.promptedAt), iso(r.startedAt), iso(r.endedAt), r.routineId ?? '', String(Math.round(r.deskMs / 60_000)), String(r.snoozes), r.manual ? 'true' : 'false']
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
