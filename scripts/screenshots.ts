/**
 * Takes the README's screenshots from the production build in Debian's Chromium, light and dark:
 * node scripts/screenshots.ts  (after npm run build). Writes docs/*.png.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
const ext = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3');
const DAY = 86_400_000;

async function seedHistory(page: Page) {
  // (No named helpers inside evaluate: tsx would wrap them in __name.)
  // A few days of completed breaks so the streak shows (demo data, written like the background does).
  await page.evaluate(async (DAY) => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('limber');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('breaks', 'readwrite');
    const now = Date.now();
    for (let d = 0; d < 6; d++) {
      for (let i = 0; i < (d === 0 ? 3 : 4); i++) {
        const t = now - d * DAY - i * 3_600_000;
        tx.objectStore('breaks').put({ id: `demo-${d}-${i}`, kind: 'stretch', outcome: 'completed', dueAt: t - 180_000, promptedAt: t - 180_000, startedAt: t - 170_000, endedAt: t, routineId: 'cat-cow', deskMs: 3_000_000, snoozes: 0, manual: false, day: new Date(t - new Date(t).getTimezoneOffset() * 60_000).toISOString().slice(0, 10) });
      }
    }
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, DAY);
}

async function shoot(scheme: 'light' | 'dark') {
  const dir = mkdtempSync(path.join(tmpdir(), 'limber-shots-'));
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    colorScheme: scheme,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
  await control.screenshot({ path: `docs/options${suffix}.png`, fullPage: true });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 400 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByTestId('countdown').waitFor();
  await popup.waitForTimeout(300);
  await popup.locator('main').screenshot({ path: `docs/popup${suffix}.png` });

  const breakPage = context.waitForEvent('page', { predicate: (p) => p.url().includes('break.html') });
  await popup.getByTestId('break-now').click();
  const bp = await breakPage;
  await bp.setViewportSize({ width: 460, height: 700 });
  await bp.getByTestId('step-text').waitFor();
  await bp.waitForTimeout(2200);
  await bp.screenshot({ path: `docs/break${suffix}.png` });
  await bp.getByTestId('done').click();
  await bp.getByTestId('break-end').waitFor();
  await bp.screenshot({ path: `docs/break-end${suffix}.png` });

  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

await shoot('light');
await shoot('dark');
console.log('screenshots written to docs/');
