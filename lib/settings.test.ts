import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FIELDS, parseSettings, settingsOrDefaults, validateField, type FieldId } from './settings';

describe('validateField', () => {
  const bad: Array<[FieldId, string, string]> = [
    ['stretch.everyMin', '0', 'errTooSmall'],
    ['stretch.everyMin', '-5', 'errTooSmall'],
    ['stretch.everyMin', 'abc', 'errNotNumber'],
    ['stretch.everyMin', '', 'errRequired'],
    ['stretch.everyMin', '   ', 'errRequired'],
    ['stretch.everyMin', '12.5', 'errNotWhole'],
    ['stretch.everyMin', '100000', 'errTooLarge'],
    ['stretch.everyMin', '1e9', 'errNotNumber'],
    ['stretch.everyMin', 'Infinity', 'errNotNumber'],
    ['stretch.everyMin', 'NaN', 'errNotNumber'],
    ['stretch.everyMin', '0x10', 'errNotNumber'],
    ['stretch.lengthMin', '0', 'errTooSmall'],
    ['stretch.lengthMin', '31', 'errTooLarge'],
    ['micro.lengthSec', '5', 'errTooSmall'],
    ['idleSec', '14', 'errTooSmall'],
    ['snoozeLimit', '6', 'errTooLarge'],
  ];
  it.each(bad)('%s = %j is rejected with %s', (field, input, key) => {
    const r = validateField(DEFAULT_SETTINGS, field, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe(key);
  });

  it('accepts good values and converts units', () => {
    const r = validateField(DEFAULT_SETTINGS, 'stretch.everyMin', ' 45 ');
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, everySec: 2700 } } });
    const m = validateField(DEFAULT_SETTINGS, 'micro.lengthSec', '30');
    expect(m.ok && m.settings.micro.lengthSec).toBe(30);
  });

  it('rejects a break as long as its interval', () => {
    const s = { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, everySec: 10 * 60 } };
    const r = validateField(s, 'stretch.lengthMin', '10');
    expect(r.ok || r.error.key).toBe('errLengthNotShorter');
  });

  it('round-trips every field through get/set', () => {
    for (const id of Object.keys(FIELDS) as FieldId[]) {
      const v = FIELDS[id].get(DEFAULT_SETTINGS);
      const r = validateField(DEFAULT_SETTINGS, id, String(v));
      expect(r.ok, id).toBe(true);
      if (r.ok) expect(r.settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('never returns settings that fail the schema', () => {
    for (const id of Object.keys(FIELDS) as FieldId[]) {
      for (const input of ['1', '5', '15', '30', '120', '240', '600', '-1', '9999']) {
        const r = validateField(DEFAULT_SETTINGS, id, input);
        if (r.ok) expect(parseSettings(r.settings).ok).toBe(true);
      }
    }
  });
});

describe('parseSettings', () => {
  it('rejects malformed stored values and falls back to defaults', () => {
    for (const raw of [null, 42, 'x', {}, [], { ...DEFAULT_SETTINGS, idleSec: 5 }, { ...DEFAULT_SETTINGS, stretch: { enabled: 'yes' } }]) {
      expect(parseSettings(raw).ok).toBe(false);
      expect(settingsOrDefaults(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });
  it('keeps every valid field of a partly broken or older stored value', () => {
    const raw = { stretch: { enabled: true, everySec: 1800, lengthSec: 120 }, idleSec: 5, snoozeLimit: 4, unknown: 1 };
    expect(settingsOrDefaults(raw)).toEqual({ ...DEFAULT_SETTINGS, stretch: raw.stretch, snoozeLimit: 4 });
  });
  it('accepts seconds-long intervals in storage (used by the end-to-end tests)', () => {
    const fast = { ...DEFAULT_SETTINGS, stretch: { enabled: true, everySec: 5, lengthSec: 2 } };
    expect(parseSettings(fast)).toEqual({ ok: true, value: fast });
  });
});
