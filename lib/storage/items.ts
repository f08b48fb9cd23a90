/**
 * Versioned storage items (through WXT's storage): the tracker's live state (local), and the
 * settings (sync, with a local copy; ./settings-items.ts) re-exported. Only this folder touches
 * browser.storage.
 */
import { storage } from 'wxt/utils/storage';
import { migrateV1, migrateV2, migrateV3, migrateV4, migrateV5, migrateV6, readableState, TRACKER_VERSION, type BreakRecord, type TrackerState } from '../tracker/tracker';

import { TRACKER_KEY } from './live';
export { SETTINGS_KEY, TRACKER_KEY, whatsNewItem } from './live';
export { loadSettings, replaceSettings, saveSettings, settingsSyncItem, watchSettings, type SyncState } from './settings-items';

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

/**
 * A state storage.local refused (full, a disk error), kept in storage.session (its own quota; it
 * outlives a stopped worker, not the browser): a new worker starts from it while it is newer than
 * the stored one, rather than from that older state (a break answered again, differently, or a
 * finished one's window reopened). Cleared by the next write that succeeds.
 */
const unsavedItem = storage.defineItem<StoredTracker | null>('session:trackerUnsaved', { fallback: null });
/** Whether a copy may be in storage.session (unknown until a load or a write says). */
let unsaved = true;

/** The newer of the stored state and its unsaved copy. */
const newer = (l: StoredTracker | null, u: StoredTracker | null) => (u && (!l || u.asOf > l.asOf) ? u : l);
/** A stored outbox as a list (a damaged one: none). */
const listed = (outbox: unknown): PendingRecord[] => (Array.isArray(outbox) ? outbox : []);

export async function loadTrackerAndOutbox(): Promise<{ state: TrackerState | null; outbox: PendingRecord[] }> {
  const [l, u] = await Promise.all([trackerItem.getValue() as Promise<StoredTracker | null>, unsavedItem.getValue().catch(() => null)]);
  unsaved = !!u;
  const s = newer(l, u);
  if (!s) return { state: null, outbox: [] };
  const { outbox, ...state } = s;
  // A state this version cannot read starts afresh (the tracker's initial state); breaks still
  // waiting to be written are kept.
  if (!readableState(state)) {
    console.error('[limber] stored timer state unreadable: starting afresh');
    return { state: null, outbox: listed(outbox) };
  }
  return { state, outbox: listed(outbox) };
}

/**
 * The records waiting in the outbox, read as the worker reads them (the newer of the stored state
 * and its unsaved copy), without the tracker's migrations: what an export adds to the history.
 */
export async function waitingRecords(): Promise<PendingRecord[]> {
  const [l, u] = await Promise.all([storage.getItem<StoredTracker>(TRACKER_KEY), unsavedItem.getValue().catch(() => null)]);
  return listed(newer(l, u)?.outbox);
}

export async function saveTracker(s: TrackerState, outbox: readonly PendingRecord[] = []): Promise<void> {
  const value: StoredTracker = outbox.length ? { ...s, outbox: outbox.slice(-OUTBOX_MAX) } : s;
  try {
    await trackerItem.setValue(value);
  } catch (err) {
    unsaved = true;
    await unsavedItem.setValue(value).catch(() => undefined);
    throw err;
  }
  if (unsaved) await unsavedItem.removeValue().then(() => (unsaved = false), () => undefined);
}

/** The welcome page has been shown (storage is cleared on uninstall, so a reinstall shows it again). */
export const welcomedItem = storage.defineItem<boolean>('local:welcomed', { fallback: false });
