/**
 * The popup's last status, kept by the background in storage.session (memory only, cleared when
 * the browser closes) so that the popup can draw at once, without waiting for the worker (which
 * may first have to start), and then refresh. The background writes it after every event that
 * it saves and on every 'popup/get'; pages only read and watch it.
 *
 * A snapshot is a picture of one instant: the next break is an absolute time (the countdown is
 * derived from it and the page's clock), and its `validUntil` (PopupData) is the first instant
 * at which the picture may change by itself (the next break falling due, a pause or working
 * hours ending, midnight, or, while desk time counts, the background's silence becoming a sleep:
 * the computer slept, and its next event counts that time as away). Past it the popup does not
 * draw from the snapshot.
 */
import { storage } from 'wxt/utils/storage';
import type { DayKey } from '../days';
import type { PopupData } from '../protocol/messages';
import { SNAPSHOT_KEY, snapshotUsable } from '../snapshot-usable';

export interface StatusSnapshot {
  data: PopupData;
  /** The day the history part was read for (also when history is off). */
  day: DayKey;
}

export const statusSnapshotItem = storage.defineItem<StatusSnapshot | null>(`session:${SNAPSHOT_KEY}`, { fallback: null });

/** The snapshot, if there is one and it still holds at `now`; null otherwise (or on any error). */
export async function readStatusSnapshot(now: number): Promise<PopupData | null> {
  try {
    return usableSnapshot(await statusSnapshotItem.getValue(), now);
  } catch {
    return null;
  }
}

/** The snapshot's picture if it may be drawn at `now` (lib/snapshot-usable.ts, shared with the popup's early script). */
export function usableSnapshot(s: StatusSnapshot | null, now: number): PopupData | null {
  return snapshotUsable(s, now) ? s!.data : null;
}
