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
  ['ar-AE', 0], // the UAE moved to a Saturday-Sunday weekend in 2022; CLDR 42 and later: Monday
  ['en-AE', 0],
  ['zh-CN', 0], // CLDR 44 and later: Monday
  ['dv-MV', 4], // the Maldives: Friday
];

/** Without Intl week info, as Firefox ESR has it (getWeekInfo and weekInfo both absent). */
function withoutWeekInfo<T>(run: () => T): T {
  const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(proto, 'getWeekInfo');
  const savedInfo = Object.getOwnPropertyDescriptor(proto, 'weekInfo');
  try {
    Object.defineProperty(proto, 'getWeekInfo', { value: undefined, configurable: true });
    Object.defineProperty(proto, 'weekInfo', { get: () => undefined, configurable: true });
    return run();
  } finally {
    if (saved) Object.defineProperty(proto, 'getWeekInfo', saved);
    else delete proto.getWeekInfo;
    if (savedInfo) Object.defineProperty(proto, 'weekInfo', savedInfo);
    else delete proto.weekInfo;
  }
}

/** Every region with a name, as two letters (AA..ZY; ZZ is the unknown region). */
const REGIONS = (() => {
  const names = new Intl.DisplayNames('en', { type: 'region' });
  const out: string[] = [];
  for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const r = a + b;
      if (r !== 'ZZ' && names.of(r) !== r) out.push(r);
    }
  }
  return out;
})();

describe('first day of the week', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(CASES)('%s starts on day %i (0 = Monday) through Intl week info', (locale, day) => {
    expect(localeFirstDay(locale)).toBe(day);
  });

  it.each(CASES)('%s starts on day %i from the region table where Intl has no week info (Firefox)', (locale, day) => {
    expect(withoutWeekInfo(() => localeFirstDay(locale))).toBe(day);
  });

  it("the region table agrees with Intl's own week info (this engine's CLDR) for every region", () => {
    const l = new Intl.Locale('und-AE') as Intl.Locale & { getWeekInfo?: () => unknown; weekInfo?: unknown };
    expect(l.getWeekInfo?.() ?? l.weekInfo, 'this engine has week info to compare with').toBeTruthy();
    const intl = REGIONS.map((r) => `${r} ${localeFirstDay(`und-${r}`)}`);
    expect(REGIONS.length).toBeGreaterThan(200);
    expect(withoutWeekInfo(() => REGIONS.map((r) => `${r} ${localeFirstDay(`und-${r}`)}`))).toEqual(intl);
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
