import { describe, expect, it } from 'vitest';
import { back, next, pause, remainingMs, resume, settle, startPlayer } from './player';

const steps = [{ seconds: 10 }, { seconds: 20 }, { seconds: 5 }];
const T = 1_700_000_000_000;

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
  });
});
