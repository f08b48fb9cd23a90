/**
 * The demo history (scripts/demo-history.ts) holds only what a person would have done by `now`,
 * so what "this week" holds depends on when a test runs: on the week's first day (Sunday in en-US,
 * the browsers' locale here) and on Monday before the working day's first break, this week has no
 * break at all, and the weekly review rightly has almost nothing to say (2 highlights). Tests that
 * read this week's figures add one completed stretch break that ended today, before `now`, in
 * `timeZone`: this week then always has a break, whatever the day and time of the run.
 */
import { dayKey } from '../lib/days';
import { localParts, localToInstant } from '../lib/schedule';
import type { DemoRow } from '../scripts/demo-history';

export function withBreakToday(rows: readonly DemoRow[], now: number, timeZone: string): DemoRow[] {
  const p = localParts(now, timeZone);
  const midnight = localToInstant(p.year, p.month, p.day, 0, timeZone);
  // A minute ago, or at midnight when the day is younger than that (never in the future).
  const endedAt = Math.max(midnight, now - 60_000);
  const startedAt = endedAt - 3 * 60_000;
  const row: DemoRow = {
    id: `today-${endedAt}`,
    kind: 'stretch',
    outcome: 'completed',
    dueAt: startedAt,
    promptedAt: null,
    startedAt,
    endedAt,
    routineId: 'cat-cow',
    deskMs: 30 * 60_000,
    snoozes: 0,
    manual: true,
    day: dayKey(startedAt ?? endedAt, timeZone),
  };
  return [...rows.filter((r) => r.id !== row.id), row].sort((a, b) => a.endedAt - b.endedAt);
}
