/**
 * Versioned storage items (through WXT's storage): the tracker's live state (local), and the
 * settings (sync, with a local copy; ./settings-items.ts) re-exported. Only this folder touches
 * browser.storage.
 */
import { storage } from 'wxt/utils/storage';
import { migrateV1, migrateV2, migrateV3, migrateV4, migrateV5, migrateV6, readableState, TRACKER_VERSION, type BreakRecord, type TrackerState } from '../tracker/tracker';

import { TRACKER_KEY } from './live';
export { SETTINGS_KEY, TRACKER_KEY, whatsNewItem } from './live';
export { loadSettings, saveSettings, settingsSyncItem, watchSettings, type SyncState } from './settings-items';

export const trackerItem = storage.defineItem<TrackerState | null>(TRACKER_KEY, {
  fallback: null,
  version: TRACKER_VERSION,
  migrations: {
    2: (old: Parameters<typeof migrateV1>[0] | null) => (old ? migrateV1(old) : null),
    3: (old: Parameters<typeof migrateV2>[0] | null) => (old ? migrateV2(old) : null),
    4: (old: Parameters<typeof migrateV3>[0] | null) => (old ? migrateV3(old) : null),
    5: (old: Parameters<typeof migrateV4>[0] | null) => (old ? migrateV4(old) : null),
    6: (old: Parameters<typeof migrateV5>[0] | null) => (old ? migrateV5(old) : null),
    7: (old: Parameters<typeof migrateV6>[0] | null) => (old ? migrateV6(old) : null),
  },
});

/** A break outcome that could not be written to the history yet, with the zone its day is counted in. */
export interface PendingRecord {
  entry: BreakRecord;
  timeZone: string;
}

/** The outbox keeps at most this many records (oldest dropped first): weeks of breaks. */
export const OUTBOX_MAX = 500;

/**
 * The tracker's state as stored: the state, and the outbox of history records that could not be
 * written yet (saved together, in one write, so neither is lost without the other).
 */
type StoredTracker = TrackerState & { outbox?: PendingRecord[] };

export async function loadTracker(): Promise<TrackerState | null> {
  return (await loadTrackerAndOutbox()).state;
}

export async function loadTrackerAndOutbox(): Promise<{ state: TrackerState | null; outbox: PendingRecord[] }> {
  const s = (await trackerItem.getValue()) as StoredTracker | null;
  if (!s) return { state: null, outbox: [] };
  const { outbox, ...state } = s;
  // A state this version cannot read starts afresh (the tracker's initial state); breaks still
  // waiting to be written are kept.
  if (!readableState(state)) {
    console.error('[limber] stored timer state unreadable: starting afresh');
    return { state: null, outbox: Array.isArray(outbox) ? outbox : [] };
  }
  return { state, outbox: Array.isArray(outbox) ? outbox : [] };
}

export async function saveTracker(s: TrackerState, outbox: readonly PendingRecord[] = []): Promise<void> {
  const value: StoredTracker = outbox.length ? { ...s, outbox: outbox.slice(-OUTBOX_MAX) } : s;
  await trackerItem.setValue(value);
}

/** The welcome page has been shown (storage is cleared on uninstall, so a reinstall shows it again). */
export const welcomedItem = storage.defineItem<boolean>('local:welcomed', { fallback: false });
