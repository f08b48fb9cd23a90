/**
 * History, days and the week across daylight saving, with fixed instants and explicit IANA zones
 * (the process runs in UTC): the popup and the weekly review put a break on the same local day and
 * agree on its counts and streaks; weeks that start on Saturday or Sunday. (Travel and the daily
 * limit: tracker/rules-days.test.ts; grace days: streaks.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { popupSummary } from './popup-summary';
import { weeklyReview } from './review';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { clearHistory, closeHistory, recordBreak } from './storage/history';
import { parseBackup } from './backup-parse';
import type { BreakRecord } from './tracker/tracker';
import type { DayCounts } from './streaks';
import { historyReview } from './weekly-review';
import { exportData } from './data';
import { MIN } from '../tests/tracker-rules-sim';

const at = (iso: string) => Date.parse(iso);

afterEach(async () => {
  await closeHistory();
});

function day(d: string, counts: Partial<Omit<DayCounts, 'day'>> = {}): DayCounts {
  const c = { completed: 0, partial: 0, natural: 0, skipped: 0, completedStretch: 0, ...counts };
  return { day: d, due: c.completed + c.partial + c.natural + c.skipped, ...c };
}
const met = (d: string) => day(d, { completed: 1, completedStretch: 1 });

function rec(id: string, endedAt: number, outcome: BreakRecord['outcome'] = 'completed'): BreakRecord {
  return { id, kind: 'stretch', outcome, dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: outcome === 'skipped' ? null : endedAt - 3 * MIN, endedAt, routineId: null, deskMs: 45 * MIN, snoozes: 0, manual: false };
}

describe('DST days in New York, the popup and the weekly review agree', () => {
  const NY = 'America/New_York';
  const settings: Settings = { ...DEFAULT_SETTINGS, weekStart: 'sun' };

  it('the 25-hour Sunday 1 November 2026: breaks at 00:30 EDT and 23:30 EST are that day, in the popup and the review alike', async () => {
    await recordBreak(rec('a', at('2026-11-01T04:30:00Z')), NY); // 00:30 EDT
    await recordBreak(rec('b', at('2026-11-01T05:30:00Z')), NY); // 01:30 EDT
    await recordBreak(rec('c', at('2026-11-01T06:30:00Z')), NY); // 01:30 EST (the repeated hour)
    await recordBreak(rec('d', at('2026-11-02T04:30:00Z'), 'skipped'), NY); // 23:30 EST
    await recordBreak(rec('e', at('2026-10-31T16:00:00Z')), NY); // Saturday noon
    const now = at('2026-11-02T04:45:00Z'); // 23:45 EST on Sunday
    const p = await popupSummary(now, NY, settings);
    const r = await historyReview(now, NY, settings, 'en-US');
    expect(p?.today).toMatchObject({ day: '2026-11-01', taken: 3, skipped: 1, streak: 2, longest: 2 });
    expect(r?.today).toBe('2026-11-01');
    // Weeks from Sunday: this week starts on the 1st, the DST day itself.
    expect(r?.thisWeek.start).toBe('2026-11-01');
    expect(r?.thisWeek.days[0]).toMatchObject({ day: '2026-11-01', taken: 3, skipped: 1, status: 'met' });
    expect(r?.lastWeek.days[6]).toMatchObject({ day: '2026-10-31', taken: 1, status: 'met' });
    expect(r?.streak).toMatchObject({ current: 2, longest: 2 });
  });

  it('the 23-hour Sunday 8 March 2026: 00:30 EST and 23:30 EDT are that day; Monday is the next', async () => {
    await recordBreak(rec('a', at('2026-03-08T05:30:00Z')), NY); // 00:30 EST
    await recordBreak(rec('b', at('2026-03-09T03:30:00Z')), NY); // 23:30 EDT
    await recordBreak(rec('c', at('2026-03-09T04:30:00Z')), NY); // 00:30 EDT Monday
    const p = await popupSummary(at('2026-03-09T05:00:00Z'), NY, settings);
    expect(p?.today).toMatchObject({ day: '2026-03-09', taken: 1, streak: 2 });
    expect(p?.history.days.slice(-2).map((d) => [d.day, d.taken])).toEqual([['2026-03-08', 2], ['2026-03-09', 1]]);
  });
});

describe('Saturday-first weeks across the Berlin autumn change', () => {
  it('this week, last week so far and the heat map start on Saturdays', () => {
    const rows = [met('2026-10-24'), met('2026-10-25'), met('2026-10-26')];
    const aggs = rows.map((r) => ({ ...r, taken: r.completed, deskMsByKind: { micro: 0, stretch: 0 }, longestMs: 0, routines: {}, cls: 'met' as const }));
    const r = weeklyReview(aggs, '2026-10-26', DEFAULT_SETTINGS.schedule, undefined, [], 5);
    expect(r.thisWeek.start).toBe('2026-10-24'); // a Saturday
    expect(r.thisWeek.days.map((d) => d.status)).toEqual(['met', 'met', 'met', 'future', 'future', 'future', 'future']);
    expect(r.heatmap[0]!.day).toBe('2026-08-08'); // 11 Saturdays before
    expect(r.streak.current).toBe(3);
  });
});

describe('a break across midnight is on the day it began', () => {
  const BERLIN = 'Europe/Berlin';
  const settings: Settings = { ...DEFAULT_SETTINGS };

  // Friday 6 March 2026 in Berlin: one posture check skipped in the afternoon and a stretch break
  // started at 23:58, finished at 00:04 on Saturday. The stretch break keeps Friday (README "A
  // day counts ... or finished one stretch break"): it was taken that evening, as the popup's
  // "Finish one stretch break today to keep your streak going" asked at 23:55. Before the fix it
  // was filed under Saturday, the day it ended: Friday missed (a grace day spent, or the streak
  // broken), Saturday counting before any work, the evening's desk time on Saturday.
  it('the popup, the weekly review and the CSV put it on Friday', async () => {
    await recordBreak(rec('thu', at('2026-03-05T15:00:00Z')), BERLIN); // Thursday 16:00
    await recordBreak({ ...rec('fri-skip', at('2026-03-06T15:00:00Z'), 'skipped'), kind: 'micro' }, BERLIN);
    await recordBreak({ ...rec('late', at('2026-03-06T23:04:00Z')), startedAt: at('2026-03-06T22:58:00Z') }, BERLIN); // 23:58 -> 00:04
    const now = at('2026-03-06T23:30:00Z'); // Saturday 00:30
    const p = await popupSummary(now, BERLIN, settings);
    expect(p?.today).toMatchObject({ day: '2026-03-07', taken: 0, streak: 2 });
    expect(p?.history.days.slice(-3).map((d) => [d.day, d.taken, d.status])).toEqual([
      ['2026-03-05', 1, 'met'],
      ['2026-03-06', 1, 'met'],
      ['2026-03-07', 0, 'pending'],
    ]);
    const r = await historyReview(now, BERLIN, settings);
    expect(r?.streak.current).toBe(2);
    expect(r?.thisWeek.days.find((d) => d.day === '2026-03-06')).toMatchObject({ taken: 1, skipped: 1, status: 'met' });
    expect(r?.thisWeek.days.find((d) => d.day === '2026-03-07')).toMatchObject({ taken: 0, deskMs: 0 });
    const csv = await exportData('csv', now, BERLIN);
    expect(csv.text.split('\r\n').find((l) => l.startsWith('late,'))).toMatch(/^late,2026-03-06,stretch,completed,/);
  });

  it('a backup holding such breaks imports back, in the zones farthest from UTC (the day is its start\'s, within a day of its end\'s UTC date)', async () => {
    // Started at 23:50, ended 48 minutes later: longer than any break runs (30 minutes at most, given up 15 minutes after).
    for (const [tz, start] of [['Pacific/Kiritimati', '2026-03-06T09:50:00Z'], ['Etc/GMT+12', '2026-03-07T11:50:00Z'], ['Pacific/Honolulu', '2026-03-07T09:50:00Z']] as const) {
      await clearHistory();
      const s = at(start);
      await recordBreak({ ...rec(`x${s}`, s + 48 * MIN), outcome: 'partial', dueAt: s - 2 * MIN, promptedAt: s - 2 * MIN, startedAt: s }, tz);
      const file = await exportData('json', s + 60 * MIN, tz);
      const parsed = parseBackup(file.text, s + 60 * MIN);
      expect({ tz, ok: parsed.ok, day: parsed.ok ? parsed.value.history[0]?.day : parsed.problem }).toEqual({ tz, ok: true, day: '2026-03-06' });
    }
  });
});
