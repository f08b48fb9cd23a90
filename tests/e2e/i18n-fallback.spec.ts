/**
 * No page ever shows a message key (issue #13, defect 8). Some fresh Chromium profiles answer
 * chrome.i18n.getMessage with '' for every key; the pages then read the packaged English catalogue
 * (lib/i18n-fallback.ts). Here the quirk is forced: an init script replaces getMessage with
 * () => '' in every page before its own scripts run (the worker keeps the real one). Each page
 * must then show the English words, and no text a person can see or hear may be a catalogue key.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { BreakPage, PopupPage } from './support/pages';
import { shot } from './support/shots';

const en = JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const text = (key: string) => en[key]!.message;
const KEYS = Object.keys(en);

declare const chrome: { i18n: { getMessage(k: string): string }; runtime: { sendMessage(m: unknown): Promise<unknown> } };

/** The quirk: the browser's catalogue answers '' for every key (getMessage in every page). */
function brokenCatalogue(): void {
  const api = globalThis as unknown as { chrome?: { i18n?: object }; browser?: { i18n?: object } };
  for (const ns of [api.chrome?.i18n, api.browser?.i18n]) {
    if (ns) Object.defineProperty(ns, 'getMessage', { value: () => '', configurable: true, writable: true });
  }
}

/**
 * Every text a person can see or that a screen reader reads: visible text nodes, labels, titles,
 * alt texts, placeholders, the document title; one entry each, trimmed.
 */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden') out.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')) {
      for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out.map((s) => s.trim()).filter(Boolean);
  });
}

/** Texts that are a catalogue key, or contain one as a word (keys are camelCase or snake_case). */
function keysShown(texts: string[]): string[] {
  const keys = new Set(KEYS);
  return texts.filter((s) => keys.has(s) || (s.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).some((w) => keys.has(w) && /[A-Z_]/.test(w.slice(1))));
}

async function expectNoKeys(page: Page, what: string): Promise<void> {
  // The quirk is really in force in this page.
  expect(await page.evaluate(() => chrome.i18n.getMessage('appName')), `${what}: getMessage is broken`).toBe('');
  const texts = await shownTexts(page);
  expect(texts.length, `${what}: texts found`).toBeGreaterThan(3);
  expect(keysShown(texts), `${what}: message keys on screen`).toEqual([]);
}

async function brokenContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(brokenCatalogue);
}

test('the check itself finds keys shown as text', () => {
  expect(keysShown(['Limber', 'appName', 'Next: actionDone', 'Loading…', 'loading'])).toEqual(['appName', 'Next: actionDone', 'loading']);
  expect(keysShown(['Step 1 of 3', 'Take a break now', '12:30'])).toEqual([]);
});

test('getMessage answering nothing: popup, options, welcome and break pages show English, never a key', async ({ context, extensionId }, testInfo) => {
  test.slow(); // five pages in one browser; slow on a busy machine
  await brokenContext(context);

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(text('appName'));
  await expect(popup.breakNow).toHaveText(text('actionBreakNow'));
  await expect(popup.page).toHaveTitle(text('actionTitle'));
  await expectNoKeys(popup.page, 'popup');
  await shot(popup.page, { path: testInfo.outputPath('popup-fallback.png') });

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText(text('optionsTitle'));
  await expect(options.getByRole('heading', { level: 2, name: text('schedTitle'), exact: true })).toBeVisible();
  // The sections drawn after the first paint (routines, sounds, data) too.
  await expect(options.getByRole('heading', { level: 2, name: text('routinesTitle'), exact: true })).toBeVisible();
  await expect(options.getByRole('heading', { level: 2, name: text('dataTitle'), exact: true })).toBeVisible();
  await expectNoKeys(options, 'options');

  const welcome = await context.newPage();
  await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText(text('welcomeTitle'));
  await expect(welcome).toHaveTitle(text('welcomeTitle'));
  await expectNoKeys(welcome, 'welcome');

  // A break, opened by the background as it is for a person (the quirk is in that window too).
  await popup.breakNow.click();
  const brk = await BreakPage.waitFor(context);
  // The init script can reach a window the extension opens only after that window's own scripts
  // started (a harness race, seen once on a loaded machine: the page found the catalogue working,
  // then lost it mid-page, which no browser does). Loaded again, the page has the quirk from its
  // first line on, as a person's would.
  await brk.page.reload();
  await expect(brk.title.or(brk.free)).toBeVisible();
  await expect(brk.done).toHaveText(text('actionDone'));
  await expect(brk.page).toHaveTitle(text('breakTitle'));
  await expect(brk.page.getByText(/^Step 1 of \d+$/).or(brk.free)).toBeVisible(); // a $1/$2 message, filled in
  await expectNoKeys(brk.page, 'break');
  await shot(brk.page, { path: testInfo.outputPath('break-fallback.png') });

  // And the break page with no break.
  const none = await context.newPage();
  await none.goto(`chrome-extension://${extensionId}/break.html`);
  await expect(none.getByRole('heading', { level: 1 })).toHaveText(text('breakNoneTitle'));
  await expectNoKeys(none, 'break page without a break');
});
