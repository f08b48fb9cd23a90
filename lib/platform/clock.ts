import { browser } from 'wxt/browser';

/** The only place under lib/ that reads the clock, the machine's time zone or the UI language. */
export const clock = {
  now: (): number => Date.now(),
  timeZone: (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  /** The browser's UI language (the locale Intl formats for, and whose week start applies). */
  locale: (): string => {
    try {
      return browser.i18n.getUILanguage() || 'en';
    } catch {
      return 'en';
    }
  },
};
