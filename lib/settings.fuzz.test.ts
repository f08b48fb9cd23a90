/**
 * Fuzzing the settings validators: whatever a person types into any field, and whatever a file
 * or a broken storage holds, invalid input is rejected with a message and never reaches storage.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsOrDefaults } from './settings';
import { parseSettings } from './settings-parse';
import { FIELDS, type FieldId } from './settings-fields';
import { validateField } from './settings-validate';

const FIELD_IDS = Object.keys(FIELDS) as FieldId[];
const MESSAGE_KEYS = new Set(['errRequired', 'errNotNumber', 'errNotWhole', 'errTooSmall', 'errTooLarge', 'errLengthNotShorter']);

const typed = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('', ' ', '-0', '1e3', '0x1F', '١٢', '１２', 'NaN', 'Infinity', '-Infinity', '5 5', '5,5,5', '++5', '5-', '.', ',', '9'.repeat(400), '<script>', '__proto__'),
);

describe('settings fuzz', () => {
  it('any typed text: either valid settings, or a known message and nothing to store', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_IDS), typed, (field, text) => {
        const before = JSON.stringify(DEFAULT_SETTINGS);
        const r = validateField(DEFAULT_SETTINGS, field, text);
        expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(before); // the input object is never mutated
        if (r.ok) {
          expect(parseSettings(r.settings).ok).toBe(true);
          const spec = FIELDS[field];
          const n = spec.get(r.settings);
          expect(n).toBeGreaterThanOrEqual(spec.min);
          expect(n).toBeLessThanOrEqual(spec.max);
        } else {
          expect(MESSAGE_KEYS.has(r.error.key)).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 42 },
    );
  });

  it('any stored or imported value: parsed strictly, salvaged field by field, never throws', () => {
    const anyValue = fc.anything({ withBoxedValues: true, withNullPrototype: true, withObjectString: true, maxDepth: 4 });
    const mutated = fc.record({ key: fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as Array<keyof typeof DEFAULT_SETTINGS>)), value: anyValue }).map(({ key, value }) => ({ ...DEFAULT_SETTINGS, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(anyValue, mutated), (raw) => {
        const r = parseSettings(raw);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        const s = settingsOrDefaults(raw);
        expect(parseSettings(s).ok).toBe(true);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('hostile shapes are rejected: prototype keys, huge lists, absurd numbers', () => {
    const bad = [
      { ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, excluded: Array.from({ length: 500 }, (_, i) => `r-${i}`) } },
      { ...DEFAULT_SETTINGS, stretch: { enabled: true, everySec: 1e12, lengthSec: 60 } },
      { ...DEFAULT_SETTINGS, snoozeSec: Number.NaN },
      { ...DEFAULT_SETTINGS, schedule: { enabled: true, days: [[{ from: 0, to: 60 }]] } },
      { ...DEFAULT_SETTINGS, schedule: { enabled: true, days: Array.from({ length: 7 }, () => Array.from({ length: 50 }, () => ({ from: 0, to: 60 }))) } },
      { ...DEFAULT_SETTINGS, sound: { chime: true, volume: 7, voice: false } },
      { ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, positions: [] } },
    ];
    for (const raw of bad) expect(parseSettings(raw).ok).toBe(false);
  });

  it('prototype keys in a stored or imported value reach no prototype, through parsing or salvage', () => {
    // JSON.parse makes "__proto__" an own key (an object literal would set the prototype instead):
    // the shape a file or a broken storage really holds. At the top and inside a section.
    const hostile = JSON.parse(
      JSON.stringify(DEFAULT_SETTINGS).replace('{', '{"__proto__":{"polluted":true},').replace('"routines":{', '"routines":{"__proto__":{"polluted":true},'),
    ) as Record<string, unknown>;
    expect(Object.hasOwn(hostile, '__proto__')).toBe(true);
    expect(Object.hasOwn(hostile.routines as object, '__proto__')).toBe(true);
    const parsed = parseSettings(hostile);
    const results = [settingsOrDefaults(hostile), settingsOrDefaults({ ...hostile, idleSec: 'broken' }), ...(parsed.ok ? [parsed.value] : [])];
    for (const s of results) {
      for (const o of [s, s.routines] as object[]) {
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
        expect(Object.hasOwn(o, '__proto__')).toBe(false);
        expect((o as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

afterEach(() => {
  // A failure above must not leak into other tests.
  delete (Object.prototype as Record<string, unknown>).polluted;
});
