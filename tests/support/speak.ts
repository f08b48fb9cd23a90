/**
 * For unit tests that read text the worker takes from the catalogue (the badge's "≤5m"): the fake
 * browser's i18n answers from `locale`'s catalogue on disk, numbers formatted as t() formats them.
 * Call in a beforeEach; vi.restoreAllMocks() undoes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { formatMessage, type Catalogue } from '../../lib/i18n-fallback';

export function speak(locale = 'en', ui = locale.replace('_', '-')): void {
  const c = JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(ui);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string[]) => (c[k] ? formatMessage(c[k], subs ?? []) : '')) as typeof browser.i18n.getMessage);
}
