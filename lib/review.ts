/**
 * What the popup's "Today" part and the weekly review show: pure functions of the day aggregates,
 * today's day key and the schedule. The background computes the popup's part; the review page
 * computes the weekly review itself (lib/weekly-review.ts: the worker does not carry it).
 * Messages are keys into the message catalogue plus typed values the page formats (durations,
 * dates, routine titles, body-area names).
 */
import { ROUTINES } from '../content/routines';
import type { BodyArea } from '../content/types';
import { addDays, type DayKey } from './days';
import type { MessageKey, PluralBase } from './i18n';
import type { Schedule } from './settings';
import { deskMsOf, type DayAggregate } from './aggregates';
import { isOwnId } from './own-routine-play';
import { dayOfWeek, DEFAULT_RULES, isWorkday, lastDays, scanStreaks, takenShare, takenWeight, weekStart, type DayMark, type DayStatus, type StreakRules, type StreakScan } from './streaks';

/** Break outcomes counted over a day or a week (see DayAggregate). */
export type BreakCounts = Pick<DayAggregate, 'due' | 'taken' | 'completed' | 'partial' | 'natural' | 'skipped'>;

export interface DayBar extends BreakCounts {
  day: DayKey;
  status: DayStatus;
  deskMs: number;
  longestMs: number;
}

function bar(a: DayAggregate | undefined, day: DayKey, status: DayStatus): DayBar {
  return {
    day,
    status,
    due: a?.due ?? 0,
    taken: a?.taken ?? 0,
    completed: a?.completed ?? 0,
    partial: a?.partial ?? 0,
    natural: a?.natural ?? 0,
    skipped: a?.skipped ?? 0,
    deskMs: a ? deskMsOf(a) : 0,
    longestMs: a?.longestMs ?? 0,
  };
}

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
    days: lastDays(today, 7).map((d) => bar(byDay.get(d), d, scan.status(d))),
    cheer: cheerFor(scan, td, schedule, opts.stretchOn, rules),
  };
}

// ---------------------------------------------------------------------------------------------
// The weekly review.

export interface WeekStats extends BreakCounts {
  /** The week's first day (the week start setting). */
  start: DayKey;
  /** Its seven days, from `start`. */
  days: DayBar[];
  /** Weighted share of due breaks taken (partial = half), 0..1. */
  share: number;
  deskMs: number;
  /** Days with any desk time recorded. */
  deskDays: number;
  longestMs: number;
  longestDay: DayKey | null;
  /** Days that counted toward the streak. */
  metDays: number;
  /** Days that could count (working days with breaks due). */
  workDays: number;
  /** Most-used routines (completed or partial), most first, at most 5. */
  routines: Array<{ id: string; n: number }>;
  /** Body areas worked (from the routines' metadata), most first. */
  areas: Array<{ area: BodyArea; n: number }>;
}

/** Each routine's body areas, made on first use (the worker, which shares this module for the popup's part, never needs it). */
let routineAreas: ReadonlyMap<string, readonly BodyArea[]> | null = null;
const areasOf = (id: string) => (routineAreas ??= new Map(ROUTINES.map((r) => [r.id, r.areas]))).get(id);
/** The id every routine Limber no longer has is counted under (an imported or old history's). */
export const GONE_ROUTINE = '';

/** One of the user's own routines, as the review knows it (lib/weekly-review.ts reads them). */
export interface OwnInReview {
  id: string;
  name: string;
  areas: readonly BodyArea[];
}

/**
 * A week's figures, for the 7 days from `start` (the week's first day); with `upTo` (0 = its first
 * day ... 6 = its last) only its days up to that one count (the later ones read as `future`).
 * `own`: the user's own routines' areas; an own routine's breaks count as its own, also once the
 * routine is deleted (only the library's routines gone from Limber count as GONE_ROUTINE).
 */
export function weekStats(start: DayKey, byDay: ReadonlyMap<DayKey, DayAggregate>, scan: StreakScan, upTo = 6, own: readonly OwnInReview[] = []): WeekStats {
  const week = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  if (upTo < 6) {
    const last = addDays(start, upTo);
    byDay = new Map(week.filter((d) => d <= last && byDay.has(d)).map((d) => [d, byDay.get(d)!]));
  }
  const days = week.map((d, i) => bar(byDay.get(d), d, i > upTo ? 'future' : scan.status(d)));
  const sum = (f: (b: DayBar) => number) => days.reduce((s, b) => s + f(b), 0);
  const routineCounts = new Map<string, number>();
  for (const d of week) {
    const a = byDay.get(d);
    if (!a) continue;
    for (const [id, n] of Object.entries(a.routines)) {
      const key = areasOf(id) || isOwnId(id) ? id : GONE_ROUTINE;
      routineCounts.set(key, (routineCounts.get(key) ?? 0) + n);
    }
  }
  const areaCounts = new Map<BodyArea, number>();
  const ownAreas = new Map(own.map((o) => [o.id, o.areas]));
  for (const [id, n] of routineCounts) for (const area of areasOf(id) ?? ownAreas.get(id) ?? []) areaCounts.set(area, (areaCounts.get(area) ?? 0) + n);
  const byCount = <K extends string>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const longest = days.reduce<DayBar | null>((best, b) => (b.longestMs > (best?.longestMs ?? 0) ? b : best), null);
  const due = sum((b) => b.due);
  const weighted = sum((b) => takenWeight(b));
  return {
    start,
    days,
    due,
    taken: sum((b) => b.taken),
    completed: sum((b) => b.completed),
    partial: sum((b) => b.partial),
    natural: sum((b) => b.natural),
    skipped: sum((b) => b.skipped),
    share: due > 0 ? Math.min(1, weighted / due) : 0,
    deskMs: sum((b) => b.deskMs),
    deskDays: days.filter((b) => b.deskMs > 0).length,
    longestMs: longest?.longestMs ?? 0,
    longestDay: longest?.day ?? null,
    metDays: days.filter((b) => b.status === 'met').length,
    workDays: days.filter((b) => b.status === 'met' || b.status === 'missed' || b.status === 'grace' || (b.status === 'pending' && b.due > 0)).length,
    routines: byCount(routineCounts).slice(0, 5).map(([id, n]) => ({ id, n })),
    areas: byCount(areaCounts).map(([area, n]) => ({ area, n })),
  };
}

export type HighlightValue = { n: number } | { share: number } | { ms: number } | { day: DayKey } | { routine: string } | { areas: BodyArea[] };

/** A highlight: a message, or a plural set (lib/plural.ts) with the count its form follows. */
export type Highlight = { key: MessageKey; values: HighlightValue[] } | { key: PluralBase; count: number; values: HighlightValue[] };

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
  /** The names of the user's own routines the figures name, by id (one deleted since has none). */
  ownNames: Record<string, string>;
}

export const HEATMAP_WEEKS = 12;

/**
 * Plain-language highlights, each derived from the numbers (in a fixed order of interest). Counts
 * are compared with last week up to the same weekday (`soFar`); rates and maxima with all of it.
 */
export function highlights(tw: WeekStats, lw: WeekStats, scan: StreakScan, soFar: WeekStats = lw): Highlight[] {
  const out: Highlight[] = [];
  // Recorded: taken (completed, partial, natural) or skipped.
  if (tw.taken + tw.skipped === 0 && lw.taken + lw.skipped === 0) out.push({ key: 'hlNoBreaks', values: [] });
  else if (soFar.taken === 0) out.push({ key: 'hlTakenFirst', values: [{ n: tw.taken }] });
  else if (tw.taken > soFar.taken) out.push({ key: 'hlTakenMore', values: [{ n: tw.taken }, { n: tw.taken - soFar.taken }] });
  else if (tw.taken < soFar.taken) out.push({ key: 'hlTakenFewer', values: [{ n: tw.taken }, { n: soFar.taken }] });
  else out.push({ key: 'hlTakenSame', values: [{ n: tw.taken }] });

  if (tw.due > 0) {
    // Shares as they are (0..1): the page words them (components/history-format.ts percent).
    out.push(lw.due > 0 ? { key: 'hlShare', values: [{ share: tw.share }, { share: lw.share }] } : { key: 'hlShareOnly', values: [{ share: tw.share }] });
  }
  if (tw.workDays > 0) out.push({ key: 'hlMetDays', values: [{ n: tw.metDays }, { n: tw.workDays }] });
  if (tw.longestMs > 0 && tw.longestDay) {
    const v: HighlightValue[] = [{ ms: tw.longestMs }, { day: tw.longestDay }];
    if (lw.longestMs > 0 && tw.longestMs < lw.longestMs) out.push({ key: 'hlSitShorter', values: [...v, { ms: lw.longestMs }] });
    else if (lw.longestMs > 0 && tw.longestMs > lw.longestMs) out.push({ key: 'hlSitLonger', values: [...v, { ms: lw.longestMs }] });
    else out.push({ key: 'hlSit', values: v });
  }
  if (tw.deskDays > 0) out.push({ key: 'hlDesk', values: [{ ms: Math.round(tw.deskMs / tw.deskDays) }, { n: tw.deskDays }] });
  if (tw.natural > 0) out.push({ key: 'hlNatural', values: [{ n: tw.natural }] });
  const top = tw.routines.find((r) => r.id !== GONE_ROUTINE);
  if (top) out.push({ key: 'hlTopRoutine', values: [{ routine: top.id }, { n: top.n }] });
  if (tw.areas.length) out.push({ key: 'hlAreas', values: [{ areas: tw.areas.slice(0, 3).map((a) => a.area) }] });
  if (scan.current >= 2 && scan.current === scan.longest) out.push({ key: 'hlBestStreak', count: scan.current, values: [{ n: scan.current }] });
  else if (scan.current > 0) out.push({ key: 'hlStreak', values: [{ n: scan.current }, { n: scan.longest }] });
  return out;
}

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
  own: readonly OwnInReview[] = [],
): ReviewData {
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
    highlights: highlights(tw, lw, scan, soFar),
    empty: !scan.anyHistory,
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
