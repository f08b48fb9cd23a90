/**
 * Plural forms (lib/plural.ts, tp in lib/i18n.ts): the category a count takes, checked against
 * CLDR's published rules (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html),
 * not against Intl's own answers; and every catalogue on disk carries each plural set whole.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PLURAL_CATEGORIES, pluralKey, tp, type PluralBase } from './i18n';

type Catalogue = Record<string, { message: string; description?: string }>;
const LOCALES = path.join(process.cwd(), 'public', '_locales');
const read = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;
const locales = readdirSync(LOCALES).filter((d) => existsSync(path.join(LOCALES, d, 'messages.json')));

const BASE = 'cheerTodayCounts' as PluralBase;
const cat = (n: number, lang: string) => pluralKey(BASE, n, lang).slice(BASE.length + 1);

describe('pluralKey: the category CLDR gives a count', () => {
  it('Polish: one for 1; few for 2-4, 22-24, ... but not 12-14; many for the other whole numbers; other for fractions', () => {
    expect([1, 2, 3, 4, 5, 12, 14, 21, 22, 24, 25, 100, 102, 112].map((n) => cat(n, 'pl'))).toEqual(['one', 'few', 'few', 'few', 'many', 'many', 'many', 'many', 'few', 'few', 'many', 'many', 'few', 'many']);
    expect(cat(0, 'pl')).toBe('many');
    expect(cat(1.5, 'pl')).toBe('other');
  });

  it('English and German: one for 1 alone, other for 0, 2, 21 and fractions', () => {
    for (const lang of ['en', 'en-GB', 'de', 'de-AT']) expect([1, 0, 2, 21, 1.5].map((n) => cat(n, lang))).toEqual(['one', 'other', 'other', 'other', 'other']);
  });

  it('Japanese: other for every count', () => {
    expect([0, 1, 2, 5, 22].map((n) => cat(n, 'ja'))).toEqual(['other', 'other', 'other', 'other', 'other']);
  });

  it('French and Brazilian Portuguese: one for 0 and 1; the folder spelling pt_BR works too', () => {
    expect([0, 1, 2].map((n) => cat(n, 'fr'))).toEqual(['one', 'one', 'other']);
    expect([0, 1, 2].map((n) => cat(n, 'pt_BR'))).toEqual(['one', 'one', 'other']);
  });

  it('categories no catalogue carries (zero, two) read as other; Russian 21 is one', () => {
    expect(cat(0, 'ar')).toBe('other'); // CLDR: zero
    expect(cat(2, 'ar')).toBe('other'); // CLDR: two
    expect(cat(21, 'ru')).toBe('one');
  });

  it('a language that is no language tag counts as English', () => {
    expect([1, 2].map((n) => cat(n, 'textLang'))).toEqual(['one', 'other']);
    expect(cat(1, '')).toBe('one');
  });
});

describe('tp: the message in the form the page language uses', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The browser's lookup answering from a catalogue on disk, as chrome.i18n would. */
  function serve(c: Catalogue, ui: string) {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(ui);
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string[]) => (c[k]?.message ?? '').replace(/\$([1-9])/g, (_, i: string) => subs?.[+i - 1] ?? '')) as typeof browser.i18n.getMessage);
  }

  it('English: 1 day, 2 days', () => {
    serve(read('en'), 'en-US');
    expect(tp('cheerTodayCounts', 1)).toBe('Today counts: 1 day in a row.');
    expect(tp('cheerTodayCounts', 2)).toBe('Today counts: 2 days in a row.');
    expect(tp('cheerKeep', 3, [3])).toBe('3 more breaks today keep your streak going.');
  });

  it('writes numbers through Intl, not by hand (1234.5 hours: grouped, the locale decimal sign)', () => {
    serve(read('en'), 'en-US');
    const text = tp('noticeDailyLimitBody', 1234.5);
    expect(text).toContain(new Intl.NumberFormat().format(1234.5));
    expect(text).not.toContain('1234.5');
  });

  it('German: 1 Tag, 2 Tage', () => {
    serve(read('de'), 'de-DE');
    expect(tp('cheerTodayCounts', 1)).toBe('Heute zählt: 1 Tag in Folge.');
    expect(tp('cheerTodayCounts', 2)).toBe('Heute zählt: 2 Tage in Folge.');
  });

  it("follows the catalogue's language, not the UI language, and Polish picks one/few/many", () => {
    const forms = Object.fromEntries(PLURAL_CATEGORIES.map((c) => [`cheerTodayCounts_${c}`, { message: `${c} $1` }]));
    serve({ ...forms, textLang: { message: 'pl' } }, 'pl');
    expect([1, 2, 5, 22, 25].map((n) => tp('cheerTodayCounts', n))).toEqual(['one 1', 'few 2', 'many 5', 'few 22', 'many 25']);
    // A Polish browser shown the English catalogue (no Polish one yet): English forms.
    serve({ ...forms, textLang: { message: 'en' } }, 'pl');
    expect([1, 2, 5].map((n) => tp('cheerTodayCounts', n))).toEqual(['one 1', 'other 2', 'other 5']);
  });
});

describe('plural sets in every catalogue', () => {
  const bases = (c: Catalogue) => new Set(Object.keys(c).flatMap((k) => /^(.+)_(one|few|many|other)$/.exec(k)?.[1] ?? []));
  const enBases = [...bases(read('en'))];

  it('English has the plural sets the code uses', () => {
    for (const b of ['cheerTodayCounts', 'cheerKeep', 'importSummary', 'importNoteOwn', 'ringLabel', 'promptMicroBody']) expect(enBases).toContain(b);
  });

  it.each(locales)('%s: every plural base has one, few, many and other, and no bare key', (locale) => {
    const c = read(locale);
    const problems = enBases.flatMap((b) => [...PLURAL_CATEGORIES.filter((k) => !c[`${b}_${k}`]).map((k) => `${b}_${k} missing`), ...(b in c ? [`${b} without a category`] : [])]);
    expect(problems).toEqual([]);
  });

  it.each(locales)("%s: a category the language does not use repeats its other text", (locale) => {
    const c = read(locale);
    const lang = (c.textLang?.message ?? locale).replace(/_/g, '-');
    const used = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
    const problems = enBases.flatMap((b) => PLURAL_CATEGORIES.filter((k) => !used.includes(k) && c[`${b}_${k}`]?.message !== c[`${b}_other`]?.message).map((k) => `${b}_${k}`));
    expect(problems).toEqual([]);
  });
});
