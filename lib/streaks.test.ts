import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import { aggregate, type BreakFacts } from './aggregates';
import { dayKey } from './days';
import { popupHistory } from './review';
import { DEFAULT_SETTINGS, type Schedule } from './settings';
import {
  classifyDay,
  currentStreak,
  dayOfWeek,
  GRACE_PER_MONTH,
  isWorkday,
  longestStreak,
  MET_SHARE,
  scanStreaks,
  takenShare,
  thisWeek,
  weekDays,
  weekdayOf,
  weekStart,
  type DayCounts,
} from './streaks';

/** A day with `met` breaks completed (stretch) and `missed` skipped; or custom counts. */
function day(d: string, counts: Partial<Omit<DayCounts, 'day'>> = {}): DayCounts {
  const c = { completed: 0, partial: 0, natural: 0, skipped: 0, completedStretch: 0, ...counts };
  return { day: d, due: counts.due ?? c.completed + c.partial + c.natural + c.skipped, ...c };
}
const met = (d: string) => day(d, { completed: 1, completedStretch: 1 });
const missed = (d: string) => day(d, { skipped: 3 });

const OFF: Schedule = DEFAULT_SETTINGS.schedule; // disabled
const WEEKDAYS: Schedule = { ...DEFAULT_SETTINGS.schedule, enabled: true }; // Mon-Fri, weekends off

describe('a day counts', () => {
  it('with at least half of its due breaks taken (partial = half) or one completed stretch break', () => {
    expect(MET_SHARE).toBe(0.5);
    expect(classifyDay(day('2026-03-02', { completed: 2, skipped: 2 }), OFF)).toBe('met');
    expect(classifyDay(day('2026-03-02', { completed: 1, natural: 1, skipped: 2 }), OFF)).toBe('met');
    expect(classifyDay(day('2026-03-02', { completed: 1, partial: 1, skipped: 2 }), OFF)).toBe('missed'); // 1.5 / 4
    expect(classifyDay(day('2026-03-02', { completed: 1, partial: 2, skipped: 1 }), OFF)).toBe('met'); // 2 / 4
    expect(classifyDay(day('2026-03-02', { completed: 1, completedStretch: 1, skipped: 9 }), OFF)).toBe('met');
    expect(classifyDay(day('2026-03-02', { skipped: 1 }), OFF)).toBe('missed');
    expect(takenShare(day('2026-03-02', { partial: 1, skipped: 1 }))).toBe(0.25);
  });
  it('the share is an argument', () => {
    const d = day('2026-03-02', { completed: 2, skipped: 2 });
    expect(classifyDay(d, OFF, { share: 0.75, gracePerMonth: 0 })).toBe('missed');
    expect(classifyDay(d, OFF, { share: 0.5, gracePerMonth: 0 })).toBe('met');
  });
  it('from the history: one finished stretch break counts the day, one finished posture check does not (README: "or finished one stretch break")', () => {
    const row = (id: string, kind: BreakFacts['kind'], outcome: BreakFacts['outcome']): BreakFacts => ({ id, day: '2026-03-02', kind, outcome, deskMs: 20 * 60_000, routineId: null });
    const skipped = ['a', 'b', 'c'].map((id) => row(id, 'micro', 'skipped'));
    const withCheck = aggregate([...skipped, row('d', 'micro', 'completed')]).get('2026-03-02')!;
    const withStretch = aggregate([...skipped, row('d', 'stretch', 'completed')]).get('2026-03-02')!;
    // 1 of 4 taken either way: only the stretch break makes the day count by itself.
    expect([classifyDay(withCheck, OFF), withCheck.cls]).toEqual(['missed', 'missed']);
    expect([classifyDay(withStretch, OFF), withStretch.cls]).toEqual(['met', 'met']);
  });
  it('is neutral with no breaks due, or on a day off in the schedule', () => {
    expect(classifyDay(undefined, OFF)).toBe('off');
    expect(classifyDay(day('2026-03-02'), OFF)).toBe('off');
    // 2026-03-07 is a Saturday: off with weekday hours, missed without a schedule.
    expect(classifyDay(missed('2026-03-07'), WEEKDAYS)).toBe('off');
    expect(classifyDay(missed('2026-03-07'), OFF)).toBe('missed');
    expect(classifyDay(missed('2026-03-06'), WEEKDAYS)).toBe('missed');
  });
});

describe('current and longest streak', () => {
  it('an empty history: no streak, today in progress', () => {
    const s = scanStreaks([], '2026-03-05', OFF);
    expect([s.current, s.longest, s.anyHistory]).toEqual([0, 0, false]);
    expect(s.status('2026-03-05')).toBe('pending');
    expect(s.status('2026-03-06')).toBe('future');
  });

  it('one day', () => {
    expect(currentStreak([met('2026-03-05')], '2026-03-05')).toBe(1);
    expect(currentStreak([met('2026-03-04')], '2026-03-05')).toBe(1); // today not over yet
    expect(currentStreak([missed('2026-03-05')], '2026-03-05')).toBe(0);
    expect(longestStreak([met('2026-03-05')], '2026-03-05')).toBe(1);
  });

  it('today never breaks a streak; it adds one once it counts', () => {
    const days = [met('2026-03-03'), met('2026-03-04')];
    expect(currentStreak([...days, missed('2026-03-05')], '2026-03-05')).toBe(2);
    expect(currentStreak([...days, met('2026-03-05')], '2026-03-05')).toBe(3);
  });

  it('days without breaks due neither break nor extend a streak', () => {
    expect(currentStreak([met('2026-03-02'), met('2026-03-04'), met('2026-03-05')], '2026-03-05')).toBe(3);
    expect(currentStreak([met('2026-02-01'), met('2026-03-05')], '2026-03-05')).toBe(2);
  });

  it('days off in the schedule neither break nor extend it', () => {
    // Fri 6, Sat 7 (skipped everything), Sun 8 (took breaks), Mon 9.
    const days = [met('2026-03-06'), missed('2026-03-07'), met('2026-03-08'), met('2026-03-09')];
    expect(currentStreak(days, '2026-03-09', WEEKDAYS, { share: 0.5, gracePerMonth: 0 })).toBe(2);
    expect(currentStreak(days, '2026-03-09', OFF, { share: 0.5, gracePerMonth: 0 })).toBe(2); // Sat breaks it
    expect(currentStreak(days, '2026-03-09', OFF, { share: 0.5, gracePerMonth: 1 })).toBe(3); // grace
  });

  it('one grace day per calendar month keeps a streak alive (not counted in its length)', () => {
    expect(GRACE_PER_MONTH).toBe(1);
    const s = scanStreaks([met('2026-03-02'), missed('2026-03-03'), met('2026-03-04')], '2026-03-05', OFF);
    expect(s.current).toBe(2);
    expect(s.status('2026-03-03')).toBe('grace');
    expect(s.graceLeft).toBe(0);
    // A second miss in the same month breaks it.
    const t = scanStreaks([met('2026-03-02'), missed('2026-03-03'), met('2026-03-04'), missed('2026-03-10'), met('2026-03-11')], '2026-03-11', OFF);
    expect(t.current).toBe(1);
    expect(t.longest).toBe(2);
    expect(t.status('2026-03-10')).toBe('missed');
  });

  it('a grace day does not start a streak', () => {
    const s = scanStreaks([missed('2026-03-02'), met('2026-03-03')], '2026-03-04', OFF);
    expect(s.status('2026-03-02')).toBe('missed');
    expect(s.current).toBe(1);
  });

  it('grace is per calendar month: a month end can use two in a row', () => {
    const days = [met('2026-01-29'), met('2026-01-30'), missed('2026-01-31'), missed('2026-02-01'), met('2026-02-02')];
    const s = scanStreaks(days, '2026-02-02', OFF);
    expect(s.current).toBe(3);
    expect([s.status('2026-01-31'), s.status('2026-02-01')]).toEqual(['grace', 'grace']);
    expect(currentStreak(days, '2026-02-02', OFF, { share: 0.5, gracePerMonth: 0 })).toBe(1);
  });

  it('across a year end', () => {
    expect(currentStreak([met('2025-12-30'), met('2025-12-31'), met('2026-01-01')], '2026-01-02')).toBe(3);
    const s = scanStreaks([met('2025-12-30'), missed('2025-12-31'), missed('2026-01-01'), met('2026-01-02')], '2026-01-02', OFF);
    expect(s.current).toBe(2); // one grace in December, one in January
    expect(longestStreak([met('2025-12-30'), met('2025-12-31'), met('2026-01-01'), met('2026-01-05')], '2026-01-05', OFF, { share: 0.5, gracePerMonth: 0 })).toBe(4);
  });

  it('finds the longest run among several', () => {
    const days = [met('2026-01-05'), met('2026-01-06'), met('2026-01-07'), missed('2026-01-08'), missed('2026-01-09'), met('2026-01-12')];
    const s = scanStreaks(days, '2026-01-12', OFF);
    expect([s.current, s.longest]).toEqual([1, 3]);
  });

  it('ignores days after today (a clock set back)', () => {
    expect(currentStreak([met('2026-03-04'), missed('2026-03-06'), met('2026-03-07')], '2026-03-05')).toBe(1);
  });

  it('across DST changes: keys from local times, one key per local day', () => {
    // Berlin springs forward on 2026-03-29 and falls back on 2026-10-25. Breaks at 00:30 and
    // 23:30 local on those days fall on those days; the week still has 7 days.
    const tz = 'Europe/Berlin';
    const keys = [Date.UTC(2026, 2, 27, 23, 30), Date.UTC(2026, 2, 28, 22, 30), Date.UTC(2026, 2, 29, 21, 30), Date.UTC(2026, 2, 29, 22, 30)].map((t) => dayKey(t, tz));
    expect(keys).toEqual(['2026-03-28', '2026-03-28', '2026-03-29', '2026-03-30']);
    const days = [...new Set(keys)].map(met);
    expect(currentStreak(days, '2026-03-30')).toBe(3);
    expect(weekDays('2026-03-29')).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(dayKey(Date.UTC(2026, 9, 24, 22, 30), tz)).toBe('2026-10-25'); // 00:30 CEST
    expect(dayKey(Date.UTC(2026, 9, 25, 22, 30), tz)).toBe('2026-10-25'); // 23:30 CET
    expect(currentStreak([met('2026-10-24'), met('2026-10-25'), met('2026-10-26')], '2026-10-26')).toBe(3);
  });

  it('across a change of time zone: each break keeps the key it got; nothing counts twice', () => {
    // Evening in Berlin on the 10th, then a flight to New York: the next break (03:00 UTC on the
    // 11th) is still the 10th there. Today is the 11th in New York.
    const a = dayKey(Date.UTC(2026, 2, 10, 19, 0), 'Europe/Berlin');
    const b = dayKey(Date.UTC(2026, 2, 11, 3, 0), 'America/New_York');
    expect([a, b]).toEqual(['2026-03-10', '2026-03-10']);
    const today = dayKey(Date.UTC(2026, 2, 11, 15, 0), 'America/New_York');
    expect(currentStreak([met('2026-03-09'), day('2026-03-10', { completed: 2, completedStretch: 2 })], today)).toBe(2);
    // Flying east skips a local day: no breaks that day, so it is neutral.
    expect(currentStreak([met('2026-03-09'), met('2026-03-11')], '2026-03-11')).toBe(2);
  });
});

describe('a night shift (working hours that run past midnight)', () => {
  // Mon-Fri 22:00-06:00: Saturday 00:00-06:00 is working time (Friday night's shift); Sunday is not.
  const NIGHT = [{ from: 22 * 60, to: 6 * 60 }];
  const NIGHTS: Schedule = { enabled: true, days: [NIGHT, NIGHT, NIGHT, NIGHT, NIGHT, [], []] };
  // One stretch break completed in each shift, recorded on the local day it ended (Berlin, UTC+1).
  const rows: BreakFacts[] = ['2026-03-02T22:00:00Z', '2026-03-03T02:00:00Z', '2026-03-04T02:00:00Z', '2026-03-05T02:00:00Z', '2026-03-06T02:00:00Z', '2026-03-07T02:00:00Z'].map((iso, i) => ({
    id: `n${i}`,
    day: dayKey(Date.parse(iso), 'Europe/Berlin'),
    kind: 'stretch',
    outcome: 'completed',
    deskMs: 40 * 60_000,
    routineId: null,
  }));
  const aggs = () => [...aggregate(rows).values()].sort((a, b) => a.day.localeCompare(b.day));

  it('the Saturday morning the Friday shift runs into is a working day: met, it counts toward the streak', () => {
    expect(rows.map((r) => r.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    const s = scanStreaks(aggs(), '2026-03-08', NIGHTS);
    expect(s.status('2026-03-07')).toBe('met');
    expect(s.current).toBe(6);
    // Sunday has no hours and none run into it: a day off.
    expect(s.status('2026-03-08')).toBe('off');
  });

  it('the popup at 03:00 on Saturday, mid-shift with a break taken, does not say it is a day off', () => {
    const p = popupHistory(aggs(), '2026-03-07', NIGHTS, { stretchOn: true });
    expect(p.ring.met).toBe(true);
    expect(p.cheer.key).not.toBe('cheerDayOff');
  });

  it('hours that end at midnight do not make the next day a working day', () => {
    const EVENINGS: Schedule = { enabled: true, days: [[{ from: 18 * 60, to: 0 }], [], [], [], [], [], []] };
    expect(isWorkday('2026-03-02', EVENINGS)).toBe(true); // Monday
    expect(isWorkday('2026-03-03', EVENINGS)).toBe(false);
    expect(isWorkday('2026-03-03', { enabled: true, days: [[{ from: 18 * 60, to: 60 }], [], [], [], [], [], []] })).toBe(true);
  });
});

describe('weeks', () => {
  it('weeks start on Monday', () => {
    expect(weekdayOf('2026-03-02')).toBe(0);
    expect(weekdayOf('2026-03-08')).toBe(6);
    expect(weekStart('2026-03-08')).toBe('2026-03-02');
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });
  it('weeks can start on Sunday or Saturday, across month and year ends', () => {
    // 2026-03-08 is a Sunday, 2026-03-07 a Saturday; 2026-01-01 a Thursday.
    expect(weekStart('2026-03-08', 6)).toBe('2026-03-08');
    expect(weekStart('2026-03-07', 6)).toBe('2026-03-01');
    expect(weekStart('2026-03-07', 5)).toBe('2026-03-07');
    expect(weekStart('2026-03-06', 5)).toBe('2026-02-28');
    expect(weekStart('2026-01-01', 6)).toBe('2025-12-28');
    expect(weekDays('2026-03-04', 6)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(dayOfWeek('2026-03-08', 6)).toBe(0);
    expect(dayOfWeek('2026-03-08', 0)).toBe(6);
    expect(thisWeek([met('2026-03-01')], '2026-03-02', OFF, undefined, 6).map((d) => d.status)).toEqual(['met', 'pending', 'future', 'future', 'future', 'future', 'future']);
  });
  it("this week's days with their status", () => {
    const w = thisWeek([met('2026-03-02'), missed('2026-03-03'), met('2026-03-04')], '2026-03-05', OFF);
    expect(w.map((d) => d.status)).toEqual(['met', 'grace', 'met', 'pending', 'future', 'future', 'future']);
    expect(w[0]!.day).toBe('2026-03-02');
    const weekend = thisWeek([met('2026-03-06')], '2026-03-08', WEEKDAYS);
    expect(weekend.map((d) => d.status)).toEqual(['off', 'off', 'off', 'off', 'met', 'off', 'off']);
  });
});

describe('grace days (README: "One missed day a month is forgiven as a grace day; each streak has its own")', () => {
  it('a month forgives one missed day per streak: a streak begun again after a break has its own', () => {
    const OFF = DEFAULT_SETTINGS.schedule; // no working hours: every day is a working day
    // March 2026: the 3rd is missed (forgiven), the 10th is missed (the streak breaks: March's grace
    // was used by it), a new streak on the 11th and 12th, the 13th missed: forgiven for the new streak.
    const days = [met('2026-03-02'), missed('2026-03-03'), met('2026-03-04'), missed('2026-03-10'), met('2026-03-11'), met('2026-03-12'), missed('2026-03-13')];
    const s = scanStreaks(days, '2026-03-14', OFF);
    expect(['2026-03-03', '2026-03-10', '2026-03-13'].map((d) => s.status(d))).toEqual(['grace', 'missed', 'grace']);
    expect(s.current).toBe(2);
    // The review page's "Grace days left this month": 0 while the first streak runs after the 3rd,
    // 1 again for the streak begun on the 11th, 0 once it used its own.
    expect(scanStreaks(days.slice(0, 3), '2026-03-05', OFF).graceLeft).toBe(0);
    expect(scanStreaks(days.slice(0, 5), '2026-03-11', OFF).graceLeft).toBe(1);
    expect(s.graceLeft).toBe(0);
  });

  it('the review page\'s rule says so: its calendar can show a second grace day in a month, and "Grace days left this month: 1" after one', () => {
    // What the review shows for March 2026 with the history above, on the 12th: the 3rd is a grace
    // day, the streak broke on the 10th, and the new one has a grace day left this month. A rule
    // that said only "one missed day a month" would be contradicted by the page it is on.
    const OFF = DEFAULT_SETTINGS.schedule;
    const days = [met('2026-03-02'), missed('2026-03-03'), met('2026-03-04'), missed('2026-03-10'), met('2026-03-11')];
    const s = scanStreaks(days, '2026-03-12', OFF);
    expect([s.status('2026-03-03'), s.status('2026-03-10'), s.graceLeft]).toEqual(['grace', 'missed', 1]);
    expect(en.streakRuleGrace.message).toMatch(/^One missed day a month is forgiven as a grace day/);
    expect(en.streakRuleGrace.message).toMatch(/breaks and starts again.*its own/);
  });
});
