/**
 * Versioned storage items (through WXT's storage): the tracker's live state (local), and the
 * settings (sync, with a local copy; ./settings-items.ts) re-exported. Only this folder touches
 * browser.storage.
 */
import { storage } from 'wxt/utils/storage';
import { migrateV1, migrateV2, TRACKER_VERSION, type TrackerState } from '../tracker/tracker';

import { TRACKER_KEY } from './live';
export { SETTINGS_KEY, TRACKER_KEY, whatsNewItem } from './live';
export { loadSettings, saveSettings, settingsSyncItem, watchSettings, type SyncState } from './settings-items';

export const trackerItem = storage.defineItem<TrackerState | null>(TRACKER_KEY, {
  fallback: null,
  version: TRACKER_VERSION,
  migrations: {
    2: (old: Parameters<typeof migrateV1>[0] | null) => (old ? migrateV1(old) : null),
    3: (old: Parameters<typeof migrateV2>[0] | null) => (old ? migrateV2(old) : null),
  },
});

export async function loadTracker(): Promise<TrackerState | null> {
  const s = await trackerItem.getValue();
  return s && s.v === TRACKER_VERSION && typeof s.asOf === 'number' ? s : null;
}

export async function saveTracker(s: TrackerState): Promise<void> {
  await trackerItem.setValue(s);
}

/** The welcome page has been shown (storage is cleared on uninstall, so a reinstall shows it again). */
export const welcomedItem = storage.defineItem<boolean>('local:welcomed', { fallback: false });
