/**
 * The extension in German. In Debian's headless Chromium two things are needed, and neither
 * alone is enough:
 * - `--lang=de` picks the extension's message catalogue (chrome.i18n.getMessage, __MSG_*__ in the
 *   manifest), but getUILanguage() and navigator.language stay en-US;
 * - Playwright's `locale: 'de-DE'` makes getUILanguage(), navigator.language and Intl German
 *   (weekday names, times), but getMessage stays English.
 * LANG / LANGUAGE in the environment change neither.
 * Expected texts come from the catalogues on disk, so rewording a string does not break this.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { stepKey, titleKey } from '../../content/keys';
import { ROUTINES } from '../../content/routines';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { setSettings } from './support/ext';
import { expect, launch, serviceWorker, test } from './support/fixtures';
import { BreakPage, OptionsPage, PopupPage, openedWelcome } from './support/pages';
import { recordFromStart, recordSound, recorded } from './support/player';
import { shot } from './support/shots';

type Catalogue = Record<string, { message: string }>;
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
const de = catalogue('de');
const en = catalogue('en');
/** The German text of a key (with $n filled in), after making sure it really differs from English. */
function german(key: string, ...subs: Array<string | number>): string {
  const d = de[key]?.message;
  expect(d, `German text for ${key}`).toBeTruthy();
  expect(d, `German ${key} is a translation`).not.toBe(en[key]?.message);
  return d!.replace(/\$([1-9])/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

declare const chrome: { i18n: { getUILanguage(): string; getMessage(k: string): string } };

async function launchGerman(profileDir: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launch(profileDir, ['--lang=de'], { locale: 'de-DE' });
  const extensionId = new URL((await serviceWorker(context)).url()).host;
  return { context, extensionId };
}

async function languageOf(page: Page) {
  return page.evaluate(() => ({
    ui: chrome.i18n.getUILanguage(),
    title: chrome.i18n.getMessage('optionsTitle'),
    name: chrome.i18n.getMessage('extName'),
    nav: navigator.language,
    html: document.documentElement.lang,
  }));
}

test('German Chromium: welcome, options, popup and break page speak German', async ({ profileDir }) => {
  const { context, extensionId } = await launchGerman(profileDir);

  // The welcome page opens on install.
  const welcome = await openedWelcome(context);
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText(german('welcomeTitle'));
  // Intl follows the locale. Here the locale is Playwright's emulation, which can reach the tab the
  // extension opens at install only after its first scripts ran (then Intl is this machine's en-US,
  // as it once was under load): the page is loaded again when the emulation came late. A real
  // German browser's Intl is German from the start.
  const preview = welcome.getByTestId('schedule-preview');
  await expect(preview).toContainText(/–/);
  if (/Mon–Fri/.test((await preview.textContent()) ?? '')) {
    console.log('locale emulation came late in the welcome tab: loaded again');
    await welcome.reload();
  }
  await expect(preview).toContainText(/Mo\.?–Fr\.?/);
  await welcome.close();

  // Options: which language the extension sees, then the page itself.
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  const lang = await languageOf(page);
  expect(lang.ui).toMatch(/^de\b/);
  expect(lang.nav).toMatch(/^de\b/);
  expect(lang.html).toMatch(/^de\b/);
  expect(lang.title).toBe(german('optionsTitle'));
  expect(lang.name).toBe(german('extName'));

  await expect(page).toHaveTitle(german('optionsTitle'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(german('optionsTitle'));
  await expect(page.locator('label[for="stretch.everyMin"]')).toHaveText(german('fieldEvery'));
  await expect(page.locator('label[for="idleSec"]')).toHaveText(german('fieldIdle'));
  await expect(page.getByRole('heading', { level: 2, name: german('schedTitle') })).toBeVisible();
  await expect(page.getByText(german('disclaimer'))).toBeVisible();
  // Command descriptions come from the manifest's __MSG_cmd*__ in the browser's language.
  await expect(page.getByTestId('shortcut-start-break').locator('dt')).toHaveText(german('cmdStartBreak'));
  // An inline error message, German too.
  await options.setField('snoozeMin', 'abc');
  await expect(options.error('snoozeMin')).toHaveText(german('errNotNumber'));
  await options.setField('snoozeMin', '5');
  await expect(options.error('snoozeMin')).toHaveCount(0);
  await page.setViewportSize({ width: 900, height: 820 });
  await shot(page, { path: 'test-results/i18n-de-options.png', fullPage: true });

  // Popup.
  const popup = await PopupPage.open(context, extensionId);
  await popup.page.setViewportSize({ width: 340, height: 460 });
  await expect(popup.breakNow).toHaveText(german('actionBreakNow'));
  await expect(popup.page.getByTestId('open-options')).toHaveText(german('actionOptions'));
  await expect(popup.page.getByTestId('pause-menu')).toHaveText(german('pauseMenuLabel'));
  // No break yet today: 0 takes German's 'other' form ("0 Pausen heute").
  await expect(popup.page.locator('.stat-label').first()).toHaveText(german('breaksToday_other'));
  await expect(popup.nextWhy).toBeVisible();
  await popup.page.waitForTimeout(300);
  await shot(popup.page.locator('main'), { path: 'test-results/i18n-de-popup.png' });
  await popup.page.getByTestId('pause-menu').click();
  await expect(popup.page.getByTestId('pause-30m')).toHaveText(german('pause30m'));
  await shot(popup.page.locator('main'), { path: 'test-results/i18n-de-popup-pause.png' });
  await popup.page.getByTestId('pause-menu').click();

  // Break page, started from the popup, with spoken steps on (what is spoken, in which language,
  // is recorded instead of played).
  await setSettings(page, { sound: { ...DEFAULT_SETTINGS.sound, voice: true } });
  // Recorded from the page's start (a recorder that came late, as Chromium sometimes lets it with
  // a window the extension opens, reloads the page: the player takes its step up again).
  await context.addInitScript(recordSound);
  await popup.breakNow.click();
  const brk = await BreakPage.waitFor(context);
  await brk.page.setViewportSize({ width: 460, height: 760 });
  await recordFromStart(brk.page);
  await expect(brk.page).toHaveTitle(german('breakTitle'));
  await expect(brk.stepIndex).toHaveText(/^Schritt 1 von \d+$/);
  // The routine itself is German too: title, step text, and the voice that reads them.
  const id = await brk.routineId();
  const routine = ROUTINES.find((r) => r.id === id)!;
  await expect(brk.title).toHaveText(german(titleKey(routine)));
  await expect(brk.stepText).toHaveText(german(stepKey(routine, 0)));
  await expect
    .poll(async () => {
      const { spoken, langs } = await recorded(brk.page);
      return spoken.map((text, i) => ({ text, lang: langs[i] }));
    })
    .toEqual([{ text: `${german(titleKey(routine))}. ${german(stepKey(routine, 0))}`, lang: expect.stringMatching(/^de\b/) }]);
  await brk.next.click();
  await expect(brk.stepText).toHaveText(german(stepKey(routine, 1)));
  await brk.back.click();
  await expect(brk.done).toHaveText(german('actionDone'));
  await expect(brk.skip).toHaveText(german('actionSkip'));
  await expect(brk.next).toHaveText(german('actionNext'));
  await expect(brk.pause).toHaveText(german('actionPause'));
  await expect(brk.disclaimer).toHaveText(german('disclaimer'));
  await shot(brk.page, { path: 'test-results/i18n-de-break.png', fullPage: true });
  await brk.done.click();
  await expect(brk.endHeading).toHaveText(german('endCompleted'));
  await expect(brk.end.getByText(german('endCloseHint'))).toBeVisible();
  await shot(brk.page, { path: 'test-results/i18n-de-break-end.png', fullPage: true });

  await context.close();
});

test('a language without a catalogue: the pages fall back to English and say so in their lang', async ({ profileDir }) => {
  const context = await launch(profileDir, ['--lang=sv'], { locale: 'sv-SE' }); // no Swedish catalogue (yet)
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    const options = await OptionsPage.open(context, extensionId);
    const lang = await languageOf(options.page);
    expect(lang.ui).toMatch(/^sv/);
    expect(lang.title).toBe(en.optionsTitle!.message);
    // The text is English, so the page is marked English (a screen reader then reads it as such).
    expect(lang.html).toBe('en');
    // Intl still follows the person's locale: the week starts on their usual day, named in Swedish.
    await expect(options.page.getByTestId('week-start').locator('option[value="locale"]')).toHaveText(/^måndag /);
  } finally {
    await context.close();
  }
});
