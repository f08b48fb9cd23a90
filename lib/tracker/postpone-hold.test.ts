/**
 * A postponed break that comes back waits for the right moment as a break falling due does
 * (issue #14): held while the person is in a call, a fullscreen window or sound in view (bounded
 * from the postpone's end), then a pause in typing; "never hold" prompts it on time. A postpone
 * that ends while the person is away or the screen is locked prompts no one: the break comes on
 * their return (or, away for its length, was taken). Berlin, fixed instants.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { BASE, MIN, MON_0800, Sim } from '../../tests/tracker-rules-sim';
import { nextWake, view } from './tracker';
import { badgeFor } from '../platform/badge';
import { HOLD_SETTLE_MS } from './state';

const S: Settings = { ...BASE, hold: { enabled: true, maxMin: 30 } };
const DUE = MON_0800 + 50 * MIN; // BASE: a stretch break every 50 min
const POSTPONED = DUE + 3 * MIN; // "Postpone 15 min" pressed after the prompt (which may wait 2 min for a pause in typing)
const BACK = POSTPONED + 15 * MIN; // when the postpone ends

/** Prompted at DUE (with a wait for a pause in typing, up to 2 min later), postponed 15 min at POSTPONED. */
function postponed(settings: Settings = S): Sim {
  const sim = new Sim(settings, MON_0800);
  sim.runUntil(POSTPONED);
  const p = sim.state.phase;
  if (p.name !== 'due') throw new Error(`not due: ${p.name}`);
  expect(sim.send({ type: 'snooze', breakId: p.brk.id, minutes: 15 }, POSTPONED).refused).toBeUndefined();
  return sim;
}

describe('a postponed break comes back at the right moment', () => {
  it('in a call when the postpone ends: held, the popup says so, and it comes once, a settle after the call', () => {
    const sim = postponed();
    sim.runUntil(BACK - 2 * MIN);
    sim.env = { ...sim.env, call: true }; // joined a call during the postpone
    sim.runUntil(BACK + 10 * MIN + 20_000);
    expect(sim.prompts()).toHaveLength(1); // only the first, at DUE
    expect(view(sim.state, S, sim.env).held).toEqual({ reason: 'call', until: BACK + 30 * MIN });
    sim.env = { ...sim.env, call: false }; // the call ends between two looks
    const ended = sim.now;
    sim.runUntil(ended + 50_000);
    expect(sim.prompts()).toHaveLength(1);
    expect(view(sim.state, S, sim.env).held?.reason).toBe('settle');
    sim.runUntil(ended + 10 * MIN);
    const again = sim.prompts().slice(1);
    expect(again).toHaveLength(1);
    expect(again[0]!.at - ended).toBeGreaterThanOrEqual(HOLD_SETTLE_MS);
    expect(again[0]!.at - ended).toBeLessThanOrEqual(2 * MIN);
    expect(sim.state.phase).toMatchObject({ name: 'due', brk: { snoozes: 1 } });
  });

  it('a call that never ends still gets the break, at the bound counted from the postpone\'s end', () => {
    for (const maxMin of [1, 30]) {
      const s = { ...S, hold: { enabled: true, maxMin } };
      const sim = postponed(s);
      sim.env = { ...sim.env, call: true };
      sim.runUntil(BACK + (maxMin + 5) * MIN);
      expect(sim.prompts().map((p) => p.at)).toEqual([DUE, BACK + maxMin * MIN]);
    }
  });

  it('"never hold" brings it back on time whatever the person is in', () => {
    const s = { ...S, hold: { enabled: false, maxMin: 30 } };
    const sim = postponed(s);
    sim.env = { ...sim.env, call: true, fullscreen: true, sound: true };
    sim.runUntil(BACK + 5 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([DUE, BACK]);
  });

  it('typing when the postpone ends: it waits for a pause in typing (the idle at the lowered interval), at most the wait\'s bound', () => {
    const s = { ...S, pauseWaitMin: 2 };
    const paused = postponed(s);
    paused.runUntil(BACK + 30_000);
    expect(paused.prompts()).toHaveLength(1);
    expect(view(paused.state, s, paused.env).held).toEqual({ reason: 'typing', until: BACK + 2 * MIN });
    paused.send({ type: 'activity', state: 'idle' }, BACK + 45_000); // 15 s without input
    expect(paused.prompts().map((p) => p.at)).toEqual([DUE + 2 * MIN, BACK + 45_000]);

    const busy = postponed(s);
    busy.runUntil(BACK + 5 * MIN);
    expect(busy.prompts().map((p) => p.at)).toEqual([DUE + 2 * MIN, BACK + 2 * MIN]);
  });

  it('postponed from its heads-up: in a call when the postpone ends, held too; no second heads-up', () => {
    const s = { ...S, headsUpSec: 60 as const };
    const sim = new Sim(s, MON_0800);
    sim.runUntil(DUE - MIN);
    const headsUp = sim.effects.find((e) => e.type === 'headsUp');
    if (headsUp?.type !== 'headsUp') throw new Error('no heads-up');
    expect(sim.send({ type: 'snooze', breakId: headsUp.headsUp.id, minutes: 5 }).refused).toBeUndefined();
    sim.env = { ...sim.env, call: true };
    sim.runUntil(DUE + 20 * MIN);
    expect(sim.prompts()).toEqual([]);
    expect(view(sim.state, s, sim.env).held).toEqual({ reason: 'call', until: DUE + 5 * MIN + 30 * MIN });
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([DUE + 35 * MIN]);
    expect(sim.effects.filter((e) => e.type === 'headsUp')).toHaveLength(1);
  });

  it('strict mode: its one postpone comes back held as well, then offers no second one and no Skip', () => {
    const s = { ...S, strict: true };
    const sim = postponed(s);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(BACK + 40 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([DUE, BACK + 30 * MIN]);
    expect(view(sim.state, s, sim.env).open).toMatchObject({ snoozes: 1, canSnooze: false, canSkip: false });
  });

  it('"Start" during the wait starts the break; it is not prompted afterwards', () => {
    const sim = postponed();
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(BACK + 5 * MIN);
    const p = sim.state.phase;
    if (p.name !== 'snoozed') throw new Error(`not snoozed: ${p.name}`);
    sim.send({ type: 'start', breakId: p.brk.id });
    expect(sim.state).toMatchObject({ phase: { name: 'onBreak' }, deferredSince: null });
    sim.runUntil(BACK + 40 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });

  it('a postpone that ends while the screen is locked prompts no one, and asks for no wake; back soon, the break comes then', () => {
    const sim = postponed();
    sim.runUntil(BACK - MIN);
    sim.send({ type: 'activity', state: 'locked' }, BACK - MIN);
    sim.runUntil(BACK + 2 * MIN);
    expect(sim.prompts()).toHaveLength(1);
    expect(nextWake(sim.state, S, sim.env)).toBeNull();
    sim.send({ type: 'activity', state: 'active' }, BACK + 2 * MIN); // away 3 min, the stretch break's length: taken
    expect(sim.prompts()).toHaveLength(1);
    expect(sim.records()).toEqual([expect.objectContaining({ outcome: 'natural' })]);

    const brief = postponed();
    brief.runUntil(BACK - MIN);
    brief.send({ type: 'activity', state: 'locked' }, BACK - MIN);
    brief.runUntil(BACK + MIN);
    expect(brief.prompts()).toHaveLength(1);
    brief.send({ type: 'activity', state: 'active' }, BACK + MIN); // away 2 min, less than the break
    expect(brief.prompts().map((p) => p.at)).toEqual([DUE, BACK + MIN]);
    expect(brief.records()).toEqual([]);
  });

  it('idle when the postpone ends: neither the badge nor the popup counts down to a moment that brings nothing ("≤2m", then "0:00", for as long as they sit still)', () => {
    const sim = postponed();
    sim.runUntil(BACK - 2 * MIN);
    sim.send({ type: 'activity', state: 'idle' }, BACK - 2 * MIN); // reading, hands off the keyboard
    // The badge is set at this event and at the next wake only: what it says must hold until then.
    const badge = badgeFor(view(sim.state, S, sim.env), sim.now, true).text;
    const wake = nextWake(sim.state, S, sim.env);
    expect(badge === '' || (wake !== null && wake <= BACK)).toBe(true);
    sim.runUntil(BACK + 10 * MIN);
    expect(sim.prompts()).toHaveLength(1); // still nothing while they sit still (as intended)
    expect(view(sim.state, S, sim.env).next).toBeNull(); // the popup: "away", not a countdown stuck at 0:00
    sim.send({ type: 'activity', state: 'active' }, BACK + 10 * MIN); // still for 12 min: the break's length, taken
    expect(sim.records()).toEqual([expect.objectContaining({ outcome: 'natural' })]);
  });
});
