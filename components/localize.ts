import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../lib/i18n';

/**
 * Sets the document's language, direction and title from the message catalogue. The language is
 * the one the text is in: the UI language (with its region) when the catalogue is in it, else the
 * catalogue's own (English text on a French browser is marked English, so screen readers read it
 * as English).
 */
export function localizeDocument(titleKey?: MessageKey): void {
  const ui = browser.i18n.getUILanguage?.() ?? 'en';
  const text = t('textLang');
  document.documentElement.lang = text !== 'textLang' && ui.split('-')[0]!.toLowerCase() !== text ? text : ui;
  document.documentElement.dir = t('@@bidi_dir' as MessageKey) === 'rtl' ? 'rtl' : 'ltr';
  if (titleKey) document.title = t(titleKey);
}
