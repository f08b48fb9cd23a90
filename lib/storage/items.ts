/**
 * Versioned storage items (through WXT's storage): the settings (sync, with a local copy) and the
 * tracker's live state (local). Only this folder touches browser.storage.
 */
import { storage } from 'wxt/utils/storage';
import { SETTINGS_VERSION, settingsOrDefaults, type Settings } from '../settings';
import { migrateV1, TRACKER_VERSION, type TrackerState } from '../tracker/tracker';

import { SETTINGS_KEY, TRACKER_KEY, watchSettingsKeys } from './live';
export { SETTINGS_KEY, TRACKER_KEY, watchTracker, whatsNewItem } from './live';

/**
 * Settings live in storage.sync, so they follow the user to their other browsers through the
 * browser's own sync, with a copy in storage.local that is always written. If sync fails (not
 * available, or the settings outgrow its 8 KB per-item quota) the local copy is used and the
 * options page says so. Tracker state and history never leave storage.local / IndexedDB.
 */

const syncSettings = storage.defineItem<Settings | null>(`sync:${SETTINGS_KEY}`, { fallback: null, version: SETTINGS_VERSION });
const localSettings = storage.defineItem<Settings | null>(`local:${SETTINGS_KEY}`, { fallback: null, version: SETTINGS_VERSION });

export type SyncState = 'on' | 'unavailable';
/** Whether the last save reached storage.sync. */
export const settingsSyncItem = storage.defineItem<SyncState>('local:settingsSync', { fallback: 'on' });

export const trackerItem = storage.defineItem<TrackerState | null>(TRACKER_KEY, {
  fallback: null,
  version: TRACKER_VERSION,
  migrations: {
    2: (old: Parameters<typeof migrateV1>[0] | null) => (old ? migrateV1(old) : null),
  },
});

/** The settings in force: what is stored if valid, else the defaults (the stored value is kept). */
export async function loadSettings(): Promise<Settings> {
  if ((await settingsSyncItem.getValue()) === 'on') {
    try {
      const synced = await syncSettings.getValue();
      if (synced !== null) return settingsOrDefaults(synced);
    } catch {
      // sync unavailable: use the local copy
    }
  }
  return settingsOrDefaults(await localSettings.getValue());
}

export async function saveSettings(s: Settings): Promise<void> {
  await localSettings.setValue(s);
  let state: SyncState = 'on';
  try {
    await syncSettings.setValue(s);
  } catch {
    state = 'unavailable';
  }
  if ((await settingsSyncItem.getValue()) !== state) await settingsSyncItem.setValue(state);
}

/** Calls back with the settings in force whenever they change (here, or synced from elsewhere). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return watchSettingsKeys(() => void loadSettings().then(cb));
}

export async function loadTracker(): Promise<TrackerState | null> {
  const s = await trackerItem.getValue();
  return s && s.v === TRACKER_VERSION && typeof s.asOf === 'number' ? s : null;
}

export async function saveTracker(s: TrackerState): Promise<void> {
  await trackerItem.setValue(s);
}


/** The welcome page has been shown (storage is cleared on uninstall, so a reinstall shows it again). */
export const welcomedItem = storage.defineItem<boolean>('local:welcomed', { fallback: false });
