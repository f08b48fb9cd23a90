/**
 * How Limber's pages open each other (tests/support/popup-world.ts, tests/support/page-tabs.ts).
 * describe('bugs'): the popup's "Weekly review" opened a new review tab at every click, so a
 * person who checks their week each day collected review tabs; it now brings the open one (and
 * its window) to the front, and opens one only when none is open. The options page's "Open the
 * weekly review" did the same. (The case of a review tab closed in between passed before: a
 * guard that the fix still opens one.) Pages that are single by the browser's own doing: Options
 * (runtime.openOptionsPage, popup and break window), the break window (lib/platform/windows.ts),
 * the welcome page (once, on install).
 */
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { background, openPopup, STRETCH_ONLY, T0, MIN, usePopupWorld } from '../tests/support/popup-world';
import { pagesInTabs } from '../tests/support/page-tabs';
import { tick, until } from '../tests/support/linkedom-page';

usePopupWorld();

/** The popup opened, its "Weekly review" clicked, and the popup closed by it. */
async function reviewFromPopup() {
  const p = await openPopup();
  p.click('weekly-review');
  await until(() => (p.window.close as unknown as { mock: { calls: unknown[] } }).mock.calls.length > 0, 'the popup to close');
}

describe('bugs', () => {
  for (const api of ['chrome', 'browser'] as const) {
    it(`"Weekly review" in the popup, clicked on two days: one review tab, brought to the front with its window the second time (${api === 'chrome' ? 'Chrome' : 'Firefox'})`, async () => {
      const tabs = pagesInTabs(api);
      await background(STRETCH_ONLY, T0 + 10 * MIN);
      await reviewFromPopup();
      const [review] = await tabs.tabsOf('/review.html');
      expect(review).toBeDefined();
      // The person goes on in another tab, then opens the popup again the next day.
      await browser.tabs.create({ url: 'https://example.com/', active: true });
      await reviewFromPopup();
      const reviews = await tabs.tabsOf('/review.html');
      expect({ reviews: reviews.length, active: reviews[0]?.active, windows: tabs.focused() }).toEqual({ reviews: 1, active: true, windows: [review!.windowId] });
    });
  }

  it('the review tab was closed in between: the popup opens a new one', async () => {
    const tabs = pagesInTabs();
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    await reviewFromPopup();
    tabs.close((await tabs.tabsOf('/review.html'))[0]!.id!);
    await reviewFromPopup();
    expect((await tabs.tabsOf('/review.html')).length).toBe(1);
  });

  it('"Open the weekly review" on the options page, with the review already open: no second review tab', async () => {
    const tabs = pagesInTabs();
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    await reviewFromPopup();
    const { mountOptionsPage } = await import('../tests/support/options-page');
    const o = await mountOptionsPage();
    o.byId('open-review')!.click();
    await tick(30);
    const reviews = await tabs.tabsOf('/review.html');
    expect({ reviews: reviews.length, active: reviews[0]?.active }).toEqual({ reviews: 1, active: true });
  });
});
