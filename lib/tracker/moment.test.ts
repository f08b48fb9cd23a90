/**
 * The right moment (lib/tracker/moment.ts): sitting still is still sitting, and a break due while
 * typing waits for a pause in input. Measured against the configured interval, bound and "away
 * after" threshold, and the person's actions (idle reports, what plays), not the code's output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { BASE, MIN, MON_0800, Sim } from '../../tests/tracker-rules-sim';
import { idleDetectionSec, LOW_IDLE_SEC, nextWake, view, type Env } from './tracker';

const S: Settings = { ...BASE, idleSec: 60, hold: { enabled: true, maxMin: 30 }, pauseWaitMin: 2 };
const CLOCK: Settings = { ...S, pauseWaitMin: 0 };
const EVERY = BASE.stretch.everySec * 1000; // 50 min
const DUE = MON_0800 + EVERY;
const nextWakeOf = (sim: Sim) => nextWake(sim.state, sim.settings, sim.env);
const naturals = (sim: Sim) => sim.records().filter((r) => r.outcome === 'natural');

describe('sitting still is still sitting', () => {
  for (const what of ['sound', 'fullscreen'] as const) {
    it(`idle while ${what} plays: desk time goes on, the break comes on time, nothing is credited`, () => {
      for (const settings of [CLOCK, { ...CLOCK, hold: { enabled: false, maxMin: 30 } }]) {
        const sim = new Sim(settings, MON_0800);
        sim.runUntil(MON_0800 + 10 * MIN);
        sim.env = { ...sim.env, [what]: true };
        sim.send({ type: 'activity', state: 'idle' });
        sim.runUntil(MON_0800 + 40 * MIN); // 30 min without input, watching
        expect(sim.state.desk.stretch).toBe(40 * MIN);
        sim.send({ type: 'activity', state: 'active' });
        expect(naturals(sim)).toEqual([]);
        if (!settings.hold.enabled) {
          sim.runUntil(DUE + MIN);
          expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE })]);
        }
      }
    });
  }

  it('once the video stops, away starts when Limber next looks, not retroactively', () => {
    const sim = new Sim(CLOCK, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 10 * MIN);
    sim.send({ type: 'activity', state: 'idle' });
    sim.runUntil(MON_0800 + 21 * MIN);
    const stopped = sim.now;
    sim.env = { ...sim.env, fullscreen: false };
    sim.runUntil(MON_0800 + 40 * MIN);
    // The watchdog looked within 5 minutes of the stop: desk time counted until that look.
    const counted = sim.state.desk.stretch;
    expect(counted).toBeGreaterThanOrEqual(stopped - MON_0800);
    expect(counted).toBeLessThanOrEqual(stopped - MON_0800 + 5 * MIN);
    expect(view(sim.state, CLOCK).activity).toBe('idle');
    sim.send({ type: 'activity', state: 'active' }, MON_0800 + 45 * MIN);
    // Away from that look (>= the 3-min stretch length): a natural break from then, counters reset.
    expect(naturals(sim)).toEqual([expect.objectContaining({ kind: 'stretch', dueAt: MON_0800 + counted })]);
    expect(sim.state.desk.stretch).toBe(0);
    expect(sim.state.lastNaturalAt).toBe(MON_0800 + counted);
  });

  it("'locked' always means away, whatever plays", () => {
    const sim = new Sim(CLOCK, MON_0800);
    sim.env = { ...sim.env, sound: true, fullscreen: true };
    sim.runUntil(MON_0800 + 30 * MIN);
    sim.send({ type: 'activity', state: 'locked' });
    sim.runUntil(MON_0800 + 40 * MIN);
    sim.send({ type: 'activity', state: 'active' });
    expect(naturals(sim)).toEqual([expect.objectContaining({ kind: 'stretch', dueAt: MON_0800 + 30 * MIN })]);
  });

  it('property: while something plays, idle reports never credit a natural break and never stop desk time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 * MIN }), fc.constantFrom('active', 'idle'), fc.constantFrom('sound', 'fullscreen')), { maxLength: 20 }), (steps) => {
        const sim = new Sim({ ...CLOCK, micro: { enabled: true, everySec: 20 * 60, lengthSec: 20 } }, MON_0800);
        for (const [wait, activity, what] of steps) {
          sim.env = { ...sim.env, sound: what === 'sound', fullscreen: what === 'fullscreen' };
          sim.runUntil(sim.now + wait);
          sim.send({ type: 'activity', state: activity as 'active' | 'idle' });
          // Answer prompts at once, so that desk time restarts only at a completed break.
          if (sim.state.phase.name === 'due') sim.complete();
        }
        expect(naturals(sim)).toEqual([]);
        expect(sim.state.activity).toBe('active');
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});

describe('a natural stopping point', () => {
  const typing = () => {
    const sim = new Sim(S, MON_0800);
    sim.runUntil(DUE);
    return sim;
  };

  it('a break due while typing waits for the pause; the idle interval is lowered meanwhile, restored after', () => {
    const sim = typing();
    expect(sim.prompts()).toEqual([]);
    expect(idleDetectionSec(sim.state, S)).toBe(LOW_IDLE_SEC);
    expect(view(sim.state, S).held).toEqual({ reason: 'typing', until: DUE + 2 * MIN }); // no tab in view here: a pause in input only
    // 40 s later the person stops typing; the browser says so 15 s after.
    sim.send({ type: 'activity', state: 'idle' }, DUE + 55_000);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + 55_000, reminder: false })]);
    expect(idleDetectionSec(sim.state, S)).toBe(LOW_IDLE_SEC); // until the pause is judged
    sim.send({ type: 'activity', state: 'active' }, DUE + 70_000);
    expect(idleDetectionSec(sim.state, S)).toBe(S.idleSec);
  });

  it('no pause in typing: the prompt comes at the bound, once', () => {
    for (const min of [1, 2, 10]) {
      const s = { ...S, pauseWaitMin: min };
      const sim = new Sim(s, MON_0800);
      sim.runUntil(DUE + 20 * MIN);
      expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + min * MIN })]);
      expect(idleDetectionSec(sim.state, s)).toBe(s.idleSec);
    }
  });

  it('a pause shorter than "away after" is a pause: no natural break, no desk time taken back', () => {
    const s = { ...S, micro: { enabled: true, everySec: 60 * 60, lengthSec: 20 } }; // a 20-s posture check could be credited
    const sim = new Sim(s, MON_0800);
    sim.runUntil(DUE);
    sim.send({ type: 'activity', state: 'idle' }, DUE + 30_000);
    sim.send({ type: 'activity', state: 'active' }, DUE + 30_000 + 40_000); // 55 s without input < 60 s
    expect(naturals(sim)).toEqual([]);
    expect(sim.state.phase.name).toBe('due');
    expect(sim.state.desk.stretch).toBe(EVERY + 70_000);
  });

  it('a pause that outlasts "away after" is away from when input stopped, as ever', () => {
    const sim = typing();
    sim.send({ type: 'activity', state: 'idle' }, DUE + 30_000); // input stopped at DUE + 15 s
    sim.send({ type: 'activity', state: 'active' }, DUE + 10 * MIN);
    // Desk time ended when input stopped (the 15 s before the idle report taken back).
    expect(sim.state.today.deskMs).toBe(EVERY + 15_000);
    // The open prompt closes as the break taken naturally, from when input stopped.
    expect(naturals(sim)).toEqual([expect.objectContaining({ kind: 'stretch', endedAt: DUE + 15_000 + S.stretch.lengthSec * 1000 })]);
    expect(sim.state.phase.name).toBe('working');
  });

  it('after a hold, its settle is the stopping point: no wait for a pause after it, so the break comes within a minute or two of the end', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, sound: true };
    sim.runUntil(DUE + 10 * MIN);
    sim.env = { ...sim.env, sound: false };
    sim.runUntil(DUE + 20 * MIN);
    const p = sim.prompts();
    expect(p).toHaveLength(1);
    // Seen ended within a minute, then a minute's settle; typing on does not hold it longer
    // (README: "the break comes a minute after Limber notices, so within a minute or two").
    expect(p[0]!.at).toBeGreaterThan(DUE + 11 * MIN);
    expect(p[0]!.at).toBeLessThanOrEqual(DUE + 12 * MIN);
    expect(sim.state.pauseFrom).toBeNull();
    // Near the hold's bound the settle ends with it.
    const late = new Sim({ ...S, hold: { enabled: true, maxMin: 5 } }, MON_0800);
    late.env = { ...late.env, sound: true };
    late.runUntil(DUE + 4 * MIN + 30_000);
    late.env = { ...late.env, sound: false };
    late.runUntil(DUE + 20 * MIN);
    expect(late.prompts()).toEqual([expect.objectContaining({ at: DUE + 5 * MIN })]);
  });

  it('a tab switch ends the wait, at the next look (once a minute, no listener): measured from the switch', () => {
    const sim = new Sim(S, MON_0800);
    sim.env = { ...sim.env, tab: 1 };
    sim.runUntil(DUE);
    expect(sim.state).toMatchObject({ pauseFrom: DUE, pauseTab: 1 });
    // The looks while it waits: a minute apart, then the bound.
    expect(nextWakeOf(sim)).toBe(DUE + MIN);
    sim.runUntil(DUE + 70_000); // the look at +1 min still sees tab 1
    expect(sim.prompts()).toEqual([]);
    expect(nextWakeOf(sim)).toBe(DUE + 2 * MIN); // the bound, where the next look would be
    sim.env = { ...sim.env, tab: 2 };
    sim.send({ type: 'tick' }, DUE + 75_000); // any event then sees it too
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE + 75_000 })]);
    expect(sim.state).toMatchObject({ pauseFrom: null, pauseTab: null });
  });

  it('a switch is only between two known tabs: unknown (another app in focus, not asked) is none, and with none noted nothing looks', () => {
    for (const [first, later, prompted] of [[null, 2, false], [1, null, false], [undefined, 2, false], [1, undefined, false], [1, 1, false], [1, 2, true]] as const) {
      const sim = new Sim(S, MON_0800);
      sim.env = { ...sim.env, tab: first };
      sim.runUntil(DUE);
      expect(sim.state.pauseTab).toBe(first ?? null);
      // No tab noted: the next wake is the bound (no look for a switch that cannot be seen).
      expect(nextWakeOf(sim), `${first}: next wake`).toBe(first === 1 ? DUE + MIN : DUE + 2 * MIN);
      sim.env = { ...sim.env, tab: later };
      sim.send({ type: 'tick' }, DUE + MIN);
      expect(sim.prompts().length, `${first} -> ${later}`).toBe(prompted ? 1 : 0);
    }
  });

  it('off (0), or "away after" already at the minimum: the prompt comes on time', () => {
    for (const s of [{ ...S, pauseWaitMin: 0 }, { ...S, idleSec: 15 }]) {
      const sim = new Sim(s, MON_0800);
      sim.runUntil(DUE + MIN);
      expect(sim.prompts()).toEqual([expect.objectContaining({ at: DUE })]);
      expect(idleDetectionSec(sim.state, s)).toBe(s.idleSec);
    }
  });

  it('property: bounded waits always end, each break is prompted once, within the bounds', () => {
    const envArb = fc.record({ sound: fc.boolean(), fullscreen: fc.boolean(), call: fc.boolean(), tab: fc.constantFrom(undefined, null, 1, 2) });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.tuple(fc.integer({ min: 1000, max: 10 * MIN }), envArb, fc.constantFrom('none', 'idle', 'active')), { maxLength: 25 }),
        (pauseWaitMin, maxMin, steps) => {
          const s: Settings = { ...S, pauseWaitMin, hold: { enabled: true, maxMin } };
          const sim = new Sim(s, MON_0800);
          sim.runUntil(DUE - 1000);
          // The wait starts afresh when the person comes back from away: the break falls due again
          // then, or up to "away after" later (the idle report took back the desk time since input
          // stopped, which is at most that threshold).
          let from = DUE;
          const send = (state: 'idle' | 'active') => {
            if (state === 'active' && sim.state.activity !== 'active') from = Math.max(from, sim.now + s.idleSec * 1000);
            sim.send({ type: 'activity', state });
          };
          for (const [wait, env, act] of steps) {
            sim.env = { ...sim.env, ...(env as Partial<Env>) };
            sim.runUntil(sim.now + wait);
            if (act !== 'none') send(act as 'idle' | 'active');
            if (sim.state.phase.name !== 'working') break;
          }
          // The person types at the end (back from away, or from sitting still: input either way).
          if (sim.state.activity !== 'active' || sim.state.still) send('active');
          sim.runUntil(Math.max(sim.now, from) + (maxMin + pauseWaitMin) * MIN + 1000);
          const ids = sim.prompts().map((p) => (p.type === 'prompt' ? p.brk.id : ''));
          expect(new Set(ids).size).toBe(ids.length);
          // Whatever played and however the person typed, the break came (or was taken naturally).
          expect(sim.state.phase.name !== 'working' || naturals(sim).length > 0 || sim.state.lastNaturalAt !== null).toBe(true);
          const first = sim.prompts()[0];
          if (first && sim.state.lastNaturalAt === null) expect(first.at).toBeLessThanOrEqual(from + Math.max(maxMin, pauseWaitMin) * MIN + 1000);
        },
      ),
      { numRuns: 400, seed: 1414 },
    );
  });
});
