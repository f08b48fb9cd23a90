/**
 * What the break player's unit cases share (lib/player-cases.test.ts, lib/break-resume-cases.test.ts):
 * the clock they start at, the player's tick, the wait for a render, the routine they play, and
 * Preact's effects run on the next turn.
 */
import { afterAll, beforeAll } from 'vitest';
import { options } from 'preact';
import { ROUTINES } from '../../content/routines';

export const T0 = Date.UTC(2026, 2, 5, 9, 0);
/** The player's clock ticks every 250 ms (Player.tsx useNow(250)). */
export const TICK = 250;
/** Long enough for Preact's renders and effects (each on the next turn, on real timers). */
export const PAINT = 40;

/** A library stretch of at least three steps whose second step lasts 30 s (knee-to-chest: 10 s, 30 s, ...). */
export const ROUTINE = ROUTINES.find((r) => r.kind === 'stretch' && r.steps.length >= 3 && r.steps[1]!.seconds === 30)!;

/**
 * Preact runs effects after the next frame: here, with no frames, a 35 ms timer that a loaded
 * machine may fire after a test's wait. On the next turn instead, ahead of the wait (real timers).
 * Call at the top of a test file.
 */
export function effectsOnNextTurn(): void {
  beforeAll(() => void (options.requestAnimationFrame = (cb) => void setTimeout(cb, 0)));
  afterAll(() => void delete options.requestAnimationFrame);
}
