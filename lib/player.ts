/**
 * The break player's clock, pure: the position in a routine is derived from timestamps, so a
 * hidden or throttled window never drifts. `now` is always passed in.
 */
export interface PlayerState {
  step: number;
  /** When the current step started, shifted forward by time spent paused. */
  stepStartedAt: number;
  pausedAt: number | null;
  finished: boolean;
}

export interface StepTimes {
  readonly seconds: number;
}

export function startPlayer(now: number): PlayerState {
  return { step: 0, stepStartedAt: now, pausedAt: null, finished: false };
}

/** A clock read this much before a step's start is a clock set back (settle). */
const CLOCK_BACK_MS = 1000;

/** Moves through every step whose time is up (several, if the window slept). */
export function settle(s: PlayerState, steps: readonly StepTimes[], now: number): PlayerState {
  if (s.finished || s.pausedAt !== null) return s;
  // The clock set back (a time sync) mid-step: the step counts on from now, instead of showing an
  // hour to go and stalling. Only past a second: a page's ticking clock may read up to a tick
  // (250 ms) before a step that a key has just started.
  if (now < s.stepStartedAt - CLOCK_BACK_MS) return { ...s, stepStartedAt: now };
  let { step, stepStartedAt } = s;
  while (step < steps.length) {
    const end = stepStartedAt + steps[step]!.seconds * 1000;
    if (now < end) return step === s.step ? s : { ...s, step, stepStartedAt };
    step++;
    stepStartedAt = end;
  }
  return { ...s, step: steps.length - 1, stepStartedAt, finished: true };
}

export function remainingMs(s: PlayerState, steps: readonly StepTimes[], now: number): number {
  const cur = steps[s.step];
  if (!cur || s.finished) return 0;
  const at = s.pausedAt ?? now;
  return Math.max(0, s.stepStartedAt + cur.seconds * 1000 - at);
}

export function pause(s: PlayerState, now: number): PlayerState {
  return s.pausedAt !== null || s.finished ? s : { ...s, pausedAt: now };
}

export function resume(s: PlayerState, now: number): PlayerState {
  if (s.pausedAt === null) return s;
  return { ...s, stepStartedAt: s.stepStartedAt + (now - s.pausedAt), pausedAt: null };
}

/** Space: pause or resume the step under way now (settled first: a throttled window may be past a step). */
export function toggle(s: PlayerState, steps: readonly StepTimes[], now: number): PlayerState {
  const cur = settle(s, steps, now);
  return cur.pausedAt === null ? pause(cur, now) : resume(cur, now);
}

export function goTo(s: PlayerState, steps: readonly StepTimes[], step: number, now: number): PlayerState {
  const i = Math.max(0, Math.min(steps.length - 1, step));
  return { ...s, step: i, stepStartedAt: now, pausedAt: s.pausedAt === null ? null : now, finished: false };
}

export function next(s: PlayerState, steps: readonly StepTimes[], now: number): PlayerState {
  if (s.step >= steps.length - 1) return { ...s, finished: true, pausedAt: null };
  return goTo(s, steps, s.step + 1, now);
}

/** The step before; the steps over (Next past the last, strict mode's break running on), the last one again. */
export function back(s: PlayerState, steps: readonly StepTimes[], now: number): PlayerState {
  return goTo(s, steps, s.finished ? s.step : s.step - 1, now);
}
