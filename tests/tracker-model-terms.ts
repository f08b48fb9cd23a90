/**
 * The reference model's terms (tests/tracker-model.ts): the README's constants restated, desk
 * time as lower and upper bounds, a pause, dead time (nothing delivered), and cutting a time
 * piece out of another. Like the model, it never imports lib/tracker.
 */
import type { BreakKind } from '../lib/settings';

export type Activity = 'active' | 'idle' | 'locked';
export const KINDS: readonly BreakKind[] = ['micro', 'stretch'];

/** The README's constants, restated (not imported: the model is independent). */
export const RULES = {
  /** "Limber checks in every five minutes while it is counting." */
  watchdogMs: 5 * 60_000,
  /** "If it hears nothing for longer than about six and a half minutes, the computer slept." */
  sleepGapMs: 6.5 * 60_000,
  /** "When both fall due within two minutes of each other you get only the stretch break." */
  mergeMs: 2 * 60_000,
  /** A working range's start heard of within this long counts from the start (an alarm's lateness). */
  rangeGraceMs: 90_000,
};

export interface Bound {
  lo: number;
  hi: number;
}


export interface Pause {
  since: number;
  until: number | null;
}

/** A stretch of time in which the machine delivered nothing (asleep, browser closed). */
export interface Dead {
  from: number;
  to: number;
  /**
   * Known tracker bug, accepted when the model is lenient: the tracker was not counting when the
   * sleep began (paused, on a break, outside hours), so it cannot notice it and counts it as desk
   * time once counting resumes. The upper bound then counts it too; the lower bound never does.
   */
  blind: boolean;
  /** When the tracker can first tell it (the wake it missed, when it began while not counting). */
  seenFrom: number;
}

/** [a, b] without [c, d], as 0-2 pieces. */
export function cut(a: number, b: number, c: number, d: number): Array<[number, number]> {
  if (d <= a || c >= b) return [[a, b]];
  const out: Array<[number, number]> = [];
  if (c > a) out.push([a, c]);
  if (d < b) out.push([d, b]);
  return out;
}
