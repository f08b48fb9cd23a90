/**
 * Storage keys and the small items pages need without loading the settings schema or the tracker
 * (the popup: the one-time "what's new" flag; its status comes from ./status-cache.ts).
 */
import { storage } from 'wxt/utils/storage';

export const TRACKER_KEY = 'local:tracker' as const;

/** Set on an update, shown once in the popup, then cleared. */
export const whatsNewItem = storage.defineItem<string | null>('local:whatsNew', { fallback: null });

/** The version Limber was updated to, once: read and cleared (the popup's one-time line). */
export async function takeWhatsNew(): Promise<string | null> {
  const v = await whatsNewItem.getValue();
  if (v) await whatsNewItem.setValue(null);
  return v;
}

/** Settings live in storage.sync with a copy in storage.local, under this key (see items.ts). */
export const SETTINGS_KEY = 'settings' as const;

/** In storage.local: whether the last settings save reached storage.sync (see settings-items.ts). */
export const SETTINGS_SYNC_KEY = 'settingsSync' as const;

/** Calls back when the settings change (either storage area), without loading their schema. */
export function watchSettingsKeys(cb: () => void): () => void {
  const off = [storage.watch(`local:${SETTINGS_KEY}`, () => cb()), storage.watch(`sync:${SETTINGS_KEY}`, () => cb())];
  return () => off.forEach((u) => u());
}
