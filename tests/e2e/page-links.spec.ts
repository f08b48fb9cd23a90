/**
 * How the pages open each other, in the production build: the popup's "Weekly review" opens the
 * review once, and after that brings that tab to the front, rather than a second review tab at
 * every click (a person who checks their week each day collected them). That its window is
 * focused too is lib/page-links-cases.test.ts's: headless Chromium reports every window focused.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openedPage, PopupPage } from './support/pages';

/** The extension API in a page (no "tabs" permission: a page's own tab, and tabs it creates). */
declare const chrome: {
  tabs: {
    getCurrent(): Promise<{ active: boolean; windowId: number } | undefined>;
    create(p: { url: string; windowId: number; active: boolean }): Promise<unknown>;
  };
};

/** Whether the review page's own tab is the one shown in its window (no "tabs" permission needed). */
const shown = (review: Page) => review.evaluate(async () => (await chrome.tabs.getCurrent())?.active);

test('"Weekly review" clicked in the popup again, the review still open behind another tab: no second review tab, the open one is brought to the front', async ({ context, extensionId, control }) => {
  const popup = await PopupPage.open(context, extensionId);
  const opened = openedPage(context, (url) => url.includes('/review.html'));
  await popup.page.getByTestId('weekly-review').click();
  const review = await opened;
  await expect(review.getByRole('heading', { level: 1 })).toHaveText('Your weekly review');
  const windowId = await review.evaluate(async () => (await chrome.tabs.getCurrent())!.windowId);

  // The person goes on in another tab of that window; next day, the popup again, and "Weekly review".
  const tab = (url: string) => control.evaluate(([url, windowId]) => chrome.tabs.create({ url, windowId, active: true }).then(() => undefined), [url, windowId] as const);
  await tab('about:blank');
  await expect.poll(() => shown(review)).toBe(false);
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const again = context.waitForEvent('page', { predicate: (p) => p.url() === popupUrl });
  await tab(popupUrl);
  await (await again).getByTestId('weekly-review').click();

  await expect.poll(() => shown(review)).toBe(true);
  expect(context.pages().filter((p) => p.url().endsWith('/review.html'))).toHaveLength(1);
});
