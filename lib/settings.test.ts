import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsOrDefaults, type Settings } from './settings';
import { parseSettings } from './settings-parse';
import { FIELDS, type FieldId } from './settings-fields';
import { validateField } from './settings-validate';

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
      const { min, max } = FIELDS[id];
      let accepted = 0;
      for (const input of [String(min), String(max), '1', '5', '15', '30', '120', '240', '600', '-1', '9999']) {
        const r = validateField(DEFAULT_SETTINGS, id, input);
        if (!r.ok) continue;
        accepted++;
        expect(parseSettings(r.settings).ok, `${id} = ${input}`).toBe(true);
      }
      // The check above ran: at least the field's own limits were accepted.
      expect(accepted, id).toBeGreaterThanOrEqual(2);
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
  it('refuses seconds-long intervals: stored, synced and imported settings follow the form', () => {
    const fast = { ...DEFAULT_SETTINGS, stretch: { enabled: true, everySec: 5, lengthSec: 2 } };
    expect(parseSettings(fast).ok).toBe(false);
    expect(settingsOrDefaults(fast).stretch).toEqual(DEFAULT_SETTINGS.stretch);
  });
});

describe('the schema holds exactly the form limits', () => {
  // For every form field: its smallest and largest value parse; one step beyond either does not.
  // The outside reference is FIELDS, what a person can type; the schema must agree at both ends.
  const base: Settings = { ...DEFAULT_SETTINGS, micro: { enabled: true, everySec: 120 * 60, lengthSec: 10 }, stretch: { enabled: true, everySec: 240 * 60, lengthSec: 60 } };
  for (const id of Object.keys(FIELDS) as FieldId[]) {
    const spec = FIELDS[id];
    const step = spec.integer ? 1 : 0.1;
    it(`${id}: ${spec.min}..${spec.max}`, () => {
      expect(parseSettings(spec.set(base, spec.min)).ok).toBe(true);
      expect(parseSettings(spec.set(base, spec.max)).ok).toBe(true);
      expect(parseSettings(spec.set(base, spec.min - step)).ok).toBe(false);
      expect(parseSettings(spec.set(base, spec.max + step)).ok).toBe(false);
      // One second beyond, for the fields kept in seconds but typed in minutes or hours.
      expect(parseSettings(spec.set(base, spec.min - 1 / 60)).ok).toBe(false);
      expect(parseSettings(spec.set(base, spec.max + 1 / 60)).ok).toBe(false);
    });
  }
  it('durations the form sets in whole minutes are whole minutes (601 s or a 90-second stretch break cannot be typed)', () => {
    expect(parseSettings({ ...base, stretch: { enabled: true, everySec: 601, lengthSec: 60 } }).ok).toBe(false);
    expect(parseSettings({ ...base, stretch: { enabled: true, everySec: 600, lengthSec: 90 } }).ok).toBe(false);
    expect(parseSettings({ ...base, micro: { enabled: true, everySec: 330, lengthSec: 15 } }).ok).toBe(false);
    expect(parseSettings({ ...base, snoozeSec: 90 }).ok).toBe(false);
    expect(parseSettings({ ...base, micro: { enabled: true, everySec: 300, lengthSec: 15 } }).ok).toBe(true);
  });
  it('a break as long as its interval is refused', () => {
    expect(parseSettings({ ...base, micro: { enabled: true, everySec: 300, lengthSec: 120 } }).ok).toBe(true);
    expect(parseSettings({ ...base, stretch: { enabled: true, everySec: 600, lengthSec: 600 } }).ok).toBe(false);
  });
});

describe('the heads-up setting', () => {
  it('takes exactly the form\'s choices (off, 1, 2 min); settings stored without it read as 1 min', () => {
    for (const sec of [0, 60, 120]) expect(parseSettings({ ...DEFAULT_SETTINGS, headsUpSec: sec }).ok).toBe(true);
    for (const bad of [30, 61, 180, -60, '60', null, 1.5]) expect(parseSettings({ ...DEFAULT_SETTINGS, headsUpSec: bad }).ok).toBe(false);
    const { headsUpSec: _h, ...older } = DEFAULT_SETTINGS;
    const r = parseSettings(older);
    expect(r.ok && r.value.headsUpSec).toBe(60);
    // A bad value (a synced or hand-edited one) falls back to the default and keeps everything else.
    expect(settingsOrDefaults({ ...DEFAULT_SETTINGS, snoozeLimit: 4, headsUpSec: 45 })).toMatchObject({ snoozeLimit: 4, headsUpSec: 60 });
  });
});
