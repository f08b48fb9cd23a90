/** The settings' stored shape versions and the steps between them (lib/settings.ts re-exports these). */

/**
 * The settings' shape version. A change that older stored settings or backups do not fit adds a
 * step to SETTINGS_MIGRATIONS; WXT storage runs the steps on stored settings (lib/storage/
 * settings-items.ts) and an import runs them on a backup's (lib/backup.ts).
 */
export const SETTINGS_VERSION = 3;

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
/** Step `n` turns version n-1 settings into version n. */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v2: the first day of the week (review, streak week) became a setting; it follows the locale.
  2: (old) => ({ ...old, weekStart: old.weekStart ?? 'locale' }),
  // v3: the fullscreen wait became the hold group (fullscreen, sound in view, calls): same switch and bound.
  3: ({ fullscreen, ...old }) => {
    const f = fullscreen as { defer?: unknown; maxMin?: unknown } | undefined;
    return old.hold !== undefined || !f || typeof f !== 'object' ? old : { ...old, hold: { enabled: f.defer, maxMin: f.maxMin } };
  },
};

/**
 * Settings stored or exported at version `from`, brought to version `to` (the current one unless
 * said), not validated. Anything but an object is left for the validator.
 */
export function migrateSettings(raw: unknown, from: number, to = SETTINGS_VERSION): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let value = raw as Record<string, unknown>;
  for (let n = from + 1; n <= to; n++) value = SETTINGS_MIGRATIONS[n]?.(value) ?? value;
  return value;
}
