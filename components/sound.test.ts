import { describe, expect, it } from 'vitest';
import { speechLang } from './sound';

describe('speechLang', () => {
  it('speaks in the UI language, with its region, when the text is in that language', () => {
    expect(speechLang('de', 'de')).toBe('de');
    expect(speechLang('de-AT', 'de')).toBe('de-AT');
    expect(speechLang('en-GB', 'en')).toBe('en-GB');
    expect(speechLang('pt_BR', 'pt')).toBe('pt_BR');
  });

  it("follows the text's language when the UI language has no catalogue of its own", () => {
    expect(speechLang('fr-FR', 'en')).toBe('en'); // English fallback text, not a French voice
    expect(speechLang('en-US', 'de')).toBe('de'); // --lang=de with an English locale
    expect(speechLang('', 'de')).toBe('de');
  });

  it('falls back to English when the catalogue has no usable language code', () => {
    expect(speechLang('en-US', 'textLang')).toBe('en-US');
    expect(speechLang('de', '')).toBe('en');
  });
});
