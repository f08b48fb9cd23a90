/**
 * The break window's record (lib/storage/platform-items.ts) names a window by its id, and window
 * ids start again in each browser session: the record must never make Limber focus or close a
 * window of the person's own.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { breakWindowItem } from '../storage/platform-items';
import { breakWindowState, openBreakWindow } from './windows';

beforeEach(() => fakeBrowser.reset());

const popups = async () => (await fakeBrowser.windows.getAll()).filter((w) => w.type === 'popup');

describe('the break window record and the person\'s own windows', () => {
  it('is kept in storage.session, which a browser restart clears', async () => {
    await breakWindowItem.setValue({ windowId: 7, breakId: 'stretch-1000' });
    expect(await fakeBrowser.storage.session.get('breakWindow')).toEqual({ breakWindow: { windowId: 7, breakId: 'stretch-1000' } });
    expect(await fakeBrowser.storage.local.get('breakWindow')).toEqual({});
  });

  it("never closes a window of the person's own that has the id the record names", async () => {
    const mine = (await fakeBrowser.windows.create({ type: 'normal', url: 'https://example.com/' }))!;
    await breakWindowItem.setValue({ windowId: mine.id!, breakId: 'stretch-1000', finished: true });
    await openBreakWindow('stretch-2000');
    expect((await fakeBrowser.windows.getAll()).map((w) => w.id)).toContain(mine.id);
    expect(await popups()).toHaveLength(1);
    expect((await breakWindowItem.getValue())?.breakId).toBe('stretch-2000');
  });

  it('opens the break window for the same break instead of focusing such a window', async () => {
    const mine = (await fakeBrowser.windows.create({ type: 'normal', url: 'https://example.com/' }))!;
    await breakWindowItem.setValue({ windowId: mine.id!, breakId: 'stretch-1000' });
    await openBreakWindow('stretch-1000');
    expect(await popups()).toHaveLength(1);
  });

  it('still reuses its own window for the same break, and replaces it for another', async () => {
    await openBreakWindow('stretch-1000');
    const first = (await popups())[0]!;
    await openBreakWindow('stretch-1000');
    expect((await popups()).map((w) => w.id)).toEqual([first.id]);
    await openBreakWindow('stretch-2000');
    const now = await popups();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(first.id);
  });

  it("knows this break's window: open (only its own popup), closed unseen (its id), or none", async () => {
    expect(await breakWindowState('stretch-1000')).toBe('none');
    await openBreakWindow('stretch-1000');
    expect(await breakWindowState('stretch-1000')).toBe('open');
    expect(await breakWindowState('stretch-2000')).toBe('none');
    const open = (await breakWindowItem.getValue())!;
    await fakeBrowser.windows.remove(open.windowId);
    expect(await breakWindowState('stretch-1000')).toEqual({ closed: open.windowId });
    const mine = (await fakeBrowser.windows.create({ type: 'normal' }))!;
    await breakWindowItem.setValue({ windowId: mine.id!, breakId: 'stretch-3000' });
    expect(await breakWindowState('stretch-3000')).not.toBe('open');
  });
});
