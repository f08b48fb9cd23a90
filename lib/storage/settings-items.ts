/**
 * The settings' storage (through WXT's storage), apart from the tracker's: the pages that edit
 * settings import this and not the tracker (which only the background needs).
 */
import { storage } from 'wxt/utils/storage';
import { migrateSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, settingsOrDefaults, type Settings } from '../settings';
import { SETTINGS_KEY, SETTINGS_SYNC_KEY, watchSettingsKeys } from './live';
import { latestReload } from './latest';

/**
 * Settings live in storage.sync, so they follow the user to their other browsers through the
 * browser's own sync, with a copy in storage.local that is always written. If sync fails (not
 * available, or the settings outgrow its 8 KB per-item quota) the local copy is used and the
 * options page says so. Each save tries sync again, and so does the options page as it opens
 * (it saves the settings in force once more), and the break page at each break as
 * it starts (retrySettingsSync): a passing failure (120 writes a minute) does not leave them unsynced.
 * Tracker state and history never leave storage.local / IndexedDB.
 *
 * Which copy is in force: while sync works, sync's (another computer's change arrives there);
 * while it does not, this computer's, and on recovery this computer's goes to sync (it is what
 * the person set and saw here since; one sync held meanwhile is replaced, never merged). What
 * this version cannot read in sync (written by a newer one elsewhere) is kept by a save here,
 * unless the save changes that setting.
 */

// Stored settings older than SETTINGS_VERSION are migrated in place on first access (WXT runs the
// steps and records the version in the item's metadata). Anything a step cannot fix is still
// salvaged field by field by settingsOrDefaults.
const migrate = Object.fromEntries(Object.keys(SETTINGS_MIGRATIONS).map((n) => [n, (old: unknown) => migrateSettings(old, Number(n) - 1, Number(n))]));
const syncSettings = storage.defineItem<Settings | null>(`sync:${SETTINGS_KEY}`, { fallback: null, version: SETTINGS_VERSION, migrations: migrate });
const localSettings = storage.defineItem<Settings | null>(`local:${SETTINGS_KEY}`, { fallback: null, version: SETTINGS_VERSION, migrations: migrate });

export type SyncState = 'on' | 'unavailable';
/** Whether the last save reached storage.sync. */
export const settingsSyncItem = storage.defineItem<SyncState>(`local:${SETTINGS_SYNC_KEY}`, { fallback: 'on' });

/** Whether settings reach storage.sync ('on' until a save finds it unavailable; WXT gives the fallback for nothing stored). */
export const loadSyncState = (): Promise<SyncState> => settingsSyncItem.getValue();

export const watchSyncState = (cb: (s: SyncState) => void): (() => void) => settingsSyncItem.watch(cb);

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

/**
 * Writes `s` to `item` with its version: WXT marks the version only on a context's first save
 * (and not again when that write failed), and a value stored without its mark would be migrated
 * again from version 1 at the next start (a 20 s posture check set on purpose back to 45 s).
 */
async function write(item: typeof localSettings, s: Settings): Promise<void> {
  await item.setValue(s);
  const meta: { v?: number } = await item.getMeta();
  // A newer version's mark stays (one on another computer, through sync): marked older, its
  // settings would go through its steps again at its next start.
  if (!(meta.v! >= SETTINGS_VERSION)) await item.setMeta({ v: SETTINGS_VERSION });
}

/**
 * `s` in place of the settings everywhere (an import, a reset): sync's copy and its version mark
 * go first, so that the save keeps nothing a newer version wrote there. Sync unavailable: the
 * save says so, as for any change.
 */
export async function replaceSettings(s: Settings): Promise<void> {
  await syncSettings.removeValue({ removeMeta: true }).catch(() => undefined);
  await saveSettings(s);
}

/** Whether settings are stored at all, on this computer or brought by sync from another: none on a first install. */
export async function settingsStored(): Promise<boolean> {
  const found = await Promise.all([localSettings, syncSettings].map((item) => item.getValue().catch(() => null)));
  return found.some((v) => v !== null);
}

export async function saveSettings(s: Settings): Promise<void> {
  await write(localSettings, s);
  let state: SyncState = 'on';
  try {
    // For sync, a field this save leaves as it reads here keeps what sync holds: what a newer
    // version on another computer wrote and this one cannot read (a setting or a choice it does
    // not know yet) is not replaced with what this one reads it as (nothing, or its defaults).
    const was = Object(await syncSettings.getValue()) as Record<string, unknown>;
    const read: Record<string, unknown> = settingsOrDefaults(was);
    const out: Record<string, unknown> = { ...was, ...s };
    for (const k in s) if (JSON.stringify(out[k]) === JSON.stringify(read[k])) out[k] = was[k] ?? out[k];
    await write(syncSettings, out as Settings);
  } catch {
    state = 'unavailable';
  }
  if ((await settingsSyncItem.getValue()) !== state) await settingsSyncItem.setValue(state);
}

/** Calls back with the settings in force whenever they change (here, or synced from elsewhere), latest last. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return watchSettingsKeys(latestReload(loadSettings, cb));
}

/**
 * After a save that missed sync: the settings in force here (this computer's) saved again, so
 * that they reach sync once it works. The break page runs it at each break (lib/routine-choice.ts);
 * the options page does the same in its queue of changes as it opens.
 */
export async function retrySettingsSync(): Promise<void> {
  if ((await settingsSyncItem.getValue()) === 'unavailable') await saveSettings(await loadSettings());
}
