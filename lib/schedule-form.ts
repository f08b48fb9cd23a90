/**
 * The working-hours form's side of a schedule: its problems range by range and across the week,
 * whether a week may be handed on, and its wording (weekday names, times of day, the one-line
 * preview). Apart from lib/schedule.ts (the time arithmetic the worker runs on) so that the pages
 * that show the week editor do not load that arithmetic up front.
 */
import { DEFAULT_SETTINGS, validSettings, type Schedule, type TimeRange } from './settings';

/** Validation for the schedule editor: a message key per problem, per day. */
export type RangeProblem = 'zeroLength' | 'overlap' | 'outOfDay' | 'overlapNextDay';

export function rangeProblems(ranges: readonly TimeRange[]): Array<{ index: number; problem: RangeProblem }> {
  const problems: Array<{ index: number; problem: RangeProblem }> = [];
  const spans = ranges.map((r) => ({ from: r.from, to: r.to > r.from ? r.to : r.to + 24 * 60 }));
  ranges.forEach((r, i) => {
    if (r.from < 0 || r.from >= 24 * 60 || r.to < 0 || r.to > 24 * 60) problems.push({ index: i, problem: 'outOfDay' });
    else if (r.from === r.to) problems.push({ index: i, problem: 'zeroLength' });
  });
  // A range with a problem of its own (a range of no length would read as a whole day) overlaps nothing.
  const own = new Set(problems.map((p) => p.index));
  for (let i = 0; i < spans.length; i++) {
    for (let j = 0; j < i && !own.has(i); j++) {
      if (own.has(j)) continue;
      const a = spans[i]!;
      const b = spans[j]!;
      if (a.from < b.to && b.from < a.to) {
        problems.push({ index: i, problem: 'overlap' });
        break;
      }
    }
  }
  return problems;
}

/**
 * "09:00" (or "9:00 AM") for a minute of the day, in the given locale; 1440, the end of the day,
 * as 24:00 where the locale writes midnight 00:00 or 0:00 (a range "18:00–24:00", not
 * "18:00–00:00"; a 12-hour clock keeps 12:00 AM). Only for text: a time input cannot hold 24:00.
 */
export function formatMinute(minute: number, locale?: string): string {
  // Minutes since 1 January 1970 00:00 UTC: that time of the day.
  const text = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(minute * 6e4);
  return minute > 1439 ? text.replace(/^0?0/, '24') : text;
}

/**
 * Whether a range is written as ending at midnight, "24:00" (`formatMinute(1440)`): it ends at 0 or
 * 1440 and has some length; 00:00–00:00 is no hours (lib/schedule.ts), not a whole day, and is
 * written as its fields show it.
 */
export function endsAtMidnight(r: TimeRange): boolean {
  return r.to % 1440 === 0 && r.to !== r.from;
}

/**
 * The minute of the day a time field (<input type="time">) holds. Its value is "HH:MM" on a 24-hour
 * clock whatever clock it shows ("20:30" for 8:30 PM), and '' while the time is cleared or half
 * typed: anything else, '' included, is null.
 */
export function fieldMinute(value: string): number | null {
  const match = /^(\d\d):(\d\d)$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** A minute of the day as a time field's value ("08:30"); the end of the day, 1440, as "00:00" (a field cannot hold 24:00). */
export function fieldText(minute: number): string {
  return `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Short weekday names, Monday first (index 0 = Monday, as in a schedule). */
export function weekdayNames(locale?: string, style: 'short' | 'long' = 'short'): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format((i + 4) * 864e5)); // 5 January 1970 was a Monday
}

/** The marks between two days or times of the preview: a range ("Mon–Fri", "09:00–17:30") and a pair of days ("Sat, Sun"). */
export interface ScheduleMarks {
  range: (a: string, b: string) => string;
  pair: (a: string, b: string) => string;
}
const MARKS: ScheduleMarks = { range: (a, b) => `${a}–${b}`, pair: (a, b) => `${a}, ${b}` };

/**
 * The schedule in one sentence's worth of parts: consecutive days with the same ranges grouped,
 * e.g. [{ days: 'Mon–Fri', ranges: '09:00–12:30 and 13:30–18:00' }], in the order of a week that
 * starts on `firstDay` (0 = Monday ... 6 = Sunday; a Sunday-first week reads 'Sun–Thu'). Null when
 * the schedule is off. `listLang`: the language of the sentence's "and", and `marks` its range and
 * pair marks (the page's: Japanese "月～金", where the names and times are in the browser's `locale`).
 */
export function describeSchedule(schedule: Schedule, locale?: string, firstDay = 0, listLang = locale, marks = MARKS): Array<{ days: string; ranges: string }> | null {
  if (!schedule.enabled) return null;
  const names = weekdayNames(locale);
  const list = new Intl.ListFormat(listLang); // long, conjunction: "a, b and c"
  const day = (i: number) => (firstDay + i) % 7;
  const on = (i: number) => schedule.days[day(i)] ?? [];
  const key = (i: number) => JSON.stringify(on(i));
  // Positions in the week as shown (0 = its first day).
  const groups: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < 7; i++) {
    if (!on(i).length) continue;
    const last = groups[groups.length - 1];
    if (last && last.to === i - 1 && key(last.from) === key(i)) last.to = i;
    else groups.push({ from: i, to: i });
  }
  return groups.map((g) => {
    const [a, b] = [names[day(g.from)]!, names[day(g.to)]!];
    return {
      days: g.from === g.to ? a : g.to === g.from + 1 ? marks.pair(a, b) : marks.range(a, b),
      ranges: list.format(on(g.from).map((r) => marks.range(formatMinute(r.from, locale), formatMinute(endsAtMidnight(r) ? 1440 : r.to, locale)))),
    };
  });
}

/** Problems across the week: each day's own, plus ranges crossing midnight into the next day's hours. */
export function weekProblems(days: ReadonlyArray<readonly TimeRange[]>): Array<Array<{ index: number; problem: RangeProblem }>> {
  return days.map((ranges, d) => {
    const own = rangeProblems(ranges);
    const next = days[(d + 1) % 7] ?? [];
    ranges.forEach((r, i) => {
      if (own.some((p) => p.index === i) || !(r.to < r.from)) return;
      // The part after midnight is [0, r.to) on the next day.
      if (next.some((n) => n.from < r.to)) own.push({ index: i, problem: 'overlapNextDay' });
    });
    return own;
  });
}

/**
 * Whether a schedule is complete and valid: no range problem on any day, and accepted by the
 * settings schema (what the week editor may hand on, and what the settings may hold).
 */
export function scheduleValid(s: Schedule): boolean {
  return weekProblems(s.days).every((p) => p.length === 0) && validSettings({ ...DEFAULT_SETTINGS, schedule: s }) !== null;
}
