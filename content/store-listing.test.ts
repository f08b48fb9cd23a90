/**
 * The store listings (docs/store-listing.md and one per language, docs/store-listing.<locale>.md)
 * name how many routines Limber ships: that number is the library's, in every language, and every
 * language with a catalogue has a listing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTINES } from './routines';

const DOCS = path.resolve(process.cwd(), 'docs');
const LOCALES = readdirSync(path.resolve(process.cwd(), 'public', '_locales'));

/**
 * The number that opens the second bullet, after its bold title ("- **Guided routines**: 37 short
 * ..."): every listing keeps the English order of bullets, and the second is the routines'.
 */
function routineCount(text: string): number | null {
  const bullets = text.split('\n').filter((l) => l.startsWith('- **'));
  const m = bullets[1]?.match(/^- \*\*[^*]+\*\*\s*[:：]\s*(\d+)/);
  return m ? Number(m[1]) : null;
}

describe('store listings', () => {
  for (const locale of LOCALES) {
    const file = path.join(DOCS, locale === 'en' ? 'store-listing.md' : `store-listing.${locale}.md`);
    it(`${locale}: a listing exists and counts the ${ROUTINES.length} routines`, () => {
      expect(existsSync(file), file).toBe(true);
      expect(routineCount(readFileSync(file, 'utf8'))).toBe(ROUTINES.length);
    });
  }
});
