/**
 * The history as CSV (lib/history-csv.ts), read with a person's eyes. Its times were UTC
 * ("2026-03-06T04:30:00.000Z" for a break ended at 20:30 on 5 March in Los Angeles, beside a `day`
 * of 2026-03-05): not the times on the person's clock, and a day column that disagreed with them.
 * Its desk time was "12.5", which a spreadsheet in a language with a decimal comma reads as a date
 * (12 May) or as 125. Both cases failed before the fix. Explicit zones, fixed instants.
 */
import { describe, expect, it } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { CSV_COLUMNS, historyCsv } from './history-csv';

const MIN = 60_000;

/** The cells of the CSV's rows after its header, by column name. */
function cells(csv: string): Array<Record<string, string>> {
  const [, ...lines] = csv.trimEnd().split('\r\n');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [CSV_COLUMNS[i], c])));
}

describe('history CSV', () => {
  it('times are on the person’s clock, with its UTC offset, on the day the day column names', () => {
    // 20:30 on 5 March in Los Angeles (PST, UTC-8) is 04:30 UTC on 6 March.
    const ended = Date.UTC(2026, 2, 6, 4, 30);
    const r = storedBreak('la', ended, { day: '2026-03-05', promptedAt: null });
    const [c] = cells(historyCsv([r], 'America/Los_Angeles'));
    expect(c).toMatchObject({ day: '2026-03-05', due_at: '2026-03-05T20:25:00-08:00', prompted_at: '', started_at: '2026-03-05T20:27:00-08:00', ended_at: '2026-03-05T20:30:00-08:00' });
  });

  it('the hour that comes twice when summer time ends is told apart by its offset', () => {
    // Berlin, 25 October 2026: 02:30 CEST (00:30 UTC), then 02:30 CET (01:30 UTC).
    const r = storedBreak('dst', Date.UTC(2026, 9, 25, 1, 30), { dueAt: Date.UTC(2026, 9, 25, 0, 30), promptedAt: Date.UTC(2026, 9, 25, 0, 30), startedAt: Date.UTC(2026, 9, 25, 1, 29, 30), day: '2026-10-25' });
    const [c] = cells(historyCsv([r], 'Europe/Berlin'));
    expect([c!.due_at, c!.started_at, c!.ended_at]).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T02:29:30+01:00', '2026-10-25T02:30:00+01:00']);
  });

  it('UTC itself, and a zone off the hour, keep the same form', () => {
    const at = Date.UTC(2026, 2, 5, 9, 50);
    expect(cells(historyCsv([storedBreak('u', at)], 'UTC'))[0]!.ended_at).toBe('2026-03-05T09:50:00+00:00');
    expect(cells(historyCsv([storedBreak('k', at)], 'Asia/Kathmandu'))[0]!.ended_at).toBe('2026-03-05T15:35:00+05:45');
  });

  it('desk time is whole minutes: no decimal point for a spreadsheet in German or French to misread', () => {
    const rows = [storedBreak('a', Date.UTC(2026, 2, 5, 9), { deskMs: 12.5 * MIN }), storedBreak('b', Date.UTC(2026, 2, 5, 10), { deskMs: 45 * MIN }), storedBreak('c', Date.UTC(2026, 2, 5, 11), { deskMs: 20_000 })];
    expect(cells(historyCsv(rows, 'UTC')).map((c) => c.desk_minutes)).toEqual(['13', '45', '0']);
  });

  it('an empty history is the header alone', () => {
    expect(historyCsv([], 'Europe/Berlin')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
