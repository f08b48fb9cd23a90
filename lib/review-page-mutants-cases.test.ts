/**
 * Mutation hunt on the weekly review page (entrypoints/review/App.tsx tiles, components/ReviewCharts.tsx
 * bars and tables): each test was seen to fail on a broken variant of the page that the other
 * tests let through (named in the test), and passes on the real page. Breaks go through the real
 * history (lib/storage/history.ts over the in-memory IndexedDB) in UTC; the page renders with
 * linkedom and the English catalogue (tests/support/popup-world.ts). Expected values are counted
 * by hand from the breaks each test puts in.
 */
import { describe, expect, it, vi } from 'vitest';
import { openReview, usePopupWorld } from '../tests/support/popup-world';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/items';
import { recordBreak } from './storage/history';
import type { BreakRecord } from './tracker/tracker';

usePopupWorld();

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

/** A stretch break due at `iso` after 45 min at the desk. */
function rec(id: string, iso: string, outcome: BreakRecord['outcome'] = 'completed'): BreakRecord {
  const t = at(iso);
  return { id, kind: 'stretch', outcome, dueAt: t, promptedAt: t, startedAt: outcome === 'skipped' ? null : t + MIN, endedAt: t + 3 * MIN, routineId: null, deskMs: 45 * MIN, snoozes: 0, manual: false };
}

describe('the review page, weeks from Monday, UTC', () => {
  it('on the week\'s last day: "Last week" totals, the desk average over the days at the desk, bars and tables day by day', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, weekStart: 'mon' });
    // Last week (23 Feb .. 1 March): Monday one break, Sunday six. This week (2 .. 8 March):
    // Monday and Tuesday one break each, 45 min at the desk before each; nothing since.
    await recordBreak(rec('lw-mon', '2026-02-23T10:00:00Z'), 'UTC');
    for (let i = 0; i < 6; i++) await recordBreak(rec(`lw-sun${i}`, `2026-03-01T1${i}:00:00Z`), 'UTC');
    await recordBreak(rec('mon', '2026-03-02T10:00:00Z'), 'UTC');
    await recordBreak(rec('tue', '2026-03-03T10:00:00Z'), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-08T12:00:00Z') }); // Sunday 8 March, noon
    const r = await openReview();
    const tile = (id: string) => [r.q(`[data-testid="${id}"] .tile-value`)?.textContent, r.q(`[data-testid="${id}"] .small`)?.textContent];

    // The week is over: its comparison is with all of last week (7), not "By this day" (kills: weekDone never true).
    expect(tile('tile-taken')).toEqual(['2', 'Last week: 7']);
    // 90 min at the desk over the 2 days with desk time: 45 min a day, not 90/7 = 13 min
    // (kills: the average over seven days). Last week: 7 breaks after 45 min each over its 2 days
    // at the desk, 315 / 2 = 157.5 min.
    expect(tile('tile-desk')).toEqual(['45 min', 'Last week: 2 h 38 min']);

    // The breaks chart: last week's bars on its Monday and Sunday, this week's on Monday and Tuesday
    // (kills: last week's bars drawn a day early).
    const chart = r.q('#breaks-h')!.parentElement!.querySelector('svg.chart')!;
    const g = [...chart.querySelectorAll('g')];
    expect(g.map((x) => [!!x.querySelector('rect.seg-last'), !!x.querySelector('rect.seg-taken')])).toEqual([
      [true, true],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [true, false],
    ]);
    // Its scale reaches last week's Sunday's 6 (kills: a scale from this week alone, 4, which draws
    // Sunday's bar past the chart's top).
    expect(chart.querySelector('text')?.textContent).toBe('6');

    // Its table: Wednesday to Saturday are past days with no break, "0", not "–" (which is for
    // days still to come; kills: every 0 written "–").
    const rows = [...r.document.querySelectorAll('[data-testid="table-breaks"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([['1', '1'], ['1', '0'], ['0', '0'], ['0', '0'], ['0', '0'], ['0', '0'], ['0', '6']]);
  });

  it('on a Monday with nothing due yet: the share tile says "–", not 0%; a streak that broke leaves the flame out though the best stays', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, weekStart: 'mon' });
    // Monday 23 Feb counts (best streak 1); Tuesday 24 missed (February's grace), Wednesday 25
    // missed: the streak is over. Today Monday 2 March 09:00, nothing yet.
    await recordBreak(rec('mon', '2026-02-23T10:00:00Z'), 'UTC');
    await recordBreak(rec('tue', '2026-02-24T10:00:00Z', 'skipped'), 'UTC');
    await recordBreak(rec('wed', '2026-02-25T10:00:00Z', 'skipped'), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-02T09:00:00Z') });
    const r = await openReview();
    // No break due this week: no share to give (kills: "0%" with nothing due). Last week: 1 of 3.
    expect([r.q('[data-testid="tile-share"] .tile-value')?.textContent, r.q('[data-testid="tile-share"] .small')?.textContent]).toEqual(['–', 'Last week: 33%']);
    // Current streak 0, best 1: the flame is out (kills: the flame lit by the best streak).
    expect(r.text('tile-streak')).toBe('Current streak0Best streak: 1');
    expect(r.q('[data-testid="tile-streak"] svg.flame')?.getAttribute('class')).toBe('flame');
  });
});
