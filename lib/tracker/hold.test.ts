/**
 * Holds (lib/tracker/hold.ts): a due break waits while a window is fullscreen, the tab in view
 * plays sound, or a call is on; bounded by the configured minutes; after the hold ends, a settle
 * of a minute. Measured against the configured interval and bound and the env's changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { BASE, MIN, MON_0800, Sim } from '../../tests/tracker-rules-sim';
import { nextWake, view, wantsWatchdog, WATCHDOG_MS, type Env } from './tracker';
import { HOLD_SETTLE_MS } from './state';

const S: Settings = { ...BASE, hold: { enabled: true, maxMin: 30 } };
const DUE = MON_0800 + 50 * MIN; // BASE: a stretch break every 50 min

describe('holds', () => {
  it('sound in the tab in view holds a due break; the popup says so and until when', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, sound: true };
    sim.runUntil(DUE + 10 * MIN);
    expect(sim.prompts()).toHaveLength(0);
    expect(view(sim.state, S, sim.env).held).toEqual({ reason: 'sound', until: DUE + 30 * MIN });
  });

  it('a call that never ends still gets its break, at the bound', () => {
    for (const maxMin of [1, 30, 120]) {
      const s = { ...S, hold: { enabled: true, maxMin } };
      const sim = new Sim(s, MON_0800);
      sim.env = { ...sim.env, call: true };
      sim.runUntil(DUE + (maxMin + 5) * MIN);
      expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + maxMin * MIN })]);
    }
  });

  it('"never hold" prompts on time whatever the user is in', () => {
    const s = { ...S, hold: { enabled: false, maxMin: 30 } };
    const sim = new Sim(s, MON_0800);
    sim.env = { ...sim.env, call: true, sound: true, fullscreen: true };
    sim.runUntil(DUE + 5 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE })]);
  });

  it('after the hold ends, the prompt comes after a settle: not at once, within two minutes', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, sound: true };
    sim.runUntil(DUE + 10 * MIN + 20_000);
    sim.env = { ...sim.env, sound: false }; // the call ends at due + 10:20
    const ended = sim.now;
    sim.runUntil(ended + 50_000);
    expect(sim.prompts()).toHaveLength(0);
    expect(view(sim.state, S, sim.env).held?.reason).toBe('settle');
    sim.runUntil(ended + 5 * MIN);
    const p = sim.prompts()[0]!;
    expect(p.at - ended).toBeGreaterThanOrEqual(60_000);
    expect(p.at - ended).toBeLessThanOrEqual(120_000);
  });

  it("the developer switch's settle and look (tests only) replace the minute each; settings without them keep the minute", () => {
    // Measured against the configured figures: the end seen at the next look, the prompt a settle after it.
    for (const [settleSec, recheckSec] of [[10, 5], [60, 60]] as const) {
      const s = { ...S, holdSettleSec: settleSec, holdRecheckSec: recheckSec } as Settings;
      const sim = new Sim(s, MON_0800);
      sim.env = { ...sim.env, fullscreen: true };
      sim.runUntil(DUE + 3 * MIN + 1000);
      sim.env = { ...sim.env, fullscreen: false };
      const ended = sim.now;
      sim.runUntil(ended + 5 * MIN);
      const p = sim.prompts()[0]!;
      expect(p.at - ended).toBeGreaterThanOrEqual(settleSec * 1000);
      expect(p.at - ended).toBeLessThanOrEqual((settleSec + recheckSec) * 1000);
    }
  });

  it('sound coming back during the settle holds again, still within the first bound', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(DUE + 5 * MIN);
    sim.env = { ...sim.env, fullscreen: false };
    sim.runUntil(DUE + 6 * MIN + 30_000); // seen ended at +6, settling
    sim.env = { ...sim.env, sound: true };
    sim.runUntil(DUE + 29 * MIN);
    expect(sim.prompts()).toHaveLength(0);
    expect(view(sim.state, S, sim.env).held?.reason).toBe('sound');
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + 30 * MIN })]);
  });

  it('sitting still in a held call: looked at every 5 min, not every minute; the return of input looks at once; the bound is kept', () => {
    for (const maxMin of [7, 30]) {
      const s = { ...S, hold: { enabled: true, maxMin } };
      const sim = new Sim(s, MON_0800);
      sim.env = { ...sim.env, call: true };
      sim.runUntil(DUE - 10 * MIN);
      sim.send({ type: 'activity', state: 'idle' }, DUE - 10 * MIN); // listening, no input: still at the desk
      expect(sim.state.still).toBe(true);
      // Every wake the worker gets (the tracker's own and the watchdog's), from due on.
      const looks: number[] = [];
      for (let guard = 0; guard < 100 && sim.now < DUE + 17 * MIN && sim.prompts().length === 0; guard++) {
        const at = Math.min(nextWake(sim.state, s, sim.env) ?? Infinity, wantsWatchdog(sim.state, s, sim.env) ? sim.now + WATCHDOG_MS : Infinity);
        if (at >= DUE) looks.push(at - DUE);
        sim.send({ type: 'tick' }, at);
      }
      if (maxMin === 7) {
        // The bound, not the next look five minutes on.
        expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + 7 * MIN })]);
        continue;
      }
      expect(sim.prompts()).toHaveLength(0);
      // Held from due: looked at again five minutes on, each time (a minute apart while typing).
      expect(looks.slice(0, 4)).toEqual([0, 5 * MIN, 10 * MIN, 15 * MIN]);
      // The call ends at +17; the person types at +18: that event looks, the settle starts then.
      sim.env = { ...sim.env, call: false };
      sim.send({ type: 'activity', state: 'active' }, DUE + 18 * MIN);
      sim.runUntil(DUE + 25 * MIN);
      expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + 19 * MIN })]);
    }
  });

  it('a look due less than 30 s before the bound is made at the bound itself (an alarm cannot come sooner than 30 s after it)', () => {
    for (const [lastEvent, next] of [
      [DUE + 28 * MIN + 52_000, DUE + 30 * MIN], // the next look would be 8 s before the bound
      [DUE + 28 * MIN + 20_000, DUE + 29 * MIN + 20_000], // 40 s before it: looked at as usual
    ] as const) {
      const sim = new Sim(S, MON_0800);
      sim.env = { ...sim.env, call: true };
      sim.runUntil(DUE + 28 * MIN);
      sim.send({ type: 'tick' }, lastEvent);
      expect(nextWake(sim.state, S, sim.env)).toBe(next);
    }
  });

  it('property: any holds, any bound: exactly one prompt, never later than the bound, never while held before it', () => {
    const change = fc.record({ afterMs: fc.integer({ min: 1_000, max: 20 * MIN }), env: fc.record({ fullscreen: fc.boolean(), sound: fc.boolean(), call: fc.boolean() }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(change, { maxLength: 12 }), (maxMin, changes) => {
        const s = { ...S, hold: { enabled: true, maxMin } };
        const sim = new Sim(s, MON_0800);
        const envAt: Array<{ at: number; env: Env }> = [{ at: MON_0800, env: sim.env }];
        // When the tracker handled an event (so saw the env of that moment).
        const seenAt: number[] = [];
        const send = sim.send.bind(sim);
        sim.send = (e, at = sim.now) => (seenAt.push(at), send(e, at));
        let t = MON_0800 + 45 * MIN;
        for (const c of changes) {
          sim.runUntil(t);
          sim.env = { ...sim.env, ...c.env };
          envAt.push({ at: t, env: sim.env });
          if (sim.prompts().length) break;
          t += c.afterMs;
        }
        sim.runUntil(DUE + (maxMin + 5) * MIN);
        // (The driver's watchdog runs from its last call, so a long unanswered prompt may later
        // count as a sleep and a next break come: only the first break is this property's.)
        const prompts = sim.prompts();
        const first = prompts[0]!;
        expect(prompts.filter((p) => p.type === 'prompt' && first.type === 'prompt' && p.brk.id === first.brk.id)).toHaveLength(1);
        const at = first.at;
        expect(at).toBeGreaterThanOrEqual(DUE);
        expect(at).toBeLessThanOrEqual(DUE + maxMin * MIN);
        if (at < DUE + maxMin * MIN) {
          // A change recorded at the prompt's own instant came after it (the driver runs up to t,
          // then changes the env), so the env the prompt saw is the last one from before.
          const env = envAt.filter((x) => x.at < at).at(-1)!.env;
          expect(env.fullscreen || env.sound || env.call).toBe(false);
          // Not within the settle after a hold seen at or after the due time. Seen: an env from x.at
          // until the next change is what an event in (x.at, next] saw (the driver runs up to a
          // change's instant first); a blip between two looks is never seen, and holds nothing.
          const nextAt = (x: { at: number }) => envAt[envAt.indexOf(x as (typeof envAt)[number]) + 1]?.at ?? Infinity;
          const seen = (x: { at: number }) => seenAt.some((e) => e > x.at && e <= nextAt(x));
          const lastHeld = envAt.filter((x) => x.at < at && (x.env.fullscreen || x.env.sound || x.env.call) && seen(x)).at(-1);
          const heldEnd = lastHeld ? envAt[envAt.indexOf(lastHeld) + 1]?.at : undefined;
          if (heldEnd !== undefined && heldEnd > DUE) expect(at - heldEnd).toBeGreaterThanOrEqual(60_000);
        }
      }),
      // Seeded, so that CI runs what ran here; HOLD_RUNS=20000 HOLD_SEED=<n> for a deeper search
      // (20,000 runs on each of several seeds passed on 2026-12-01).
      { numRuns: Number(process.env.HOLD_RUNS ?? 300), seed: Number(process.env.HOLD_SEED ?? -549429387) },
    );
  });
});

// A hold lives through a short time away (a lock, stepping out of the call for a minute) and a
// clock set back: the bound counts from when the hold began, a hold that ended settles from the
// return. Each of these failed before (a review found them): the break came inside the call on
// the return, in the second of the first keystroke, or 30 min after the clock moved.
describe('a hold across a time away and a clock set back', () => {
  const AWAY: Settings = { ...S, idleSec: 60 };
  it('back from a 1-min lock still in the call: held again, and the bound is still 30 min from when the hold began', () => {
    const sim = new Sim(AWAY, MON_0800);
    sim.env = { ...sim.env, call: true };
    sim.runUntil(DUE + 5 * MIN);
    sim.send({ type: 'activity', state: 'locked' }, DUE + 5 * MIN);
    expect(view(sim.state, AWAY, sim.env).held).toBeNull(); // away: no wait to show
    expect(nextWake(sim.state, AWAY, sim.env)).toBeNull(); // and no wake for it: the return is an event
    sim.send({ type: 'activity', state: 'active' }, DUE + 6 * MIN);
    expect(view(sim.state, AWAY, sim.env).held).toEqual({ reason: 'call', until: DUE + 30 * MIN });
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([DUE + 30 * MIN]);
  });

  it('away for the break itself (4 min > 3): credited, nothing held, no prompt on the return', () => {
    const sim = new Sim(AWAY, MON_0800);
    sim.env = { ...sim.env, call: true };
    sim.runUntil(DUE + 5 * MIN);
    sim.send({ type: 'activity', state: 'locked' }, DUE + 5 * MIN);
    sim.send({ type: 'activity', state: 'active' }, DUE + 9 * MIN);
    expect(sim.state.deferredSince).toBeNull();
    expect(sim.records().map((r) => r.outcome)).toEqual(['natural']);
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.prompts()).toHaveLength(0);
  });

  it('the video ends while the person sits still and is then taken as away: the first keystroke starts the settle', () => {
    const sim = new Sim(AWAY, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(DUE - 5 * MIN);
    sim.send({ type: 'activity', state: 'idle' }); // watching: sitting still
    sim.runUntil(DUE);
    sim.env = { ...sim.env, fullscreen: false };
    sim.runUntil(DUE + 5 * MIN + 30_000); // the watchdog's look sees nothing playing: away from then
    expect(sim.state.activity).toBe('idle');
    const back = sim.state.awaySince! + 30_000;
    sim.send({ type: 'activity', state: 'active' }, back);
    sim.runUntil(back + 5 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([back + HOLD_SETTLE_MS]);
  });

  it('the clock set back 1 h after 29 min of a hold: the break comes 1 real minute later, at the bound', () => {
    const sim = new Sim(AWAY, MON_0800);
    sim.env = { ...sim.env, call: true };
    sim.runUntil(DUE + 29 * MIN);
    const back = DUE + 29 * MIN - 60 * MIN;
    sim.send({ type: 'tick' }, back);
    sim.runUntil(back + 5 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([back + MIN]);
  });

  it('the same for a wait for a pause in typing: 1 min waited, clock set back, the bound 1 real minute later', () => {
    const typing: Settings = { ...AWAY, hold: { enabled: false, maxMin: 30 }, pauseWaitMin: 2 };
    const sim = new Sim(typing, MON_0800);
    sim.runUntil(DUE + MIN);
    sim.send({ type: 'tick' }, DUE + MIN); // the last the tracker heard before the jump (it counts only time it saw)
    expect(sim.state.pauseFrom).toBe(DUE);
    const back = DUE + MIN - 60 * MIN;
    sim.send({ type: 'tick' }, back);
    sim.runUntil(back + 5 * MIN);
    expect(sim.prompts().map((p) => p.at)).toEqual([back + MIN]);
  });
});

describe('the stored state v3 -> v4', () => {
  it('a fullscreen hold in progress carries on as one; otherwise nothing holds', async () => {
    const { initialState, migrateV3, migrateV4, migrateV5, migrateV6 } = await import('./tracker');
    const { heldBy: _h, settleAt: _s, still: _st, pauseFrom: _p, pauseTab: _t, lowIdleAt: _l, headsUp: _u, ...v3 } = { ...initialState(MON_0800), v: 3 as const };
    expect(migrateV6(migrateV5(migrateV4(migrateV3(v3))))).toEqual(initialState(MON_0800));
    expect(migrateV3({ ...v3, deferredSince: MON_0800 })).toMatchObject({ v: 4, deferredSince: MON_0800, heldBy: 'fullscreen', settleAt: null });
  });
});
