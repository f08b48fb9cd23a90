import { describe, expect, it } from 'vitest';
import { currentInterval, isWorking, localToInstant, nextWorkStart, tomorrowStart, workingIntervals } from './schedule';
import { describeSchedule, rangeProblems, scheduleValid, weekProblems } from './schedule-form';
import type { Schedule } from './settings';

const H = 3_600_000;
const NINE_TO_FIVE30 = [{ from: 9 * 60, to: 17 * 60 + 30 }];
const weekdays: Schedule = { enabled: true, days: [NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []] };

describe('localToInstant', () => {
  it('converts wall-clock time in a zone, across DST changes', () => {
    expect(localToInstant(2026, 3, 2, 9 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 2, 8)); // CET
    expect(localToInstant(2026, 7, 1, 9 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 7)); // CEST
    expect(localToInstant(2026, 3, 8, 9 * 60, 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 13)); // EDT from that day
    expect(localToInstant(2026, 3, 2, 9 * 60, 'UTC')).toBe(Date.UTC(2026, 2, 2, 9));
  });
  it('maps a skipped time to just after the jump, a repeated one to its first occurrence', () => {
    // Berlin 2026-03-29: 02:00 -> 03:00. 02:30 does not exist.
    expect(localToInstant(2026, 3, 29, 150, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // Berlin 2026-10-25: 03:00 -> 02:00. 02:30 happens twice; first at 00:30 UTC.
    expect(localToInstant(2026, 10, 25, 150, 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });
  it('the same in zones more than 12 hours from UTC (New Zealand, the Chatham Islands), and at +14 (Kiribati)', () => {
    // Auckland 2026-09-27: 02:00 NZST -> 03:00 NZDT. 02:30 does not exist: just after the jump, 03:30 NZDT.
    expect(localToInstant(2026, 9, 27, 150, 'Pacific/Auckland')).toBe(Date.UTC(2026, 8, 26, 14, 30));
    // Auckland 2026-04-05: 03:00 NZDT -> 02:00 NZST. 02:30 happens twice; first at 02:30 NZDT (13:30 UTC).
    expect(localToInstant(2026, 4, 5, 150, 'Pacific/Auckland')).toBe(Date.UTC(2026, 3, 4, 13, 30));
    // An ordinary morning either side: NZDT (+13) in January, NZST (+12) in July.
    expect(localToInstant(2026, 1, 12, 9 * 60, 'Pacific/Auckland')).toBe(Date.UTC(2026, 0, 11, 20));
    expect(localToInstant(2026, 7, 13, 9 * 60, 'Pacific/Auckland')).toBe(Date.UTC(2026, 6, 12, 21));
    // Chatham 2026-09-27: 02:45 +12:45 -> 03:45 +13:45. 03:00 does not exist: 04:00 +13:45.
    expect(localToInstant(2026, 9, 27, 180, 'Pacific/Chatham')).toBe(Date.UTC(2026, 8, 26, 14, 15));
    expect(localToInstant(2026, 3, 2, 9 * 60, 'Pacific/Kiritimati')).toBe(Date.UTC(2026, 2, 1, 19));
  });
});

describe('working hours', () => {
  const tz = 'Europe/Berlin';
  it('knows working time, evenings and weekends', () => {
    expect(isWorking(weekdays, Date.UTC(2026, 2, 2, 8, 30), tz)).toBe(true); // Mon 09:30
    expect(isWorking(weekdays, Date.UTC(2026, 2, 2, 7, 59), tz)).toBe(false); // Mon 08:59
    expect(isWorking(weekdays, Date.UTC(2026, 2, 2, 16, 29), tz)).toBe(true); // Mon 17:29
    expect(isWorking(weekdays, Date.UTC(2026, 2, 2, 16, 30), tz)).toBe(false); // Mon 17:30
    expect(isWorking(weekdays, Date.UTC(2026, 2, 7, 10), tz)).toBe(false); // Saturday
  });
  it('keeps 09:00 local on both sides of DST', () => {
    const before = currentInterval(weekdays, Date.UTC(2026, 2, 27, 10), tz)!; // Fri, CET
    const after = currentInterval(weekdays, Date.UTC(2026, 2, 30, 10), tz)!; // Mon, CEST
    expect(before.start).toBe(Date.UTC(2026, 2, 27, 8));
    expect(after.start).toBe(Date.UTC(2026, 2, 30, 7));
    expect(after.end - after.start).toBe(8.5 * H);
  });
  it('handles ranges that cross midnight, including into a day off', () => {
    const night: Schedule = { enabled: true, days: [[{ from: 22 * 60, to: 6 * 60 }], [], [], [], [], [], []] };
    expect(isWorking(night, Date.UTC(2026, 2, 2, 22), 'UTC')).toBe(true); // Mon 22:00
    expect(isWorking(night, Date.UTC(2026, 2, 3, 5, 59), 'UTC')).toBe(true); // Tue 05:59
    expect(isWorking(night, Date.UTC(2026, 2, 3, 6), 'UTC')).toBe(false);
    expect(currentInterval(night, Date.UTC(2026, 2, 3, 1), 'UTC')).toEqual({ start: Date.UTC(2026, 2, 2, 22), end: Date.UTC(2026, 2, 3, 6) });
  });
  it('merges back-to-back ranges across midnight', () => {
    const s: Schedule = { enabled: true, days: [[{ from: 20 * 60, to: 24 * 60 }], [{ from: 0, to: 2 * 60 }], [], [], [], [], []] };
    expect(workingIntervals(s, Date.UTC(2026, 2, 2, 21), Date.UTC(2026, 2, 2, 21), 'UTC')).toEqual([{ start: Date.UTC(2026, 2, 2, 20), end: Date.UTC(2026, 2, 3, 2) }]);
  });
  it('finds the next start: Friday evening -> Monday 09:00', () => {
    expect(nextWorkStart(weekdays, Date.UTC(2026, 2, 6, 18), tz)).toBe(Date.UTC(2026, 2, 9, 8));
    expect(nextWorkStart({ ...weekdays, enabled: false }, Date.UTC(2026, 2, 6, 18), tz)).toBeNull();
  });
  it('tomorrow starts at its first working hour, or midnight without a schedule', () => {
    expect(tomorrowStart(weekdays, Date.UTC(2026, 2, 2, 12), tz)).toBe(Date.UTC(2026, 2, 3, 8));
    expect(tomorrowStart(weekdays, Date.UTC(2026, 2, 6, 12), tz)).toBe(Date.UTC(2026, 2, 9, 8)); // Fri -> Mon
    expect(tomorrowStart({ ...weekdays, enabled: false }, Date.UTC(2026, 2, 2, 12), tz)).toBe(Date.UTC(2026, 2, 2, 23));
  });
  it("tomorrow, asked after midnight inside working hours that began the day before, is the day after those hours' day", () => {
    // Every day 20:00-02:00 in Berlin (UTC+1 in March). At 00:30 on Tuesday the person is still in
    // Monday's hours: "until tomorrow's first working hour" is Tuesday 20:00, not Wednesday 20:00.
    const berlin = 'Europe/Berlin';
    const nights: Schedule = { enabled: true, days: Array.from({ length: 7 }, () => [{ from: 20 * 60, to: 2 * 60 }]) };
    expect(tomorrowStart(nights, Date.UTC(2026, 2, 2, 23, 30), berlin)).toBe(Date.UTC(2026, 2, 3, 19)); // Tue 00:30 -> Tue 20:00
    expect(tomorrowStart(nights, Date.UTC(2026, 2, 2, 22), berlin)).toBe(Date.UTC(2026, 2, 3, 19)); // Mon 23:00 -> Tue 20:00 (as before)
    // Monday's hours 09:00-17:30 and 22:00-02:00, Tuesday's 09:00-17:30: at Tuesday 01:00, Tuesday 09:00.
    const late: Schedule = { enabled: true, days: [[...NINE_TO_FIVE30, { from: 22 * 60, to: 2 * 60 }], NINE_TO_FIVE30, [], [], [], [], []] };
    expect(tomorrowStart(late, Date.UTC(2026, 2, 3, 0), berlin)).toBe(Date.UTC(2026, 2, 3, 8));
    // New York, the night the clocks go forward (Sun 8 March 2026, 02:00 -> 03:00): Saturday's
    // hours 22:00-04:00 go on past the change; at Sunday 03:30 EDT tomorrow is Sunday 22:00 EDT.
    const ny = 'America/New_York';
    const satNight: Schedule = { enabled: true, days: [[], [], [], [], [], [{ from: 22 * 60, to: 4 * 60 }], [{ from: 22 * 60, to: 4 * 60 }]] };
    expect(tomorrowStart(satNight, Date.UTC(2026, 2, 8, 7, 30), ny)).toBe(Date.UTC(2026, 2, 9, 2));
    // Working all day every day (one endless range): still tomorrow's midnight.
    const always: Schedule = { enabled: true, days: Array.from({ length: 7 }, () => [{ from: 0, to: 24 * 60 }]) };
    expect(tomorrowStart(always, Date.UTC(2026, 2, 2, 23, 30), berlin)).toBe(Date.UTC(2026, 2, 3, 23));
  });
  it('tomorrow, with all-day hours on weekdays, is the next weekday\'s midnight, not the Monday after the week\'s hours end', () => {
    // README "Pause": "until tomorrow (the start of your first working hours after midnight)". With
    // Monday to Friday 00:00-24:00 in Berlin, Thursday's hours start at Thursday's midnight; the
    // days touch, so they merge into one range from Monday to Saturday, and "Until tomorrow" on
    // Wednesday afternoon paused until the next Monday.
    const berlin = 'Europe/Berlin';
    const allDay = [{ from: 0, to: 24 * 60 }];
    const weekdaysAllDay: Schedule = { enabled: true, days: [allDay, allDay, allDay, allDay, allDay, [], []] };
    expect(tomorrowStart(weekdaysAllDay, Date.UTC(2026, 2, 4, 14), berlin)).toBe(Date.UTC(2026, 2, 4, 23)); // Wed 15:00 -> Thu 00:00
    expect(tomorrowStart(weekdaysAllDay, Date.UTC(2026, 2, 2, 0, 30), berlin)).toBe(Date.UTC(2026, 2, 2, 23)); // Mon 01:30 -> Tue 00:00
    expect(tomorrowStart(weekdaysAllDay, Date.UTC(2026, 2, 6, 14), berlin)).toBe(Date.UTC(2026, 2, 8, 23)); // Fri -> Mon 00:00
    // New York, the Sunday the clocks go forward (8 March 2026), Sunday to Saturday all day: Monday's midnight (EDT).
    const ny = 'America/New_York';
    const always: Schedule = { enabled: true, days: Array.from({ length: 7 }, () => allDay) };
    expect(tomorrowStart(always, Date.UTC(2026, 2, 8, 16), ny)).toBe(Date.UTC(2026, 2, 9, 4));
  });
  it('a disabled schedule is always working', () => {
    expect(isWorking({ ...weekdays, enabled: false }, Date.UTC(2026, 2, 7, 3), tz)).toBe(true);
  });
});

describe('rangeProblems', () => {
  it('finds zero-length, overlapping and impossible ranges', () => {
    expect(rangeProblems([{ from: 540, to: 540 }])).toEqual([{ index: 0, problem: 'zeroLength' }]);
    expect(rangeProblems([{ from: 540, to: 720 }, { from: 700, to: 800 }])).toEqual([{ index: 1, problem: 'overlap' }]);
    expect(rangeProblems([{ from: 22 * 60, to: 2 * 60 }, { from: 23 * 60, to: 23 * 60 + 30 }])).toEqual([{ index: 1, problem: 'overlap' }]);
    expect(rangeProblems([{ from: 1500, to: 30 }])).toEqual([{ index: 0, problem: 'outOfDay' }]);
    expect(rangeProblems([{ from: 540, to: 720 }, { from: 780, to: 1050 }])).toEqual([]);
  });
});

describe('describeSchedule', () => {
  it('groups consecutive days with the same ranges', () => {
    const split = [{ from: 9 * 60, to: 12 * 60 + 30 }, { from: 13 * 60 + 30, to: 18 * 60 }];
    const s: Schedule = { enabled: true, days: [split, split, split, split, split, [], []] };
    expect(describeSchedule(s, 'en-GB')).toEqual([{ days: 'Mon–Fri', ranges: '09:00–12:30 and 13:30–18:00' }]);
    expect(describeSchedule(s, 'en-US')).toEqual([{ days: 'Mon–Fri', ranges: '9:00 AM–12:30 PM and 1:30 PM–6:00 PM' }]);
    expect(describeSchedule(s, 'de-DE')?.[0]?.ranges).toBe('09:00–12:30 und 13:30–18:00');
  });
  it('keeps different days apart and says nothing when off', () => {
    const a = [{ from: 540, to: 1020 }];
    const b = [{ from: 600, to: 900 }];
    const s: Schedule = { enabled: true, days: [a, a, b, [], a, a, []] };
    expect(describeSchedule(s, 'en-GB')?.map((g) => g.days)).toEqual(['Mon, Tue', 'Wed', 'Fri, Sat']);
    expect(describeSchedule({ ...s, enabled: false }, 'en-GB')).toBeNull();
  });

  it('reads in the order of the week as shown: a Sunday-to-Thursday week is "Sun–Thu" when weeks start on Sunday', () => {
    const a = [{ from: 540, to: 1020 }];
    const s: Schedule = { enabled: true, days: [a, a, a, a, [], [], a] };
    expect(describeSchedule(s, 'en-GB', 6)?.map((g) => g.days)).toEqual(['Sun–Thu']);
    expect(describeSchedule(s, 'en-GB')?.map((g) => g.days)).toEqual(['Mon–Thu', 'Sun']);
    // Saturday first, Wednesday off: Sat–Tue, then Thu, Fri.
    expect(describeSchedule({ ...s, days: [a, a, [], a, a, a, a] }, 'en-GB', 5)?.map((g) => g.days)).toEqual(['Sat–Tue', 'Thu, Fri']);
  });
});

describe('describeSchedule: a range to midnight', () => {
  it('ends at 24:00 where the clock runs 0–23 ("18:00–24:00", not "18:00–00:00"), at 12:00 AM on a 12-hour clock; a range from midnight still starts at 00:00', () => {
    for (const to of [24 * 60, 0]) {
      const late = [{ from: 18 * 60, to }];
      const s: Schedule = { enabled: true, days: [late, late, late, late, late, [], []] };
      expect(describeSchedule(s, 'en-GB')?.[0]?.ranges).toBe('18:00–24:00');
      expect(describeSchedule(s, 'de-DE')?.[0]?.ranges).toBe('18:00–24:00');
      expect(describeSchedule(s, 'es-ES')?.[0]?.ranges).toBe('18:00–24:00');
      expect(describeSchedule(s, 'ja-JP')?.[0]?.ranges).toBe('18:00–24:00');
      expect(describeSchedule(s, 'en-US')?.[0]?.ranges).toBe('6:00 PM–12:00 AM');
    }
    const early = [{ from: 0, to: 6 * 60 }];
    expect(describeSchedule({ enabled: true, days: [early, [], [], [], [], [], []] }, 'en-GB')?.[0]?.ranges).toBe('00:00–06:00');
    expect(describeSchedule({ enabled: true, days: [early, [], [], [], [], [], []] }, 'es-ES')?.[0]?.ranges).toBe('0:00–6:00');
  });
});

describe('weekProblems', () => {
  it('flags a range crossing midnight into the next day\'s hours', () => {
    const days = [[{ from: 18 * 60, to: 11 * 60 }], [{ from: 9 * 60, to: 17 * 60 }], [], [], [], [], []];
    expect(weekProblems(days)[0]).toEqual([{ index: 0, problem: 'overlapNextDay' }]);
    expect(weekProblems(days)[1]).toEqual([]);
    const ok = [[{ from: 22 * 60, to: 2 * 60 }], [{ from: 9 * 60, to: 17 * 60 }], [], [], [], [], []];
    expect(weekProblems(ok).flat()).toEqual([]);
    // Sunday wraps to Monday.
    const wrap = [[{ from: 60, to: 120 }], [], [], [], [], [], [{ from: 23 * 60, to: 90 }]];
    expect(weekProblems(wrap)[6]).toEqual([{ index: 0, problem: 'overlapNextDay' }]);
  });
});

describe('scheduleValid', () => {
  const at = (h: number, m = 0) => h * 60 + m;
  const week = (d0: Schedule['days'][number], rest: Schedule['days'][number] = NINE_TO_FIVE30): Schedule => ({ enabled: true, days: [d0, rest, rest, rest, rest, [], []] });

  it('accepts complete weeks, days off and ranges crossing midnight', () => {
    expect(scheduleValid(weekdays)).toBe(true);
    expect(scheduleValid({ enabled: false, days: [[], [], [], [], [], [], []] })).toBe(true);
    expect(scheduleValid(week([{ from: at(22), to: at(2) }], []))).toBe(true);
  });

  it('refuses a range problem on any day (overlap, zero length, into the next day)', () => {
    expect(scheduleValid(week([{ from: at(9), to: at(12) }, { from: at(11), to: at(14) }]))).toBe(false);
    expect(scheduleValid(week([{ from: at(9), to: at(9) }]))).toBe(false);
    expect(scheduleValid(week([{ from: at(20), to: at(10) }]))).toBe(false); // into Tuesday's 09:00
  });

  it('refuses what the settings cannot hold, though no range overlaps', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ from: at(8 + i), to: at(8 + i, 30) }));
    expect(weekProblems([seven, [], [], [], [], [], []]).flat()).toEqual([]);
    expect(scheduleValid(week(seven))).toBe(false); // at most six ranges a day
    expect(scheduleValid({ enabled: true, days: weekdays.days.slice(0, 6) })).toBe(false); // seven days
    expect(scheduleValid(week([{ from: at(9) + 0.5, to: at(12) }]))).toBe(false); // whole minutes
  });
});
