/**
 * Clock times in sentences, in the page's language (lib/time-phrase.ts with the page's
 * catalogue). Apart from lib/i18n.ts so that only the pages that write times (popup, welcome)
 * carry the phrase rules: the options page is at its size budget.
 */
import { pageLanguage, t } from './i18n';
import { endPhrase, timePhrase, type TimeOptions, type TimePhrase } from './time-phrase';

export type { TimePhrase } from './time-phrase';

/**
 * A clock time as the phrase a sentence needs, in the page's language: "at 1:15 PM", "a la 1:15",
 * "hasta las 13:15" (lib/time-phrase.ts). For 'until' and 'around', `now` names a moment on
 * another day with its weekday.
 */
export function tTime<P extends TimePhrase>(phrase: P, at: number, options?: TimeOptions<P>): string {
  return timePhrase((k, subs) => t(k, subs), pageLanguage(), phrase, at, options);
}

/** Where the working hours end, as the phrase a sentence needs: "at 5:30 PM", "at 24:00" (lib/time-phrase.ts endPhrase). */
export function tTimeEnd(phrase: 'at' | 'until', at: number): string {
  return endPhrase((k, subs) => t(k, subs), pageLanguage(), phrase, at);
}
