/**
 * Limber in another language in Firefox: `intl.locale.requested` (support/firefox.ts, the
 * `ffLocale` option) picks the add-on's catalogue and Intl's locale. The options and popup show
 * that catalogue's words (read from the files on disk), the document is marked in the language,
 * and the locale's first weekday is named as Node's Intl names it. FF_LOCALE picks the language
 * (default fr, a language whose pack scripts/setup.sh --firefox installs). Firefox switches only to a language it has a language pack for: without one
 * (Debian's firefox-esr has none unless firefox-esr-l10n-<lang> is installed) the test skips, saying so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { OptionsPage, PopupPage } from './support/pages';

const LOC = process.env.FF_LOCALE ?? 'fr';
const lang = LOC.replace('_', '-');
const c = JSON.parse(readFileSync(path.resolve('public/_locales', LOC, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const text = (key: string, ...subs: string[]) => c[key]!.message.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');

test.use({ ffLocale: lang });

test(`Firefox in ${LOC}: options and popup in the language, weekdays from Intl`, async ({ ff }) => {
  const options = await OptionsPage.open(ff);
  const page = options.page;
  // Firefox only switches to a language it has a language pack for (Debian: firefox-esr-l10n-<lang>);
  // without one, the pref changes nothing and there is nothing to check.
  const ui = await page.evaluate(() => (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage());
  // In CI the pack is installed (scripts/setup.sh --firefox), so there a missing pack fails instead of skipping.
  const switched = ui.toLowerCase().startsWith(LOC.split('_')[0]!);
  test.skip(!switched && !process.env.CI, `this Firefox has no ${LOC} language pack (its UI language stays ${ui})`);
  expect(switched, `Firefox's UI language (${ui}) is ${LOC}: is firefox-esr-l10n-${LOC} installed?`).toBe(true);
  expect(await page.evaluate(() => document.title)).toBe(text('optionsTitle'));
  expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${LOC.split('_')[0]}\\b`));
  const firstDay = ((new Intl.Locale(lang) as Intl.Locale & { getWeekInfo?: () => { firstDay: number } }).getWeekInfo?.().firstDay ?? 1) % 7;
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + firstDay));
  expect(await page.$eval('[data-testid="week-start"] option[value="locale"]', (o) => o.textContent)).toBe(text('weekStartLocale', weekday));
  const popup = await PopupPage.open(ff);
  expect(await popup.page.$eval('[data-testid="break-now"]', (b) => b.textContent)).toBe(text('actionBreakNow'));
});
