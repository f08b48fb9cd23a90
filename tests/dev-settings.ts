/**
 * How the browser tests (and the bench) write settings: what the options form allows goes to the
 * settings (both storage areas, as the extension saves them); timing faster than a person may set
 * goes to the developer switch (`storage.local` `devTiming`, lib/dev-timing.ts), which only the
 * background reads. Pure: the callers write the two values.
 */
import { DEV_TIMING_FIELDS, type DevTiming } from '../lib/dev-timing';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../lib/settings';

export function splitTestSettings(current: { settings?: unknown; devTiming?: unknown }, defaults: Partial<Settings>, patch: Partial<Settings>): { settings: Settings; devTiming: DevTiming } {
  const merged = {
    ...DEFAULT_SETTINGS,
    ...defaults,
    ...((current.settings as object | undefined) ?? {}),
    ...((current.devTiming as object | undefined) ?? {}),
    ...patch,
  } as Settings;
  const settings: Record<string, unknown> = { ...merged };
  const devTiming: Record<string, unknown> = {};
  for (const k of DEV_TIMING_FIELDS) {
    devTiming[k] = merged[k];
    if (!parseSettings({ ...DEFAULT_SETTINGS, [k]: merged[k] }).ok) settings[k] = DEFAULT_SETTINGS[k];
  }
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new Error(`test settings the form would refuse (besides timing): ${parsed.issues.join('; ')}`);
  return { settings: parsed.value, devTiming: devTiming as DevTiming };
}
