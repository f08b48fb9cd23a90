/**
 * Playwright is only the runner here: every test gets its own Firefox (fresh profile, Limber
 * freshly installed from the production build), driven by puppeteer-core.
 */
import { test as base } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { Firefox } from './firefox';

interface Options {
  /** Pref extensions.background.idle.timeout (ms); Firefox's default when undefined. */
  idleTimeoutMs: number | undefined;
  /** Record the network from launch, before the add-on is installed (Chrome.recordNetwork). */
  recordNetwork: boolean;
  /** Pref intl.locale.requested (Firefox.launch); Firefox's own language when undefined. */
  ffLocale: string | undefined;
  /** More Firefox prefs (Firefox.launch's `prefs`). */
  ffPrefs: Record<string, string | number | boolean> | undefined;
}

interface Fixtures {
  ff: Firefox;
  /** An extension page (options) used to read and write the extension's storage. */
  control: Page;
}

export const test = base.extend<Fixtures & Options>({
  idleTimeoutMs: [undefined, { option: true }],
  recordNetwork: [false, { option: true }],
  ffLocale: [undefined, { option: true }],
  ffPrefs: [undefined, { option: true }],
  ff: async ({ idleTimeoutMs, recordNetwork, ffLocale, ffPrefs }, use, testInfo) => {
    const ff = await Firefox.launch({ idleTimeoutMs, recordNetwork, locale: ffLocale, prefs: ffPrefs });
    try {
      await use(ff);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        // What every open page showed when the test failed.
        const pages = await ff.pagesWithHref().catch(() => []);
        for (const [i, p] of pages.entries()) {
          const name = `page-${i}-${(p.href.split('/').pop()?.split('?')[0] || 'blank').replace(/[^\w.-]/g, '_')}.png`;
          await p.page.screenshot({ path: testInfo.outputPath(name) }).catch(() => undefined);
        }
      }
      await ff.close();
    }
  },
  control: async ({ ff }, use) => {
    const page = await ff.open('options.html');
    // Headless Firefox never gets input, so its idle clock runs from launch (which can take
    // seconds on a busy machine): every test starts with the person at the machine.
    await ff.chrome.userInput();
    await use(page);
  },
});

export { expect } from '@playwright/test';
