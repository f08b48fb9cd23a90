import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstWeekday, localeFirstDay } from './week';

const CASES: Array<[string, number]> = [
  ['en-US', 6],
  ['en', 6], // no region: the likeliest (US)
  ['de', 0],
  ['de-DE', 0],
  ['en-GB', 0],
  ['fr-CA', 6],
  ['pt-BR', 6],
  ['ar-EG', 5],
  ['fa-IR', 5],
  ['ja-JP', 6],
];

describe('first day of the week', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(CASES)('%s starts on day %i (0 = Monday) through Intl week info', (locale, day) => {
    expect(localeFirstDay(locale)).toBe(day);
  });

  it.each(CASES)('%s starts on day %i from the region table where Intl has no week info (Firefox)', (locale, day) => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = Object.getOwnPropertyDescriptor(proto, 'getWeekInfo');
    const savedInfo = Object.getOwnPropertyDescriptor(proto, 'weekInfo');
    try {
      Object.defineProperty(proto, 'getWeekInfo', { value: undefined, configurable: true });
      Object.defineProperty(proto, 'weekInfo', { get: () => undefined, configurable: true });
      expect(localeFirstDay(locale)).toBe(day);
    } finally {
      if (saved) Object.defineProperty(proto, 'getWeekInfo', saved);
      else delete proto.getWeekInfo;
      if (savedInfo) Object.defineProperty(proto, 'weekInfo', savedInfo);
      else delete proto.weekInfo;
    }
  });

  it('a broken locale string starts on Monday instead of throwing', () => {
    expect(localeFirstDay('not a locale!')).toBe(0);
    expect(localeFirstDay('')).toBe(0);
  });

  it('a fixed setting wins over the locale', () => {
    expect(firstWeekday('mon', 'en-US')).toBe(0);
    expect(firstWeekday('sun', 'de-DE')).toBe(6);
    expect(firstWeekday('sat', 'de-DE')).toBe(5);
    expect(firstWeekday('locale', 'en-US')).toBe(6);
  });
});
