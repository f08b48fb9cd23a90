/**
 * "Your data" through the options page in Firefox, as a person uses it: the export button (a
 * download Firefox writes into the test's folder, through BiDi browser.setDownloadBehavior) and an
 * import (a file chosen in the file input, through BiDi input.setFiles; then "Replace my data").
 * The counterpart of tests/e2e/support/data.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from '@playwright/test';
import type { Firefox } from './firefox';
import { El } from './pages';

/** Downloads and files to import, in the test's own output folder. */
export class DataFolder {
  private n = 0;
  readonly downloads: string;
  private constructor(readonly dir: string) {
    this.downloads = path.join(dir, 'downloads');
  }
  static async create(ff: Firefox, dir: string): Promise<DataFolder> {
    const folder = new DataFolder(dir);
    mkdirSync(folder.downloads, { recursive: true });
    await ff.allowDownloads(folder.downloads);
    return folder;
  }

  /** Clicks an export button on the options page and returns the file's name and text once written whole. */
  async download(options: Page, testId: 'export-json' | 'export-csv'): Promise<{ name: string; text: string }> {
    for (const f of readdirSync(this.downloads)) rmSync(path.join(this.downloads, f));
    await new El(options, `[data-testid="${testId}"]`).click();
    let name = '';
    let text = '';
    let last: string | null = null;
    // Firefox writes a download under a temporary name (random letters, or ".part") and renames it
    // when whole: only the export's own name counts, and a file may vanish between list and read.
    await expect.poll(() => {
      name = readdirSync(this.downloads).find((f) => f.startsWith('limber-') && !f.endsWith('.part')) ?? '';
      if (!name) return false;
      try {
        text = readFileSync(path.join(this.downloads, name), 'utf8');
      } catch {
        return false; // renamed or removed meanwhile
      }
      if (testId === 'export-csv') {
        const settled = text.length > 0 && text === last; // the same text on two looks: written whole
        last = text;
        return settled;
      }
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false; // still being written
      }
    }, { message: `a whole ${testId} download` }).toBe(true);
    return { name, text };
  }

  /** Chooses `text` as a file named `name` in the options page's import field (the preview or a refusal follows). */
  async choose(options: Page, text: string, name = 'backup.json'): Promise<void> {
    const file = path.join(this.dir, `${++this.n}-${name}`);
    writeFileSync(file, text);
    const input = (await options.waitForSelector('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  }

  /** Imports `text` and returns the message shown (Replace pressed when a preview comes; a refusal as is). */
  async import(options: Page, text: string, name?: string): Promise<string> {
    await this.choose(options, text, name);
    const message = new El(options, '[data-testid="data-message"]');
    const preview = new El(options, '[data-testid="import-preview"]');
    const error = new El(options, '[data-testid="data-message"][data-kind="error"]');
    await expect.poll(async () => (await preview.isVisible()) || (await error.isVisible())).toBe(true);
    if (await preview.isVisible()) await new El(options, '[data-testid="import-replace"]').click();
    await expect.poll(() => message.text()).not.toBe('');
    return (await message.text()) ?? '';
  }
}

/** The message a successful import of `n` breaks shows on `page` (the number as the page writes it). */
export async function importedMessage(page: Page, n: number): Promise<string> {
  return `Imported ${await page.evaluate((k) => new Intl.NumberFormat().format(k), n)} breaks and your settings.`;
}
