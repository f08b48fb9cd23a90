import { afterEach, describe, expect, it } from 'vitest';
import { closeHistory, recentRoutines, recordBreak, todaySummary, breaksOnDay } from './history';
import type { BreakRecord } from '../tracker/tracker';

const DAY = 24 * 3600_000;
// 2026-03-05 12:00 UTC
const NOON = Date.UTC(2026, 2, 5, 12);

function rec(id: string, endedAt: number, outcome: BreakRecord['outcome'] = 'completed', routineId: string | null = null): BreakRecord {
  return { id, kind: 'stretch', outcome, dueAt: endedAt - 60_000, promptedAt: null, startedAt: null, endedAt, routineId, deskMs: 0, snoozes: 0, manual: false };
}

afterEach(() => closeHistory());

describe('history', () => {
  it('records a break once per id (a repeated write is the same row)', async () => {
    await recordBreak(rec('a', NOON), 'UTC');
    await recordBreak(rec('a', NOON), 'UTC');
    expect(await breaksOnDay('2026-03-05')).toHaveLength(1);
  });

  it('fixes the day key in the zone in force at write time', async () => {
    const late = Date.UTC(2026, 2, 5, 23, 30);
    const row = await recordBreak(rec('b', late), 'Asia/Tokyo');
    expect(row.day).toBe('2026-03-06');
  });

  it('summarises today and the streak', async () => {
    await recordBreak(rec('d1', NOON - 2 * DAY), 'UTC');
    await recordBreak(rec('d2', NOON - DAY), 'UTC');
    await recordBreak(rec('d3', NOON - 60_000), 'UTC');
    await recordBreak(rec('d4', NOON - 30_000, 'skipped'), 'UTC');
    await recordBreak(rec('d5', NOON - 10_000, 'natural'), 'UTC');
    const s = await todaySummary(NOON, 'UTC');
    expect(s).toEqual({ day: '2026-03-05', taken: 2, completed: 1, skipped: 1, streak: 3, longest: 3 });
  });

  it('an empty history is zero everywhere', async () => {
    expect(await todaySummary(NOON, 'UTC')).toEqual({ day: '2026-03-05', taken: 0, completed: 0, skipped: 0, streak: 0, longest: 0 });
  });

  it('lists recent routines newest first', async () => {
    await recordBreak(rec('r1', NOON - 3000, 'completed', 'cat-cow'), 'UTC');
    await recordBreak(rec('r2', NOON - 2000, 'natural'), 'UTC');
    await recordBreak(rec('r3', NOON - 1000, 'completed', 'neck-side-stretch'), 'UTC');
    expect(await recentRoutines(5)).toEqual(['neck-side-stretch', 'cat-cow']);
  });
});
