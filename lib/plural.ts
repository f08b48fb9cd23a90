/**
 * Plural forms: a message that carries a count has one key per CLDR plural category the
 * catalogues carry, `<base>_one`, `<base>_few`, `<base>_many` and `<base>_other`, in every
 * catalogue (a language without a category repeats its `other` text there, so key sets stay
 * identical; lib/i18n.test.ts checks; the package leaves out the forms a language never takes,
 * scripts/pack-catalogues.ts). Which one a count takes is Intl.PluralRules' answer for the
 * catalogue's language. Pure and free of imports at run time: the popup's first frame
 * (entrypoints/popup/first-frame.ts) uses it before anything else has loaded.
 */
import type { MessageKey } from './i18n';

export const PLURAL_CATEGORIES = ['one', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A message that carries a count: the part of its keys before `_one`, `_few`, `_many`, `_other`. */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];

const rulesByLang = new Map<string, Intl.PluralRules>();

function rulesFor(lang: string): Intl.PluralRules {
  let rules = rulesByLang.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang.replace(/_/g, '-') || 'en'); // pt_BR, as folders and Chrome spell it
    } catch {
      rules = new Intl.PluralRules('en'); // not a language tag: English, as the default catalogue
    }
    rulesByLang.set(lang, rules);
  }
  return rules;
}

/**
 * The key of a plural set for the count `n` in `lang`: the CLDR category Intl.PluralRules gives,
 * or `other` for the categories no catalogue carries (zero, two).
 */
export function pluralKey(base: PluralBase, n: number, lang: string): MessageKey {
  const cat = rulesFor(lang).select(n);
  return `${base}_${(PLURAL_CATEGORIES as readonly string[]).includes(cat) ? cat : 'other'}` as MessageKey;
}
