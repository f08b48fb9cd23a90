/**
 * The toolbar button's popup address carries the background's status snapshot
 * (lib/storage/status-cache.ts) after a `#`, so that the popup's early script
 * (entrypoints/popup-early.ts) can draw its first frame from its own address, without waiting for
 * a storage read (issue #16: the popup as fast as a blank page). Set each time the snapshot is
 * written, just before it is (the address is never older than storage.session). Like
 * storage.session it lives in memory only: the browser forgets it when it closes, and the popup
 * then opens at the manifest's plain popup.html and reads storage. Nothing else of it is kept.
 */
import { browser } from 'wxt/browser';
import type { StatusSnapshot } from '../storage/status-cache';

/** The popup's address with `s` in it (lib/snapshot-usable.ts reads it back). */
export const popupAddress = (s: StatusSnapshot): string => `popup.html#${encodeURIComponent(JSON.stringify(s))}`;

export async function setPopupSnapshot(s: StatusSnapshot): Promise<void> {
  try {
    await browser.action.setPopup({ popup: popupAddress(s) });
  } catch {
    // No toolbar button API here: the popup reads storage.session instead.
  }
}
