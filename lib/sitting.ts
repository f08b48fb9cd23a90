/**
 * The weekly review's longest sitting stretch, from the break rows themselves (the review page
 * reads this week's and last week's; the worker's day aggregates stay as they are).
 *
 * A day aggregate's `longestMs` is its largest `deskMs`: the desk time of one break's kind when
 * that break fell due. Skipping a prompt starts that counter again (lib/tracker/advance.ts
 * closeOpenPrompt), so someone who skips at 50 minutes, sits on and takes the next break at 100
 * would be shown 50. Here a skipped break and the next one of its kind that day are one stretch
 * when nothing can have ended it between them:
 * - no break was taken between them (completed, cut short or natural, of either kind: a posture
 *   check's own time is no desk time, and the rows cannot tell whether the person left during it);
 * - the next one's desk time is all the wall time from the skip to when it was counted, within
 *   CHAIN_SLACK_MS (shorter than any break may be): time away long enough to start the counter
 *   again, a pause, working hours ending, a sleep, a clock set forward or back all leave the two
 *   apart.
 * The stretch is the sum of their desk times; the minutes the skipped prompt stayed open are left
 * out (desk time then is not recorded, and a short absence meanwhile only stopped the count), so
 * the figure may still be short, never long. Chains may run over several skips. Pure.
 */
import { isDueBreak } from './aggregates';
import type { DayKey } from './days';
import type { DayAggregate } from './aggregates';
import type { BreakRecord } from './tracker/tracker';

/** What a row tells about its sitting (a subset of the stored row). */
export type SittingFacts = Pick<BreakRecord, 'kind' | 'outcome' | 'dueAt' | 'promptedAt' | 'startedAt' | 'endedAt' | 'deskMs'> & { day: DayKey; manual?: boolean };

/** How far a chained break's desk time may be from the wall time since the skip (well under the shortest break, 10 s). */
export const CHAIN_SLACK_MS = 5_000;

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);

/**
 * The instant by which a row's `deskMs` was counted: a prompted break's when it was first prompted
 * (lib/tracker/transition.ts makes both in the same tick; `dueAt` is the instant the interval was
 * crossed, a little earlier); one taken naturally, started or postponed from its heads-up, its `dueAt`.
 */
const countedBy = (r: SittingFacts): number => Math.max(r.dueAt, r.promptedAt ?? r.dueAt);

/** Whether `next` (of `prev`'s kind, after it) carries on the sitting `prev` was skipped in. */
function chains(prev: SittingFacts, next: SittingFacts, taken: readonly SittingFacts[]): boolean {
  if (prev.outcome !== 'skipped') return false;
  const from = prev.endedAt;
  const to = countedBy(next);
  if (Math.abs(from + num(next.deskMs) - to) > CHAIN_SLACK_MS) return false;
  return !taken.some((t) => t !== next && t.endedAt > from && (t.startedAt ?? t.dueAt) < to);
}

/** Each day's longest sitting stretch (ms), skipped breaks chained as above; days without due breaks absent. */
export function longestSittingByDay(rows: readonly SittingFacts[]): Map<DayKey, number> {
  const taken = rows.filter((r) => r.outcome !== 'skipped');
  const runs = new Map<string, SittingFacts[]>();
  for (const r of rows) {
    if (!isDueBreak(r)) continue;
    const key = `${r.day} ${r.kind === 'micro' ? 'micro' : 'stretch'}`;
    const list = runs.get(key);
    if (list) list.push(r);
    else runs.set(key, [r]);
  }
  const out = new Map<DayKey, number>();
  for (const list of runs.values()) {
    list.sort((a, b) => countedBy(a) - countedBy(b));
    let run = 0;
    let prev: SittingFacts | null = null;
    for (const r of list) {
      run = (prev && chains(prev, r, taken) ? run : 0) + num(r.deskMs);
      out.set(r.day, Math.max(out.get(r.day) ?? 0, run));
      prev = r;
    }
  }
  return out;
}

/** The aggregates with each day's longest sitting from its rows where that is longer. */
export function withLongestSitting(aggs: readonly DayAggregate[], rows: readonly SittingFacts[]): DayAggregate[] {
  const longest = longestSittingByDay(rows);
  return aggs.map((a) => {
    const ms = longest.get(a.day) ?? 0;
    return ms > a.longestMs ? { ...a, longestMs: ms } : a;
  });
}
