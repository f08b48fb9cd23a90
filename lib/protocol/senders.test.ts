/**
 * Who the background answers (entrypoints/background.ts, its real main() on the fake browser):
 * Limber's own pages only. A message from another extension, or from a sender with no extension id
 * (a web page; the manifest has no externally_connectable, no content script and no web-accessible
 * page, tests/e2e/release.spec.ts), gets no answer and changes nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGINE_SETTINGS, T0, useEngineEnv } from '../../tests/engine-env';
import { handleMessage } from '../engine';
import { loadTracker } from '../storage/items';
import background from '../../entrypoints/background';

useEngineEnv(() => T0, ENGINE_SETTINGS);

const listener = () => ({ addListener: vi.fn() });

async function startWorker() {
  Object.assign(browser, { commands: { onCommand: listener() } });
  Object.assign(browser.runtime, { onStartup: listener(), onInstalled: listener() });
  background.main!();
  await handleMessage({ type: 'status/get' });
}

const PAUSE = { type: 'pause/set', choice: 'indefinite' };

describe('senders', () => {
  it.each([
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html' }],
    ['a web page (no extension id)', { url: 'https://example.com/', origin: 'https://example.com', tab: { id: 3 } }],
    ['a sender with no details', {}],
  ])('a request from %s is not answered and changes nothing', async (_, sender) => {
    await startWorker();
    const before = await loadTracker();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(PAUSE, sender as never, () => undefined);
    expect(reply).toBeUndefined();
    const after = await loadTracker();
    expect(after?.paused).toBeNull();
    expect(after?.paused).toEqual(before?.paused);
  });

  it('a request from a Limber page is answered', async () => {
    await startWorker();
    const sender = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(PAUSE, sender, () => undefined);
    expect(reply).toEqual({ ok: true, data: { until: null } });
    expect((await loadTracker())?.paused).toMatchObject({ since: T0, until: null });
  });
});
