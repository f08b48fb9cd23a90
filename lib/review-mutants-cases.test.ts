/**
 * Mutation hunt in the weekly review's and the popup's figures (lib/review.ts, lib/streaks.ts,
 * lib/review-highlights.ts, lib/weekly-review.ts, lib/popup-summary.ts): each test here was seen
 * to fail on a broken variant of the code that the other tests let through (named in the test),
 * and passes on the real code. Expected values are counted by hand from the breaks each test puts
 * in. Fixed dates, explicit time zones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { aggregate, type BreakFacts, type DayAggregate } from './aggregates';
import { weeklyReview } from './review';
import { popupSummary } from './popup-summary';
import { DEFAULT_SETTINGS, type Schedule, type Settings } from './settings';
import { closeHistory, recordBreak } from './storage/history';
import { scanStreaks, type DayCounts } from './streaks';
import type { BreakRecord } from './tracker/tracker';
import { historyReview } from './weekly-review';

const OFF: Schedule = DEFAULT_SETTINGS.schedule; // no working hours: every day a working day
const WEEKDAYS: Schedule = { ...DEFAULT_SETTINGS.schedule, enabled: true }; // Mon-Fri, weekends off
const MIN = 60_000;
let n = 0;
function row(day: string, outcome: BreakFacts['outcome'], extra: Partial<BreakFacts> = {}): BreakFacts {
  return { id: `m${n++}`, day, kind: 'stretch', outcome, deskMs: 40 * MIN, routineId: null, ...extra };
}
const aggs = (rows: BreakFacts[]): DayAggregate[] => [...aggregate(rows).values()].sort((a, b) => a.day.localeCompare(b.day));
const key = (r: ReturnType<typeof weeklyReview>, k: string) => r.highlights.find((h) => h.key === k);

afterEach(async () => {
  await closeHistory();
});

describe('the weekly review, week from Monday (this week 2026-03-02..08)', () => {
  it('"more than last week" compares with last week by the same weekday, not with all of it (kills: taken compared with the whole last week)', () => {
    // Last week: Monday 23 Feb one break, Friday 27 Feb three. Today Wednesday 4 March: Monday and
    // Tuesday one each. By Wednesday last week you had taken 1; now 2: one more.
    const rows = aggs([
      row('2026-02-23', 'completed'),
      ...[1, 2, 3].map(() => row('2026-02-27', 'completed')),
      row('2026-03-02', 'completed'),
      row('2026-03-03', 'completed'),
    ]);
    const r = weeklyReview(rows, '2026-03-04', OFF);
    expect(r.highlights[0]).toEqual({ key: 'hlTakenMore', values: [{ n: 2 }, { n: 1 }] });
  });

  it('a last week of skipped breaks only is compared as 0%, not left out (kills: the comparison dropped when last week\'s share is 0)', () => {
    // Last week: two breaks due, both skipped (0%). This week: one taken of one (100%).
    const r = weeklyReview(aggs([row('2026-02-24', 'skipped'), row('2026-02-25', 'skipped'), row('2026-03-02', 'completed')]), '2026-03-04', OFF);
    expect(key(r, 'hlShare')).toEqual({ key: 'hlShare', values: [{ share: 1 }, { share: 0 }] });
    expect(key(r, 'hlShareOnly')).toBeUndefined();
  });

  it('a week where no day counted yet still says "0 of 2" days counted (kills: the line hidden while none counted)', () => {
    const r = weeklyReview(aggs([row('2026-03-02', 'skipped'), row('2026-03-03', 'skipped')]), '2026-03-04', OFF);
    expect(key(r, 'hlMetDays')).toEqual({ key: 'hlMetDays', values: [{ n: 0 }, { n: 2 }] });
  });

  it('is not a "first week" when the only earlier breaks are older than the 12 weeks read whole (kills: fresh judged from the recent days only)', () => {
    // A break this Monday; the history's older part (marks) has a counting day in November 2025.
    const r = weeklyReview(aggs([row('2026-03-02', 'completed')]), '2026-03-04', OFF, undefined, [{ day: '2025-11-03', met: true }]);
    expect(r.fresh).toBe(false);
    // With nothing before this week it is one.
    expect(weeklyReview(aggs([row('2026-03-02', 'completed')]), '2026-03-04', OFF).fresh).toBe(true);
  });

  it('the heat map keeps a day\'s due breaks apart from those taken (a day off with two skipped reads "Day off", not "No breaks due")', () => {
    // Saturday 28 Feb, weekends off in the working hours: two prompts, both skipped.
    const r = weeklyReview(aggs([row('2026-02-28', 'skipped'), row('2026-02-28', 'skipped')]), '2026-03-04', WEEKDAYS);
    expect(r.heatmap.find((d) => d.day === '2026-02-28')).toEqual({ day: '2026-02-28', status: 'off', taken: 0, due: 2 });
  });
});

describe('grace days left', () => {
  const day = (d: string, met: boolean): DayCounts => ({ day: d, due: 2, completed: met ? 2 : 0, partial: 0, natural: 0, skipped: met ? 0 : 2, completedStretch: 0 });

  it("a grace day used last month leaves this month's one (kills: grace left counted over all months)", () => {
    // 26 Feb counts, 27 Feb missed (February's grace keeps the streak), 2 March counts; today 3 March.
    const s = scanStreaks([day('2026-02-26', true), day('2026-02-27', false), day('2026-03-02', true)], '2026-03-03', OFF);
    expect([s.status('2026-02-27'), s.current, s.graceLeft]).toEqual(['grace', 2, 1]);
  });
});

/** A stretch break as the tracker records it. */
function rec(id: string, outcome: BreakRecord['outcome'], dueAt: number, deskMs: number, endedAt = dueAt + 3 * MIN): BreakRecord {
  const started = outcome === 'skipped' ? null : dueAt + MIN;
  return { id, kind: 'stretch', outcome, dueAt, promptedAt: dueAt, startedAt: started, endedAt, routineId: null, deskMs, snoozes: 0, manual: false };
}

describe('read from the stored history', () => {
  it("with weeks from Sunday, on a Monday, last week's Sunday sitting stretch joined over a skipped break is read (kills: the break rows read for weeks from Monday)", async () => {
    // UTC. Sunday 1 March 2026: at 10:00 a break due after 50 min at the desk, skipped (closed at
    // 10:01); sitting on, the next one due at 10:51 after 50 min more, taken. One stretch of 1 h 40 min.
    const t = Date.UTC(2026, 2, 1, 10, 0);
    await recordBreak(rec('skip', 'skipped', t, 50 * MIN, t + MIN), 'UTC');
    await recordBreak(rec('take', 'completed', t + 51 * MIN, 50 * MIN), 'UTC');
    const settings: Settings = { ...DEFAULT_SETTINGS, weekStart: 'sun' };
    // Monday 9 March, 12:00: this week is Sunday 8 .. Saturday 14; last week Sunday 1 .. Saturday 7.
    const r = await historyReview(Date.UTC(2026, 2, 9, 12, 0), 'UTC', settings, 'en-US');
    expect(r!.lastWeek.start).toBe('2026-03-01');
    expect([r!.lastWeek.longestMs, r!.lastWeek.longestDay]).toEqual([100 * MIN, '2026-03-01']);
  });

  it("the popup's and break page's current streak is the current one, not the best (kills: today's summary carrying the longest)", async () => {
    // UTC. 2, 3, 4 Feb count (best: 3); 5 Feb missed (February's grace), 6 Feb missed: the streak
    // breaks. Tuesday 3 March one break taken: today counts, current streak 1.
    const t = (d: number, m: number) => Date.UTC(2026, m - 1, d, 10, 0);
    for (const d of [2, 3, 4]) await recordBreak(rec(`f${d}`, 'completed', t(d, 2), 40 * MIN), 'UTC');
    for (const d of [5, 6]) await recordBreak(rec(`s${d}`, 'skipped', t(d, 2), 40 * MIN), 'UTC');
    await recordBreak(rec('today', 'completed', t(3, 3), 40 * MIN), 'UTC');
    const s = await popupSummary(t(3, 3) + 10 * MIN, 'UTC', DEFAULT_SETTINGS);
    expect([s!.today.streak, s!.today.longest, s!.history.streak.current]).toEqual([1, 3, 1]);
  });
});
