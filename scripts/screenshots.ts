/**
 * Takes the README's screenshots from the production build in Debian's Chromium, light and dark:
 * node scripts/screenshots.ts  (after npm run build). Writes docs/*.png. The popup and the weekly
 * review show six months of demo history (scripts/demo-history.ts), loaded through the import path.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from './chromium-args.ts';
import { demoHistory, withHistory } from './demo-history.ts';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
const ext = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3');
/** Where the pictures go (SHOTS_DIR to look at them elsewhere first). */
const out = process.env.SHOTS_DIR ?? 'docs';

/**
 * Six months of realistic history (scripts/demo-history.ts), loaded through the import path: the
 * current data is exported, its history swapped for the demo one, and the file imported.
 */
async function seedHistory(page: Page) {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const rows = demoHistory({ now: Date.now(), timeZone, days: 183 });
  const exported = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'data/export', format: 'json' })) as { ok: boolean; data: { text: string } };
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'data/import', text: withHistory(exported.data.text, rows) })) as { ok: boolean; data: { imported: boolean } };
  if (!reply.ok || !reply.data.imported) throw new Error(`demo history not imported: ${JSON.stringify(reply)}`);
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
  const control = await context.newPage();
  await control.goto(`chrome-extension://${id}/options.html`);
  // Let the background open (and so create) the history database first.
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'status/get' }));
  await seedHistory(control);
  const suffix = scheme === 'dark' ? '-dark' : '';

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

  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

await shoot('light');
await shoot('dark');
console.log(`screenshots written to ${out}/`);
