/**
 * The weekly review page as a person uses it, against README.md ("History, streaks and your
 * data", "Languages"): what it says after the data changed elsewhere, and the words its
 * sentences are built from. Rows are written through the real history (lib/storage/history.ts
 * over the in-memory IndexedDB) in explicit IANA zones; the page renders with linkedom over WXT's
 * fake browser and the English catalogue (tests/support/popup-world.ts). Expected values are
 * worked out by hand from the rows each test writes.
 *
 * describe('bugs found in review'): each test failed on the code as reviewed and passes with its
 * fix (the review never read the history again once drawn, so a reset or an import in the options
 * tab left it showing the old week; the conjunction of its body-area list came from the browser's
 * locale inside an English sentence).
 */
import { describe, expect, it, vi } from 'vitest';
import { openReview, onCleanup, setUiLanguage, usePopupWorld } from '../tests/support/popup-world';
import { listFormatDefaultsTo, tick, until } from '../tests/support/linkedom-page';
import { resetData } from './data';
import { recordBreak } from './storage/history';
import type { BreakRecord } from './tracker/tracker';

usePopupWorld();

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

/** A stretch break ending at `endedAt`, as the tracker records it. */
function rec(id: string, endedAt: number, routineId: string | null = null): BreakRecord {
  return { id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId, deskMs: 45 * MIN, snoozes: 0, manual: false };
}

describe('bugs found in review (each test holds its fix)', () => {
  it('README: reset "everything, after a confirmation" in Options: coming back to a weekly review left open in another tab shows the empty history, not the breaks just erased (it kept them until reloaded by hand)', async () => {
    const tz = 'Europe/Berlin';
    // Monday 2 and Tuesday 3 March 2026, 10:00 CET: one stretch break each (both days count).
    await recordBreak(rec('mon', at('2026-03-02T09:00:00Z')), tz);
    await recordBreak(rec('tue', at('2026-03-03T09:00:00Z')), tz);
    vi.spyOn((await import('./platform/clock')).clock, 'timeZone').mockReturnValue(tz);
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-03T15:00:00Z') }); // Tuesday 16:00 CET
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    expect([taken(), r.text('tile-streak'), r.q('[data-testid="review-empty"]')]).toEqual(['2', 'Current streak2Best streak: 2', null]);

    // The options tab: Reset everything (lib/data.ts, as components/DataPrefs.tsx runs it).
    // The review's tab is hidden meanwhile, then shown again.
    const shown = (state: 'hidden' | 'visible') => {
      Object.defineProperty(r.document, 'visibilityState', { value: state, configurable: true });
      r.document.dispatchEvent(new r.window.Event('visibilitychange'));
    };
    shown('hidden');
    await resetData();
    shown('visible');
    await until(() => taken() === '0', `the review after the reset (breaks taken: ${taken()})`);
    expect([taken(), r.text('tile-streak'), r.text('review-empty')]).toEqual(['0', 'Current streak0Best streak: 0', 'No breaks recorded yet. Your review fills in as you take breaks.']);

    // The review in a window of its own: a break taken meanwhile (the break window's own
    // window) shows once the review's window has the focus again.
    await recordBreak(rec('tue2', at('2026-03-03T15:30:00Z')), tz);
    vi.setSystemTime(at('2026-03-03T15:40:00Z'));
    r.window.dispatchEvent(new r.window.Event('focus'));
    await until(() => taken() === '1', `the review after a break (breaks taken: ${taken()})`);
    await tick(20);
    expect(r.text('tile-streak')).toBe('Current streak1Best streak: 1');
  });

  it('README: "The weekly review ... compares this week with last week": left open over the midnight that starts a new week, it turns to the new week by itself (it went on calling the week just over "this week")', async () => {
    // en-US: weeks start on Sunday (README "Weeks start on": the usual first day for your language).
    // Monday 2 - Saturday 7 March 2026, UTC: one stretch break a day.
    for (let d = 2; d <= 7; d++) await recordBreak(rec(`d${d}`, at(`2026-03-0${d}T10:00:00Z`)), 'UTC');
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: at('2026-03-07T23:58:00Z') }); // Saturday 23:58
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    expect([r.text('week-range'), taken()]).toEqual(['Mar 1 – Mar 7', '6']);

    vi.advanceTimersByTime(3 * MIN); // Sunday 8 March, 00:01: the page untouched, in view all along
    await until(() => r.text('week-range') !== 'Mar 1 – Mar 7', `the new week (${r.text('week-range')})`);
    expect([r.text('week-range'), taken(), r.q('[data-testid="tile-taken"] .small')?.textContent]).toEqual(['Mar 8 – Mar 14', '0', 'By this day last week: 0']);
  });

  it('README ("A browser in a language Limber has no catalogue for gets English pages"): the body areas highlight joins its list with "and", not with the browser\'s own word ("Upper back och Lower back" in a Swedish browser)', async () => {
    // In a browser Intl's default locale is the browser's language (Swedish here: no catalogue,
    // so the page is English, lang="en"). Intl.ListFormat answers in Swedish unless told otherwise.
    onCleanup(listFormatDefaultsTo('sv'));
    expect(new Intl.ListFormat(undefined, { type: 'conjunction' }).format(['a', 'b'])).toBe('a och b');
    setUiLanguage('sv-SE');

    // Seated cat-cow (upper and lower back), Thursday 5 March 2026 in Stockholm.
    await recordBreak(rec('cc', at('2026-03-05T09:00:00Z'), 'cat-cow'), 'Europe/Stockholm');
    vi.spyOn((await import('./platform/clock')).clock, 'timeZone').mockReturnValue('Europe/Stockholm');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-05T12:00:00Z') });
    const r = await openReview();
    expect((await import('./i18n')).pageLanguage()).toBe('en');
    expect(r.q('[data-key="hlAreas"]')?.textContent).toBe('Body areas you worked most: Lower back and Upper back.');
  });
});
