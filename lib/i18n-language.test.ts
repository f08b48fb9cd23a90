/** The UI language, read in one place, and the language catalogue text is in (document lang, spoken steps). */
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { localizeDocument } from '../components/localize';
import { pageLanguage, uiLanguage } from './i18n';
import { textDirection, textLanguage } from './text-language';

describe('textLanguage', () => {
  it('speaks in the UI language, with its region, when the text is in that language', () => {
    expect(textLanguage('de', 'de')).toBe('de');
    expect(textLanguage('de-AT', 'de')).toBe('de-AT');
    expect(textLanguage('en-GB', 'en')).toBe('en-GB');
    expect(textLanguage('pt_BR', 'pt')).toBe('pt_BR');
  });

  it("follows the text's language when the UI language has no catalogue of its own", () => {
    expect(textLanguage('fr-FR', 'en')).toBe('en'); // English fallback text, not a French voice
    expect(textLanguage('en-US', 'de')).toBe('de'); // --lang=de with an English locale
    expect(textLanguage('', 'de')).toBe('de');
  });

  it('falls back to English when the catalogue has no usable language code', () => {
    expect(textLanguage('en-US', 'textLang')).toBe('en-US');
    expect(textLanguage('de', '')).toBe('en');
  });
});

describe('uiLanguage and pageLanguage', () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads the browser's UI language, and gives '' when the browser cannot tell", () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('de-AT');
    expect(uiLanguage()).toBe('de-AT');
    vi.spyOn(browser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('no i18n');
    });
    expect(uiLanguage()).toBe('');
  });

  it("marks the page in the catalogue's language when the UI language has none of its own", () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string) => (k === 'textLang' ? 'en' : k)) as typeof browser.i18n.getMessage);
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    expect(pageLanguage()).toBe('en');
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(pageLanguage()).toBe('en-GB');
  });
});

describe('the direction of the page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  /** The document's lang and dir once localized, in a browser whose UI language is `ui`, with the catalogue `textLang`. */
  function localized(ui: string, textLang: string): { lang: string; dir: string } {
    const { document } = parseHTML('<!doctype html><html lang="en"><body></body></html>');
    vi.stubGlobal('document', document);
    // As Chrome and Firefox answer: @@bidi_dir follows the browser's UI language, whatever catalogue the text comes from.
    const rtlUi = /^(ar|he|fa|ur)\b/.test(ui);
    const messages: Record<string, string> = { appName: 'Limber', textLang, '@@bidi_dir': rtlUi ? 'rtl' : 'ltr', breakTitle: 'Break' };
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string) => messages[k] ?? '') as typeof browser.i18n.getMessage);
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(ui);
    localizeDocument('breakTitle');
    return { lang: document.documentElement.lang, dir: document.documentElement.dir };
  }

  it('English text on an Arabic, Hebrew or Persian browser (no catalogue of its own) reads left to right', () => {
    expect(localized('ar', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(localized('he', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(localized('fa', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('text in a right-to-left language reads right to left, and the others left to right', () => {
    expect(localized('de-AT', 'de')).toEqual({ lang: 'de-AT', dir: 'ltr' });
    expect(localized('ar-EG', 'ar')).toEqual({ lang: 'ar-EG', dir: 'rtl' }); // were there an Arabic catalogue
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('ur')).toBe('rtl');
    expect(textDirection('ja')).toBe('ltr');
    expect(textDirection('pt_BR')).toBe('ltr');
    expect(textDirection('not a language!')).toBe('ltr');
  });
});
