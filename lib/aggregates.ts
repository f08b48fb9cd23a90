/**
 * Per-day aggregates of the break history: pure arithmetic on plain objects. lib/storage/history
 * keeps one per day key in the 'days' store, updated in the same transaction as each break row,
 * so the popup and the weekly review never scan the break log.
 *
 * Desk time is estimated cheaply from the records: each record carries the continuous desk time
 * of its kind before the break (`deskMs`). Each kind's counter restarts at that kind's breaks, so
 * the sum over one kind's records approximates the day's desk time up to its last break of that
 * kind; the day's figure is the larger of the two kinds' sums. Desk time after the day's last
 * break is not in it, and a natural break too short to be recorded does not split it.
 */
import type { DayKey } from './days';
import type { BreakKind } from './settings';
import { countsMet, DEFAULT_RULES, type DayCounts } from './streaks';
import type { Outcome } from './tracker/tracker';

/** What one break row contributes (a subset of the stored row). */
export interface BreakFacts {
  id: string;
  day: DayKey;
  kind: BreakKind;
  outcome: Outcome;
  deskMs: number;
  routineId: string | null;
  /** Started by the person ("Take a break now"), not prompted. */
  manual?: boolean;
}

/**
 * Whether a row is one of the day's due breaks. A break the person started themselves and then
 * skipped never was (README: a day counts by the share of its due breaks taken): it stays in the
 * log and adds nothing to the day.
 */
export function isDueBreak(row: Pick<BreakFacts, 'manual' | 'outcome'>): boolean {
  return !(row.manual === true && row.outcome === 'skipped');
}

export interface DayAggregate extends DayCounts {
  /** completed + partial + natural (raw count, for display). */
  taken: number;
  /** Summed desk time before the day's breaks, per kind (see above). */
  deskMsByKind: Record<BreakKind, number>;
  /** The longest continuous sitting before a break that day (max `deskMs`); the weekly review joins stretches a skipped break split (lib/sitting.ts). */
  longestMs: number;
  /** Completed or partial breaks per routine id. */
  routines: Record<string, number>;
  /** Whether the counts meet the default streak rules (schedule aside): indexed, so old days can be read as keys only. */
  cls: 'met' | 'missed';
}

export function emptyDay(day: DayKey): DayAggregate {
  return {
    day,
    due: 0,
    taken: 0,
    completed: 0,
    partial: 0,
    natural: 0,
    skipped: 0,
    completedStretch: 0,
    deskMsByKind: { micro: 0, stretch: 0 },
    longestMs: 0,
    routines: {},
    cls: 'missed',
  };
}

/** The day's estimated desk time (ms). */
export function deskMsOf(a: Pick<DayAggregate, 'deskMsByKind'>): number {
  return Math.max(a.deskMsByKind.micro, a.deskMsByKind.stretch);
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);

/** Adds one row's contribution to its day's aggregate, in place (a break is recorded once). */
export function applyBreak(a: DayAggregate, row: BreakFacts): void {
  if (!isDueBreak(row)) return;
  const deskMs = num(row.deskMs);
  a.due++;
  switch (row.outcome) {
    case 'completed':
      a.completed++;
      a.taken++;
      if (row.kind === 'stretch') a.completedStretch++;
      break;
    case 'partial':
      a.partial++;
      a.taken++;
      break;
    case 'natural':
      a.natural++;
      a.taken++;
      break;
    case 'skipped':
      a.skipped++;
      break;
  }
  const kind: BreakKind = row.kind === 'micro' ? 'micro' : 'stretch';
  a.deskMsByKind[kind] += deskMs;
  if (row.routineId && (row.outcome === 'completed' || row.outcome === 'partial')) {
    a.routines[row.routineId] = (Object.hasOwn(a.routines, row.routineId) ? (a.routines[row.routineId] ?? 0) : 0) + 1;
  }
  a.cls = countsMet(a, DEFAULT_RULES) ? 'met' : 'missed';
  a.longestMs = Math.max(a.longestMs, deskMs);
}

/** Aggregates for a set of rows, one per day, built from nothing. */
export function aggregate(rows: Iterable<BreakFacts>): Map<DayKey, DayAggregate> {
  const out = new Map<DayKey, DayAggregate>();
  for (const r of rows) {
    if (!isDueBreak(r)) continue;
    let a = out.get(r.day);
    if (!a) out.set(r.day, (a = emptyDay(r.day)));
    applyBreak(a, r);
  }
  return out;
}

/** True when an aggregate holds nothing (it can then be deleted). */
export function isEmptyDay(a: DayAggregate): boolean {
  return a.due <= 0;
}
