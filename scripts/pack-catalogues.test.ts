/** The packaged form of the catalogues (scripts/pack-catalogues.ts): messages kept whole, descriptions gone. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, packCatalogue } from './pack-catalogues';

const LOCALES = path.join(process.cwd(), 'public', '_locales');

describe('packCatalogue', () => {
  it.each(readdirSync(LOCALES))('%s: every message, in order, word for word, and no description', (locale) => {
    const text = readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8');
    const source = JSON.parse(text) as Record<string, { message: string; description?: string }>;
    const packed = JSON.parse(packCatalogue(text)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(packed)).toEqual(Object.keys(source));
    expect(Object.entries(packed).filter(([k, e]) => e.message !== source[k]!.message || Object.keys(e).join() !== 'message')).toEqual([]);
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
