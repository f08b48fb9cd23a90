/**
 * The small part of storage the popup needs (no settings schema, so the popup stays light):
 * a watch on the tracker's state and the one-time "what's new" flag.
 */
import { storage } from 'wxt/utils/storage';

export const TRACKER_KEY = 'local:tracker' as const;

/** Set on an update, shown once in the popup, then cleared. */
export const whatsNewItem = storage.defineItem<string | null>('local:whatsNew', { fallback: null });

export function watchTracker(cb: () => void): () => void {
  return storage.watch(TRACKER_KEY, () => cb());
}
