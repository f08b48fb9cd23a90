import { catalogueBroken, pageLanguage, t, type MessageKey } from '../lib/i18n';
import { installFallbackCatalogue } from '../lib/i18n-fallback';
import { textDirection } from '../lib/text-language';

/**
 * Sets the document's language, direction and title from the message catalogue. The language is
 * the one the text is in (pageLanguage): the UI language (with its region) when the catalogue is
 * in it, else the catalogue's own (English text on a French browser is marked English, so screen
 * readers read it as English). The direction is that language's too (English text on an Arabic
 * browser reads left to right), not the browser's @@bidi_dir, which follows the UI language.
 */
export function localizeDocument(titleKey?: MessageKey): void {
  const lang = pageLanguage();
  document.documentElement.lang = lang;
  document.documentElement.dir = textDirection(lang);
  if (titleKey) document.title = t(titleKey);
}

/**
 * null when the browser's message catalogue works (the usual case: draw at once); else a promise
 * that settles once the packaged catalogue stands in for it (lib/i18n-fallback.ts), so that no
 * page ever shows its message keys. Pages draw after it either way. (A static import: an
 * `import()` would bring Vite's preload helper, ~0.9 KB gzip, into every page.)
 */
export function whenLocalized(): Promise<void> | null {
  return catalogueBroken() ? installFallbackCatalogue().catch(() => undefined) : null;
}

/** Localizes the document and draws the page, once its text can be read (whenLocalized). */
export function startPage(titleKey: MessageKey, draw: () => void): void {
  const go = () => {
    localizeDocument(titleKey);
    draw();
  };
  const ready = whenLocalized();
  if (ready) void ready.then(go);
  else go();
}
