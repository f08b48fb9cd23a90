import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import { aggregate, type BreakFacts, type DayAggregate } from './aggregates';
import { addDays } from './days';
import { breaksToMeet, HEATMAP_WEEKS, popupHistory, weeklyReview } from './review';
import type { Highlight } from './review-highlights';
import { DEFAULT_SETTINGS, type Schedule } from './settings';

const OFF: Schedule = DEFAULT_SETTINGS.schedule;
let n = 0;
function row(day: string, outcome: BreakFacts['outcome'], extra: Partial<BreakFacts> = {}): BreakFacts {
  return { id: `r${n++}`, day, kind: 'stretch', outcome, deskMs: 40 * 60_000, routineId: null, ...extra };
}
const aggs = (rows: BreakFacts[]): DayAggregate[] => [...aggregate(rows).values()].sort((a, b) => a.day.localeCompare(b.day));
const keys = (hs: Highlight[]) => hs.map((h) => h.key);

describe('popup history', () => {
  it('an empty history: an empty ring, 7 empty days, and an invitation', () => {
    const p = popupHistory([], '2026-03-05', OFF);
    expect(p.ring).toEqual({ taken: 0, due: 0, share: 0, met: false });
    expect(p.days.map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(p.days.every((d) => d.due === 0)).toBe(true);
    expect(p.cheer).toEqual({ key: 'cheerFirst', subs: [] });
  });

  it("today's ring, the last 7 days' bars and the streak", () => {
    const rows = [
      row('2026-03-03', 'completed'),
      row('2026-03-04', 'completed'),
      row('2026-03-04', 'skipped'),
      row('2026-03-05', 'completed', { kind: 'micro' }),
      row('2026-03-05', 'natural', { kind: 'micro' }),
      row('2026-03-05', 'partial'),
      row('2026-03-05', 'skipped'),
    ];
    const p = popupHistory(aggs(rows), '2026-03-05', OFF, { stretchOn: true });
    expect(p.ring).toEqual({ taken: 3, due: 4, share: 0.625, met: true });
    expect(p.streak).toEqual({ current: 3, longest: 3, graceLeft: 1 });
    const today = p.days[6]!;
    expect([today.completed, today.natural, today.partial, today.skipped, today.status]).toEqual([1, 1, 1, 1, 'met']);
    expect(p.days[5]!.status).toBe('met');
    expect(p.cheer).toEqual({ key: 'cheerRecord', count: 3, subs: [3] });
  });

  it('the encouragement follows the numbers', () => {
    const past = [row('2026-03-02', 'completed'), row('2026-03-03', 'completed'), row('2026-03-04', 'completed')];
    const longer = [row('2026-02-01', 'completed'), row('2026-02-02', 'completed'), row('2026-02-03', 'completed'), row('2026-02-04', 'completed'), row('2026-02-05', 'completed'), row('2026-02-06', 'skipped'), row('2026-02-07', 'skipped')];
    // Today counts, but not a record.
    expect(popupHistory(aggs([...longer, ...past, row('2026-03-05', 'completed')]), '2026-03-05', OFF).cheer).toEqual({ key: 'cheerTodayCounts', count: 4, subs: [4] });
    // Today counts, first day.
    expect(popupHistory(aggs([row('2026-03-05', 'completed')]), '2026-03-05', OFF).cheer.key).toBe('cheerTodayStarts');
    // Not yet: with stretch breaks on, one stretch break is enough.
    expect(popupHistory(aggs(past), '2026-03-05', OFF, { stretchOn: true }).cheer).toEqual({ key: 'cheerStretchKeeps', count: 3, subs: [3] });
    expect(popupHistory(aggs([row('2026-03-01', 'skipped')]), '2026-03-05', OFF, { stretchOn: true }).cheer.key).toBe('cheerStretchStarts');
    // Posture checks only: how many more.
    const micro = (o: BreakFacts['outcome']) => row('2026-03-05', o, { kind: 'micro' });
    expect(popupHistory(aggs([...past, micro('skipped'), micro('skipped'), micro('skipped')]), '2026-03-05', OFF, { stretchOn: false }).cheer).toEqual({ key: 'cheerKeep', count: 3, subs: [3] });
    expect(popupHistory(aggs([...past, micro('skipped')]), '2026-03-05', OFF, { stretchOn: false }).cheer).toEqual({ key: 'cheerKeep', count: 1, subs: [1] });
    // A day off in the schedule.
    const weekdays: Schedule = { ...OFF, enabled: true };
    expect(popupHistory(aggs(past), '2026-03-07', weekdays).cheer).toEqual({ key: 'cheerDayOffStreak', count: 3, subs: [3] });
  });

  it('breaks to meet the share', () => {
    expect(breaksToMeet(undefined, 0.5)).toBe(1);
    expect(breaksToMeet({ due: 4, completed: 0, natural: 0, partial: 0 }, 0.5)).toBe(4);
    expect(breaksToMeet({ due: 4, completed: 1, natural: 0, partial: 0 }, 0.5)).toBe(2);
    expect(breaksToMeet({ due: 4, completed: 2, natural: 0, partial: 0 }, 0.5)).toBe(0);
    expect(breaksToMeet({ due: 3, completed: 1, natural: 0, partial: 1 }, 0.5)).toBe(0); // 1.5/3
    expect(breaksToMeet({ due: 4, completed: 1, natural: 0, partial: 1 }, 0.5)).toBe(1); // 2.5/5
  });
});

describe('weekly review', () => {
  // Thursday 2026-03-05; this week starts Monday 2026-03-02, last week 2026-02-23.
  const today = '2026-03-05';
  const rows = [
    row('2026-02-23', 'completed', { routineId: 'cat-cow', deskMs: 90 * 60_000 }),
    row('2026-02-24', 'skipped', { deskMs: 120 * 60_000 }),
    row('2026-02-25', 'completed', { routineId: 'chin-tucks' }),
    row('2026-03-02', 'completed', { routineId: 'cat-cow', deskMs: 50 * 60_000 }),
    row('2026-03-02', 'natural', { kind: 'micro', deskMs: 20 * 60_000 }),
    row('2026-03-03', 'completed', { routineId: 'cat-cow', deskMs: 60 * 60_000 }),
    row('2026-03-04', 'partial', { routineId: 'neck-side-stretch', deskMs: 75 * 60_000 }),
    row('2026-03-04', 'skipped', { deskMs: 30 * 60_000 }),
    row('2026-03-05', 'completed', { routineId: 'cat-cow', deskMs: 45 * 60_000 }),
  ];
  const r = weeklyReview(aggs(rows), today, OFF);

  it('this week against last week', () => {
    expect(r.thisWeek.start).toBe('2026-03-02');
    expect(r.lastWeek.start).toBe('2026-02-23');
    expect([r.thisWeek.taken, r.thisWeek.due, r.lastWeek.taken, r.lastWeek.due]).toEqual([5, 6, 2, 3]);
    expect(r.thisWeek.share).toBeCloseTo(4.5 / 6);
    expect(r.thisWeek.longestMs).toBe(75 * 60_000);
    expect(r.thisWeek.longestDay).toBe('2026-03-04');
    expect(r.lastWeek.longestMs).toBe(120 * 60_000);
    expect(r.thisWeek.routines).toEqual([{ id: 'cat-cow', n: 3 }, { id: 'neck-side-stretch', n: 1 }]);
    expect(r.thisWeek.areas[0]).toEqual({ area: 'lower-back', n: 3 }); // cat-cow: lower back, upper back
    expect(r.thisWeek.areas.map((a) => a.area)).toContain('neck');
    expect(r.thisWeek.days.map((d) => d.status)).toEqual(['met', 'met', 'grace', 'met', 'future', 'future', 'future']);
    // Desk time per day: the larger of the two kinds' sums.
    expect(r.thisWeek.days[0]!.deskMs).toBe(50 * 60_000);
    expect(r.thisWeek.days[2]!.deskMs).toBe(105 * 60_000);
    expect(r.thisWeek.metDays).toBe(3);
    expect(r.thisWeek.workDays).toBe(4);
  });

  it('a 12-week heat map, Monday first, ending this Sunday', () => {
    expect(r.heatmap).toHaveLength(7 * HEATMAP_WEEKS);
    expect(r.heatmap[0]!.day).toBe(addDays('2026-03-02', -77));
    expect(r.heatmap.at(-1)!.day).toBe('2026-03-08');
    expect(r.heatmap.find((d) => d.day === '2026-02-24')!.status).toBe('grace');
    expect(r.heatmap.find((d) => d.day === '2026-03-06')!.status).toBe('future');
  });

  it('highlights come from the numbers', () => {
    expect(keys(r.highlights)).toEqual(['hlTakenMore', 'hlShare', 'hlMetDays', 'hlSitShorter', 'hlDesk', 'hlNatural', 'hlTopRoutine', 'hlAreas', 'hlBestStreak']);
    expect(r.highlights[0]!.values).toEqual([{ n: 5 }, { n: 3 }]); // 5 this week, 2 by Thursday last week
    expect(r.lastWeekSoFar.taken).toBe(2);
    expect(r.lastWeekSoFar.due).toBe(3);
    expect(r.highlights[1]!.values).toEqual([{ share: 0.75 }, { share: 2 / 3 }]);
    expect(r.highlights[3]!.values).toEqual([{ ms: 75 * 60_000 }, { day: '2026-03-04' }, { ms: 120 * 60_000 }]);
    expect(r.streak).toEqual({ current: 5, longest: 5, graceLeft: 0 }); // 5 counting days, two grace days between
    const empty = weeklyReview([], today, OFF);
    expect(empty.empty).toBe(true);
    // A new user: the page's empty card says it; no highlight repeats it. With older history, one does.
    expect(keys(empty.highlights)).toEqual([]);
    expect(keys(weeklyReview([], today, OFF, undefined, [{ day: '2025-12-01', met: true }]).highlights)[0]).toBe('hlNoBreaks');
  });

  it('counts are compared with last week up to the same weekday', () => {
    const rr = weeklyReview(aggs([row('2026-02-23', 'completed'), row('2026-02-28', 'completed'), row('2026-03-01', 'completed'), row('2026-03-02', 'completed')]), '2026-03-02', OFF);
    expect([rr.lastWeek.taken, rr.lastWeekSoFar.taken, rr.thisWeek.taken]).toEqual([3, 1, 1]);
    expect(rr.highlights[0]).toEqual({ key: 'hlTakenSame', values: [{ n: 1 }] });
  });

  it('weeks can start on Sunday: the week, last week so far and the heat map follow', () => {
    // 2026-03-01 is a Sunday, 2026-03-02 a Monday.
    const rows = aggs([row('2026-02-22', 'completed'), row('2026-02-23', 'completed'), row('2026-02-28', 'completed'), row('2026-03-01', 'completed'), row('2026-03-02', 'completed')]);
    const sun = weeklyReview(rows, '2026-03-02', OFF, undefined, [], 6);
    expect(sun.thisWeek.start).toBe('2026-03-01');
    expect(sun.thisWeek.days.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect([sun.lastWeek.start, sun.lastWeek.taken, sun.lastWeekSoFar.taken, sun.thisWeek.taken]).toEqual(['2026-02-22', 3, 2, 2]);
    expect(sun.heatmap[0]!.day).toBe(addDays('2026-03-01', -7 * (HEATMAP_WEEKS - 1)));
    expect(sun.heatmap.at(-1)!.day).toBe('2026-03-07');
    // The same history with Monday weeks.
    const mon = weeklyReview(rows, '2026-03-02', OFF);
    expect([mon.thisWeek.start, mon.lastWeek.taken, mon.lastWeekSoFar.taken, mon.thisWeek.taken]).toEqual(['2026-03-02', 3, 1, 1]);
  });

  it('each highlight comes from the weeks that call for it (the branches no other case reaches), and its words are in the catalogue', () => {
    const min = 60_000;
    const lines = (rows: BreakFacts[]) => keys(weeklyReview(aggs(rows), '2026-03-05', OFF).highlights);
    const seen = new Set<string>();
    const has = (rows: BreakFacts[], want: string[], not: string[]) => {
      const got = lines(rows);
      for (const k of want) expect(got, `${k} in ${got.join(', ')}`).toContain(k);
      for (const k of not) expect(got).not.toContain(k);
      want.forEach((k) => seen.add(k));
    };
    // Nothing last week, two breaks this week: the first ones; a share without last week's; the
    // longest sitting without a comparison.
    has([row('2026-03-02', 'completed'), row('2026-03-03', 'completed')], ['hlTakenFirst', 'hlShareOnly', 'hlSit'], ['hlTakenMore', 'hlTakenFewer', 'hlShare', 'hlSitShorter', 'hlSitLonger']);
    // Four last week by Thursday, one this week, after a longer stretch than any last week: fewer, longer.
    const last = ['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26'].map((d) => row(d, 'completed'));
    has([...last, row('2026-03-02', 'completed', { deskMs: 70 * min })], ['hlTakenFewer', 'hlShare', 'hlSitLonger'], ['hlTakenFirst', 'hlTakenMore', 'hlShareOnly', 'hlSitShorter', 'hlSit']);
    // The same number as last week by Thursday.
    has([...last, ...['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map((d) => row(d, 'completed'))], ['hlTakenSame'], ['hlTakenFewer', 'hlTakenMore']);
    // A streak under way shorter than the best one (five days, then two missed: more than the grace
    // day, then two): "N days, best M", not "your best".
    has([...last, row('2026-02-27', 'completed'), row('2026-03-02', 'skipped'), row('2026-03-03', 'skipped'), row('2026-03-04', 'completed'), row('2026-03-05', 'completed')], ['hlStreak'], ['hlBestStreak']);
    for (const k of seen) expect(en).toHaveProperty(k);
  });
});
