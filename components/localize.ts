import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../lib/i18n';

/** Sets the document's language, direction and title from the message catalogue. */
export function localizeDocument(titleKey?: MessageKey): void {
  const lang = browser.i18n.getUILanguage?.() ?? 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = t('@@bidi_dir' as MessageKey) === 'rtl' ? 'rtl' : 'ltr';
  if (titleKey) document.title = t(titleKey);
}
