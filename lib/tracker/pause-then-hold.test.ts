/**
 * A break that falls due while the person types waits for a pause in input or a tab switch
 * (moment.ts). If what comes then is a call joined, a video made fullscreen or a tab that plays
 * sound, the person is "in something" (hold.ts): the break is held as one that fell due then
 * would be, its bound counted from when it fell due, and the popup says why, rather than prompted
 * in the first minute of the call (issue #14: "prompts that land inside a call: 0 before the bound").
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { BASE, MIN, MON_0800, Sim } from '../../tests/tracker-rules-sim';
import { idleDetectionSec, view } from './tracker';

const S: Settings = { ...BASE, idleSec: 60, hold: { enabled: true, maxMin: 30 }, pauseWaitMin: 2 };
const DUE = MON_0800 + BASE.stretch.everySec * 1000;

describe('a break waiting for a pause, then something holds it', () => {
  it('a switch to the tab of a call (sound there): held by the call, not prompted in it; the break comes a minute or two after it ends', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, tab: 1 };
    sim.runUntil(DUE);
    expect(view(sim.state, S).held).toEqual({ reason: 'pause', until: DUE + 2 * MIN });
    // 20 s later the person switches to their meeting's tab, which plays the others' voices.
    sim.runUntil(DUE + 20_000);
    sim.env = { ...sim.env, tab: 2, sound: true, call: true };
    sim.runUntil(DUE + 20 * MIN);
    expect(sim.prompts()).toEqual([]);
    expect(view(sim.state, S).held).toEqual({ reason: 'call', until: DUE + 30 * MIN });
    // Held, not waiting for a pause: the idle detection is back to "away after".
    expect(idleDetectionSec(sim.state, S)).toBe(60);
    // The call ends: the break comes within a minute or two, not in the first second.
    sim.env = { ...sim.env, sound: false, call: false };
    sim.runUntil(DUE + 25 * MIN);
    const p = sim.prompts();
    expect(p).toHaveLength(1);
    expect(p[0]!.at).toBeGreaterThan(DUE + 20 * MIN + MIN);
    expect(p[0]!.at).toBeLessThanOrEqual(DUE + 20 * MIN + 2 * MIN);
  });

  it('a video made fullscreen and watched without input: held until the bound, counted from when the break fell due', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, tab: 1 };
    sim.runUntil(DUE);
    sim.env = { ...sim.env, fullscreen: true };
    // Input stopped at DUE + 30 s; at the lowered interval the browser says idle 15 s later.
    sim.send({ type: 'activity', state: 'idle' }, DUE + 45_000);
    expect(sim.prompts()).toEqual([]);
    expect(view(sim.state, S).held).toEqual({ reason: 'fullscreen', until: DUE + 30 * MIN });
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + 30 * MIN })]);
  });

  it('holds off ("never hold"): the wait for a pause ends as before, at the switch', () => {
    const off = { ...S, hold: { enabled: false, maxMin: 30 } };
    const sim = new Sim(off, MON_0800);
    sim.env = { ...sim.env, tab: 1 };
    sim.runUntil(DUE);
    sim.env = { ...sim.env, tab: 2, sound: true, call: true };
    sim.runUntil(DUE + 5 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + MIN })]);
  });
});
