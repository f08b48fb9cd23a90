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
  it('when a postponed break\'s postpone has ended (it may be held, as one falling due), not before', () => {
    const brk = { id: `stretch-${DUE}`, kind: 'stretch' as const, dueAt: DUE, deskMs: 50 * MIN, snoozes: 1, manual: false, promptedAt: DUE };
    const snoozed = { ...fresh, asOf: DUE + 10 * MIN, desk: { micro: 0, stretch: 60 * MIN }, phase: { name: 'snoozed' as const, brk, until: DUE + 15 * MIN } };
    expect(asksBrowser(snoozed, S, DUE + 14 * MIN, tick)).toBe(false);
    expect(asksBrowser(snoozed, S, DUE + 15 * MIN, tick)).toBe(true);
    expect(asksBrowser(snoozed, { ...S, pauseWaitMin: 2, hold: { enabled: false, maxMin: 30 } }, DUE + 15 * MIN, tick)).toBe(true);
    expect(asksBrowser(snoozed, { ...S, hold: { enabled: false, maxMin: 30 } }, DUE + 15 * MIN, tick)).toBe(false);
  });
  it("at an open prompt's reminder (a call may have begun since the prompt), not before it nor after it came, nor with holds off", () => {
    const brk = { id: `stretch-${DUE}`, kind: 'stretch' as const, dueAt: DUE, deskMs: 50 * MIN, snoozes: 0, manual: false, promptedAt: DUE };
    const due = { ...fresh, asOf: DUE, desk: { micro: 0, stretch: 50 * MIN }, phase: { name: 'due' as const, brk, remindAt: DUE + 3 * MIN } };
    expect(asksBrowser(due, S, DUE + 2 * MIN, tick)).toBe(false);
    expect(asksBrowser(due, S, DUE + 3 * MIN, tick)).toBe(true);
    expect(asksBrowser(due, { ...S, hold: { enabled: false, maxMin: 30 } }, DUE + 3 * MIN, tick)).toBe(false);
    expect(asksBrowser({ ...due, phase: { ...due.phase, remindAt: null } }, S, DUE + 10 * MIN, tick)).toBe(false);
  });
  // The return is a decision moment: a break whose desk time was reached before the person left
  // (or paused) falls due as they come back, perhaps still in the call.
  it('back from away or a pause with the desk time reached, and only then', () => {
    const reached = { ...fresh, asOf: DUE, desk: { micro: 0, stretch: 50 * MIN } };
    const back: TrackerEvent = { type: 'activity', state: 'active' };
    const noHolds = { ...S, hold: { enabled: false, maxMin: 30 }, pauseWaitMin: 2 };
    for (const settings of [S, noHolds]) {
      expect(asksBrowser({ ...reached, activity: 'locked', awaySince: DUE }, settings, DUE + MIN, back)).toBe(true);
      expect(asksBrowser({ ...reached, paused: { since: DUE, until: null } }, settings, DUE + MIN, { type: 'resume' })).toBe(true);
      expect(asksBrowser({ ...fresh, activity: 'locked', awaySince: MON_0800 + 20 * MIN }, settings, MON_0800 + 21 * MIN, back)).toBe(false);
    }
  });
});
