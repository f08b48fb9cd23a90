/**
 * Counts in the popup and the weekly review are written as the locale writes numbers (README:
 * numbers go through Intl.NumberFormat, never by hand), like the messages' own numbers beside them.
 * It failed before the fix: a browser in Persian showed "3" above "of ۳". Alone in its file: the
 * pages make their number formats once, with the browser's locale, which here must be Persian.
 */
import { describe, expect, it } from 'vitest';
import { completed, openPopup, openReview, background, DAY, MIN, onCleanup, setUiLanguage, STRETCH_ONLY, T0, usePopupWorld } from '../tests/support/popup-world';

usePopupWorld();


describe('counts are written as the locale writes numbers, like the numbers beside them', () => {
  it('a browser in Persian (English pages, numbers in Persian digits): the ring\'s count, the streak and the review\'s tiles are written 3, 12 and 5 beside "of ۳" and "Best: ۱۲"', async () => {
    // In a browser Intl's default locale is the browser's language; Limber has no Persian
    // catalogue, so its pages are English (README: "with dates and times still in its own
    // locale"), and every number goes through Intl.NumberFormat (README: "Numbers go through
    // Intl.NumberFormat (t() formats number substitutions), never by hand").
    const Native = Intl.NumberFormat;
    const Persian = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
      return new Native(locales ?? 'fa', options);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = Persian;
    onCleanup(() => (Intl.NumberFormat = Native));
    setUiLanguage('fa');
    const fa = (n: number) => new Native('fa').format(n);
    expect(fa(12)).toBe('۱۲'); // CLDR: Persian writes its own digits

    // History: a completed break on each of the last 12 days, 3 of them today (Monday 2 March).
    for (let d = 11; d >= 1; d--) await completed(`d${d}`, T0 - d * DAY);
    await completed('t1', T0 - 60 * MIN);
    await completed('t2', T0 - 30 * MIN);
    await completed('t3', T0 - 10 * MIN);

    await background(STRETCH_ONLY, T0 + MIN);
    const p = await openPopup();
    const taken = Number(p.q('[data-testid="today-ring"]')!.getAttribute('data-taken'));
    const due = Number(p.q('[data-testid="today-ring"]')!.getAttribute('data-due'));
    const longest = p.text('longest')!; // "Best: ۱۲", written by t()
    const streakShown = p.text('streak')!;
    const popup = { count: p.text('today-count'), of: p.q('.ring-of')!.textContent, streak: streakShown, longest };

    const r = await openReview();
    const tileValue = (id: string) => r.q(`[data-testid="${id}"] .tile-value`)!.textContent;
    const tileSub = (id: string) => r.q(`[data-testid="${id}"] .muted`)!.textContent;
    const review = { taken: tileValue('tile-taken'), streak: tileValue('tile-streak'), streakSub: tileSub('tile-streak') };

    // The same page's own t()-formatted numbers are in Persian digits (the reference for the rest).
    expect(popup.of).toBe(`of ${fa(due)}`);
    expect(review.streakSub).toMatch(/[۰-۹]/);
    expect({ popup, review: { taken: review.taken, streak: review.streak } }).toEqual({
      popup: { count: fa(taken), of: `of ${fa(due)}`, streak: fa(12), longest: `Best: ${fa(12)}` },
      // Persian weeks start on Saturday (CLDR): this week, Sat 28 Feb - Mon 2 Mar, holds 1 + 1 + 3 breaks.
      review: { taken: fa(5), streak: fa(12) },
    });
  });
});

