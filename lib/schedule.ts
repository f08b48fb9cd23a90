/**
 * Working hours: pure functions of a schedule, an instant and an IANA time zone. A range is
 * local wall-clock time (09:00-17:30 stays 09:00-17:30 across DST changes and when you travel);
 * `to < from` means the range crosses midnight into the next day; `to == from`, no hours (the week
 * editor refuses it; sync or an import may bring one). (How the week editor checks
 * and words a schedule: lib/schedule-form.ts.)
 */
import type { Schedule, TimeRange } from './settings';

const DAY_MS = 86_400_000;

interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  /** 0 = Monday ... 6 = Sunday */
  weekday: number;
  minute: number; // minutes after local midnight
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partFormatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

export function localParts(epochMs: number, tz: string): LocalParts & { second: number } {
  const parts = partsFormatter(tz).formatToParts(epochMs);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
    second: Number(get('second')),
  };
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(epochMs: number, tz: string): number {
  const p = localParts(epochMs, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, Math.floor(p.minute / 60), p.minute % 60, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time. A time that does not exist (skipped by a DST jump
 * forward) maps to the moment just after the jump; a repeated one (DST back) to its first
 * occurrence.
 */
export function localToInstant(year: number, month: number, day: number, minuteOfDay: number, tz: string): number {
  const wall = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
  // The offsets in force a day either side cover any transition near this time (half a day would
  // not: zones reach 14 hours from UTC, so `wall` read as UTC can lie 13 hours after the instant).
  const before = offsetAt(wall - DAY_MS, tz);
  const after = offsetAt(wall + DAY_MS, tz);
  const matches = [wall - before, wall - after].filter((t) => {
    const p = localParts(t, tz);
    return Date.UTC(p.year, p.month - 1, p.day) + p.minute * 60_000 === wall;
  });
  if (matches.length) return Math.min(...matches);
  // A skipped wall time: read it with the offset from before the jump (lands just after it).
  return wall - before;
}

export interface Interval {
  start: number;
  end: number;
}

/** A memo of computed intervals (same inputs, same answer: the functions stay pure). */
let memo: { key: string; lo: number; hi: number; intervals: Interval[] } | null = null;
const MEMO_SPAN = 16 * DAY_MS;

/** Working intervals overlapping [from, to] (instants), in order. */
export function workingIntervals(schedule: Schedule, from: number, to: number, tz: string): Interval[] {
  const key = `${tz}|${JSON.stringify(schedule.days)}`;
  if (!memo || memo.key !== key || from < memo.lo || to > memo.hi) {
    const lo = Math.min(from, to) - 2 * DAY_MS;
    const hi = Math.max(to, from + MEMO_SPAN) + 2 * DAY_MS;
    memo = { key, lo: lo + DAY_MS, hi: hi - DAY_MS, intervals: computeIntervals(schedule, lo, hi, tz) };
  }
  return memo.intervals.filter((iv) => iv.end > from && iv.start <= to).map((iv) => ({ ...iv }));
}

function computeIntervals(schedule: Schedule, from: number, to: number, tz: string): Interval[] {
  const out: Interval[] = [];
  // Collect a day more on each side, so that ranges touching across midnight merge whole.
  const lo = from - DAY_MS;
  const hi = to + DAY_MS;
  const first = localParts(lo - DAY_MS, tz);
  let y = first.year;
  let m = first.month;
  let d = first.day;
  let weekday = first.weekday;
  for (let i = 0; i < 400; i++) {
    const dayStart = localToInstant(y, m, d, 0, tz);
    if (dayStart > hi) break;
    const ranges: readonly TimeRange[] = schedule.days[weekday] ?? [];
    for (const r of ranges) {
      const start = localToInstant(y, m, d, r.from, tz);
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      const end =
        r.to >= r.from // a range of no length ends as it starts: no hours (sync or an import may bring one)
          ? r.to >= 24 * 60
            ? localToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, tz)
            : localToInstant(y, m, d, r.to, tz)
          : localToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), r.to, tz);
      if (end > lo && start <= hi && end > start) out.push({ start, end });
    }
    const nd = new Date(Date.UTC(y, m - 1, d + 1));
    y = nd.getUTCFullYear();
    m = nd.getUTCMonth() + 1;
    d = nd.getUTCDate();
    weekday = (weekday + 1) % 7;
  }
  out.sort((a, b) => a.start - b.start);
  // Merge touching or overlapping intervals (e.g. 22:00-24:00 then 00:00-02:00).
  const merged: Interval[] = [];
  for (const iv of out) {
    const last = merged[merged.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else merged.push({ ...iv });
  }
  return merged.filter((iv) => iv.end > from && iv.start <= to);
}

/** The working interval containing `now`, or null (always "working" when the schedule is off). */
export function currentInterval(schedule: Schedule, now: number, tz: string): Interval | null {
  if (!schedule.enabled) return { start: -Infinity, end: Infinity };
  return workingIntervals(schedule, now, now, tz).find((iv) => iv.start <= now && now < iv.end) ?? null;
}

export function isWorking(schedule: Schedule, now: number, tz: string): boolean {
  return currentInterval(schedule, now, tz) !== null;
}

/** The start of the next working interval after `now` (within 8 days), or null. */
export function nextWorkStart(schedule: Schedule, now: number, tz: string): number | null {
  if (!schedule.enabled) return null;
  const iv = workingIntervals(schedule, now, now + 8 * DAY_MS, tz).find((i) => i.start > now);
  return iv?.start ?? null;
}

/**
 * The first working moment of tomorrow (local), or tomorrow's local midnight without a schedule.
 * Inside a range that crosses midnight and began the day before (at 00:30 in 20:00-02:00), "today"
 * is the day that range belongs to, so tomorrow is the calendar day now under way. Read off the
 * day's own ranges, not the merged intervals: days that touch (Monday to Friday 00:00-24:00) merge
 * into one interval, whose start would be days back and whose next start the week after; a day
 * whose hours start at 00:00 (a range of some length: 00:00-00:00 is none) starts at its midnight
 * (still ahead: a range that began the day before runs past it).
 */
export function tomorrowStart(schedule: Schedule, now: number, tz: string): number {
  const p = localParts(now, tz);
  // Whether a range of the day `i` days after today's weekday (6: yesterday) passes the test.
  const on = (i: number, test: (r: TimeRange) => unknown) => schedule.enabled && schedule.days[(p.weekday + i) % 7]?.some(test);
  const back = on(6, (r) => r.to < r.from && p.minute < r.to) ? 0 : 1;
  const t = new Date(Date.UTC(p.year, p.month - 1, p.day + back));
  const midnight = localToInstant(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), 0, tz);
  // (Without a schedule nextWorkStart is null: midnight.)
  return back && on(1, (r) => !r.from && r.to) ? midnight : (nextWorkStart(schedule, midnight - 1, tz) ?? midnight);
}
