/**
 * First-run presets: how breaks should feel. Each maps current settings to new, valid settings
 * (the same validated settings the options page edits; nothing special-cased). A preset sets the
 * break kinds and their intervals, all its card says, and nothing else (strict mode stays as it was).
 */
import { validSettings, type Settings } from './settings';

export const PRESETS = ['gentle', 'balanced', 'focused'] as const;
export type Preset = (typeof PRESETS)[number];

export function applyPreset(current: Settings, preset: Preset): Settings {
  const next: Settings =
    preset === 'gentle'
      ? { ...current, micro: { ...current.micro, enabled: false }, stretch: { ...current.stretch, enabled: true, everySec: 60 * 60 } }
      : preset === 'balanced'
        ? {
            ...current,
            micro: { ...current.micro, enabled: true, everySec: 20 * 60 },
            stretch: { ...current.stretch, enabled: true, everySec: 50 * 60 },
          }
        : { ...current, micro: { ...current.micro, enabled: false }, stretch: { ...current.stretch, enabled: true, everySec: 90 * 60 } };
  const valid = validSettings(next);
  if (!valid) throw new Error(`preset ${preset} gives invalid settings`);
  return valid;
}

/** Which preset the settings match, if any (to show the current choice). */
export function presetOf(s: Settings): Preset | null {
  for (const p of PRESETS) {
    const a = applyPreset(s, p);
    if (a.micro.enabled === s.micro.enabled && a.micro.everySec === s.micro.everySec && a.stretch.everySec === s.stretch.everySec && a.stretch.enabled === s.stretch.enabled) {
      if (p === 'balanced' || !s.micro.enabled) return p;
    }
  }
  return null;
}
