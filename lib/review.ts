/**
 * What the popup's "Today" part and the weekly review show: pure functions of the day aggregates,
 * today's day key and the schedule. The background computes the popup's part; the review page
 * computes the weekly review itself (lib/weekly-review.ts: the worker does not carry it).
 * Here they are put together: the popup's ring, streak and line of encouragement, the review's
 * weeks and heat map. A day's and a week's figures are lib/week-stats.ts; the review's highlights,
 * lib/review-highlights.ts. Messages are keys into the message catalogue plus typed values the
 * page formats (durations, dates, routine titles, body-area names).
 */
import { addDays, type DayKey } from './days';
import type { MessageKey, PluralBase } from './i18n';
import type { Schedule } from './settings';
import type { DayAggregate } from './aggregates';
import { dayOfWeek, DEFAULT_RULES, isWorkday, lastDays, scanStreaks, takenShare, takenWeight, weekStart, type DayMark, type DayStatus, type StreakRules, type StreakScan } from './streaks';
import { dayBar, weekStats, type DayBar, type OwnInReview, type WeekStats } from './week-stats';
import { highlights, type Highlight } from './review-highlights';

// ---------------------------------------------------------------------------------------------
// The popup.

/** A line of the popup: a message, or a plural set (lib/plural.ts) with the count its form follows. */
export type Cheer = { key: MessageKey; subs: number[] } | { key: PluralBase; count: number; subs: number[] };

export interface PopupHistory {
  today: DayKey;
  ring: { taken: number; due: number; share: number; met: boolean };
  streak: { current: number; longest: number; graceLeft: number };
  /** The last 7 days, oldest first (today last). */
  days: DayBar[];
  cheer: Cheer;
}

/** Breaks still to take today (each one completed) for the day to count by its share. */
export function breaksToMeet(a: Pick<DayAggregate, 'due' | 'completed' | 'natural' | 'partial'> | undefined, share: number): number {
  const due = a?.due ?? 0;
  const w = a ? takenWeight(a) : 0;
  // (w + k) / (due + k) >= share  <=>  k >= (share * due - w) / (1 - share)
  if (share >= 1) return Math.max(0, Math.ceil(due - w));
  return Math.max(due === 0 ? 1 : 0, Math.ceil((share * due - w) / (1 - share) - 1e-9));
}

/**
 * A line of encouragement earned by the numbers (never random): a record, today counting, what
 * it takes to keep the streak, or a rest day.
 */
export function cheerFor(scan: StreakScan, today: DayAggregate | undefined, schedule: Schedule | null | undefined, stretchOn: boolean, rules: StreakRules): Cheer {
  if (!scan.anyHistory) return { key: 'cheerFirst', subs: [] };
  const cur = scan.current;
  if (scan.todayKind === 'met') {
    if (cur >= 2 && cur === scan.longest) return { key: 'cheerRecord', count: cur, subs: [cur] };
    if (cur >= 2) return { key: 'cheerTodayCounts', count: cur, subs: [cur] };
    return { key: 'cheerTodayStarts', subs: [] };
  }
  if (!isWorkday(scan.today, schedule)) return cur > 0 ? { key: 'cheerDayOffStreak', count: cur, subs: [cur] } : { key: 'cheerDayOff', subs: [] };
  if (stretchOn) return cur > 0 ? { key: 'cheerStretchKeeps', count: cur, subs: [cur] } : { key: 'cheerStretchStarts', subs: [] };
  const k = breaksToMeet(today, rules.share);
  const more = Math.max(1, k);
  return cur > 0 ? { key: 'cheerKeep', count: more, subs: [more] } : { key: 'cheerStart', count: more, subs: [more] };
}

/**
 * `aggs`: day aggregates, at least the last 7 days'; `older`: marks for the days before them
 * (lib/storage/history.ts historyForSummary), for the streaks.
 */
export function popupHistory(
  aggs: readonly DayAggregate[],
  today: DayKey,
  schedule: Schedule | null | undefined,
  opts: { stretchOn: boolean; rules?: StreakRules; older?: readonly DayMark[] } = { stretchOn: true },
): PopupHistory {
  const rules = opts.rules ?? DEFAULT_RULES;
  const scan = scanStreaks([...(opts.older ?? []), ...aggs], today, schedule, rules);
  const byDay = new Map(aggs.map((a) => [a.day, a]));
  const td = byDay.get(today);
  return {
    today,
    ring: { taken: td?.taken ?? 0, due: td?.due ?? 0, share: td ? takenShare(td) : 0, met: scan.todayKind === 'met' },
    streak: { current: scan.current, longest: scan.longest, graceLeft: scan.graceLeft },
    days: lastDays(today, 7).map((d) => dayBar(byDay.get(d), d, scan.status(d))),
    cheer: cheerFor(scan, td, schedule, opts.stretchOn, rules),
  };
}

// ---------------------------------------------------------------------------------------------
// The weekly review.

export interface HeatDay {
  day: DayKey;
  status: DayStatus;
  taken: number;
  due: number;
}

export interface ReviewData {
  today: DayKey;
  thisWeek: WeekStats;
  lastWeek: WeekStats;
  /** Last week up to the same weekday as today (a fair comparison while this week runs). */
  lastWeekSoFar: WeekStats;
  /** 12 weeks, Monday first, ending with this week's Sunday (days after today are `future`). */
  heatmap: HeatDay[];
  streak: { current: number; longest: number; graceLeft: number };
  highlights: Highlight[];
  /** No break recorded at all. */
  empty: boolean;
  /** No break recorded before this week (a new user's first week: nothing to compare with). */
  fresh: boolean;
  /** The names of the user's own routines the figures name, by id (one deleted since has none). */
  ownNames: Record<string, string>;
}

export const HEATMAP_WEEKS = 12;

/**
 * `aggs`: day aggregates, at least from reviewWindowStart(today, firstDay); `older`: marks for
 * the days before (lib/storage/history.ts historyForSummary), for the streaks. Weeks start on
 * `firstDay` (0 = Monday ... 6 = Sunday; lib/week.ts).
 */
export function weeklyReview(
  aggs: readonly DayAggregate[],
  today: DayKey,
  schedule: Schedule | null | undefined,
  rules: StreakRules = DEFAULT_RULES,
  older: readonly DayMark[] = [],
  firstDay = 0,
  own: readonly OwnInReview[] | null = [],
): ReviewData {
  // Not read (null): figures as for no own routines, and no claim that one was deleted.
  const ids = own && new Set(own.map((o) => o.id));
  own ??= [];
  const scan = scanStreaks([...older, ...aggs], today, schedule, rules);
  const byDay = new Map(aggs.map((a) => [a.day, a]));
  const start = weekStart(today, firstDay);
  const tw = weekStats(start, byDay, scan, 6, own);
  const lw = weekStats(addDays(start, -7), byDay, scan, 6, own);
  const soFar = weekStats(addDays(start, -7), byDay, scan, dayOfWeek(today, firstDay), own);
  const heatStart = reviewWindowStart(today, firstDay);
  const heatmap = Array.from({ length: 7 * HEATMAP_WEEKS }, (_, i) => {
    const day = addDays(heatStart, i);
    const a = byDay.get(day);
    return { day, status: scan.status(day), taken: a?.taken ?? 0, due: a?.due ?? 0 };
  });
  return {
    today,
    thisWeek: tw,
    lastWeek: lw,
    lastWeekSoFar: soFar,
    heatmap,
    streak: { current: scan.current, longest: scan.longest, graceLeft: scan.graceLeft },
    highlights: highlights(tw, lw, scan, soFar, ids),
    empty: !scan.anyHistory,
    fresh: !older.some((d) => d.day < start) && !aggs.some((a) => a.day < start),
    ownNames: Object.fromEntries(own.map((o) => [o.id, o.name])),
  };
}

/** The first day the review needs whole aggregates from (its heat map's first week's first day). */
export function reviewWindowStart(today: DayKey, firstDay = 0): DayKey {
  return addDays(weekStart(today, firstDay), -7 * (HEATMAP_WEEKS - 1));
}

/** The first day the popup needs whole aggregates from (the last 7 days). */
export function popupWindowStart(today: DayKey): DayKey {
  return addDays(today, -6);
}
