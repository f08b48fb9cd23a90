/**
 * How every page holds and changes the settings (issue #16): `useSettings()` reads them and
 * watches storage (lib/storage/settings-items.ts); `updateSettings()` is the one way to change
 * them, validated by lib/settings.ts. A page shows its own feedback ("Saved", an error) from
 * what updateSettings resolves to.
 */
import { useStored } from './use-stored';
import { parseSettings, type Settings } from '../../lib/settings';
import { loadSettings, loadSyncState, saveSettings, watchSettings, watchSyncState, type SyncState } from '../../lib/storage/settings-items';

/** This page's useSettings readers, told of a save made here at once (the storage watch follows). */
const readers = new Set<(s: Settings) => void>();

/** Calls back with the settings after each save made on this page, as soon as it is saved. */
export function watchSavedHere(cb: (s: Settings) => void): () => void {
  readers.add(cb);
  return () => void readers.delete(cb);
}

function watchHereAndStored(cb: (s: Settings) => void): () => void {
  const unwatchHere = watchSavedHere(cb);
  const unwatchStored = watchSettings(cb);
  return () => {
    unwatchHere();
    unwatchStored();
  };
}

/** The settings in force, kept live (null until the first read). */
export function useSettings(): Settings | null {
  return useStored(loadSettings, watchHereAndStored);
}

/** Whether the settings reach the browser's sync storage, kept live (null until the first read). */
export function useSyncState(): SyncState | null {
  return useStored(loadSyncState, watchSyncState);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Changes the stored settings: reads the latest stored value, applies `change`, validates the
 * result with the settings schema and saves it. Changes made from one page run one at a time,
 * so quick clicks never undo each other. Resolves to the saved settings, or null when nothing
 * was saved: the result was invalid, or `change` refused by returning null (a field error).
 * Rejects when storage failed.
 */
export function updateSettings(change: (current: Settings) => Settings | null): Promise<Settings | null> {
  const run = queue.then(async () => {
    const next = change(await loadSettings());
    const parsed = next && parseSettings(next);
    if (!parsed || !parsed.ok) return null;
    await saveSettings(parsed.value);
    for (const read of readers) read(parsed.value);
    return parsed.value;
  });
  queue = run.catch(() => undefined);
  return run;
}
