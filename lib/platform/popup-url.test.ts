/**
 * The popup's address carries the status snapshot (lib/platform/popup-url.ts), read back by the
 * popup's early script with the same test as a snapshot from storage (lib/snapshot-usable.ts).
 * Written before storage.session and never after it, so the address is never the older of the two;
 * a browser without the API still gets its snapshot in storage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { browserStore } from '../engine/browser';
import { snapshotUsable } from '../snapshot-usable';
import { statusSnapshotItem, type StatusSnapshot } from '../storage/status-cache';
import { popupAddress } from './popup-url';

afterEach(() => vi.restoreAllMocks());

const NOW = Date.UTC(2026, 11, 3, 10, 0, 0);
/** A snapshot whose words hold what an address would otherwise cut or misread: '#', '%', '&', spaces, non-Latin text. */
const snap = (taken: number): StatusSnapshot =>
  ({
    day: '2026-12-03',
    data: {
      status: { now: NOW, tracker: { phase: 'working', note: '50% #2 & ü 休' }, today: { taken }, historyError: false, waitingRecords: 0 },
      history: null,
      validUntil: NOW + 600_000,
    },
  }) as unknown as StatusSnapshot;

/** What the popup's early script reads back from its own address (entrypoints/popup-early.ts). */
const readBack = (address: string): unknown => JSON.parse(decodeURIComponent(new URL(address, 'chrome-extension://limber/').hash.slice(1)));

describe("the popup's address", () => {
  it('gives back exactly the snapshot put in it, words and all, and it may be drawn', () => {
    const s = snap(3);
    const address = popupAddress(s);
    expect(address.startsWith('popup.html#')).toBe(true);
    expect(readBack(address)).toEqual(s);
    expect(snapshotUsable(readBack(address), NOW + 1000)).toBe(true);
    expect(snapshotUsable(readBack(address), NOW + 600_000)).toBe(false); // its validUntil holds in the address too
  });

  it('is set before the snapshot is written to storage.session, with the same snapshot', async () => {
    const order: string[] = [];
    const setPopup = vi.spyOn(browser.action, 'setPopup').mockImplementation(async (d) => {
      order.push(`address ${(readBack(d.popup) as StatusSnapshot).data.status.today?.taken}`);
      // The snapshot in storage is not yet the new one when the address is set.
      order.push(`storage then ${(await statusSnapshotItem.getValue())?.data.status.today?.taken ?? 'none'}`);
    });
    await browserStore.writeSnapshot(snap(4));
    order.push(`storage ${(await statusSnapshotItem.getValue())?.data.status.today?.taken}`);
    expect(setPopup).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['address 4', 'storage then none', 'storage 4']);
  });

  it('a browser that refuses the address still gets the snapshot in storage.session', async () => {
    vi.spyOn(browser.action, 'setPopup').mockRejectedValue(new Error('not here'));
    await browserStore.writeSnapshot(snap(5));
    expect((await statusSnapshotItem.getValue())?.data.status.today?.taken).toBe(5);
  });
});
