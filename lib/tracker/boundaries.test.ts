/**
 * The rules at their exact edges, each measured against the scripted person and the configured
 * settings (never the tracker's own output): the moments where a `>=` turned `>`, a dropped
 * condition or a time read at the wrong instant would go unseen by tests that stay clear of the
 * edge. Each test here failed on such a broken tracker (a mutant) that every other tracker test
 * let pass; the mutant is named in the test.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { ABANDON_AFTER_MS, MERGE_WINDOW_MS, transition, view, type TrackerState } from './tracker';
import { BASE, MIN, Sim, WokenSim } from '../../tests/tracker-rules-sim';

const T0 = Date.UTC(2026, 2, 2, 9); // Monday 09:00 UTC
/** A posture check every 20 min (20 s) and a stretch break every 50 min (3 min), no schedule. */
const BOTH: Settings = { ...BASE, micro: { enabled: true, everySec: 20 * 60, lengthSec: 20 } };
const STRETCH = BASE.stretch.everySec * 1000;

describe('time away', () => {
  // Mutant: desk-time.ts returnFromAway without `!(kind === 'micro' && credited)`.
  it('one absence is one natural break: a stretch break taken covers the posture check, not a second record', () => {
    const sim = new WokenSim(BOTH, T0, 'UTC');
    sim.runUntil(T0 + 20 * MIN);
    sim.complete(); // the posture check at 09:20
    sim.runUntil(T0 + 35 * MIN); // 35 min at the desk: past half of each interval
    sim.send({ type: 'activity', state: 'locked' }, T0 + 35 * MIN);
    sim.send({ type: 'activity', state: 'active' }, T0 + 40 * MIN); // 5 min away: longer than either break
    const natural = sim.records().filter((r) => r.outcome === 'natural');
    expect(natural).toHaveLength(1);
    expect(natural[0]).toMatchObject({ kind: 'stretch', dueAt: T0 + 35 * MIN });
    // Both intervals start again from the return.
    expect(view(sim.state, BOTH, sim.env).next).toMatchObject({ kind: 'micro', at: T0 + 60 * MIN });
  });

  // Mutant: desk-time.ts `s.desk[kind] >= everySec / 2` turned `>`.
  it('a natural break after exactly half an interval of desk time is written to the history (README: "at least half")', () => {
    const sim = new WokenSim(BASE, T0, 'UTC');
    sim.runUntil(T0 + STRETCH / 2);
    sim.send({ type: 'activity', state: 'locked' }, T0 + STRETCH / 2);
    sim.send({ type: 'activity', state: 'active' }, T0 + STRETCH / 2 + BASE.stretch.lengthSec * 1000);
    expect(sim.records()).toEqual([expect.objectContaining({ outcome: 'natural', kind: 'stretch', deskMs: STRETCH / 2 })]);
  });

  // Mutant: transition.ts resume with `now - since >= lengthSec` turned `>`.
  it('a pause exactly a stretch break long counts as that break, as time away of that length does: the interval starts again', () => {
    const sim = new WokenSim(BASE, T0, 'UTC');
    sim.runUntil(T0 + 40 * MIN);
    sim.send({ type: 'pause', until: null }, T0 + 40 * MIN);
    const back = T0 + 40 * MIN + BASE.stretch.lengthSec * 1000;
    sim.send({ type: 'resume' }, back);
    sim.runUntil(back + STRETCH);
    expect(sim.promptTimes()).toEqual([back + STRETCH]);
  });
});

describe('when a break falls due', () => {
  // Mutant: due.ts nextBreak `stretch <= micro + MERGE_WINDOW_MS` turned `<`.
  it('a posture check due exactly two minutes before the stretch break is folded into it (README: "within two minutes")', () => {
    const s: Settings = { ...BOTH, micro: { enabled: true, everySec: (STRETCH - MERGE_WINDOW_MS) / 1000, lengthSec: 20 } };
    const sim = new WokenSim(s, T0, 'UTC');
    sim.runUntil(T0 + STRETCH - MERGE_WINDOW_MS);
    sim.complete();
    sim.runUntil(T0 + STRETCH + 10 * MIN);
    expect(sim.prompts().map((p) => (p.type === 'prompt' ? [p.brk.kind, p.at] : null))).toEqual([['stretch', T0 + STRETCH - MERGE_WINDOW_MS]]);
  });

  // Mutants: transition.ts tick with `dueAt = now` (not when the interval was reached), and the id made from `now`.
  it('a late alarm (within its grace) prompts the same break: due when the interval was reached, with the same id', () => {
    const sim = new WokenSim(BASE, T0, 'UTC');
    sim.runUntil(T0 + STRETCH - MIN);
    const before: TrackerState = JSON.parse(JSON.stringify(sim.state));
    const prompted = [0, 40_000, 80_000].map((late) => {
      const r = transition(JSON.parse(JSON.stringify(before)), { type: 'tick' }, T0 + STRETCH + late, BASE, sim.env);
      const p = r.effects.find((e) => e.type === 'prompt');
      return p?.type === 'prompt' ? { id: p.brk.id, dueAt: p.brk.dueAt } : null;
    });
    expect(prompted[0]).toMatchObject({ dueAt: T0 + STRETCH });
    expect(prompted[1]).toEqual(prompted[0]);
    expect(prompted[2]).toEqual(prompted[0]);
  });
});

describe('a break under way', () => {
  // Mutant: transition.ts finish `now >= abandonAt` turned `>`.
  it('Done at the very moment the break is given up (its length and 15 min) is recorded as the alarm then records it: cut short', () => {
    const given = T0 + BASE.stretch.lengthSec * 1000 + ABANDON_AFTER_MS;
    const byDone = new Sim(BASE, T0, 'UTC');
    byDone.send({ type: 'start' });
    const id = byDone.state.phase.name === 'onBreak' ? byDone.state.phase.brk.id : '';
    byDone.send({ type: 'finish', breakId: id, outcome: 'completed', underWay: true }, given);
    const byAlarm = new Sim(BASE, T0, 'UTC');
    byAlarm.send({ type: 'start' });
    byAlarm.send({ type: 'tick' }, given);
    expect(byAlarm.records()).toEqual([expect.objectContaining({ outcome: 'partial', endedAt: given })]);
    expect(byDone.records()).toEqual(byAlarm.records());
  });
});
