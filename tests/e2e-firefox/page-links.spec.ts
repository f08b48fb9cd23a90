/**
 * The popup's "Weekly review" in Firefox (tests/e2e/page-links.spec.ts's Chromium case): the
 * review opens once, and after that its tab is brought to the front, with no second review tab.
 */
import type { Page } from 'puppeteer-core';
import { expect, test } from './support/fixtures';
import { EXT_BASE } from './support/firefox';
import { El, PopupPage } from './support/pages';

/** The extension API in a page (no "tabs" permission: a page's own tab, and tabs it creates). */
declare const browser: {
  tabs: {
    getCurrent(): Promise<{ active: boolean; windowId: number } | undefined>;
    create(p: { url: string; windowId: number; active: boolean }): Promise<unknown>;
  };
};

/** Whether the review page's own tab is the one shown in its window (no "tabs" permission needed). */
const shown = (review: Page) => review.evaluate(async () => (await browser.tabs.getCurrent())?.active);

test('"Weekly review" clicked in the popup again, the review still open behind another tab: no second review tab, the open one is brought to the front', async ({ ff, control }) => {
  const popup = await PopupPage.open(ff);
  await new El(popup.page, '[data-testid="weekly-review"]').click();
  const review = await ff.waitForPage((href) => href.endsWith('/review.html'));
  await new El(review, 'main.review[aria-busy="false"]').waitFor();
  const windowId = await review.evaluate(async () => (await browser.tabs.getCurrent())!.windowId);

  // The person goes on in another tab of that window; next day, the popup again, and "Weekly review".
  const tab = (url: string) => control.evaluate((url, windowId) => browser.tabs.create({ url, windowId, active: true }).then(() => undefined), url, windowId);
  await tab('about:blank');
  await expect.poll(() => shown(review)).toBe(false);
  const before = new Set((await ff.pagesWithHref()).map((p) => p.page));
  await tab(`${EXT_BASE}/popup.html`);
  const fresh = async () => (await ff.pagesWithHref()).find((p) => p.href.endsWith('/popup.html') && !before.has(p.page))?.page;
  await expect.poll(async () => (await fresh()) !== undefined).toBe(true);
  const again = (await fresh())!;
  await new El(again, '[data-testid="weekly-review"]').click();

  await expect.poll(() => shown(review)).toBe(true);
  expect((await ff.pagesWithHref()).filter((p) => p.href.endsWith('/review.html'))).toHaveLength(1);
});
