/**
 * The first day of the week, for the weekly review and the streak week: a fixed day from the
 * settings, or the custom of the user's locale (Sunday in the US, Saturday in much of the Middle
 * East, Friday in the Maldives, Monday in most of Europe). Days are numbered as in a schedule:
 * 0 = Monday ... 6 = Sunday.
 */
import type { WeekStartSetting } from './settings';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const FIXED: Record<Exclude<WeekStartSetting, 'locale'>, Weekday> = { mon: 0, sat: 5, sun: 6 };

// Where Intl.Locale has no week information (Firefox ESR), CLDR's first day by region (CLDR 48:
// the UAE starts on Monday since CLDR 42, China since CLDR 44; lib/week.test.ts checks the table
// against the engine's own CLDR); any region not listed starts on Monday.
const SUNDAY = new Set(
  'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '),
);
const SATURDAY = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));
const FRIDAY = new Set(['MV']);

interface WeekInfo {
  firstDay: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The locale's first day of the week. Never throws: an unknown locale starts on Monday. */
export function localeFirstDay(locale: string): Weekday {
  try {
    const l = new Intl.Locale(locale) as LocaleWithWeek;
    const info = l.getWeekInfo?.() ?? l.weekInfo;
    // Intl numbers days 1 = Monday ... 7 = Sunday.
    if (info && Number.isInteger(info.firstDay) && info.firstDay >= 1 && info.firstDay <= 7) return (info.firstDay - 1) as Weekday;
    const region = l.maximize().region ?? '';
    return SUNDAY.has(region) ? 6 : SATURDAY.has(region) ? 5 : FRIDAY.has(region) ? 4 : 0;
  } catch {
    return 0;
  }
}

export function firstWeekday(setting: WeekStartSetting, locale: string): Weekday {
  return setting === 'locale' ? localeFirstDay(locale) : FIXED[setting];
}
