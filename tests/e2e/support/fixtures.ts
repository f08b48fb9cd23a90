import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs as sharedArgs } from '../../../scripts/chromium-args';

export const EXTENSION_DIR = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumArgs(extDir = EXTENSION_DIR, extra: string[] = []): string[] {
  return sharedArgs(extDir, extra);
}

export async function launch(
  userDataDir: string,
  extra: string[] = [],
  opts: { locale?: string; colorScheme?: 'light' | 'dark'; env?: Record<string, string> } = {},
): Promise<BrowserContext> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(EXTENSION_DIR, extra),
    locale: opts.locale,
    colorScheme: opts.colorScheme,
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
  });
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [w] = context.serviceWorkers();
  return w ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

interface Fixtures {
  profileDir: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** An extension page (options) used to read and write the extension's storage. */
  control: Page;
}

export const test = base.extend<Fixtures>({
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'limber-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const context = await launch(profileDir);
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(await serviceWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  control: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await use(page);
  },
});

export { expect } from '@playwright/test';
