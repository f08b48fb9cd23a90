import { uiLanguage } from '../i18n';

/** The only place under lib/ that reads the clock or the machine's time zone; the UI language comes from lib/i18n (uiLanguage). */
export const clock = {
  now: (): number => Date.now(),
  timeZone: (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  /** The browser's UI language (the locale Intl formats for, and whose week start applies). */
  locale: (): string => uiLanguage() || 'en',
};
