/** The settings' stored shape versions and the steps between them (lib/settings.ts re-exports these). */

/**
 * The settings' shape version. A change that older stored settings or backups do not fit adds a
 * step to SETTINGS_MIGRATIONS; WXT storage runs the steps on stored settings (lib/storage/
 * settings-items.ts) and an import runs them on a backup's (lib/backup-parse.ts).
 */
export const SETTINGS_VERSION = 4;

/** The posture check's default length up to settings v3, and since (v4 migrates the one to the other). */
const OLD_MICRO_DEFAULT_SEC = 20;
export const MICRO_DEFAULT_SEC = 45;

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
  // v4: the posture check's default length went from 20 s to 45 s (every micro routine fits it).
  // Stored settings hold the whole object, with no mark of which fields a person typed, so a
  // 20 s kept from the old default and a 20 s typed on purpose look the same. 20 s was the
  // default of every earlier version and fits no micro routine, so exactly 20 s becomes 45 s;
  // every other length is kept. A person who wants 20 s types it again: a step runs once per version.
  4: (old) => {
    const micro = old.micro as { lengthSec?: unknown } | undefined;
    return micro && typeof micro === 'object' && micro.lengthSec === OLD_MICRO_DEFAULT_SEC ? { ...old, micro: { ...micro, lengthSec: MICRO_DEFAULT_SEC } } : old;
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
