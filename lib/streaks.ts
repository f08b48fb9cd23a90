/**
 * Streaks: pure functions of per-day counts (the history's day aggregates), the working
 * schedule and today's day key. Nothing here reads the clock or a time zone: day keys are fixed
 * when a break is recorded (lib/days.ts), so DST and travel only decide which key a break gets,
 * never how keys follow each other.
 *
 * The rules (README "History and streaks" says the same in plain words):
 * - A day COUNTS ("met") when at least `share` (default half) of its due breaks were taken, OR
 *   it has at least one completed stretch break. Taken = completed + natural, plus HALF of each
 *   partial break (a break window closed early did some good, but not a whole break's worth).
 * - A day is NEUTRAL ("off": neither breaks nor extends a streak) when no break was due at all
 *   (a day away, a holiday, the browser never opened) or, with working hours on, it is a
 *   weekday without working ranges. Judged with the schedule in force now.
 * - Any other past day is MISSED. A missed day breaks the streak unless a GRACE day is left:
 *   at most `gracePerMonth` (default 1) missed days per calendar month keep a running streak
 *   alive. Each streak has its own: a streak that breaks starts the count again, so a new streak
 *   begun the same month may have one more. A grace day does not add to the streak's length.
 * - Today never breaks a streak (the day is not over): it adds one once it counts.
 * - A streak's length is its number of counting days; neutral and grace days in between are
 *   skipped over.
 */
import { addDays, type DayKey } from './days';
import type { Schedule } from './settings';

/** The counts a day aggregate carries (lib/aggregates.ts) that the rules need. */
export interface DayCounts {
  day: DayKey;
  /** Every recorded break outcome of the day (prompted, started or taken naturally). */
  due: number;
  completed: number;
  partial: number;
  natural: number;
  skipped: number;
  /** Completed breaks of the stretch kind. */
  completedStretch: number;
}

/**
 * A day reduced to whether its counts meet the share rule (DEFAULT_RULES), before the schedule
 * is applied: what the history keeps in an index so that summaries need not read old days whole.
 */
export interface DayMark {
  day: DayKey;
  met: boolean;
}

export type StreakDay = DayCounts | DayMark;

/** Share of due breaks to take for a day to count. */
export const MET_SHARE = 0.5;
/** Missed days per calendar month that do not break a streak. */
export const GRACE_PER_MONTH = 1;
/** A partial break counts as this much of a taken break in the share. */
export const PARTIAL_WEIGHT = 0.5;

export interface StreakRules {
  share: number;
  gracePerMonth: number;
}

export const DEFAULT_RULES: StreakRules = Object.freeze({ share: MET_SHARE, gracePerMonth: GRACE_PER_MONTH });

export type DayKind = 'met' | 'missed' | 'off';
/** A day as the calendar shows it. `pending`: today, not counting yet; `future`: after today. */
export type DayStatus = 'met' | 'missed' | 'grace' | 'off' | 'pending' | 'future';

/** Weighted breaks taken: completed + natural + half of each partial. */
export function takenWeight(c: Pick<DayCounts, 'completed' | 'natural' | 'partial'>): number {
  return c.completed + c.natural + PARTIAL_WEIGHT * c.partial;
}

/** Share of the due breaks taken (0 when none were due). */
export function takenShare(c: Pick<DayCounts, 'due' | 'completed' | 'natural' | 'partial'>): number {
  return c.due > 0 ? Math.min(1, takenWeight(c) / c.due) : 0;
}

/** 0 = Monday ... 6 = Sunday, as in a schedule. */
export function weekdayOf(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Days since the week began (0 on its first day), for weeks starting on `first` (0 = Monday). */
export function dayOfWeek(day: DayKey, first = 0): number {
  return (weekdayOf(day) - first + 7) % 7;
}

/** The first day of the week holding `day`, for weeks starting on `first` (0 = Monday, 6 = Sunday). */
export function weekStart(day: DayKey, first = 0): DayKey {
  return addDays(day, -dayOfWeek(day, first));
}

/**
 * A working day under the schedule: a day with working hours of its own, or one that the day
 * before's hours run into past midnight (every day is one when the schedule is off).
 */
export function isWorkday(day: DayKey, schedule: Schedule | null | undefined): boolean {
  if (!schedule || !schedule.enabled) return true;
  const wd = weekdayOf(day);
  // (A range of no length, which sync or an import may bring, is no hours: lib/schedule.ts.)
  if (schedule.days[wd]?.some((r) => r.to !== r.from)) return true;
  // A night shift: the day before's hours that run past midnight are working time on this day too.
  return !!schedule.days[(wd + 6) % 7]?.some((r) => r.to < r.from && r.to > 0);
}

/** Whether a day's counts meet the rules, schedule aside (true also for a mark that says so). */
export function countsMet(c: DayCounts, rules: StreakRules = DEFAULT_RULES): boolean {
  return c.completedStretch > 0 || takenShare(c) >= rules.share;
}

export function classifyDay(c: StreakDay | undefined, schedule: Schedule | null | undefined, rules: StreakRules = DEFAULT_RULES): DayKind {
  if (c && 'met' in c) return !isWorkday(c.day, schedule) ? 'off' : c.met ? 'met' : 'missed';
  if (!c || c.due <= 0 || !isWorkday(c.day, schedule)) return 'off';
  return countsMet(c, rules) ? 'met' : 'missed';
}

export interface StreakScan {
  today: DayKey;
  /** Counting days in the streak alive today (today included once it counts). */
  current: number;
  /** The longest streak ever (current included). */
  longest: number;
  todayKind: DayKind;
  /** Grace days left this month for the current streak. */
  graceLeft: number;
  /** Any day at all in the history (up to today). */
  anyHistory: boolean;
  status(day: DayKey): DayStatus;
}

/**
 * One pass over the days in order. Only days with breaks can be met or missed, so days absent
 * from `days` are neutral and the pass never walks empty calendar stretches.
 */
export function scanStreaks(
  days: Iterable<StreakDay>,
  today: DayKey,
  schedule: Schedule | null | undefined,
  rules: StreakRules = DEFAULT_RULES,
): StreakScan {
  const byDay = new Map<DayKey, StreakDay>();
  for (const d of days) if (d.day <= today) byDay.set(d.day, d);
  const keys = [...byDay.keys()].sort();
  const statuses = new Map<DayKey, DayStatus>();
  let run = 0;
  let longest = 0;
  let graceUsed = new Map<string, number>();
  for (const day of keys) {
    if (day === today) continue;
    const kind = classifyDay(byDay.get(day), schedule, rules);
    if (kind === 'off') {
      statuses.set(day, 'off');
    } else if (kind === 'met') {
      run++;
      longest = Math.max(longest, run);
      statuses.set(day, 'met');
    } else {
      const month = day.slice(0, 7);
      const used = graceUsed.get(month) ?? 0;
      if (run > 0 && used < rules.gracePerMonth) {
        graceUsed.set(month, used + 1);
        statuses.set(day, 'grace');
      } else {
        run = 0;
        graceUsed = new Map();
        statuses.set(day, 'missed');
      }
    }
  }
  const todayKind = classifyDay(byDay.get(today), schedule, rules);
  if (todayKind === 'met') {
    run++;
    longest = Math.max(longest, run);
  }
  statuses.set(today, todayKind === 'met' ? 'met' : isWorkday(today, schedule) ? 'pending' : 'off');
  const graceLeft = Math.max(0, rules.gracePerMonth - (graceUsed.get(today.slice(0, 7)) ?? 0));
  return {
    today,
    current: run,
    longest,
    todayKind,
    graceLeft,
    anyHistory: keys.length > 0,
    status: (day) => (day > today ? 'future' : (statuses.get(day) ?? 'off')),
  };
}

/** The 7 day keys of the week holding `day`, in order from the week's first day (`first`). */
export function weekDays(day: DayKey, first = 0): DayKey[] {
  const start = weekStart(day, first);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The `n` day keys ending with `day` (oldest first). */
export function lastDays(day: DayKey, n: number): DayKey[] {
  return Array.from({ length: n }, (_, i) => addDays(day, i - n + 1));
}

/** The current streak (see the rules above). */
export function currentStreak(days: Iterable<StreakDay>, today: DayKey, schedule?: Schedule | null, rules?: StreakRules): number {
  return scanStreaks(days, today, schedule, rules).current;
}

/** The longest streak up to today. */
export function longestStreak(days: Iterable<StreakDay>, today: DayKey, schedule?: Schedule | null, rules?: StreakRules): number {
  return scanStreaks(days, today, schedule, rules).longest;
}

/** This week's days (from the week's first day, `first`) with their status. */
export function thisWeek(days: Iterable<StreakDay>, today: DayKey, schedule?: Schedule | null, rules?: StreakRules, first = 0): Array<{ day: DayKey; status: DayStatus }> {
  const scan = scanStreaks(days, today, schedule, rules);
  return weekDays(today, first).map((day) => ({ day, status: scan.status(day) }));
}

/** Plain runs of consecutive keys (no rules): the longest run in a set of days. */
export function longestRun(countingDays: ReadonlySet<DayKey>): number {
  let best = 0;
  for (const day of countingDays) {
    if (countingDays.has(addDays(day, -1))) continue; // not the start of a run
    let n = 0;
    let d = day;
    while (countingDays.has(d)) {
      n++;
      d = addDays(d, 1);
    }
    best = Math.max(best, n);
  }
  return best;
}
