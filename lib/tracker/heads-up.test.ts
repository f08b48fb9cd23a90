/**
 * The heads-up before a stretch break (issue #14 item 3), measured against the configured
 * interval and lead and the person's actions: it comes `headsUpSec` before the break's desk-time
 * moment and at no other wake, never while away, held or paused, at most once per break; its
 * notice is cleared when the break is prompted, postponed or credited, or falls due and waits; a postpone from it moves
 * the break on the clock and counts against the snooze limit. Random sequences: heads-up.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { initialState, migrateV5, migrateV6, nextWake, view } from './tracker';
import { MIN, S, T0, world } from '../../tests/heads-up-world';

describe('the heads-up', () => {
  for (const lead of [60, 120] as const) {
    it(`comes ${lead / 60} min before the stretch break's 50 min of desk time, at a wake of its own, once`, () => {
      const w = world({ ...S, headsUpSec: lead });
      w.runUntil(T0 + 50 * MIN - lead * 1000 - 1);
      expect(w.of('headsUp')).toHaveLength(0);
      // The worker is woken for it (not left to the watchdog): the next wake is its moment.
      expect(nextWake(w.state, { ...S, headsUpSec: lead })).toBe(T0 + 50 * MIN - lead * 1000);
      w.runUntil(T0 + 50 * MIN - 1);
      expect(w.of('headsUp').map((x) => [x.at, x.e.headsUp.dueAt, x.e.postpone])).toEqual([[T0 + 50 * MIN - lead * 1000, T0 + 50 * MIN, true]]);
      w.runUntil(T0 + 50 * MIN);
      // The prompt comes on time, and the notice goes with it.
      expect(w.of('prompt').map((x) => x.at)).toEqual([T0 + 50 * MIN]);
      expect(w.of('clearHeadsUp').map((x) => [x.at, x.e.id])).toEqual([[T0 + 50 * MIN, w.of('headsUp')[0]!.e.headsUp.id]]);
      expect(w.of('headsUp')).toHaveLength(1);
    });
  }

  it('off: no heads-up, and the only wake is the break itself', () => {
    const w = world({ ...S, headsUpSec: 0 });
    expect(nextWake(w.state, { ...S, headsUpSec: 0 })).toBe(T0 + 50 * MIN);
    w.runUntil(T0 + 50 * MIN);
    expect(w.of('headsUp')).toHaveLength(0);
    expect(w.of('prompt')).toHaveLength(1);
  });

  it('away at its alarm: none then; back with the break still ahead, it comes a minute before the break', () => {
    const w = world();
    w.runUntil(T0 + 48 * MIN + 30_000);
    // Input stopped at 47:30 (idle is reported after 60 s); the alarm at 49:00 finds the person away.
    w.send({ type: 'activity', state: 'idle' }, T0 + 48 * MIN + 30_000);
    w.runUntil(T0 + 49 * MIN + 30_000);
    expect(w.of('headsUp')).toHaveLength(0);
    // Back after 2 min away (< the 3 min break): 2:30 of desk time are left, due at 52:00.
    w.send({ type: 'activity', state: 'active' }, T0 + 49 * MIN + 30_000);
    w.runUntil(T0 + 51 * MIN - 1);
    expect(w.of('headsUp')).toHaveLength(0);
    w.runUntil(T0 + 52 * MIN);
    expect(w.of('headsUp').map((x) => [x.at, x.e.headsUp.dueAt])).toEqual([[T0 + 51 * MIN, T0 + 52 * MIN]]);
    expect(w.of('prompt').map((x) => x.at)).toEqual([T0 + 52 * MIN]);
  });

  it('none at a wake while away, even with less than its lead of desk time left', () => {
    const w = world();
    w.runUntil(T0 + 48 * MIN);
    // Its alarm not heard (a late wake); input stopped at 49:20, reported at 50:20: 40 s left.
    w.send({ type: 'activity', state: 'idle' }, T0 + 50 * MIN + 20_000);
    w.send({ type: 'tick' }, T0 + 50 * MIN + 30_000); // the popup opened on another screen
    expect(w.of('headsUp')).toHaveLength(0);
    w.send({ type: 'activity', state: 'active' }, T0 + 51 * MIN); // back: 40 s left
    expect(w.of('headsUp').map((x) => [x.at, x.e.headsUp.dueAt])).toEqual([[T0 + 51 * MIN, T0 + 51 * MIN + 40_000]]);
  });

  it('back with less than a quarter of its lead left: no heads-up, the prompt is moments away', () => {
    const w = world();
    w.runUntil(T0 + 48 * MIN);
    // Its alarm never heard (the worker's wake came late), input stopped at 49:50, reported at 50:50.
    w.send({ type: 'activity', state: 'idle' }, T0 + 50 * MIN + 50_000);
    w.send({ type: 'activity', state: 'active' }, T0 + 52 * MIN + 40_000); // 2:50 away (< 3 min): 10 s left
    w.runUntil(T0 + 54 * MIN);
    expect(w.of('headsUp')).toHaveLength(0);
    expect(w.of('prompt').map((x) => x.at)).toEqual([T0 + 52 * MIN + 50_000]);
  });

  it('never twice for one break: a short absence after it moves the break, not the notice', () => {
    const w = world();
    w.runUntil(T0 + 49 * MIN + 10_000);
    expect(w.of('headsUp')).toHaveLength(1);
    w.send({ type: 'activity', state: 'idle' }, T0 + 49 * MIN + 40_000); // input stopped 48:40
    w.send({ type: 'activity', state: 'active' }, T0 + 50 * MIN + 40_000); // 2 min away
    w.runUntil(T0 + 60 * MIN);
    expect(w.of('headsUp')).toHaveLength(1);
    // 48:40 of desk time when input stopped, back at 50:40: 1:20 left, due at 52:00.
    expect(w.of('prompt').map((x) => x.at)).toEqual([T0 + 52 * MIN]);
    expect(w.of('clearHeadsUp').map((x) => x.at)).toEqual([T0 + 52 * MIN]);
  });

  it('the break credited (away for its length): the notice goes, and the next break has its own', () => {
    const w = world();
    w.runUntil(T0 + 49 * MIN + 10_000);
    w.send({ type: 'activity', state: 'idle' }, T0 + 49 * MIN + 20_000);
    w.send({ type: 'activity', state: 'active' }, T0 + 53 * MIN); // away 4:40 >= 3 min
    expect(w.of('record').map((x) => x.e.entry.outcome)).toEqual(['natural']);
    expect(w.of('clearHeadsUp').map((x) => x.at)).toEqual([T0 + 53 * MIN]);
    w.runUntil(T0 + 53 * MIN + 50 * MIN);
    expect(w.of('headsUp').map((x) => x.at)).toEqual([T0 + 49 * MIN, T0 + 53 * MIN + 49 * MIN]);
  });

  it('withdrawn when reminders are paused; back after a short pause with its break ahead, announced again', () => {
    const w = world();
    w.runUntil(T0 + 49 * MIN + 10_000);
    const first = w.of('headsUp');
    expect(first.map((x) => x.at)).toEqual([T0 + 49 * MIN]);
    // Paused from the popup 10 s after the notice: "Stretch break in 1 min" must not stand through the pause.
    w.send({ type: 'pause', until: T0 + 80 * MIN }, T0 + 49 * MIN + 10_000);
    expect(w.of('clearHeadsUp').map((x) => [x.at, x.e.id])).toEqual([[T0 + 49 * MIN + 10_000, first[0]!.e.headsUp.id]]);
    w.runUntil(T0 + 49 * MIN + 40_000);
    expect(w.of('headsUp')).toHaveLength(1);
    // Resumed after 30 s (shorter than the 3-min break: desk time goes on from 49:10), 50 s left.
    w.send({ type: 'resume' }, T0 + 49 * MIN + 40_000);
    expect(w.of('headsUp').map((x) => [x.at, x.e.headsUp.dueAt])).toEqual([
      [T0 + 49 * MIN, T0 + 50 * MIN],
      [T0 + 49 * MIN + 40_000, T0 + 50 * MIN + 30_000],
    ]);
    w.runUntil(T0 + 51 * MIN);
    expect(w.of('prompt').map((x) => x.at)).toEqual([T0 + 50 * MIN + 30_000]);
    expect(w.of('clearHeadsUp').map((x) => x.at)).toEqual([T0 + 49 * MIN + 10_000, T0 + 50 * MIN + 30_000]);
  });

  it('not while paused or while the break would be held', () => {
    const w = world();
    w.runUntil(T0 + 45 * MIN);
    w.send({ type: 'pause', until: T0 + 60 * MIN });
    w.runUntil(T0 + 60 * MIN);
    expect(w.of('headsUp')).toHaveLength(0);
    // Desk time resumes at 45 min (the pause was not long... it was: 15 min >= 3 min starts afresh).
    w.runUntil(T0 + 60 * MIN + 49 * MIN - 1);
    expect(w.of('headsUp')).toHaveLength(0);
    // A fullscreen window at its moment: the break would be held, so no heads-up.
    w.setEnv({ fullscreen: true });
    w.runUntil(T0 + 60 * MIN + 49 * MIN);
    expect(w.of('headsUp')).toHaveLength(0);
    w.setEnv({ fullscreen: false });
    w.runUntil(T0 + 60 * MIN + 49 * MIN + 30_000);
    expect(w.of('headsUp')).toHaveLength(0);
  });

  it('outside working hours: none (working hours end a minute before its moment, or as its break would fall)', () => {
    const day = [{ from: 9 * 60, to: 9 * 60 + 48 }]; // 09:00-09:48 in the test's zone (UTC)
    const settings: Settings = { ...S, schedule: { enabled: true, days: [day, day, day, day, day, [], []] } };
    const w = world(settings);
    w.runUntil(T0 + 5 * 60 * MIN);
    expect(w.state.offHours).toBe(true);
    expect(w.of('headsUp')).toHaveLength(0);
    // To 09:50, the break would fall at the end of the hours: it never comes, so it is not announced.
    const day2 = [{ from: 9 * 60, to: 9 * 60 + 50 }];
    const w2 = world({ ...S, schedule: { enabled: true, days: [day2, day2, day2, day2, day2, [], []] } });
    w2.runUntil(T0 + 5 * 60 * MIN);
    expect(w2.of('prompt')).toHaveLength(0);
    expect(w2.of('headsUp')).toHaveLength(0);
    // To 09:51: it comes at 09:49, and its break at 09:50.
    const day3 = [{ from: 9 * 60, to: 9 * 60 + 51 }];
    const w3 = world({ ...S, schedule: { enabled: true, days: [day3, day3, day3, day3, day3, [], []] } });
    w3.runUntil(T0 + 5 * 60 * MIN);
    expect(w3.of('headsUp').map((x) => x.at)).toEqual([T0 + 49 * MIN]);
    expect(w3.of('prompt').map((x) => x.at)).toEqual([T0 + 50 * MIN]);
  });
});

describe('postpone from the heads-up', () => {
  const shown = (settings: Settings = S) => {
    const w = world(settings);
    w.runUntil(T0 + 49 * MIN + 10_000);
    const h = w.of('headsUp')[0]!.e;
    return { w, h };
  };

  it('postpones the break 5 min past the moment it was due, on the clock, as one snooze; the notice goes', () => {
    const { w, h } = shown();
    const r = w.send({ type: 'snooze', breakId: h.headsUp.id, minutes: 5 }, T0 + 49 * MIN + 20_000);
    expect(r.refused).toBeUndefined();
    expect(w.of('clearHeadsUp').map((x) => x.e.id)).toEqual([h.headsUp.id]);
    w.runUntil(T0 + 55 * MIN - 1);
    expect(w.of('prompt')).toHaveLength(0);
    w.runUntil(T0 + 55 * MIN);
    const prompts = w.of('prompt');
    expect(prompts.map((x) => [x.at, x.e.brk.id, x.e.brk.snoozes])).toEqual([[T0 + 55 * MIN, h.headsUp.id, 1]]);
    // The limit (2): one more postpone from the prompt, then none.
    expect(w.send({ type: 'snooze', breakId: h.headsUp.id }, T0 + 55 * MIN + 1000).refused).toBeUndefined();
    w.runUntil(T0 + 60 * MIN + 1000);
    expect(w.send({ type: 'snooze', breakId: h.headsUp.id }, T0 + 60 * MIN + 2000).refused).toBe('snoozeLimit');
    expect(w.of('headsUp')).toHaveLength(1);
  });

  it('strict mode: it is the one postpone (the prompt then offers none); with no snooze allowed, the notice offers none', () => {
    const strict = shown({ ...S, strict: true });
    expect(strict.h.postpone).toBe(true);
    expect(strict.w.send({ type: 'snooze', breakId: strict.h.headsUp.id, minutes: 5 }, T0 + 49 * MIN + 20_000).refused).toBeUndefined();
    strict.w.runUntil(T0 + 55 * MIN);
    expect(strict.w.state.phase).toMatchObject({ name: 'due', brk: { snoozes: 1 } });
    expect(strict.w.send({ type: 'snooze', breakId: strict.h.headsUp.id, minutes: 5 }).refused).toBe('snoozeLimit');

    const none = shown({ ...S, snoozeLimit: 0 });
    expect(none.h.postpone).toBe(false);
    const before = none.w.state;
    const r = none.w.send({ type: 'snooze', breakId: none.h.headsUp.id, minutes: 5 }, T0 + 49 * MIN + 20_000);
    expect(r.refused).toBe('snoozeLimit');
    expect(r.state.phase).toEqual(before.phase);
    none.w.runUntil(T0 + 50 * MIN);
    expect(none.w.of('prompt').map((x) => x.at)).toEqual([T0 + 50 * MIN]);
  });

  // "Stretch break in 1 min" is no longer true once its break falls due and waits (for a pause in
  // typing; held by a call, sound in view, a fullscreen window: up to 30 min): the notice goes
  // then, as when the break is prompted, and the prompt comes without another heads-up.
  for (const waits of ['pause', 'fullscreen', 'call', 'sound'] as const) {
    it(`its notice goes when its break falls due and waits (${waits}); none comes again for that break`, () => {
      const settings: Settings = { ...S, idleSec: 60, pauseWaitMin: waits === 'pause' ? 2 : 0, hold: { enabled: true, maxMin: 30 } };
      const { w, h } = shown(settings);
      w.setEnv(waits === 'pause' ? { tab: 7 } : { [waits]: true, tab: 7 });
      w.runUntil(T0 + 50 * MIN);
      expect(view(w.state, settings).held?.reason).toBe(waits);
      expect(w.of('clearHeadsUp').map((x) => [x.at, x.e.id])).toEqual([[T0 + 50 * MIN, h.headsUp.id]]);
      // Its Postpone is gone with it: a late press changes nothing.
      expect(w.send({ type: 'snooze', breakId: h.headsUp.id, minutes: 5 }, T0 + 50 * MIN + 30_000).refused).toBe('noSuchBreak');
      w.setEnv({ fullscreen: false, sound: false, call: false, tab: 8 }); // the wait ends (a tab switch is a stopping point)
      w.runUntil(T0 + 90 * MIN);
      expect(w.of('prompt')).toHaveLength(1);
      expect(w.of('headsUp')).toHaveLength(1);
      expect(w.of('clearHeadsUp')).toHaveLength(1);
    });
  }

  // A break postponed from its heads-up exists before its moment: ended before then (reminders
  // paused, or the break taken at once), its record says it was due no later than it ended or
  // began, with the desk time sat by then (not the time it would have had at its moment).
  it('ended before its moment (a pause; a break taken at once): recorded as due when it ended or began, with the desk time sat by then', () => {
    const paused = shown();
    paused.w.send({ type: 'snooze', breakId: paused.h.headsUp.id, minutes: 5 }, T0 + 49 * MIN + 20_000);
    paused.w.send({ type: 'pause', until: T0 + 80 * MIN }, T0 + 49 * MIN + 30_000);
    expect(paused.w.of('record').map((x) => x.e.entry).map((e) => [e.id, e.outcome, e.dueAt, e.endedAt, e.deskMs, e.snoozes])).toEqual([
      [paused.h.headsUp.id, 'skipped', T0 + 49 * MIN + 30_000, T0 + 49 * MIN + 30_000, 49 * MIN + 30_000, 1],
    ]);

    const taken = shown();
    taken.w.send({ type: 'snooze', breakId: taken.h.headsUp.id, minutes: 5 }, T0 + 49 * MIN + 20_000);
    taken.w.send({ type: 'start', breakId: taken.h.headsUp.id }, T0 + 49 * MIN + 40_000);
    taken.w.send({ type: 'finish', breakId: taken.h.headsUp.id, outcome: 'completed' }, T0 + 53 * MIN);
    expect(taken.w.of('record').map((x) => x.e.entry).map((e) => [e.outcome, e.dueAt, e.startedAt, e.deskMs])).toEqual([
      ['completed', T0 + 49 * MIN + 40_000, T0 + 49 * MIN + 40_000, 49 * MIN + 40_000],
    ]);
  });

  it('refused for another id, and once its break was credited', () => {
    const { w, h } = shown();
    expect(w.send({ type: 'snooze', breakId: 'stretch-1', minutes: 5 }).refused).toBe('noSuchBreak');
    w.send({ type: 'activity', state: 'idle' }, T0 + 49 * MIN + 20_000);
    w.send({ type: 'activity', state: 'active' }, T0 + 54 * MIN);
    expect(w.send({ type: 'snooze', breakId: h.headsUp.id, minutes: 5 }).refused).toBe('noSuchBreak');
  });
});

describe('the stored state v5 -> v6', () => {
  it('no heads-up was shown by an older state', () => {
    const { headsUp: _h, pauseTab: _t, ...v5 } = { ...initialState(T0), v: 5 as const };
    expect(migrateV6(migrateV5(v5))).toEqual(initialState(T0));
  });
});

describe('the stored state v6 -> v7', () => {
  it('a wait for a pause under way carries on, with no tab noted (a pause or its bound ends it, as before)', () => {
    const { pauseTab: _t, ...v6 } = { ...initialState(T0), v: 6 as const, pauseFrom: T0 };
    expect(migrateV6(v6)).toEqual({ ...initialState(T0), pauseFrom: T0, pauseTab: null });
  });
});
