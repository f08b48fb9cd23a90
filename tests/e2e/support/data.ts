/**
 * "Your data" through the options page, as a person uses it: the export button (a download) and
 * an import (choose the file, then "Replace my data"). The background takes no data requests:
 * the page does the work (lib/data.ts; issue #16).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The JSON backup the options page `page` exports now (its text). */
export async function exportJson(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  return readFileSync(await (await download).path(), 'utf8');
}

/**
 * Imports `text` on the options page `page` and returns the message shown. A file the page
 * refuses on reading (no preview) returns that refusal.
 */
export async function importBackup(page: Page, text: string, name = 'backup.json'): Promise<string> {
  const message = page.getByTestId('data-message');
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = page.getByTestId('import-preview');
  await expect(preview.or(message.and(page.locator('[data-kind="error"]')))).toBeVisible();
  if (await preview.isVisible()) await page.getByTestId('import-replace').click();
  await expect(message).not.toHaveText('');
  return (await message.textContent()) ?? '';
}

/** The message a successful import of `n` breaks shows on `page` (the number as the page writes it). */
export async function importedMessage(page: Page, n: number): Promise<string> {
  return `Imported ${await page.evaluate((n) => new Intl.NumberFormat().format(n), n)} breaks and your settings.`;
}
