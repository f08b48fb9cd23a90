/**
 * Opens one of Limber's own pages in a tab, or brings the tab already showing it (and that tab's
 * window) to the front: a page opened again and again (the weekly review, checked every day) stays
 * one tab. Without the "tabs" permission a page cannot read tabs' addresses, but it sees the
 * extension's own pages (extension.getViews, Chrome and Firefox), and each one's API knows its own
 * tab (tabs.getCurrent); activating a tab and focusing a window need no permission. The options
 * page is opened with runtime.openOptionsPage, which does the same by itself.
 */
import { browser } from 'wxt/browser';

type OwnTab = { id?: number; windowId: number };
/** A page's window as getViews gives it: its API is `browser` (Firefox, Chrome 148+) or `chrome`. */
type View = { location: { pathname: string }; browser?: Api; chrome?: Api };
type Api = { tabs: { getCurrent(): Promise<OwnTab | undefined> } };

export async function openPage(path: '/review.html'): Promise<void> {
  let tab: OwnTab | undefined;
  try {
    const view = (browser.extension.getViews({ type: 'tab' }) as unknown as View[]).find((v) => v.location.pathname === path);
    if (view) tab = await (view.browser ?? view.chrome)?.tabs.getCurrent();
  } catch {
    // None to be found: a new tab.
  }
  if (tab?.id !== undefined) {
    try {
      await browser.tabs.update(tab.id, { active: true });
      await browser.windows.update(tab.windowId, { focused: true });
      return;
    } catch {
      // Closed meanwhile.
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
