/**
 * What the popup and badge are built from (view.ts) at the end of working hours, found by a
 * mutation hunt (a variant that named a break falling exactly at the end passed every other test).
 * Measured against what then happens: the prompts the tracker really makes, woken as the
 * background wakes it, in Berlin, Monday 2 March 2026, working hours 9:00–17:30.
 */
import { describe, expect, it } from 'vitest';
import { berlin, MIN, WEEKDAYS, WokenSim } from '../../tests/tracker-rules-sim';
import { view } from './tracker';

/** Active from `start`, 50 minutes of desk time to a stretch break. */
function from(start: number): WokenSim {
  const sim = new WokenSim(WEEKDAYS, start);
  sim.send({ type: 'activity', state: 'active' }, start);
  return sim;
}

describe('the next break at the end of working hours', () => {
  it('a break that would fall exactly at 17:30 is not promised: none comes, and the view names the end instead', () => {
    const sim = from(berlin(16, 40));
    sim.runUntil(berlin(17));
    const v = view(sim.state, sim.settings, sim.env);
    expect(v.next).toBeNull();
    expect(v.hoursEnd).toBe(berlin(17, 30));
    sim.runUntil(berlin(17, 45));
    expect(sim.prompts()).toEqual([]);
  });

  it('a break at 17:29 is promised, and comes then', () => {
    const sim = from(berlin(16, 39));
    sim.runUntil(berlin(17));
    const v = view(sim.state, sim.settings, sim.env);
    expect(v.next?.at).toBe(berlin(17, 29));
    expect(v.hoursEnd).toBeNull();
    sim.runUntil(berlin(17, 45));
    expect(sim.prompts().map((p) => p.at)).toEqual([berlin(17, 29)]);
    expect(berlin(17, 29) - berlin(16, 39)).toBe(50 * MIN); // the configured interval
  });
});
