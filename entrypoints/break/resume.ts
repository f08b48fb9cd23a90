/**
 * Where the player is in a break's routine, kept in the window's sessionStorage so that a reload
 * (F5, or the browser restoring the window) takes the routine up where it was, not at step 1. One
 * place per window, for one break and one routine: another routine, or another break, starts at
 * its first step. The place is made of timestamps (lib/player.ts), so the time the reload took is
 * counted as the player counts any time: a step that ran out meanwhile has moved on, a paused one
 * has not. Also when the window began the break (breakFrom), from which strict mode counts the
 * break's time. Forgotten when the break ends. Storage refused (a browser setting) keeps nothing.
 */
import type { PlayerState } from '../../lib/player';

/** The place kept for `of` (a break's id and its routine's), if it fits the routine's `stepCount` steps (an own routine may have changed). */
export function loadPlace(of: string, stepCount: number): PlayerState | null {
  try {
    const [at, s] = JSON.parse(sessionStorage.player) as [string, PlayerState];
    return at === of && s.step < stepCount ? s : null;
  } catch {
    return null; // none kept (or no session storage here)
  }
}

/** Keeps the place `state` for `of`; with none, forgets it (and the break's start). No session storage here: a reload starts again. */
export function keepPlace(of?: string, state?: PlayerState): void {
  try {
    if (state) sessionStorage.player = JSON.stringify([of, state]);
    else {
      delete sessionStorage.player;
      delete sessionStorage.breakFrom;
    }
  } catch {
    // nothing kept
  }
}

/**
 * When this window began break `id` (a routine or the free break), kept across a reload and
 * "Another routine": `now` the first time (or after a clock set back before it).
 */
export function breakFrom(id: string, now: number): number {
  try {
    const [at, from] = JSON.parse(sessionStorage.breakFrom) as [string, number];
    if (at === id && from <= now) return from;
  } catch {
    // none kept
  }
  try {
    sessionStorage.breakFrom = JSON.stringify([id, now]);
  } catch {
    // nothing kept
  }
  return now;
}
