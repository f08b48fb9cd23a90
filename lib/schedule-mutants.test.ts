/**
 * Working hours: invariants a hand-made mutant of lib/schedule.ts, lib/schedule-form.ts or
 * lib/pause-tomorrow.ts survived until these tests (each names the broken variant it catches).
 * Fixed instants, explicit time zones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clock } from './platform/clock';
import { pauseTomorrowEnd, storedSchedule } from './pause-tomorrow';
import { currentInterval, isWorking, nextWorkStart, tomorrowStart } from './schedule';
import { rangeProblems, scheduleValid } from './schedule-form';
import { DEFAULT_SETTINGS, type Schedule, type TimeRange } from './settings';

const at = (iso: string) => Date.parse(iso);
const hm = (h: number, m = 0) => h * 60 + m;
const NINE_TO_FIVE30: TimeRange[] = [{ from: hm(9), to: hm(17, 30) }];
const week = (days: TimeRange[][]): Schedule => ({ enabled: true, days });

describe('next start across a 25-hour day', () => {
  // Mutant: nextWorkStart looks 7 days ahead instead of 8. New York, 2026: the clocks go back on
  // Sunday 1 November, so Monday 26 October 09:30 EDT to Monday 2 November 09:00 EST is 7 days and
  // half an hour: a Monday-only week has a next start, not none.
  it('Monday-only hours, asked on Monday at 09:30 the week the clocks go back: next Monday 09:00 (New York)', () => {
    const monOnly = week([NINE_TO_FIVE30, [], [], [], [], [], []]);
    expect(nextWorkStart(monOnly, at('2026-10-26T13:30:00Z'), 'America/New_York')).toBe(at('2026-11-02T14:00:00Z'));
    // Asked after the hours (17:45 EDT): the same next start.
    expect(nextWorkStart(monOnly, at('2026-10-26T21:45:00Z'), 'America/New_York')).toBe(at('2026-11-02T14:00:00Z'));
  });
  it('the same in Lord Howe, whose clocks go back half an hour (Sunday 5 April 2026)', () => {
    const monOnly = week([NINE_TO_FIVE30, [], [], [], [], [], []]);
    // Monday 30 March 09:00 +11 (22:00 UTC Sunday) -> Monday 6 April 09:00 +10:30 (22:30 UTC Sunday).
    // Asked at 09:15 +11, inside the hours: the next start is 7 days and a quarter of an hour away.
    expect(nextWorkStart(monOnly, at('2026-03-29T22:15:00Z'), 'Australia/Lord_Howe')).toBe(at('2026-04-05T22:30:00Z'));
  });
});

describe('the end minute of hours that cross midnight', () => {
  // Mutant: `p.minute <= r.to` in tomorrowStart. Every day 20:00-02:00 in Berlin: at Tuesday 02:00
  // Monday's hours are over, so "until tomorrow" is Wednesday 20:00; at 01:59 it is Tuesday 20:00.
  const nights = week(Array.from({ length: 7 }, () => [{ from: hm(20), to: hm(2) }]));
  it('at 02:00 on Tuesday (Monday\'s 20:00-02:00 just ended) tomorrow is Wednesday 20:00; a minute before, Tuesday 20:00', () => {
    expect(isWorking(nights, at('2026-03-03T01:00:00Z'), 'Europe/Berlin')).toBe(false);
    expect(tomorrowStart(nights, at('2026-03-03T01:00:00Z'), 'Europe/Berlin')).toBe(at('2026-03-04T19:00:00Z'));
    expect(tomorrowStart(nights, at('2026-03-03T00:59:00Z'), 'Europe/Berlin')).toBe(at('2026-03-03T19:00:00Z'));
  });
});

describe('hours that the clocks skip entirely', () => {
  // Mutant: an interval of no length kept (`end >= start`). Berlin, Sunday 29 March 2026: 02:00 -> 03:00,
  // so Sunday hours 02:00-03:00 do not happen that day: no start announced for them.
  it('Sunday 02:00-03:00 in Berlin on the night the clocks go forward: the next start is the Sunday after', () => {
    const s = week([[], [], [], [], [], [], [{ from: hm(2), to: hm(3) }]]);
    expect(nextWorkStart(s, at('2026-03-28T12:00:00Z'), 'Europe/Berlin')).toBe(at('2026-04-05T00:00:00Z'));
  });
});

describe('travel: the same hours read in the new time zone at once', () => {
  // Mutant: the memo of intervals keyed on the schedule only, not the zone.
  it('Mon-Fri 09:00-17:30: 15:00 UTC on a Monday is working in Berlin (16:00), not in Kolkata (20:30), and is in New York (11:00)', () => {
    const s = week([NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []]);
    const now = at('2026-03-02T15:00:00Z');
    expect(isWorking(s, now, 'Europe/Berlin')).toBe(true);
    expect(isWorking(s, now, 'Asia/Kolkata')).toBe(false);
    expect(currentInterval(s, now, 'America/New_York')).toEqual({ start: at('2026-03-02T14:00:00Z'), end: at('2026-03-02T22:30:00Z') });
    expect(nextWorkStart(s, now, 'Asia/Kolkata')).toBe(at('2026-03-03T03:30:00Z'));
  });
});

describe('the week editor\'s checks at the ends of the day', () => {
  it('a range to 24:00 (1440, as an import or another computer may hold it) is no problem (mutant: `to >= 24 * 60` out of the day)', () => {
    expect(rangeProblems([{ from: hm(18), to: 24 * 60 }])).toEqual([]);
    expect(scheduleValid(week([[{ from: hm(18), to: 24 * 60 }], [], [], [], [], [], []]))).toBe(true);
  });
  it('a range from 24:00 is out of the day (mutant: `from > 24 * 60`)', () => {
    expect(rangeProblems([{ from: 24 * 60, to: hm(1) }])).toEqual([{ index: 0, problem: 'outOfDay' }]);
  });
  it('ranges that touch are no overlap: 09:00-12:00 then 12:00-17:00, 22:00-02:00 then 02:00-06:00 (mutant: `<=`)', () => {
    expect(rangeProblems([{ from: hm(9), to: hm(12) }, { from: hm(12), to: hm(17) }])).toEqual([]);
    expect(rangeProblems([{ from: hm(12), to: hm(17) }, { from: hm(9), to: hm(12) }])).toEqual([]);
    expect(rangeProblems([{ from: hm(2), to: hm(6) }, { from: hm(22), to: hm(2) }])).toEqual([]);
    // A minute more is an overlap.
    expect(rangeProblems([{ from: hm(9), to: hm(12, 1) }, { from: hm(12), to: hm(17) }])).toEqual([{ index: 1, problem: 'overlap' }]);
  });
});

describe('"Until tomorrow" in the pause menu reads the hours as stored', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });
  it('hours to 24:00 and a day of six ranges are read, not refused (mutants: `< 1440`, `d.length < 6`)', () => {
    const late = week([[{ from: hm(18), to: 24 * 60 }], [], [], [], [], [], []]);
    expect(storedSchedule({ schedule: late })).toEqual(late);
    const six = Array.from({ length: 6 }, (_, i) => ({ from: hm(8 + i * 2), to: hm(9 + i * 2) }));
    const full = week([six, [], [], [], [], [], []]);
    expect(storedSchedule({ schedule: full })).toEqual(full);
    // Seven ranges or a minute past the day are not a shape the options save.
    expect(storedSchedule({ schedule: week([[...six, { from: hm(21), to: hm(22) }], [], [], [], [], [], []]) })).toBeNull();
    expect(storedSchedule({ schedule: week([[{ from: hm(18), to: 24 * 60 + 1 }], [], [], [], [], [], []]) })).toBeNull();
  });
  it('with sync never switched (no choice stored), the synced hours are the ones read (mutant: a missing choice read as off)', async () => {
    vi.spyOn(clock, 'now').mockReturnValue(at('2026-03-06T15:00:00Z')); // Friday 16:00 in Berlin
    vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
    const synced = { ...DEFAULT_SETTINGS, schedule: { ...DEFAULT_SETTINGS.schedule, enabled: true } };
    await fakeBrowser.storage.local.set({ settings: DEFAULT_SETTINGS });
    await fakeBrowser.storage.sync.set({ settings: synced });
    expect(await pauseTomorrowEnd()).toBe(at('2026-03-09T08:00:00Z')); // Monday 09:00
    await fakeBrowser.storage.local.set({ settingsSync: 'off' });
    expect(await pauseTomorrowEnd()).toBe(at('2026-03-06T23:00:00Z')); // this computer's: no hours, midnight
  });
});
