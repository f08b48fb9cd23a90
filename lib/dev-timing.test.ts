import { describe, expect, it } from 'vitest';
import { withDevTiming } from './dev-timing';
import { DEFAULT_SETTINGS } from './settings';
import { parseSettings } from './settings-parse';

describe('the developer switch', () => {
  it('lays seconds-long timing over the settings in force, nothing else', () => {
    const fast = { stretch: { enabled: true, everySec: 5, lengthSec: 2 }, snoozeSec: 3 };
    const s = withDevTiming({ ...DEFAULT_SETTINGS, strict: true }, fast);
    expect(s.stretch).toEqual(fast.stretch);
    expect(s.snoozeSec).toBe(3);
    expect(s.strict).toBe(true);
    expect(s.micro).toEqual(DEFAULT_SETTINGS.micro);
    // What it produces is exactly what stored settings may never hold.
    expect(parseSettings(s).ok).toBe(false);
    expect(withDevTiming(DEFAULT_SETTINGS, fast)).not.toBe(DEFAULT_SETTINGS);
  });
  it('is ignored when absent or malformed (settings stay as they are)', () => {
    for (const raw of [null, undefined, 42, 'x', { stretch: { enabled: true, everySec: 0, lengthSec: 2 } }, { idleSec: 5 }]) {
      expect(withDevTiming(DEFAULT_SETTINGS, raw)).toBe(DEFAULT_SETTINGS);
    }
  });
  it("carries the hold's bound in minute fractions and its settle and look in seconds, which stored settings refuse", () => {
    const fast = { hold: { enabled: true, maxMin: 0.25 }, holdSettleSec: 10, holdRecheckSec: 5 };
    const s = withDevTiming(DEFAULT_SETTINGS, fast) as typeof DEFAULT_SETTINGS & { holdSettleSec?: number; holdRecheckSec?: number };
    expect(s.hold).toEqual(fast.hold);
    expect([s.holdSettleSec, s.holdRecheckSec]).toEqual([10, 5]);
    expect(parseSettings({ ...DEFAULT_SETTINGS, hold: fast.hold }).ok).toBe(false);
    for (const bad of [{ holdSettleSec: 0 }, { holdRecheckSec: 1.5 }, { hold: { enabled: true, maxMin: 0 } }]) {
      expect(withDevTiming(DEFAULT_SETTINGS, bad)).toBe(DEFAULT_SETTINGS);
    }
  });
  it('drops keys it does not know instead of passing them through', () => {
    const s = withDevTiming(DEFAULT_SETTINGS, { snoozeSec: 4, strict: true, schedule: null });
    expect(s.strict).toBe(false);
    expect(s.schedule).toEqual(DEFAULT_SETTINGS.schedule);
  });
});
