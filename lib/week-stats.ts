/**
 * A day's and a week's break figures, from the day aggregates: the bars the popup's last 7 days
 * and the weekly review's charts draw (`dayBar`), and a week's totals, shares, longest sitting,
 * streak days, routines and body areas (`weekStats`). Pure. The popup's part and the weekly review
 * are put together in lib/review.ts; the review's highlights are lib/review-highlights.ts.
 */
import { ROUTINES } from '../content/routines';
import type { BodyArea } from '../content/types';
import { addDays, type DayKey } from './days';
import { deskMsOf, type DayAggregate } from './aggregates';
import { isOwnId } from './own-routine-play';
import { takenWeight, type DayStatus, type StreakScan } from './streaks';

/** Break outcomes counted over a day or a week (see DayAggregate). */
export type BreakCounts = Pick<DayAggregate, 'due' | 'taken' | 'completed' | 'partial' | 'natural' | 'skipped'>;

export interface DayBar extends BreakCounts {
  day: DayKey;
  status: DayStatus;
  deskMs: number;
  longestMs: number;
}

/** A day's bar: its counts, desk time and longest sitting (none recorded: zeros). */
export function dayBar(a: DayAggregate | undefined, day: DayKey, status: DayStatus): DayBar {
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

/** Each routine's body areas, made on first use (the worker, which shares this module for the popup's day bars, never needs it). */
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
  const days = week.map((d, i) => dayBar(byDay.get(d), d, i > upTo ? 'future' : scan.status(d)));
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
