/**
 * The badge's edges, found by a mutation hunt (each test below failed on a broken variant of
 * badge.ts that the other badge tests let pass). Measured against outside references: the
 * postpone the person chose (15 min on the wall clock), the watchdog's
 * period and the badge's 5-minute step. Times are fixed; the zone is Berlin (tests/tracker-rules-sim.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { view } from '../tracker/tracker';
import { BASE, berlin, MIN, WokenSim } from '../../tests/tracker-rules-sim';
import { speak } from '../../tests/support/speak';
import { claim } from '../../tests/support/badge-claim';
import type { TrackerView } from '../tracker/view';
import { badgeFor, minutesLabel } from './badge';

beforeEach(() => speak('en'));


/** A stretch break due at 9:50 (50 min of desk time from 9:00), Berlin, Monday 2 March 2026. */
function dueAtTen(): WokenSim {
  const sim = new WokenSim(BASE, berlin(9));
  sim.send({ type: 'activity', state: 'active' });
  sim.runUntil(berlin(9, 50));
  expect(sim.state.phase.name).toBe('due');
  return sim;
}

describe('the badge over a postpone', () => {
  it('says only what stays true as the wall clock runs to the end of a 15-minute postpone, with no wake between (the computer asleep)', () => {
    const sim = dueAtTen();
    const at = sim.now;
    sim.send({ type: 'snooze', breakId: sim.dueId(), minutes: 15 }, at);
    const v = view(sim.state, sim.settings, sim.env);
    expect(v.phase).toBe('snoozed');
    const end = at + 15 * MIN; // what the person chose, read on a clock
    const { text, title } = badgeFor(v, at, true);
    const [lo, hi] = claim(text);
    for (let t = at; t < end; t += 1000) {
      expect(end - t, `${text} at ${(t - at) / 1000} s`).toBeGreaterThanOrEqual(lo);
      expect(end - t, `${text} at ${(t - at) / 1000} s`).toBeLessThanOrEqual(hi);
    }
    expect(text).toBe('≤15m');
    expect(title).toBe('Limber: next break in at most 15 min');
  });
});

describe('the badge\'s minutes at their edges', () => {
  it('promises "5m+" as soon as 5 whole minutes are sure to be left at the next wake (watchdog period 5 min + 90 s grace)', () => {
    const wakeGap = 6.5 * MIN;
    expect(minutesLabel(wakeGap + 5 * MIN, true)).toBe('5m+');
    expect(minutesLabel(wakeGap + 5 * MIN, true, 'title')).toBe('Limber: next break in at least 5 min');
    // A second less, and only an upper bound is sure.
    expect(minutesLabel(wakeGap + 5 * MIN - 1000, true)).toBe('≤12m');
  });

  it('never writes a negative minute: a hold\'s bound just passed when the badge is set is "at most 0 min"', () => {
    const now = berlin(10);
    const held: TrackerView = {
      phase: 'due', activity: 'active', next: { kind: 'stretch', at: now - 5 * MIN }, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null,
      paused: null, offHours: null, held: { reason: 'call', until: now - 1 }, hoursEnd: null,
    };
    expect(badgeFor({ ...held, phase: 'working' }, now, true)).toMatchObject({ text: '≤0m', title: 'Limber: next break in at most 0 min' });
    for (const late of [1, 30_000, 61_000, 5 * MIN]) {
      expect(minutesLabel(-late, false)).toBe('≤0m');
      expect(minutesLabel(-late, true)).toBe('≤0m');
    }
  });
});
