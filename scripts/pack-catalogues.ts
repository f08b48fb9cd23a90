/**
 * The message catalogues as they are packaged: public/_locales/<loc>/messages.json keep a
 * `description` per message for translators; the browser never reads it, so the build
 * (wxt.config.ts, the build:publicAssets hook) writes each catalogue with its messages only,
 * unindented. Nine catalogues with descriptions would not fit the store package's budget
 * (scripts/bundle-size.ts BUDGET_KB.zip; README "Languages").
 *
 * Nor does the browser ever read a plural form the catalogue's language has no use for: every
 * catalogue carries `<base>_one`, `_few`, `_many` and `_other` (lib/plural.ts; the sources keep
 * identical key sets, lib/i18n.test.ts), but a count only ever asks for the CLDR category
 * Intl.PluralRules gives in the language the text is in (lib/text-language.ts: the catalogue's
 * `textLang`, or the UI language when it is the same language, which has the same categories).
 * German never takes `few` or `many`, Japanese only `other`; such forms, repeats of `other`, are
 * left out of the package (2.7 KB of it).
 *
 * Nor does a catalogue other than the default locale's need a message that reads exactly as the
 * default's packaged one ("Limber", "min", "$1–$2"): Chrome and Firefox both look a message up in
 * the UI language's catalogue, then in the default locale's (w3c/webextensions#296), and
 * lib/i18n-fallback.ts does the same. Such repeats are left out too (1.2 KB of the package).
 */
import { PLURAL_CATEGORIES } from '../lib/plural';


/** The manifest's default_locale: the catalogue the browser falls back on for a message. */
export const DEFAULT_LOCALE = 'en';

/** Matches the packaged path of a catalogue, e.g. `_locales/pt_BR/messages.json`. */
export const CATALOGUE_PATH = /^_locales\/[^/]+\/messages\.json$/;

/**
 * The plural categories a catalogue's counts can ask for: those of its `textLang`, as
 * Intl.PluralRules has them; null (keep every form) when it names no language Intl knows.
 */
export function pluralCategoriesOf(catalogue: Record<string, unknown>): Set<string> | null {
  const lang = (catalogue.textLang as { message?: unknown } | undefined)?.message;
  if (typeof lang !== 'string') return null;
  try {
    return new Set(new Intl.PluralRules(lang.replace(/_/g, '-')).resolvedOptions().pluralCategories);
  } catch {
    return null;
  }
}

/** Whether `key` is a plural form (not `other`, which is always kept) of a category `taken` lacks. */
function unusedPluralForm(key: string, catalogue: Record<string, unknown>, taken: Set<string> | null): boolean {
  const m = /^(.+)_([a-z]+)$/.exec(key);
  if (!taken || !m || m[2] === 'other' || !(PLURAL_CATEGORIES as readonly string[]).includes(m[2]!)) return false;
  return !taken.has(m[2]!) && `${m[1]}_other` in catalogue;
}

/**
 * The packaged form of a catalogue's text: every message, in order, with only its `message`
 * (and a `placeholders` block, should one ever appear: the browser reads that), less the plural
 * forms its language never asks for, and (given the default locale's catalogue, `fallback`) less
 * the messages that read word for word as they do there. Throws on a catalogue that is not an
 * object of messages, so a broken file fails the build, not the user.
 */
export function packCatalogue(text: string, fallback?: string): string {
  const base = fallback === undefined ? {} : (JSON.parse(packCatalogue(fallback)) as Record<string, { message: string; placeholders?: unknown }>);
  const source = JSON.parse(text) as unknown;
  if (!source || typeof source !== 'object' || Array.isArray(source)) throw new Error('a message catalogue must be a JSON object');
  const catalogue = source as Record<string, unknown>;
  const taken = pluralCategoriesOf(catalogue);
  const out: Record<string, { message: string; placeholders?: unknown }> = {};
  for (const [key, entry] of Object.entries(catalogue)) {
    const e = entry as { message?: unknown; placeholders?: unknown } | null;
    if (!e || typeof e.message !== 'string') throw new Error(`message catalogue: "${key}" has no message`);
    if (unusedPluralForm(key, catalogue, taken)) continue;
    if (e.placeholders === undefined && Object.hasOwn(base, key) && base[key]!.placeholders === undefined && base[key]!.message === e.message) continue;
    out[key] = e.placeholders === undefined ? { message: e.message } : { message: e.message, placeholders: e.placeholders };
  }
  return JSON.stringify(out);
}
