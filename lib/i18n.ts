/**
 * Message catalogue access. Every user-facing string lives in public/_locales/<lang>/messages.json;
 * keys are typed from the English catalogue.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  try {
    // Keys are checked by MessageKey above; WXT's generated key list may lag until `wxt prepare`.
    const getMessage = browser.i18n.getMessage as (k: string, s?: string[]) => string;
    return getMessage(key, subs) || key;
  } catch {
    return key;
  }
}
