/** The UI language, read in one place, and the language catalogue text is in (document lang, spoken steps). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { pageLanguage, uiLanguage } from './i18n';
import { textLanguage } from './text-language';

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
