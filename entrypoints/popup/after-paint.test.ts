import { describe, expect, it } from 'vitest';
import { afterPaint } from './after-paint';

/** Timers that run only when told to: the animation frames and the timers, in the browser's order. */
function fakeTimers() {
  const frames: Array<() => void> = [];
  const timers: Array<{ at: number; cb: () => void }> = [];
  let now = 0;
  return {
    /** Frames painted so far. */
    painted: 0,
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    setTimeout: (cb: () => void, ms: number) => timers.push({ at: now + ms, cb }),
    /** One frame: its callbacks, its paint, then the timers due by then. */
    frame() {
      frames.splice(0).forEach((cb) => cb());
      this.painted++;
      this.advance(0);
    },
    advance(ms: number) {
      now += ms;
      for (let t = timers.findIndex((x) => x.at <= now); t >= 0; t = timers.findIndex((x) => x.at <= now)) timers.splice(t, 1)[0]!.cb();
    },
  };
}

describe('afterPaint', () => {
  it('waits for the next frame, and runs after it', () => {
    const t = fakeTimers();
    let runs = 0;
    let paintedBefore = -1;
    afterPaint(() => {
      runs++;
      paintedBefore = t.painted;
    }, 100, t);
    expect(runs).toBe(0); // not in the task that drew the first frame
    t.advance(0);
    expect(runs).toBe(0); // not before a frame either
    t.frame();
    expect(runs).toBe(1);
    expect(paintedBefore).toBe(1); // after the frame's paint, not in its callbacks
    t.advance(200);
    expect(runs).toBe(1); // once, though the longest wait passes too
  });

  it('a page that gets no frame (out of view) still runs, once, after the longest wait', () => {
    const t = fakeTimers();
    let runs = 0;
    afterPaint(() => runs++, 100, t);
    t.advance(99);
    expect(runs).toBe(0);
    t.advance(1);
    expect(runs).toBe(1);
    t.frame();
    expect(runs).toBe(1);
  });
});
