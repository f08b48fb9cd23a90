/**
 * The browser started again after it was closed (or the computer woke): what the first event
 * then says about a timed pause that ran out meanwhile. README "Pause": "A timed pause ends by
 * itself and tells you so (not when it ends outside working hours: nothing counts then)", and
 * "Working hours": each working range starts fresh. The tracker is fed as the background feeds it
 * (lib/engine/lifecycle.ts wake(): a tick on the worker's start), in Berlin, with weekday hours
 * 09:00-17:30; nothing is delivered while the browser is closed.
 */
import { describe, expect, it } from 'vitest';
import { H, MIN, MON_0800, Sim, WEEKDAYS } from '../tests/tracker-rules-sim';

const TUE_0905 = MON_0800 + 25 * H + 5 * MIN;

/** Paused at Monday 16:10 for `minutes`, the browser closed at 16:20, the first event at `back`: the notices said. */
function pauseThenClose(minutes: number, back: number): string[] {
  const sim = new Sim(WEEKDAYS, MON_0800 + 8 * H);
  sim.runUntil(MON_0800 + 8 * H + 10 * MIN);
  sim.send({ type: 'pause', until: MON_0800 + 8 * H + (10 + minutes) * MIN });
  sim.runUntil(MON_0800 + 8 * H + 20 * MIN);
  sim.send({ type: 'tick' }, back); // the browser starts (or the computer wakes): wake()'s tick
  expect(sim.state.paused).toBeNull();
  return sim.effects.flatMap((e) => (e.type === 'notice' ? [e.notice] : []));
}

describe('a timed pause that ran out while the browser was closed', () => {
  it('ended after working hours (18:10): the next morning\'s start says nothing of it', () => {
    expect(pauseThenClose(120, TUE_0905)).toEqual([]);
  });

  it('ended within Monday\'s hours (16:40): Tuesday\'s hours start fresh, without "Your pause has ended"', () => {
    expect(pauseThenClose(30, TUE_0905)).toEqual([]);
  });

  it('control: back within the hours it ended in (16:55), the notice comes, once', () => {
    expect(pauseThenClose(30, MON_0800 + 8 * H + 55 * MIN)).toEqual(['pauseEnded']);
  });
});
