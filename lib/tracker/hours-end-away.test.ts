/**
 * Away when working hours end: the time away before their end is a natural break, as it is
 * when the hours go on (README "Being away counts": idle or locked for a break's length is that
 * break taken; written to the history after at least half an interval of desk time). (Before the
 * fix, a person who left 30 minutes before lunch, 09:00-12:00 and 13:00-18:00, got no natural
 * break at all: the afternoon started fresh before their return was judged, and the same walk
 * with the hours running on to 18:00 was credited; so was one with a prompt open.)
 */
import { describe, expect, it } from 'vitest';
import type { Settings, TimeRange } from '../settings';
import { BASE, MIN, WokenSim, berlin } from '../../tests/tracker-rules-sim';

const SPLIT: TimeRange[] = [{ from: 9 * 60, to: 12 * 60 }, { from: 13 * 60, to: 18 * 60 }];
const EVENING: TimeRange[] = [{ from: 9 * 60, to: 17 * 60 + 30 }];
const week = (r: TimeRange[]): Settings => ({ ...BASE, idleSec: 60, schedule: { enabled: true, days: [r, r, r, r, r, [], []] } });

/** At the desk from 10:45 Monday (Berlin), 45 minutes of desk time by 11:30, then idle. */
function leftAt1130(settings: Settings): WokenSim {
  const sim = new WokenSim(settings, berlin(10, 45));
  sim.send({ type: 'tick' });
  sim.runUntil(berlin(11, 30));
  expect(sim.state.desk.stretch).toBe(45 * MIN);
  sim.send({ type: 'activity', state: 'idle' }, berlin(11, 31)); // idle after 60 s: left at 11:30
  return sim;
}

const natural = (sim: WokenSim) => sim.records().filter((r) => r.outcome === 'natural');

describe('away when working hours end: the time away before their end counts', () => {
  it('control: hours running on to 18:00, back at 13:10: a natural stretch break from 11:30', () => {
    const sim = leftAt1130(week([{ from: 9 * 60, to: 18 * 60 }]));
    sim.runUntil(berlin(13, 10));
    sim.send({ type: 'activity', state: 'active' }, berlin(13, 10));
    expect(natural(sim)).toEqual([expect.objectContaining({ kind: 'stretch', dueAt: berlin(11, 30), endedAt: berlin(11, 33), deskMs: 45 * MIN })]);
  });

  it('left 30 minutes before lunch, back at 13:10 in the afternoon hours: the same natural break, once', () => {
    const sim = leftAt1130(week(SPLIT));
    sim.runUntil(berlin(13, 10));
    sim.send({ type: 'activity', state: 'active' }, berlin(13, 10));
    expect(natural(sim)).toEqual([expect.objectContaining({ kind: 'stretch', dueAt: berlin(11, 30), endedAt: berlin(11, 33), deskMs: 45 * MIN })]);
    expect(sim.state.lastNaturalAt).toBe(berlin(11, 30));
    // The afternoon starts fresh as before.
    expect(sim.state.desk).toEqual({ micro: 0, stretch: 0 });
  });

  it('back during the lunch hour (12:30): the same natural break, once', () => {
    const sim = leftAt1130(week(SPLIT));
    sim.runUntil(berlin(12, 30));
    sim.send({ type: 'activity', state: 'active' }, berlin(12, 30));
    sim.runUntil(berlin(13, 30));
    expect(natural(sim)).toEqual([expect.objectContaining({ kind: 'stretch', dueAt: berlin(11, 30), endedAt: berlin(11, 33) })]);
  });

  it('left at 17:00, half an hour before the day ends, back the next morning: Monday has its natural break', () => {
    const sim = new WokenSim(week(EVENING), berlin(16, 15));
    sim.send({ type: 'tick' });
    sim.runUntil(berlin(17, 0));
    sim.send({ type: 'activity', state: 'idle' }, berlin(17, 1));
    sim.runUntil(berlin(9, 15, 3));
    sim.send({ type: 'activity', state: 'active' }, berlin(9, 15, 3));
    expect(natural(sim)).toEqual([expect.objectContaining({ kind: 'stretch', dueAt: berlin(17, 0), endedAt: berlin(17, 3) })]);
  });

  it('away for less than the break by the end of the hours: no natural break (the rest of the walk was time off)', () => {
    const sim = new WokenSim(week(SPLIT), berlin(11, 10));
    sim.send({ type: 'tick' });
    sim.runUntil(berlin(11, 59));
    sim.send({ type: 'activity', state: 'idle' }, berlin(12, 0)); // left at 11:59, 1 minute before the hours end
    sim.runUntil(berlin(13, 10));
    sim.send({ type: 'activity', state: 'active' }, berlin(13, 10));
    expect(natural(sim)).toEqual([]);
  });
});

describe('a pause in typing when working hours end is no time away (moment.ts: away only once it outlasts "away after")', () => {
  // Stretch breaks every 45 minutes, posture checks every 25; breaks wait up to 2 minutes for a
  // pause in typing; away after 2 minutes. At the desk from 16:10: the posture check of 16:35 taken,
  // the stretch break due at 16:55 waits for a pause, which comes at 16:55:20 (no input since 16:55:05).
  const settings = (endMin: number): Settings => ({
    ...week([{ from: 9 * 60, to: endMin }]),
    idleSec: 120,
    pauseWaitMin: 2,
    micro: { enabled: true, everySec: 25 * 60, lengthSec: 45 },
    stretch: { enabled: true, everySec: 45 * 60, lengthSec: 180 },
  });
  function pausedAt1655(endMin: number): WokenSim {
    const sim = new WokenSim(settings(endMin), berlin(16, 10));
    sim.send({ type: 'tick' });
    sim.runUntil(berlin(16, 38));
    sim.complete();
    sim.runUntil(berlin(16, 55) + 10_000);
    expect(sim.state.pauseFrom).not.toBeNull();
    sim.send({ type: 'activity', state: 'idle' }, berlin(16, 55) + 20_000);
    expect(sim.state.lowIdleAt).not.toBeNull();
    expect(sim.state.phase).toMatchObject({ name: 'due', brk: { kind: 'stretch' } });
    return sim;
  }

  it('hours ending at 16:56, 55 s into the pause: the stretch break skipped, no posture check taken', () => {
    const sim = pausedAt1655(16 * 60 + 56);
    sim.runUntil(berlin(16, 57));
    sim.send({ type: 'activity', state: 'active' }, berlin(16, 57));
    expect(natural(sim)).toEqual([]);
    expect(sim.records().filter((r) => r.kind === 'stretch')).toEqual([expect.objectContaining({ outcome: 'skipped' })]);
    expect(sim.state.lastNaturalAt).toBeNull();
  });

  it('control: hours ending at 16:58, the pause outlasted "away after" by then: a posture check taken from 16:55:05', () => {
    const sim = pausedAt1655(16 * 60 + 58);
    sim.runUntil(berlin(17, 30));
    sim.send({ type: 'activity', state: 'active' }, berlin(17, 30));
    expect(natural(sim)).toEqual([expect.objectContaining({ kind: 'micro', dueAt: berlin(16, 55) + 5_000 })]);
  });
});
