/**
 * Postpone choices (issue #14 item 5): a snooze takes the minutes the person chose (5 or 15), from
 * the prompt or from the window of a prompted break; the count and the limit (one in strict mode)
 * stay; a chosen length is not cut by the snooze setting. Measured against the chosen minutes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, nextWake, transition, wantsWatchdog, WATCHDOG_MS, type Effect, type TrackerEvent, type TrackerState } from './tracker';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const S: Settings = {
  ...DEFAULT_SETTINGS,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  snoozeSec: 300,
  snoozeLimit: 2,
  remindAfterSec: 0,
  // No wait for a pause in typing: these tests measure the postpone against the clock alone.
  pauseWaitMin: 0,
};

function world(settings: Settings = S) {
  let state: TrackerState = initialState(T0);
  let now = T0;
  const effects: Effect[] = [];
  const send = (e: TrackerEvent, at = now) => {
    now = at;
    const r = transition(JSON.parse(JSON.stringify(state)) as TrackerState, e, at, settings);
    state = r.state;
    effects.push(...r.effects);
    return r;
  };
  const runUntil = (until: number) => {
    for (let i = 0; i < 10_000; i++) {
      const at = Math.min(nextWake(state, settings) ?? Infinity, wantsWatchdog(state, settings) ? now + WATCHDOG_MS : Infinity);
      if (at > until) break;
      send({ type: 'tick' }, Math.max(at, now));
    }
    now = until;
  };
  const promptTimes = () => effects.filter((e) => e.type === 'prompt').length;
  runUntil(T0 + 50 * MIN);
  const p = state.phase;
  if (p.name !== 'due') throw new Error('not due');
  return { send, runUntil, promptTimes, id: p.brk.id, get state() { return state; }, effects };
}

describe('postpone choices', () => {
  for (const minutes of [5, 15] as const) {
    it(`postponed ${minutes} min from the prompt, it comes back ${minutes} min later, not before`, () => {
      const w = world();
      const at = T0 + 51 * MIN;
      expect(w.send({ type: 'snooze', breakId: w.id, minutes }, at).refused).toBeUndefined();
      w.runUntil(at + minutes * MIN - 1);
      expect(w.promptTimes()).toBe(1);
      w.runUntil(at + minutes * MIN);
      expect(w.promptTimes()).toBe(2);
    });
  }

  it('a chosen 15 min is not cut to the snooze setting; a plain snooze still is', () => {
    const w = world({ ...S, snoozeSec: 60 });
    w.send({ type: 'snooze', breakId: w.id, minutes: 15 }, T0 + 51 * MIN);
    w.send({ type: 'settingsChanged' }, T0 + 52 * MIN);
    expect(w.state.phase).toMatchObject({ name: 'snoozed', until: T0 + 66 * MIN });
    const plain = world({ ...S, snoozeSec: 60 });
    plain.send({ type: 'snooze', breakId: plain.id }, T0 + 51 * MIN);
    expect(plain.state.phase).toMatchObject({ name: 'snoozed', until: T0 + 52 * MIN });
  });

  it('from the window of a prompted break: back to waiting, nothing recorded, its window freed', () => {
    const w = world();
    w.send({ type: 'start', breakId: w.id }, T0 + 51 * MIN);
    const r = w.send({ type: 'snooze', breakId: w.id, minutes: 15 }, T0 + 52 * MIN);
    expect(r.refused).toBeUndefined();
    expect(r.effects).toEqual([{ type: 'breakEnded', breakId: w.id }]);
    expect(w.state.phase).toMatchObject({ name: 'snoozed', until: T0 + 67 * MIN, brk: { snoozes: 1 } });
    w.runUntil(T0 + 67 * MIN);
    expect(w.promptTimes()).toBe(2);
  });

  it('counts toward the limit wherever it is chosen; strict mode allows one', () => {
    const w = world({ ...S, strict: true });
    w.send({ type: 'start', breakId: w.id }, T0 + 51 * MIN);
    expect(w.send({ type: 'snooze', breakId: w.id, minutes: 5 }, T0 + 52 * MIN).refused).toBeUndefined();
    w.runUntil(T0 + 57 * MIN);
    w.send({ type: 'start', breakId: w.id }, T0 + 58 * MIN);
    const before = JSON.stringify(w.state.phase);
    expect(w.send({ type: 'snooze', breakId: w.id, minutes: 5 }, T0 + 58 * MIN).refused).toBe('snoozeLimit');
    expect(JSON.stringify(w.state.phase)).toBe(before);
  });

  it('a break the person started is not postponed (there is no prompt to come back)', () => {
    const w = world();
    w.send({ type: 'skip', breakId: w.id }, T0 + 51 * MIN);
    const m = w.send({ type: 'start' }, T0 + 52 * MIN);
    const id = m.state.phase.name === 'onBreak' ? m.state.phase.brk.id : '';
    expect(w.send({ type: 'snooze', breakId: id, minutes: 5 }, T0 + 53 * MIN).refused).toBe('noSuchBreak');
    expect(w.state.phase.name).toBe('onBreak');
  });
});
