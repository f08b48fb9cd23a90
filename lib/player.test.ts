import { describe, expect, it } from 'vitest';
import * as P from './player';
import { back, next, pause, remainingMs, resume, settle, startPlayer } from './player';

const steps = [{ seconds: 10 }, { seconds: 20 }, { seconds: 5 }];
const T = 1_700_000_000_000;
const T0 = T;

describe('player clock', () => {
  it('derives the step from timestamps, even after a long throttle', () => {
    const s = startPlayer(T);
    expect(settle(s, steps, T + 9_000).step).toBe(0);
    expect(remainingMs(s, steps, T + 9_000)).toBe(1_000);
    const later = settle(s, steps, T + 31_000); // the window slept through two steps
    expect(later.step).toBe(2);
    expect(remainingMs(later, steps, T + 31_000)).toBe(4_000);
    expect(settle(s, steps, T + 35_000).finished).toBe(true);
  });
  it('pauses and resumes without losing time', () => {
    let s = startPlayer(T);
    s = pause(s, T + 4_000);
    expect(settle(s, steps, T + 60_000).step).toBe(0);
    expect(remainingMs(s, steps, T + 60_000)).toBe(6_000);
    s = resume(s, T + 60_000);
    expect(remainingMs(s, steps, T + 61_000)).toBe(5_000);
  });
  it('Space pauses the step under way, even one the last tick has not reached (a throttled window)', () => {
    const steps = [{ seconds: 30 }, { seconds: 30 }, { seconds: 30 }];
    const at = T0 + 70_000; // the third step, 20 s left
    const paused = P.toggle(P.startPlayer(T0), steps, at);
    expect([paused.step, P.remainingMs(paused, steps, at)]).toEqual([2, 20_000]);
    expect(P.remainingMs(paused, steps, at + 60_000)).toBe(20_000); // paused
    const resumed = P.toggle(paused, steps, at + 60_000);
    expect(P.remainingMs(resumed, steps, at + 65_000)).toBe(15_000);
  });

  it('a clock set back mid-step (a time sync) leaves the step no longer than it is, and never stalls', () => {
    const steps = [{ seconds: 30 }, { seconds: 30 }];
    const s = P.settle(P.startPlayer(T0), steps, T0 + 10_000);
    const back = T0 + 10_000 - 3_600_000;
    const after = P.settle(s, steps, back);
    expect(P.remainingMs(after, steps, back)).toBeLessThanOrEqual(30_000);
    // A step a key started after the page's clock last ticked (up to 250 ms before) is no clock set back.
    const keyed = P.next(s, steps, T0 + 10_250);
    expect(P.settle(keyed, steps, T0 + 10_000)).toBe(keyed);
    expect(P.settle(after, steps, back + 31_000).step).toBe(1); // and it moves on
    // Paused, then resumed after the clock went back: the pause does not eat into the step.
    const paused = P.pause(s, T0 + 10_000);
    expect(P.remainingMs(P.resume(paused, back), steps, back)).toBe(20_000);
  });

  it('next / back move between steps and finish after the last', () => {
    let s = startPlayer(T);
    s = next(s, steps, T + 1_000);
    expect(s.step).toBe(1);
    s = back(s, steps, T + 2_000);
    expect(s.step).toBe(0);
    s = back(s, steps, T + 2_000);
    expect(s.step).toBe(0);
    s = next(next(next(s, steps, T), steps, T), steps, T);
    expect(s.finished).toBe(true);
    // The steps over (strict mode's break running on): back is the last step again, from its start.
    s = back(s, steps, T + 3_000);
    expect(s).toMatchObject({ step: steps.length - 1, finished: false, stepStartedAt: T + 3_000 });
  });
});
