/**
 * The packaged catalogue of the UI language, for when the browser's own answers with nothing (lib/i18n.ts,
 * catalogueBroken). Read only then: pages wait for it before they draw (components/localize.ts,
 * whenLocalized); the worker should await ensureMessages() before it shows a notification.
 *
 * The file is read from the extension itself (runtime.getURL), never from the network, and
 * formatted the way chrome.i18n.getMessage does it for Limber's catalogues: $1..$9 become the
 * substitutions (missing ones: nothing) and "$$" a literal "$". Named placeholders ($name$ with a
 * "placeholders" block) are not substituted: the catalogues have none, lib/i18n.test.ts refuses
 * a "$" that is not "$1".."$9" or "$$", and lib/i18n-fallback.test.ts refuses a "placeholders"
 * block (every page loads this code, and the page budgets are tight).
 */
import { browser } from 'wxt/browser';
import { catalogueBroken, installFallbackMessages, uiLanguage } from './i18n';

export interface CatalogueEntry {
  message: string;
  description?: string;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** The manifest's default_locale (wxt.config.ts). */
const DEFAULT_LOCALE = 'en';

/** One message with its substitutions, as chrome.i18n.getMessage would give it. */
export function formatMessage(entry: CatalogueEntry, subs: readonly string[] = []): string {
  return entry.message.replace(/\$(\$+|[1-9])/g, (_, c: string) => (c[0] === '$' ? c : (subs[+c - 1] ?? '')));
}

/**
 * The catalogue folders to try for a UI language, best first, as the browser picks them:
 * 'pt-BR' -> pt_BR, pt, then the default locale.
 */
export function catalogueCandidates(ui: string): string[] {
  const [lang, region] = ui.split(/[-_]/);
  const l = lang && /^[a-z]{2,3}$/i.test(lang) ? lang.toLowerCase() : '';
  return [...new Set([...(l && region ? [`${l}_${region.toUpperCase()}`] : []), ...(l ? [l] : []), DEFAULT_LOCALE])];
}

/** The extension's only fetch: one of its own packaged catalogues (runtime.getURL, never the network). */
async function readCatalogue(locale: string): Promise<Catalogue> {
  // A file missing from the package rejects, or answers with an error page that is not JSON.
  const res = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'));
  if (!res.ok) throw new Error(`${locale}: ${res.status}`);
  return (await res.json()) as Catalogue;
}

/**
 * The packaged catalogue of the UI language, or of the default locale when the package has none
 * for it. The package leaves out of a catalogue what reads as the default locale's
 * (scripts/pack-catalogues.ts): those messages come from there, as the browser's own lookup takes them.
 */
export async function loadFallbackCatalogue(): Promise<Catalogue> {
  const candidates = catalogueCandidates(uiLanguage());
  for (const [i, locale] of candidates.entries()) {
    try {
      const own = await readCatalogue(locale);
      return locale === DEFAULT_LOCALE ? own : { ...(await readCatalogue(DEFAULT_LOCALE)), ...own };
    } catch (err) {
      if (i === candidates.length - 1) throw err;
    }
  }
  throw new Error('no catalogue'); // unreachable: the default locale is always a candidate
}

/** Reads the packaged catalogue and has t() answer from it from then on. */
export function installFallbackCatalogue(): Promise<void> {
  return loadFallbackCatalogue().then((c) => installFallbackMessages((key, subs) => (Object.hasOwn(c, key) ? formatMessage(c[key]!, subs) : undefined)));
}

let loading: Promise<void> | null = null;

/**
 * For the worker, before it shows a notification or the badge: makes t() answer with words, at
 * once when the browser's catalogue works, else once the packaged one is in. Never rejects: when
 * it cannot be read, what waits for it goes ahead as it can, and a later call tries again. Pages
 * use components/localize.ts (whenLocalized) instead.
 */
export function ensureMessages(): Promise<void> {
  if (!catalogueBroken()) return Promise.resolve();
  return (loading ??= installFallbackCatalogue()
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    }));
}
