/**
 * The small part of storage the popup needs (no settings schema, so the popup stays light):
 * a watch on the tracker's state and the one-time "what's new" flag.
 */
import { storage } from 'wxt/utils/storage';

export const TRACKER_KEY = 'local:tracker' as const;

/** Set on an update, shown once in the popup, then cleared. */
export const whatsNewItem = storage.defineItem<string | null>('local:whatsNew', { fallback: null });

/**
 * Calls back when the tracker's state changes in a way a page shows (phase, pause, working
 * hours, activity, a natural break), not when time merely advanced: every status request moves
 * the clock fields, and reacting to those would make a page ask again, and again.
 */
export function watchTracker(cb: () => void): () => void {
  const shown = (v: unknown) => {
    if (!v || typeof v !== 'object') return null;
    const s = v as Record<string, unknown>;
    return JSON.stringify([s.phase, s.paused, s.offHours, s.activity, s.lastNaturalAt, s.deferredSince]);
  };
  return storage.watch(TRACKER_KEY, (next, prev) => {
    if (shown(next) !== shown(prev)) cb();
  });
}

/** Settings live in storage.sync with a copy in storage.local, under this key (see items.ts). */
export const SETTINGS_KEY = 'settings' as const;

/** Calls back when the settings change (either storage area), without loading their schema. */
export function watchSettingsKeys(cb: () => void): () => void {
  const off = [storage.watch(`local:${SETTINGS_KEY}`, () => cb()), storage.watch(`sync:${SETTINGS_KEY}`, () => cb())];
  return () => off.forEach((u) => u());
}
