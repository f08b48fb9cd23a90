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
