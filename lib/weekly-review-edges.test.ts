/**
 * Edges of the weekly review's figures a review found broken, against what README.md and the
 * code's doc comments promise: the user's own routines, a week of skipped breaks only, last week
 * "so far", and a break recorded in another time zone. Fixed timestamps, explicit time zones.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHTML } from 'linkedom';
import en from '../public/_locales/en/messages.json';
import { aggregate, type BreakFacts, type DayAggregate } from './aggregates';
import { weeklyReview } from './review';
import { DEFAULT_SETTINGS, type Schedule, type Settings } from './settings';
import { closeHistory, recordBreak } from './storage/history';
import type { BreakRecord } from './tracker/tracker';
import { historyReview } from './weekly-review';
import { routineTitle } from '../components/routine-title';

const OFF: Schedule = DEFAULT_SETTINGS.schedule;
const MIN = 60_000;
let n = 0;
function row(day: string, outcome: BreakFacts['outcome'], extra: Partial<BreakFacts> = {}): BreakFacts {
  return { id: `r${n++}`, day, kind: 'stretch', outcome, deskMs: 40 * MIN, routineId: null, ...extra };
}
const aggs = (rows: BreakFacts[]): DayAggregate[] => [...aggregate(rows).values()].sort((a, b) => a.day.localeCompare(b.day));

beforeEach(() => {
  // The English catalogue, read from disk (as components/import-text.test.ts does).
  const catalogue = en as Record<string, { message: string }>;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | Array<string | number>) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (catalogue[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});

describe('the weekly review', () => {
  // Thursday 2026-03-05; weeks from Monday: this week 2026-03-02..08.
  const today = '2026-03-05';

  it("the most-used routines show a routine of the user's own by its name, not as a routine no longer in Limber, and count its areas", () => {
    // components/routine-title.ts: an id Limber no longer has reads "A routine no longer in Limber";
    // GONE_ROUTINE is the id *routines Limber no longer has* are counted under. README: own
    // routines are picked and played like the library's.
    const rows = aggs([
      row('2026-03-02', 'completed', { routineId: 'own-desk1' }),
      row('2026-03-03', 'completed', { routineId: 'own-desk1' }),
      row('2026-03-04', 'completed', { routineId: 'cat-cow' }),
      row('2026-03-04', 'completed', { routineId: 'own-gone' }),
    ]);
    const own = [{ id: 'own-desk1', name: 'Desk reset', areas: ['wrists' as const] }];
    const r = weeklyReview(rows, today, OFF, undefined, [], 0, own);
    expect(r.thisWeek.routines).toEqual([{ id: 'own-desk1', n: 2 }, { id: 'cat-cow', n: 1 }, { id: 'own-gone', n: 1 }]);
    expect(r.ownNames).toEqual({ 'own-desk1': 'Desk reset' });
    // One deleted since keeps its own line, named generically (routine-title.ts).
    expect(routineTitle('own-gone')).toBe('One of your own routines');
    expect(r.thisWeek.areas.find((a) => a.area === 'wrists')?.n).toBeGreaterThanOrEqual(2);
    expect(r.highlights.find((h) => h.key === 'hlTopRoutine')?.values).toEqual([{ routine: 'own-desk1' }, { n: 2 }]);
  });

  it('when the most-used routine is one of your own deleted since, its highlight says so, not its generic title in quotes as if it were its name ("Your most-used routine: “One of your own routines”")', async () => {
    const { highlightText } = await import('../entrypoints/review/App');
    // "own-gone" deleted since (not among the stored own routines): 2 breaks; "Desk reset": 1.
    const rows = aggs([
      row('2026-03-02', 'completed', { routineId: 'own-gone' }),
      row('2026-03-03', 'completed', { routineId: 'own-gone' }),
      row('2026-03-04', 'completed', { routineId: 'own-desk1' }),
    ]);
    const own = [{ id: 'own-desk1', name: 'Desk reset', areas: ['wrists' as const] }];
    const r = weeklyReview(rows, today, OFF, undefined, [], 0, own);
    const top = r.highlights.find((h) => h.key.startsWith('hlTopRoutine'))!;
    expect(highlightText(top, r.ownNames)).toBe('Your most-used routine: one of your own, since deleted (2×).');
    // One still there keeps its name.
    const kept = weeklyReview(rows, today, OFF, undefined, [], 0, [...own, { id: 'own-gone', name: 'Neck', areas: [] }]);
    expect(highlightText(kept.highlights.find((h) => h.key.startsWith('hlTopRoutine'))!, kept.ownNames)).toBe('Your most-used routine: “Neck” (2×).');
  });

  it('with breaks recorded (all skipped), the highlights never say that no breaks were recorded', () => {
    // README: every break ends as one row in the history, "completed, partial, skipped, or natural".
    // The page also says "You took 0% of your due breaks" and "Days that counted: 0 of 2".
    const r = weeklyReview(aggs([row('2026-03-02', 'skipped'), row('2026-03-03', 'skipped')]), today, OFF);
    expect(r.thisWeek.due).toBe(2);
    expect(r.highlights.map((h) => h.key)).not.toContain('hlNoBreaks');
  });

  it("on a week's first day, the longest sitting is not called shorter than all of last week's (a morning's against seven days), only once it is shorter than last week's by the same day", () => {
    // README: the review "compares this week with last week"; its counts by the same weekday.
    // Last week: Monday 23 Feb 30 min at most, Thursday 26 Feb 1 h 40 min. This Monday (2 March),
    // day 1 of the week: 45 min so far. "Shorter than last week's 1 h 40 min" held only because
    // the week had barely begun; last Monday's longest was 30 min.
    const last = [row('2026-02-23', 'completed', { deskMs: 30 * MIN }), row('2026-02-26', 'completed', { deskMs: 100 * MIN })];
    const sit = (rows: BreakFacts[], day: string) => weeklyReview(aggs(rows), day, OFF).highlights.find((h) => h.key.startsWith('hlSit'));
    expect(sit([...last, row('2026-03-02', 'completed', { deskMs: 45 * MIN })], '2026-03-02')).toEqual({ key: 'hlSit', values: [{ ms: 45 * MIN }, { day: '2026-03-02' }] });
    // Thursday 5 March, 45 min still the longest: last week had 1 h 40 min by Thursday. Shorter.
    expect(sit([...last, row('2026-03-02', 'completed', { deskMs: 45 * MIN })], '2026-03-05')?.key).toBe('hlSitShorter');
    // Longer than all of last week is longer, whatever the day.
    expect(sit([...last, row('2026-03-02', 'completed', { deskMs: 110 * MIN })], '2026-03-02')?.key).toBe('hlSitLonger');
  });

  it("a first try's seconds at the desk are not said as \"Your longest sitting stretch was 0 min\" nor an average desk time of 0 min", () => {
    // A new user tries a break a few seconds after installing and opens the review: the page
    // writes minutes (components/history-format.ts duration), so 20 s read "0 min" twice.
    const keys = (deskMs: number) => weeklyReview(aggs([row('2026-03-02', 'completed', { deskMs })]), '2026-03-02', OFF).highlights.map((h) => h.key);
    expect(keys(20_000)).not.toContain('hlSit');
    expect(keys(20_000)).not.toContain('hlDesk');
    // Half a minute and more is written "1 min": said.
    expect(keys(40_000)).toEqual(expect.arrayContaining(['hlSit', 'hlDesk']));
  });

  it('last week so far counts only its days up to the same weekday (streak days too)', () => {
    // lib/week-stats.ts weekStats: "with `upTo` ... only its days up to that one count"; ReviewData:
    // lastWeekSoFar is "Last week up to the same weekday as today".
    // Today Monday 2026-03-02: last week so far is Monday 2026-02-23 alone.
    const r = weeklyReview(aggs([row('2026-02-23', 'completed'), row('2026-02-27', 'completed'), row('2026-02-28', 'skipped'), row('2026-03-02', 'completed')]), '2026-03-02', OFF);
    expect(r.lastWeekSoFar.taken).toBe(1);
    expect([r.lastWeekSoFar.metDays, r.lastWeekSoFar.workDays]).toEqual([1, 1]);
  });
});

describe('the review page after travel west (a break recorded in another time zone)', () => {
  function rec(id: string, endedAt: number): BreakRecord {
    return { id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId: 'cat-cow', deskMs: 45 * MIN, snoozes: 0, manual: false };
  }

  it("the breaks chart's table holds the same numbers as the chart", async () => {
    // Thursday 2026-03-05 09:00 in Tokyo: a break (its day key, fixed when recorded: 2026-03-05).
    await recordBreak(rec('tokyo', Date.UTC(2026, 2, 5, 0, 0)), 'Asia/Tokyo');
    // Then a flight to Honolulu, across the date line: there it is Wednesday 2026-03-04, a break
    // at 21:30, the review opened at 22:00 (README: when you travel, today goes on until midnight
    // where you are now, "where the date is the day before" too). The chart draws Thursday's break.
    await recordBreak(rec('honolulu', Date.UTC(2026, 2, 5, 7, 30)), 'Pacific/Honolulu');
    const settings: Settings = { ...DEFAULT_SETTINGS, weekStart: 'mon' };
    const data = await historyReview(Date.UTC(2026, 2, 5, 8, 0), 'Pacific/Honolulu', settings, 'en-US');
    if (!data) throw new Error('history off');
    expect(data.today).toBe('2026-03-04');
    expect(data.thisWeek.taken).toBe(2);

    // components/ReviewCharts.tsx: each chart "comes with a table holding the same numbers".
    const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, SVGElement: window.SVGElement });
    const { h, render } = await import('preact');
    const { GroupedBars } = await import('../components/ReviewCharts');
    render(
      h(GroupedBars, { id: 'breaks', caption: 'Breaks', thisWeek: data.thisWeek.days, lastWeek: data.lastWeek.days, value: (b) => b.taken, format: String, minMax: 4, today: data.today, tables: true }),
      document.getElementById('app')!,
    );
    const groups = [...document.querySelectorAll('svg g')];
    const rows = [...document.querySelectorAll('[data-testid="table-breaks"] tbody tr')];
    expect(groups).toHaveLength(7);
    expect(rows).toHaveLength(7);
    const seen = data.thisWeek.days.map((d, i) => ({
      day: d.day,
      chart: groups[i]!.querySelector('rect.seg-taken') ? d.taken : 0,
      table: rows[i]!.querySelectorAll('td')[0]!.textContent,
    }));
    // Day by day, the chart draws a bar exactly where the table gives a number, and the same one
    // (both ways: a bar the chart leaves out is caught too); Thursday's break is drawn.
    expect(seen.map((s) => [s.day, s.chart])).toEqual(seen.map((s) => [s.day, Number(s.table) || 0]));
    expect(seen.find((s) => s.day === '2026-03-05')!.chart).toBe(1);
  });
});

describe('the review page when the own routines cannot be read', () => {
  it('does not say the most-used routine, one of the user\'s own, was "since deleted"', async () => {
    const { localOwn } = await import('./storage/own-routines');
    // Thursday 2026-03-05, 10:00 UTC: two breaks with an own routine that still exists (it could not be read just now).
    const rec = (id: string, endedAt: number): BreakRecord => ({ id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId: 'own-desk1', deskMs: 45 * MIN, snoozes: 0, manual: false });
    await recordBreak(rec('a', Date.UTC(2026, 2, 3, 10, 0)), 'UTC');
    await recordBreak(rec('b', Date.UTC(2026, 2, 4, 10, 0)), 'UTC');
    vi.spyOn(localOwn, 'getValue').mockRejectedValue(new Error('storage unavailable'));
    const data = await historyReview(Date.UTC(2026, 2, 5, 10, 0), 'UTC', { ...DEFAULT_SETTINGS, weekStart: 'mon' }, 'en-US');
    const keys = data!.highlights.map((h) => h.key);
    expect(keys).not.toContain('hlTopRoutineGone');
    // Nor its generic title quoted as if it were its name (the case above): no line about it; the
    // routines chart names it generically (components/routine-title.ts).
    expect(keys).not.toContain('hlTopRoutine');
    expect(data!.thisWeek.routines).toEqual([{ id: 'own-desk1', n: 2 }]);
    expect(routineTitle('own-desk1')).toBe('One of your own routines');
    // The rest of the week as ever.
    expect(keys).toContain('hlTakenFirst');
  });
});
