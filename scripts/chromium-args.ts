import type { BrowserContext, Page } from '@playwright/test';

/**
 * The Chromium flags every harness here loads Limber with (the e2e fixtures, the bench, the
 * screenshots): the unpacked extension(s) at `extDir` (comma-separated for several), and nothing
 * of Chromium's own that would reach the network or change between runs.
 */
export function chromiumArgs(extDir: string, extra: string[] = []): string[] {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extra,
  ];
}

/**
 * Stops every service worker through CDP, as Chromium does when a worker is idle (the e2e tests
 * and the bench). `page`: any page of `context` (CDP goes through it).
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
