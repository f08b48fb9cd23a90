/**
 * How every page holds and changes the settings (issue #16): `useSettings()` reads them and
 * watches storage (lib/storage/settings-items.ts); `updateSettings()` is the one way to change
 * them, validated by lib/settings.ts. A page shows its own feedback ("Saved", an error) from
 * what updateSettings resolves to.
 *
 * What a page shows is the stored settings with this page's changes not yet saved applied on
 * top: a switch turned on stays on while an earlier change's save comes back without it (a
 * re-render with the older value would turn the box off under the user's hand).
 */
import { useStored } from './use-stored';
import { validSettings, type Settings } from '../../lib/settings';
import { loadSettings, loadSyncState, saveSettings, watchSyncState, type SyncState } from '../../lib/storage/settings-items';
import { watchSettingsKeys } from '../../lib/storage/live';

type Change = (current: Settings) => Settings | null;

/** Changes asked for on this page that have not run yet, oldest first. */
const waiting: Change[] = [];
/**
 * What the running change is writing, once its run has computed it: shown as the stored settings
 * until it is written. (The change is then out of `waiting`: each change is called last by its
 * own run, so what it notes on the side is the run's.)
 */
let saving: Settings | null = null;
/** Bumped as each run starts and ends: a read begun in another era (it may predate a write) is not told. */
let era = 0;
/** The stored settings as last read or written here (null before the first read). */
let stored: Settings | null = null;
const readers = new Set<(s: Settings) => void>();
let unwatch: (() => void) | null = null;

/** `s` with the waiting changes applied in order; one that refuses or is invalid is left out. */
function shown(s: Settings): Settings {
  return waiting.reduce((acc, change) => {
    const next = change(acc);
    return (next && validSettings(next)) ?? acc;
  }, s);
}

function tell(): void {
  if (stored === null) return;
  const s = shown(saving ?? stored);
  for (const read of readers) read(s);
}

/** Reads the stored settings (on a storage change, or once a run is over) and tells them. */
function reread(): void {
  const at = era;
  void loadSettings().then(
    (s) => {
      if (at !== era) return;
      stored = s;
      tell();
    },
    () => undefined,
  );
}

/** Tells `cb` the settings shown on this page whenever they change. Returns the stop. */
export function followSettings(cb: (s: Settings) => void): () => void {
  readers.add(cb);
  unwatch ??= watchSettingsKeys(reread);
  return () => {
    readers.delete(cb);
    if (readers.size === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

async function loadShown(): Promise<Settings> {
  const at = era;
  const s = await loadSettings();
  if (at === era) stored = s;
  return shown(stored ?? s);
}

/** The settings in force, with this page's changes being saved, kept live (null until the first read). */
export function useSettings(): Settings | null {
  return useStored(loadShown, followSettings);
}

/** Whether the settings reach the browser's sync storage, kept live (null until the first read). */
export function useSyncState(): SyncState | null {
  return useStored(loadSyncState, watchSyncState);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Changes the stored settings: reads the latest stored value, applies `change`, validates the
 * result with the settings schema and saves it. Changes made from one page run one at a time,
 * so quick clicks never undo each other, and the page shows each at once (a refused or failed
 * one is taken back when it runs). Resolves to the saved settings, or null when nothing was
 * saved: the result was invalid, or `change` refused by returning null (a field error).
 * Rejects when storage failed.
 */
export function updateSettings(change: Change): Promise<Settings | null> {
  waiting.push(change);
  tell();
  const run = queue.then(async () => {
    era++;
    try {
      const current = await loadSettings();
      waiting.splice(waiting.indexOf(change), 1);
      const next = change(current);
      const valid = next && validSettings(next);
      if (!valid) return null;
      saving = valid;
      await saveSettings(valid);
      stored = valid;
      return valid;
    } finally {
      const i = waiting.indexOf(change);
      if (i >= 0) waiting.splice(i, 1); // the read failed before the change ran
      saving = null;
      era++;
      tell();
      if (readers.size > 0) reread();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
