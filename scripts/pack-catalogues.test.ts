/**
 * The packaged form of the catalogues (scripts/pack-catalogues.ts): messages kept whole,
 * descriptions gone, and the plural forms a catalogue's language never asks for left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, packCatalogue } from './pack-catalogues';

const LOCALES = path.join(process.cwd(), 'public', '_locales');

describe('packCatalogue', () => {
  it.each(readdirSync(LOCALES))('%s: every message its language can show, in order, word for word, and no description', (locale) => {
    const text = readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8');
    const source = JSON.parse(text) as Record<string, { message: string; description?: string }>;
    const packed = JSON.parse(packCatalogue(text)) as Record<string, Record<string, unknown>>;
    // The forms Intl.PluralRules never gives for the catalogue's language, asked of it here directly.
    const categories = new Intl.PluralRules(source.textLang!.message).resolvedOptions().pluralCategories as string[];
    const shown = (k: string) => !/_(one|few|many)$/.test(k) || categories.includes(/_(\w+)$/.exec(k)![1]!);
    expect(Object.keys(packed)).toEqual(Object.keys(source).filter(shown));
    expect(Object.entries(packed).filter(([k, e]) => e.message !== source[k]!.message || Object.keys(e).join() !== 'message')).toEqual([]);
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
