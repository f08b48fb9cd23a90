/**
 * The packaged form of the catalogues (scripts/pack-catalogues.ts): messages kept whole,
 * descriptions gone, and the plural forms a catalogue's language never asks for left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, DEFAULT_LOCALE, packCatalogue } from './pack-catalogues';

const LOCALES = path.join(process.cwd(), 'public', '_locales');

describe('packCatalogue', () => {
  const read = (locale: string) => readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8');
  /** As the build packs it (wxt.config.ts): every catalogue but the default locale's against that one. */
  const pack = (locale: string) => JSON.parse(packCatalogue(read(locale), locale === DEFAULT_LOCALE ? undefined : read(DEFAULT_LOCALE))) as Record<string, Record<string, unknown>>;

  it.each(readdirSync(LOCALES))('%s: every message its language can show, as the browser looks it up (its catalogue, then the default locale\'s), word for word, and no description', (locale) => {
    const source = JSON.parse(read(locale)) as Record<string, { message: string; description?: string }>;
    const packed = pack(locale);
    const fallback = pack(DEFAULT_LOCALE);
    // The forms Intl.PluralRules never gives for the catalogue's language, asked of it here directly.
    const categories = new Intl.PluralRules(source.textLang!.message).resolvedOptions().pluralCategories as string[];
    const shown = (k: string) => !/_(one|few|many)$/.test(k) || categories.includes(/_(\w+)$/.exec(k)![1]!);
    const looked = (k: string) => (Object.hasOwn(packed, k) ? packed[k] : fallback[k]);
    expect(Object.keys(source).filter(shown).filter((k) => looked(k)?.message !== source[k]!.message)).toEqual([]);
    expect(Object.keys(packed).filter((k) => !shown(k) || !Object.hasOwn(source, k))).toEqual([]);
    expect(Object.entries(packed).filter(([, e]) => Object.keys(e).join() !== 'message')).toEqual([]);
    // In order, and nothing the default locale's says the same way (which its own is, whole).
    expect(Object.keys(packed)).toEqual(Object.keys(source).filter((k) => Object.hasOwn(packed, k)));
    if (locale === DEFAULT_LOCALE) expect(Object.keys(packed)).toEqual(Object.keys(source).filter(shown));
    else expect(Object.keys(packed).filter((k) => fallback[k]?.message === packed[k]!.message)).toEqual([]);
  });

  it('leaves out a repeat of the default locale only where the default locale\'s package has the message', () => {
    const en = JSON.stringify({ textLang: { message: 'en' }, unit: { message: 'min' }, n_one: { message: '$1 min' }, n_few: { message: '$1 min' }, n_other: { message: '$1 min' } });
    const pl = { textLang: { message: 'pl' }, unit: { message: 'min' }, n_one: { message: '$1 min' }, n_few: { message: '$1 min' }, n_many: { message: '$1 min' }, n_other: { message: '$1 min' } };
    // English takes no `few`: its package has none, so Polish keeps its own (the browser would find nothing).
    expect(Object.keys(JSON.parse(packCatalogue(JSON.stringify(pl), en)) as object)).toEqual(['textLang', 'n_few', 'n_many']);
    expect(Object.keys(JSON.parse(packCatalogue(JSON.stringify(pl))) as object)).toEqual(Object.keys(pl));
  });

  it('leaves out exactly the plural forms each language never takes (a count asks for its category only)', () => {
    const left = (locale: string) => {
      const text = readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8');
      const packed = JSON.parse(packCatalogue(text)) as Record<string, unknown>;
      const gone = Object.keys(JSON.parse(text) as object).filter((k) => !(k in packed));
      return [...new Set(gone.map((k) => /_(\w+)$/.exec(k)![1]))].sort();
    };
    expect(Object.fromEntries(readdirSync(LOCALES).sort().map((l) => [l, left(l)]))).toEqual({
      de: ['few', 'many'],
      en: ['few', 'many'],
      es: ['few'],
      fr: ['few'],
      it: ['few'],
      ja: ['few', 'many', 'one'],
      nl: ['few', 'many'],
      pl: [],
      pt_BR: ['few'],
    });
    // Each base keeps its `other` form, and every form a count can ask for.
    const ja = JSON.parse(packCatalogue(readFileSync(path.join(LOCALES, 'ja', 'messages.json'), 'utf8'))) as Record<string, unknown>;
    expect(['streakDays_other' in ja, 'streakDays_one' in ja]).toEqual([true, false]);
  });

  it('keeps every form when the language is unknown, or a form has no `other` beside it', () => {
    const forms = { a_one: { message: '1' }, a_few: { message: 'f' }, a_other: { message: 'n' }, b_few: { message: 'no other' }, c_two: { message: '2' } };
    expect(Object.keys(JSON.parse(packCatalogue(JSON.stringify(forms))) as object)).toEqual(Object.keys(forms));
    expect(Object.keys(JSON.parse(packCatalogue(JSON.stringify({ textLang: { message: '!!' }, ...forms }))) as object)).toEqual(['textLang', ...Object.keys(forms)]);
    expect(Object.keys(JSON.parse(packCatalogue(JSON.stringify({ textLang: { message: 'de' }, ...forms }))) as object)).toEqual(['textLang', 'a_one', 'a_other', 'b_few', 'c_two']);
  });

  it('keeps a placeholders block (the browser reads it) and refuses what is no catalogue', () => {
    const withBlock = { a: { message: 'Hi $who$', description: 'x', placeholders: { who: { content: '$1' } } } };
    expect(JSON.parse(packCatalogue(JSON.stringify(withBlock)))).toEqual({ a: { message: 'Hi $who$', placeholders: { who: { content: '$1' } } } });
    expect(() => packCatalogue('[]')).toThrow();
    expect(() => packCatalogue('{"a": {"description": "no message"}}')).toThrow(/"a"/);
    expect(() => packCatalogue('{"a": ')).toThrow();
  });

  it('applies to the catalogues only', () => {
    expect(['_locales/en/messages.json', '_locales/pt_BR/messages.json'].every((p) => CATALOGUE_PATH.test(p))).toBe(true);
    expect(['routines/x.json', '_locales/en/other.json', 'x/_locales/en/messages.json'].some((p) => CATALOGUE_PATH.test(p))).toBe(false);
  });
});
