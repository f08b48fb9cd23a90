/**
 * The weekly review's highlights as whole sentences in a browser whose dates are not written the
 * English way: Intl's default locale set to the browser's language (as in a browser), the
 * catalogue the browser picks (lib/i18n-fallback.ts formatMessage, as getMessage fills $1..).
 * In a file of its own: components/history-format.ts keeps its date formatters for the page's life.
 *
 * bugs found in review: a value that ends with its own abbreviation's full stop ("Mo., 2. Nov.",
 * "lun. 2 nov.") at the end of a sentence ended it twice: "am Mo., 2. Nov.."; the desk time
 * highlight wrote its week's 7 days by hand next to a count in the locale's digits ("over ٣ of 7 days").
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { clockDefaultsTo } from '../tests/support/linkedom-page';
import { aggregate } from './aggregates';

const undo = clockDefaultsTo('de');
afterAll(() => undo());

const MIN = 60_000;
const catalogue = (lang: string) => JSON.parse(readFileSync(new URL(`../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;

describe('bugs found in review (each test failed before its fix)', () => {
  it('German: the longest sitting stretch "am Mo., 2. Nov." ends its sentence with one full stop, not two ("… am Mo., 2. Nov..")', async () => {
    const { installFallbackMessages } = await import('./i18n');
    const { formatMessage } = await import('./i18n-fallback');
    const { highlightText } = await import('../entrypoints/review/App');
    const { weeklyReview } = await import('./review');
    const de = catalogue('de');
    installFallbackMessages((k, subs) => (de[k] ? formatMessage(de[k]!, subs) : undefined));
    try {
      // Monday 2 November 2026: one stretch break after 50 minutes at the desk; today Wednesday 4.
      const rows = [...aggregate([{ id: 'a', day: '2026-11-02', kind: 'stretch', outcome: 'completed', deskMs: 50 * MIN, routineId: null }]).values()];
      const r = weeklyReview(rows, '2026-11-04', null);
      const sit = r.highlights.find((h) => h.key === 'hlSit')!;
      expect(highlightText(sit)).toBe('Deine längste Sitzphase war 50 Min., am Mo., 2. Nov.');
      // A full stop the catalogue puts after a value that has none stays.
      const taken = r.highlights.find((h) => h.key === 'hlTakenFirst')!;
      expect(highlightText(taken)).toBe('Diese Woche gemachte Pausen: 1.');
    } finally {
      installFallbackMessages(null);
    }
  });

  it('Arabic browser (English pages, Arabic-Indic digits as Intl writes them): the desk time highlight writes both numbers of "over 3 of 7 days" in the same digits ("over ٣ of 7 days")', async () => {
    // The pages make their number format once: the modules are loaded afresh with Intl in Arabic
    // (as lib/history-view-cases.test.ts does for the end screen).
    const Native = Intl.NumberFormat;
    Intl.NumberFormat = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
      return new Native(locales ?? 'ar-EG', options);
    } as unknown as typeof Intl.NumberFormat;
    const ar = (n: number) => new Native('ar-EG').format(n);
    expect([ar(3), ar(7)]).toEqual(['٣', '٧']);
    vi.resetModules();
    const { installFallbackMessages } = await import('./i18n');
    const { formatMessage } = await import('./i18n-fallback');
    const en = catalogue('en');
    installFallbackMessages((k, subs) => (en[k] ? formatMessage(en[k]!, subs) : undefined));
    try {
      const { highlightText } = await import('../entrypoints/review/App');
      const { weeklyReview } = await import('./review');
      // Monday 2 to Wednesday 4 November 2026: one stretch break a day after 60 minutes at the desk.
      const days = ['2026-11-02', '2026-11-03', '2026-11-04'];
      const rows = [...aggregate(days.map((day) => ({ id: day, day, kind: 'stretch' as const, outcome: 'completed' as const, deskMs: 60 * MIN, routineId: null }))).values()];
      const desk = weeklyReview(rows, '2026-11-04', null).highlights.find((h) => h.key === 'hlDesk')!;
      expect(highlightText(desk)).toBe(`Average desk time on the days you were at your desk: ${ar(1)} h (over ${ar(3)} of ${ar(7)} days).`);
    } finally {
      installFallbackMessages(null);
      Intl.NumberFormat = Native;
    }
  });
});
