/**
 * How the browser tests (and the bench) write settings: what the options form allows goes to the
 * settings (both storage areas, as the extension saves them); timing faster than a person may set
 * goes to the developer switch (`storage.local` `devTiming`, lib/dev-timing.ts), which only the
 * background reads. Pure: the callers write the two values.
 */
import { DEV_TIMING_FIELDS, type DevTiming } from '../lib/dev-timing';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { parseSettings } from '../lib/settings-parse';

/** What a test may set: settings, and the switch's fields that no settings have (the hold's settle and recheck). */
export type TestSettings = Partial<Settings> & Pick<DevTiming, 'holdSettleSec' | 'holdRecheckSec'>;

export function splitTestSettings(current: { settings?: unknown; devTiming?: unknown }, defaults: Partial<Settings>, patch: TestSettings): { settings: Settings; devTiming: DevTiming } {
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
    const value = (merged as Record<string, unknown>)[k];
    if (value === undefined) continue;
    const formTakes = k in DEFAULT_SETTINGS && parseSettings({ ...DEFAULT_SETTINGS, [k]: value }).ok;
    // A hold the form takes stays in the settings alone, so that Options can still change it.
    if (k === 'hold' && formTakes) continue;
    devTiming[k] = value;
    if (!(k in DEFAULT_SETTINGS)) delete settings[k];
    else if (!formTakes) settings[k] = DEFAULT_SETTINGS[k as keyof Settings];
  }
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new Error(`test settings the form would refuse (besides timing): ${parsed.issues.join('; ')}`);
  return { settings: parsed.value, devTiming: devTiming as DevTiming };
}
