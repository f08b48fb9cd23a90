/**
 * Message catalogue access. Every user-facing string lives in public/_locales/<lang>/messages.json;
 * keys are typed from the English catalogue.
 *
 * Some Chromium profiles hand out an empty string for every key (chrome.i18n.getMessage returns
 * '' from the start; seen in fresh headless profiles). A page must then never show the keys
 * themselves: `catalogueBroken()` tells, and lib/i18n-fallback.ts loads the packaged catalogue
 * and installs it here with `installFallbackMessages`, before anything is drawn. Pages do that at
 * start-up (components/localize.ts, whenLocalized); the worker calls ensureMessages() itself.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import { pluralKey, type PluralBase } from './plural';
import { textLanguage } from './text-language';

export { PLURAL_CATEGORIES, pluralKey, type PluralBase, type PluralCategory } from './plural';

export type MessageKey = keyof typeof en;


type Lookup = (key: string, subs: string[] | undefined) => string | undefined;

/** The packaged catalogue's lookup, once the browser's own turned out to be broken. */
let fallback: Lookup | null = null;

/** Installs (or, with null, removes) the lookup t() uses instead of the browser's catalogue. */
export function installFallbackMessages(lookup: Lookup | null): void {
  fallback = lookup;
}

/** Whether the browser's catalogue answers with nothing (every key is '' then; appName must exist). */
export function catalogueBroken(): boolean {
  if (fallback) return false;
  try {
    return !(browser.i18n.getMessage as (k: string) => string)('appName');
  } catch {
    return true;
  }
}

let numbers: Intl.NumberFormat | null = null;
const numberFormat = () => (numbers ??= new Intl.NumberFormat());

/** A number as the locale writes it (1,500; ۱۵۰۰), as every message's numbers are: never by hand. */
export const formatNumber = (n: number): string => numberFormat().format(n);

export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  // Numbers as the locale writes them (7,5 in German), never by hand.
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map((s) => (typeof s === 'number' ? numberFormat().format(s) : s));
  if (fallback) return fallback(key, subs) ?? key;
  try {
    // Keys are checked by MessageKey above; WXT's generated key list may lag until `wxt prepare`.
    const getMessage = browser.i18n.getMessage as (k: string, s?: string[]) => string;
    return getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/** The browser's UI language (e.g. 'de-AT'; '' when the browser cannot tell). The one place that reads it. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage?.() ?? '';
  } catch {
    return '';
  }
}

/** The language this page's text is in (the document's `lang`, the voice for spoken steps). */
export function pageLanguage(): string {
  return textLanguage(uiLanguage(), t('textLang'));
}

/**
 * A message with a count, in the form the page's language uses for `n` (pageLanguage: the
 * language the catalogue is really in). `subs` default to `n` alone.
 */
export function tp(base: PluralBase, n: number, subs?: Array<string | number>): string {
  return t(pluralKey(base, n, pageLanguage()), subs ?? [n]);
}
