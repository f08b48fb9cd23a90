/**
 * A clock time inside a sentence, as the whole phrase the sentence needs: "at 1:15 PM",
 * "until 13:15", "at the latest 9:00", "around 9:00", and, for a moment on another day,
 * "until Mon 9:00 AM". The words around a time can depend on the hour the clock shows:
 * Spanish "a la 1:15" but "a las 13:15" (la una, las trece), Brazilian Portuguese "à 1:15" and
 * "à 0:15" (uma hora, zero hora) but "às 13:15", Italian "all’1:15" (l’una) but "alle 13:15".
 *
 * So each phrase is a pair of catalogue messages, `<phrase>_singular` for the hours that take the
 * singular and `<phrase>_plural` for the others ($1 the time as lib/format.ts timeOfDay writes
 * it); a language without the distinction repeats its text, and English reads the same either
 * way. Which hours take the singular is a fact of the catalogue's language (SINGULAR_HOURS),
 * read off the hour as the clock shows it: 13:15 in a 12-hour Spanish locale is "1:15 p. m.",
 * "a la 1:15 p. m.". A moment on another day is one message per phrase (`timeUntilDay`,
 * `timeAroundDay`; $1 the weekday and time as timeOfDayOrDate writes them), whose time follows
 * the weekday, with no article of its own. lib/time-phrase.test.ts holds the rules.
 *
 * Pure, and imports nothing at run time but lib/format.ts: the popup's first frame
 * (entrypoints/popup/first-frame.ts) uses it with the browser's own catalogue lookup, the pages
 * through tTime (lib/i18n-time.ts).
 */
import type { MessageKey } from './i18n';
import { sameDay, timeOfDay, timeOfDayOrDate } from './format';

/** The phrases a time can stand in. */
export type TimePhrase = 'at' | 'until' | 'latest' | 'around';
/** Whether the hour the clock shows takes the singular ("la 1:15") or the plural ("las 13:15"). */
export type HourClass = 'singular' | 'plural';

const PHRASE_KEY = { at: 'timeAt', until: 'timeUntil', latest: 'timeLatest', around: 'timeAround' } as const;
/** The phrases that may name a moment on another day. */
const DAY_KEY = { until: 'timeUntilDay', around: 'timeAroundDay' } as const satisfies Partial<Record<TimePhrase, MessageKey>>;
type DayPhrase = keyof typeof DAY_KEY;

/**
 * The hours, as a clock shows them, that take the singular, by the catalogue's language (its
 * base code). Every other language, and every other hour, takes the `_plural` message.
 */
export const SINGULAR_HOURS: Readonly<Record<string, readonly number[]>> = {
  es: [1], // la una: "a la 1:15", "hasta la 1:15"; the others are plural, 0:15 too ("a las 0:15")
  it: [1], // l’una: "all’1:15", "fino all’1:15"; "alle 0:15", "alle 8:00", "alle 11:00"
  pt: [0, 1], // a uma, a zero hora (singular in Portuguese): "à 1:15", "à 0:15"; "às 13:15"
};

/** The catalogue lookup: chrome.i18n.getMessage or t(), `subs` filled in. */
export type Lookup = (key: MessageKey, subs: string[]) => string;

/** Where and in which zone the time is written: the page's own locale and zone when omitted. */
export type TimeOptions<P extends TimePhrase> = { locale?: string; timeZone?: string } & (P extends DayPhrase
  ? { /** With it, a moment on another calendar day than `now` is named with its weekday. */ now?: number }
  : { now?: never });

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour the clock shows for `at` (1 for 1:15 PM in a 12-hour locale, 13 in a 24-hour one), in Latin digits. */
export function shownHour(at: number, locale?: string, timeZone?: string): number {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let f = hourFormats.get(key);
  if (!f) {
    // timeOfDay's options, so the hour is the one it writes; Latin digits to read it as a number.
    f = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone, numberingSystem: 'latn' });
    hourFormats.set(key, f);
  }
  return Number(f.formatToParts(at).find((p) => p.type === 'hour')?.value);
}

/** Which message of a phrase pair an hour takes in `lang` (a catalogue's language: 'es', 'pt-BR', 'pt_BR'). */
export function hourClass(lang: string, hour: number): HourClass {
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return SINGULAR_HOURS[base]?.includes(hour) ? 'singular' : 'plural';
}

/**
 * The phrase for the time `at` in the catalogue `msg` reads from, whose language is `lang`:
 * e.g. timePhrase(msg, 'es', 'until', at) is "hasta la 1:15" or "hasta las 13:15".
 */
export function timePhrase<P extends TimePhrase>(msg: Lookup, lang: string, phrase: P, at: number, options: TimeOptions<P> = {} as TimeOptions<P>): string {
  const { locale, timeZone, now } = options as { locale?: string; timeZone?: string; now?: number };
  if (now !== undefined && phrase in DAY_KEY && !sameDay(at, now, timeZone)) {
    return msg(DAY_KEY[phrase as DayPhrase], [timeOfDayOrDate(at, now, locale, timeZone)]);
  }
  return msg(`${PHRASE_KEY[phrase]}_${hourClass(lang, shownHour(at, locale, timeZone))}`, [timeOfDay(at, locale, timeZone)]);
}

/**
 * timePhrase for the end of the working hours ('at' or 'until' it): an end at midnight is 24:00
 * where the clock writes midnight 0:00 or 00:00, as the options page writes the hours
 * (lib/schedule-form.ts formatMinute: "18:00–24:00", not "18:00–00:00"), with the words of hour 24
 * ("às 24:00", not "à 0:00"); a 12-hour clock keeps 12:00 AM. Any other end as timePhrase writes
 * it. Apart from timePhrase so that the welcome page, which names no end, does not carry it.
 */
export function endPhrase(msg: Lookup, lang: string, phrase: 'at' | 'until', at: number, options: { locale?: string; timeZone?: string } = {}): string {
  const { locale, timeZone } = options;
  const time = timeOfDay(at, locale, timeZone);
  // The first moment of a day (midnight, where the day has one) is where the day before ends.
  const end = sameDay(at - 1, at, timeZone) ? time : time.replace(/^0?0/, '24');
  return end === time ? timePhrase(msg, lang, phrase, at, options) : msg(`${PHRASE_KEY[phrase]}_${hourClass(lang, 24)}`, [end]);
}
