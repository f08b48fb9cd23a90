/** formatDate: Intl's date, with the French first of the month as "1er" (checked against written French). */
import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

const at = (d: number) => Date.UTC(2026, 2, d, 12); // March 2026
const f = (locale: string, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });

describe('formatDate', () => {
  it('French: the first of the month is "1er", other days stay numbers', () => {
    expect(formatDate(f('fr', { day: 'numeric', month: 'long', year: 'numeric' }), at(1))).toBe('1er mars 2026');
    expect(formatDate(f('fr-CA', { day: 'numeric', month: 'long' }), at(1))).toBe('1er mars');
    expect(formatDate(f('fr', { weekday: 'short', day: 'numeric', month: 'short' }), at(1))).toBe('dim. 1er mars');
    expect(formatDate(f('fr', { day: 'numeric', month: 'long' }), at(11))).toBe('11 mars');
    expect(formatDate(f('fr', { day: 'numeric', month: 'long' }), at(21))).toBe('21 mars');
  });

  it('other languages exactly as Intl writes them', () => {
    expect(formatDate(f('en-US', { day: 'numeric', month: 'long' }), at(1))).toBe('March 1');
    expect(formatDate(f('de', { day: 'numeric', month: 'long' }), at(1))).toBe('1. März');
    expect(formatDate(f('es', { day: 'numeric', month: 'long' }), at(1))).toBe('1 de marzo');
  });
});
