/**
 * Puts a history into Limber through its own "Your data" section, as a person would: export the
 * current data (a download), swap its history for `rows`, import the file and confirm "Replace
 * my data". For the screenshots and the bench (the background takes no data requests: the
 * options page does that work, lib/data.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { withHistory, type DemoRow } from './demo-history.ts';

/** `page`: Limber's options page. */
export async function seedHistory(page: Page, rows: DemoRow[]): Promise<void> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  await page.getByTestId('import-file').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(withHistory(exported, rows)) });
  await page.getByTestId('import-replace').click();
  await page.getByTestId('data-message').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
  const text = (await page.getByTestId('data-message').textContent()) ?? '';
  // In any language: the result names the number of breaks imported, as the page formats it.
  const count = await page.evaluate((n) => new Intl.NumberFormat().format(n), rows.length);
  if (!text.includes(count)) throw new Error(`history not imported: ${text}`);
}
