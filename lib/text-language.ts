/**
 * The language text from the catalogue is really in: the UI language (keeping its region, e.g.
 * de-AT) when the catalogue is in that language, else the catalogue's own `textLang` (English
 * when the UI language has no catalogue of its own), or English when that is no language code.
 * Pure and free of imports: the popup's early script (entrypoints/popup-early.ts) marks its first
 * frame with it, as every page does (lib/i18n.ts pageLanguage), so both pick the same plural forms.
 */
export function textLanguage(ui: string, textLang: string): string {
  const base = (l: string) => l.toLowerCase().split(/[-_]/)[0];
  const text = /^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/i.test(textLang) ? textLang : 'en';
  return ui && base(ui) === base(text) ? ui : text;
}

/**
 * The direction text in `lang` is written in, from its likely script (Arabic, Hebrew, Thaana...:
 * right to left); left to right for anything else, or what is no language tag. The page's `dir`
 * follows it (components/localize.ts): the browser's @@bidi_dir follows the UI language, not
 * the catalogue, so an Arabic browser would lay out Limber's English text right to left.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    return /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg|Mand|Samr)$/.test(new Intl.Locale(lang.replace(/_/g, '-')).maximize().script ?? '') ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
