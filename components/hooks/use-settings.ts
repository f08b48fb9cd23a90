import { useStored } from './use-stored';
import { parseSettings, type Settings } from '../../lib/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/storage/settings-items';

/** The settings in force, kept live (null until the first read). */
export function useSettings(): Settings | null {
  return useStored(loadSettings, watchSettings);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Changes the stored settings: reads the latest stored value, applies `change`, validates the
 * result with the settings schema and saves it. Changes made from one page run one at a time,
 * so quick clicks never undo each other. Resolves to the saved settings, or null when the
 * result was invalid (then nothing is saved).
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings | null> {
  const run = queue.then(async () => {
    const parsed = parseSettings(change(await loadSettings()));
    if (!parsed.ok) return null;
    await saveSettings(parsed.value);
    return parsed.value;
  });
  queue = run.catch(() => undefined);
  return run;
}
