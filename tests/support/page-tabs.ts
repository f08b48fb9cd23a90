/**
 * Limber's own pages open in the fake browser's tabs, as a page sees them without the "tabs"
 * permission: extension.getViews({ type: 'tab' }) gives each one's window (its location, and its
 * own API object, whose tabs.getCurrent() is its tab). Chrome before 148 gives a window its
 * `chrome` only; Firefox (and later Chrome) its `browser`.
 */
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';

export function pagesInTabs(api: 'chrome' | 'browser' = 'chrome') {
  const open = new Map<number, string>();
  browser.tabs.onCreated.addListener((tab) => void (tab.id !== undefined && tab.url && open.set(tab.id, tab.url)));
  vi.spyOn(browser.extension, 'getViews').mockImplementation(((p?: { type?: string }) =>
    p?.type === 'tab'
      ? [...open]
          .filter(([, url]) => url.startsWith(browser.runtime.getURL('/')))
          .map(([id, url]) => ({ location: new URL(url), [api]: { tabs: { getCurrent: () => browser.tabs.get(id) } } }))
      : []) as never);
  const update = vi.spyOn(browser.windows, 'update');
  return {
    /** The open tabs showing `path` (e.g. '/review.html'). */
    tabsOf: async (path: string) => {
      const ids = [...open].filter(([, url]) => url.startsWith(browser.runtime.getURL(path as '/review.html'))).map(([id]) => id);
      return (await Promise.all(ids.map((id) => browser.tabs.get(id)))) as Browser.tabs.Tab[];
    },
    /** The person closes the tab (the fake's tabs.remove does not work). */
    close: (tabId: number) => void open.delete(tabId),
    /** The windows brought to the front. */
    focused: () => update.mock.calls.filter(([, u]) => (u as { focused?: boolean }).focused).map(([id]) => id),
  };
}
