/**
 * Versioned storage items (browser.storage.local through WXT's storage): the settings and the
 * tracker's live state. Only this folder touches browser.storage.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsOrDefaults, type Settings } from '../settings';
import { migrateV1, TRACKER_VERSION, type TrackerState } from '../tracker/tracker';

export const SETTINGS_KEY = 'local:settings' as const;
import { TRACKER_KEY } from './live';
export { TRACKER_KEY, watchTracker, whatsNewItem } from './live';

export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export const trackerItem = storage.defineItem<TrackerState | null>(TRACKER_KEY, {
  fallback: null,
  version: TRACKER_VERSION,
  migrations: {
    2: (old: Parameters<typeof migrateV1>[0] | null) => (old ? migrateV1(old) : null),
  },
});

/** The settings in force: what is stored if valid, else the defaults (the stored value is kept). */
export async function loadSettings(): Promise<Settings> {
  return settingsOrDefaults(await settingsItem.getValue());
}

export async function saveSettings(s: Settings): Promise<void> {
  await settingsItem.setValue(s);
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(settingsOrDefaults(v)));
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
