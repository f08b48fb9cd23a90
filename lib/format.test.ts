/**
 * formatDate: Intl's date, with the French first of the month as "1er" (checked against written French).
 * clockCountdown: the time left as a clock reads it (edges found by a mutation hunt).
 */
import { describe, expect, it } from 'vitest';
import { clockCountdown, formatDate } from './format';

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

describe('clockCountdown', () => {
  // The machine's locale writes Latin digits (lib/countdown-digits.test.ts covers others).
  it('an hour and more: the minutes in two digits ("1:02:05", "1:00:00"), seconds rounded up to whole ones', () => {
    expect(clockCountdown(3600_000 + 2 * 60_000 + 5_000)).toBe('1:02:05');
    expect(clockCountdown(3600_000)).toBe('1:00:00');
    expect(clockCountdown(3600_000 - 1)).toBe('1:00:00');
    expect(clockCountdown(3600_000 - 1000)).toBe('59:59');
    expect(clockCountdown(2 * 3600_000 - 30_000)).toBe('1:59:30');
  });

  it('a moment past the time (the page ticks before the new status arrives) is "0:00", never a time counting up again', () => {
    expect(clockCountdown(0)).toBe('0:00');
    for (const past of [1, 999, 1000, 61_000, 3600_000]) expect(clockCountdown(-past)).toBe('0:00');
  });
});
