/**
 * Takes every picture in docs/ from the production build in Debian's Chromium, light and dark:
 * `npm run screenshots` (after `npm run build`). The only thing that writes docs/*.png: the tests
 * keep their screenshots in their own output folders (test-results/), so that running them never
 * changes a tracked file. The popup and the weekly review show six months of demo history
 * (scripts/demo-history.ts), loaded through the import path.
 *
 * Pictures: welcome, options, popup, review, break, break-end, break-player (a self-massage
 * routine, paused), each also -dark; safety-screen (the self-massage safety screen in the break
 * window) and options-routines (the Routines and Sounds sections), light only.
 *
 * `npm run screenshots -- --locales es,fr,ja` (or `all`: every folder of public/_locales) takes
 * instead, for each of those languages, the popup, the options and a break page into
 * test-results/screens/<loc>/ (ignored by git), to be looked at for clipped or overflowing text.
 * Chromium is started with `--lang=<loc>` (which picks the extension's catalogue) and Playwright's
 * `locale` (which sets getUILanguage, navigator.language and Intl): tests/e2e/i18n.spec.ts says
 * why both are needed.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from './chromium-args.ts';
import { demoHistory } from './demo-history.ts';
import { seedHistory } from './seed-history.ts';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
const ext = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3');
/** Where the pictures go (SHOTS_DIR to look at them elsewhere first). */
const out = process.env.SHOTS_DIR ?? 'docs';

/**
 * Six months of realistic history (scripts/demo-history.ts), loaded through the import path: the
 * current data is exported, its history swapped for the demo one, and the file imported.
 */
async function seedDemoHistory(page: Page) {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await seedHistory(page, demoHistory({ now: Date.now(), timeZone, days: 183 }));
}

/** Starts a break ("Take a break now") and returns its window, sized like the real one's inside. */
async function startBreak(context: BrowserContext, control: Page): Promise<Page> {
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('break.html') });
  await control.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'break/start' });
  const page = await opened;
  await page.setViewportSize({ width: 460, height: 640 });
  await page.getByTestId('routine-title').waitFor();
  return page;
}

async function shoot(scheme: 'light' | 'dark') {
  const dir = mkdtempSync(path.join(tmpdir(), 'limber-shots-'));
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    colorScheme: scheme,
    args: chromiumArgs(ext),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const suffix = scheme === 'dark' ? '-dark' : '';

  // The welcome page, as a fresh install opens it.
  const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html'), timeout: 15_000 }));
  await welcome.getByRole('heading', { level: 1 }).waitFor();
  await welcome.setViewportSize({ width: 900, height: 1000 });
  await welcome.waitForTimeout(300);
  await welcome.screenshot({ path: `${out}/welcome${suffix}.png`, fullPage: true });
  await welcome.close();

  const control = await context.newPage();
  await control.goto(`chrome-extension://${id}/options.html`);
  // Let the background open (and so create) the history database first.
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'status/get' }));
  await seedDemoHistory(control);

  await control.setViewportSize({ width: 900, height: 820 });
  await control.reload();
  await control.getByRole('heading', { level: 1 }).waitFor();
  await control.screenshot({ path: `${out}/options${suffix}.png`, fullPage: true });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 400 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByTestId('countdown').waitFor();
  await popup.waitForTimeout(300);
  await popup.getByTestId('week').waitFor();
  await popup.waitForTimeout(300);
  await popup.locator('main').screenshot({ path: `${out}/popup${suffix}.png` });

  const review = await context.newPage();
  await review.setViewportSize({ width: 1000, height: 900 });
  await review.goto(`chrome-extension://${id}/review.html`);
  await review.getByTestId('review-highlights').waitFor();
  await review.waitForTimeout(300);
  await review.screenshot({ path: `${out}/review${suffix}.png`, fullPage: true });

  const breakPage = context.waitForEvent('page', { predicate: (p) => p.url().includes('break.html') });
  await popup.getByTestId('break-now').click();
  const bp = await breakPage;
  await bp.setViewportSize({ width: 460, height: 700 });
  await bp.getByTestId('step-text').waitFor();
  await bp.waitForTimeout(2200);
  await bp.screenshot({ path: `${out}/break${suffix}.png` });
  await bp.getByTestId('done').click();
  await bp.getByTestId('break-end').waitFor();
  await bp.screenshot({ path: `${out}/break-end${suffix}.png` });
  await bp.close();

  if (scheme === 'light') {
    // The Routines and Sounds sections of the options, in one picture.
    await control.setViewportSize({ width: 900, height: 900 });
    await control.reload();
    await control.getByTestId('sound-prefs').waitFor();
    const clip = await control.evaluate(() => {
      const a = document.querySelector('[data-testid="routine-prefs"]')!.getBoundingClientRect();
      const b = document.querySelector('[data-testid="sound-prefs"]')!.getBoundingClientRect();
      return { x: a.left - 8, y: a.top + window.scrollY - 8, width: a.width + 16, height: b.bottom - a.top + 16 };
    });
    await control.screenshot({ path: `${out}/options-routines.png`, fullPage: true, clip });
  }

  // The self-massage safety screen, offered at the end of a break (a skipped one here), answered
  // "none of these apply" so that self-massage routines can be picked.
  const skipped = await startBreak(context, control);
  await skipped.keyboard.press('Escape');
  await skipped.getByTestId('try-self-massage').click();
  await skipped.getByTestId('safety-screen').waitFor();
  await skipped.waitForTimeout(300);
  if (scheme === 'light') await skipped.screenshot({ path: `${out}/safety-screen.png` });
  await skipped.getByTestId('safety-none').click();
  await skipped.getByTestId('safety-close').click();
  await skipped.close();

  // The player on a self-massage routine (its cautions in view), paused for a steady frame.
  const player = await startBreak(context, control);
  const kind = () => player.locator('article.player').getAttribute('data-kind');
  for (let i = 0; i < 40 && (await kind()) !== 'self-massage'; i++) {
    const before = await player.locator('article.player').getAttribute('data-routine-id');
    await player.getByTestId('another').click();
    await player.waitForFunction((id) => document.querySelector('article.player')?.getAttribute('data-routine-id') !== id, before);
  }
  if ((await kind()) !== 'self-massage') throw new Error('no self-massage routine came up');
  await player.getByTestId('pause').click();
  await player.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('img.illustration');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  await player.waitForTimeout(300);
  await player.screenshot({ path: `${out}/break-player${suffix}.png` });

  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Popup, options and a break page in one language, into test-results/screens/<loc>/ (or into `to`,
 * each name ending in `tag`: the README's pictures in other languages, docs/popup-es.png, ...).
 */
async function shootLocale(loc: string, to = path.join('test-results', 'screens', loc), tag = '') {
  const dir = mkdtempSync(path.join(tmpdir(), 'limber-shots-'));
  mkdirSync(to, { recursive: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: loc.replace('_', '-'),
    args: chromiumArgs(ext, [`--lang=${loc.replace('_', '-')}`]),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const control = await context.newPage();
  await control.goto(`chrome-extension://${id}/options.html`);
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'status/get' }));
  await seedDemoHistory(control);
  await control.setViewportSize({ width: 900, height: 820 });
  await control.reload();
  await control.getByRole('heading', { level: 1 }).waitFor();
  await control.screenshot({ path: `${to}/options${tag}.png`, fullPage: true });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 400 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByTestId('week').waitFor();
  await popup.waitForTimeout(300);
  await popup.locator('main').screenshot({ path: `${to}/popup${tag}.png` });

  const bp = await startBreak(context, control);
  await bp.getByTestId('pause').click();
  await bp.waitForTimeout(300);
  await bp.screenshot({ path: `${to}/break${tag}.png` });
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`${loc}: ${to}/`);
}

const arg = process.argv.indexOf('--locales');
if (arg >= 0) {
  const all = readdirSync('public/_locales').filter((l) => existsSync(path.join('public/_locales', l, 'messages.json')));
  const want = process.argv[arg + 1] ?? 'all';
  const locales = want === 'all' ? all : want.split(',').filter(Boolean);
  const unknown = locales.filter((l) => !all.includes(l));
  if (unknown.length) throw new Error(`no catalogue for ${unknown.join(', ')} (public/_locales has ${all.join(', ')})`);
  for (const loc of locales) await shootLocale(loc);
} else {
  await shoot('light');
  await shoot('dark');
  // Two languages besides English for the README (Spanish and French).
  for (const loc of ['es', 'fr']) await shootLocale(loc, out, `-${loc}`);
  console.log(`screenshots written to ${out}/`);
}
