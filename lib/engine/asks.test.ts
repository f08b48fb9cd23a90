/**
 * When the worker asks the browser what the person is in (lib/engine/asks.ts): at decision
 * moments only, measured against the configured interval and heads-up lead.
 */
import { describe, expect, it } from 'vitest';
import { BASE, MIN, MON_0800 } from '../../tests/tracker-rules-sim';
import { initialState, type TrackerEvent } from '../tracker/tracker';
import { asksBrowser } from './asks';

const tick: TrackerEvent = { type: 'tick' };
const S = { ...BASE, headsUpSec: 60 as const }; // a stretch break every 50 min of desk time, a heads-up 1 min before
const fresh = initialState(MON_0800);
const DUE = MON_0800 + 50 * MIN;

describe('asking the browser', () => {
  it('not in the middle of desk time, nor with no state yet', () => {
    expect(asksBrowser(fresh, S, MON_0800 + 20 * MIN, tick)).toBe(false);
    expect(asksBrowser(null, S, MON_0800, tick)).toBe(false);
  });
  it('at the heads-up and when the break falls due, with holds on', () => {
    expect(asksBrowser(fresh, S, DUE - MIN - 1000, tick)).toBe(false);
    expect(asksBrowser(fresh, S, DUE - MIN, tick)).toBe(true);
    expect(asksBrowser(fresh, S, DUE, tick)).toBe(true);
    expect(asksBrowser(fresh, { ...S, hold: { enabled: false, maxMin: 30 } }, DUE, tick)).toBe(false);
  });
  it('while a break is held, at an idle report and while sitting still, whatever is due', () => {
    expect(asksBrowser({ ...fresh, deferredSince: DUE }, S, DUE + 5 * MIN, tick)).toBe(true);
    expect(asksBrowser(fresh, S, MON_0800 + 20 * MIN, { type: 'activity', state: 'idle' })).toBe(true);
    expect(asksBrowser(fresh, S, MON_0800 + 20 * MIN, { type: 'activity', state: 'active' })).toBe(false);
    expect(asksBrowser({ ...fresh, still: true }, { ...S, hold: { enabled: false, maxMin: 30 } }, MON_0800 + 20 * MIN, tick)).toBe(true);
  });
});
