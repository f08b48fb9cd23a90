/**
 * Runs `fn` once the browser has painted what is on screen now: a timer set in the next animation
 * frame fires after that frame's paint. A page out of view gets no animation frame, so `fn` runs
 * after `maxMs` at the latest. Exactly once either way. The timers are passed in for the tests.
 */
export interface FrameTimers {
  requestAnimationFrame(cb: () => void): unknown;
  setTimeout(cb: () => void, ms: number): unknown;
}

export function afterPaint(fn: () => void, maxMs: number, timers: FrameTimers = globalThis): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  timers.requestAnimationFrame(() => timers.setTimeout(once, 0));
  timers.setTimeout(once, maxMs);
}
