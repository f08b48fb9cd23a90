/** Display formatting for history pages (popup, review, options): day keys, durations, percentages. */
import { pageLanguage, t, type MessageKey } from '../lib/i18n';
import type { DayKey } from '../lib/days';
import type { DayStatus } from '../lib/streaks';
import type { BodyArea } from '../content/types';
import { AREA_LABEL } from './routine-labels';
import { formatDate } from '../lib/format';

const utcOf = (day: DayKey) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 12);
};

const fmt = new Map<string, Intl.DateTimeFormat>();
function dtf(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(opts);
  let f = fmt.get(key);
  if (!f) fmt.set(key, (f = new Intl.DateTimeFormat(undefined, { ...opts, timeZone: 'UTC' })));
  return f;
}

/** "Mon", "M" or "Monday" for a day key (the key's own calendar day, whatever the zone). */
export function weekdayLabel(day: DayKey, style: 'narrow' | 'short' | 'long' = 'short'): string {
  return dtf({ weekday: style }).format(utcOf(day));
}

/** "Mon, Mar 2". */
export function dayLabel(day: DayKey): string {
  return formatDate(dtf({ weekday: 'short', month: 'short', day: 'numeric' }), utcOf(day));
}

/** "Mar 2". */
export function shortDate(day: DayKey): string {
  return formatDate(dtf({ month: 'short', day: 'numeric' }), utcOf(day));
}

/** "Mar". */
export function monthLabel(day: DayKey): string {
  return dtf({ month: 'short' }).format(utcOf(day));
}

/** "1 h 25 min", "45 min", "2 h". */
export function duration(ms: number): string {
  const totalMin = Math.round(ms / 60_000);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return t('durMin', m);
  return m === 0 ? t('durH', h) : t('durHMin', [h, m]);
}

const pctFmt = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
/**
 * A share (0..1) as a whole percentage, as the page's Intl.NumberFormat rounds it (0.575 -> "58%"),
 * never claiming none or all when that is not so: a share above none never reads "0%" (1 of 300 ->
 * "<1%", in the catalogue's words) and one short of all never "100%" (0.995 -> "99%"). The one
 * place this rule lives: the review's tiles and highlights both format through it.
 */
export function percent(share: number): string {
  if (share > 0 && pctFmt.format(share) === pctFmt.format(0)) return t('pctUnderOne', pctFmt.format(0.01));
  return pctFmt.format(share < 1 ? Math.min(share, 0.99) : share);
}

/**
 * A day's streak status in words. `due`: the day's due breaks. A day that is neither met nor missed
 * with breaks due is a day off in the working hours: "Day off", not "No breaks due" next to its breaks.
 */
export function statusLabel(s: DayStatus, due = 0): string {
  return t(s === 'off' && due > 0 ? 'status_dayOff' : (`status_${s}` as MessageKey));
}

export function areaLabel(a: BodyArea): string {
  return t(AREA_LABEL[a]);
}

/** "Neck, Shoulders and Wrists": the joining word is part of the sentence, so in the page's language (lib/i18n.ts pageLanguage). */
export function listOf(items: string[]): string {
  const list = (lang?: string) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
  try {
    return list(pageLanguage());
  } catch {
    return list(); // not a language tag Intl takes
  }
}
