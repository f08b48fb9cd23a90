/**
 * A countdown is written in the digits the page's other numbers are in (README: numbers go
 * through Intl.NumberFormat, never by hand). It failed before the fix: a browser in Persian
 * (English pages, Intl writing Persian digits) showed the popup's countdown as "49:00" beside
 * "of ۱" and "Stretch break at ...", and the break page's ring as "4:59" beside "Step ۱ of ۳".
 * Alone in its file: the pages make their number formats once, with the browser's locale, which
 * here must be Persian.
 */
import { describe, expect, it } from 'vitest';
import { background, MIN, onCleanup, openPopup, setUiLanguage, STRETCH_ONLY, T0, usePopupWorld } from '../tests/support/popup-world';

usePopupWorld();

describe('a countdown is written in the locale\'s digits, like the numbers beside it', () => {
  it('a browser in Persian: the popup\'s countdown to the next break reads ۴۹:۰۰, not 49:00, and clockCountdown writes 1:02:05 as ۱:۰۲:۰۵', async () => {
    const Native = Intl.NumberFormat;
    const Persian = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
      return new Native(locales ?? 'fa', options);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = Persian;
    onCleanup(() => (Intl.NumberFormat = Native));
    setUiLanguage('fa');
    const fa = (n: number) => new Native('fa').format(n);
    expect(fa(49)).toBe('۴۹');

    await background(STRETCH_ONLY, T0 + MIN);
    const p = await openPopup();
    const countdown = p.text('countdown')!;
    expect(countdown).toMatch(/^[۰-۹]+:[۰-۹]{2}$/);
    expect(countdown).toBe(`${fa(49)}:${fa(0)}${fa(0)}`); // the next break at 09:50, 49 minutes from 09:01

    const { clockCountdown } = await import('./format');
    expect([clockCountdown(3_725_000), clockCountdown(65_000), clockCountdown(0)]).toEqual(['۱:۰۲:۰۵', '۱:۰۵', '۰:۰۰']);
  });
});
