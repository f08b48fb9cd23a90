import { describe, expect, it } from 'vitest';
import { applyPreset, presetOf, PRESETS } from './presets';
import { DEFAULT_SETTINGS } from './settings';
import { parseSettings } from './settings-parse';

describe('presets', () => {
  it('each maps to valid settings', () => {
    for (const p of PRESETS) expect(parseSettings(applyPreset(DEFAULT_SETTINGS, p)).ok).toBe(true);
  });
  it('gentle: a stretch break every 60 min, no posture checks', () => {
    const s = applyPreset(DEFAULT_SETTINGS, 'gentle');
    expect(s.stretch).toMatchObject({ enabled: true, everySec: 3600 });
    expect(s.micro.enabled).toBe(false);
  });
  it('balanced: posture check every 20 min and a stretch every 50', () => {
    const s = applyPreset({ ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } }, 'balanced');
    expect(s.micro).toMatchObject({ enabled: true, everySec: 1200 });
    expect(s.stretch).toMatchObject({ enabled: true, everySec: 3000 });
  });
  it('focused: a stretch break every 90 min, strict off', () => {
    const s = applyPreset({ ...DEFAULT_SETTINGS, strict: true }, 'focused');
    expect(s.stretch.everySec).toBe(5400);
    expect(s.strict).toBe(false);
    expect(s.micro.enabled).toBe(false);
  });
  it('keeps everything else (schedule, routines) as it was', () => {
    const withHours = { ...DEFAULT_SETTINGS, schedule: { ...DEFAULT_SETTINGS.schedule, enabled: true } };
    expect(applyPreset(withHours, 'gentle').schedule).toEqual(withHours.schedule);
  });
  it('recognises the preset the settings match', () => {
    for (const p of PRESETS) expect(presetOf(applyPreset(DEFAULT_SETTINGS, p))).toBe(p);
    expect(presetOf({ ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, everySec: 1234 } })).toBeNull();
  });
});
