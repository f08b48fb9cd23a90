/**
 * A break window left open while the machine sleeps (started 23:30, lid closed, opened at 08:00).
 * It was given up at its length plus ABANDON_AFTER_MS (the README: "a break left open long after
 * its length" is recorded as partial): however its end is heard of on waking, by the alarm or by
 * the window's own "completed" (its clock ran on through the sleep), it is recorded as cut short
 * at that moment, on that day.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { ABANDON_AFTER_MS, initialState, transition, type TrackerState } from './tracker';

const S: Settings = { ...DEFAULT_SETTINGS, schedule: { ...DEFAULT_SETTINGS.schedule, enabled: false } };
const ENV = { timeZone: 'UTC', fullscreen: false, sound: false, call: false };
const START = Date.UTC(2026, 2, 2, 23, 30, 0); // Monday 23:30 UTC
const GIVEN_UP = START + S.stretch.lengthSec * 1000 + ABANDON_AFTER_MS; // Monday 23:48
const WAKE = Date.UTC(2026, 2, 3, 8, 0, 0); // Tuesday 08:00

function onBreak(): { state: TrackerState; id: string } {
  const r = transition(initialState(START - 60_000, 'UTC'), { type: 'start' }, START, S, ENV);
  if (r.state.phase.name !== 'onBreak') throw new Error('no break under way');
  return { state: r.state, id: r.state.phase.brk.id };
}
const records = (r: { effects: readonly { type: string }[] }) => r.effects.flatMap((e) => (e.type === 'record' ? [(e as unknown as { entry: { outcome: string; endedAt: number } }).entry] : []));

describe('a break window left open while the machine slept', () => {
  it('the alarm heard on waking records it cut short when it was given up, on that day', () => {
    const { state } = onBreak();
    expect(records(transition(state, { type: 'tick' }, WAKE, S, ENV))).toEqual([expect.objectContaining({ outcome: 'partial', endedAt: GIVEN_UP })]);
  });

  it("the window's own 'completed' on waking is no completed break", () => {
    const { state, id } = onBreak();
    const r = transition(state, { type: 'finish', breakId: id, outcome: 'completed', routineId: 'neck-release' }, WAKE, S, ENV);
    expect(records(r)).toEqual([expect.objectContaining({ outcome: 'partial', endedAt: GIVEN_UP })]);
    expect(r.state.phase.name).toBe('working');
  });

  it('finished before that moment, a break is what the window says, when it says it', () => {
    const { state, id } = onBreak();
    const r = transition(state, { type: 'finish', breakId: id, outcome: 'completed', routineId: 'neck-release' }, GIVEN_UP - 1, S, ENV);
    expect(records(r)).toEqual([expect.objectContaining({ outcome: 'completed', endedAt: GIVEN_UP - 1 })]);
  });
});
