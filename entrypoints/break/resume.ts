/**
 * Where the player is in a break's routine, kept in the window's sessionStorage so that a reload
 * (F5, or the browser restoring the window) takes the routine up where it was, not at step 1. One
 * place per window, for one break and one routine: another routine, or another break, starts at
 * its first step. The place is made of timestamps (lib/player.ts), so the time the reload took is
 * counted as the player counts any time: a step that ran out meanwhile has moved on, a paused one
 * has not. Also when the window began the break (breakFrom), from which strict mode counts the
 * break's time. Forgotten when the break ends. Storage refused (a browser setting) keeps nothing.
 */
import { useRef } from 'preact/hooks';
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
function breakFrom(id: string, now: number): number {
  try {
    const [at, from] = JSON.parse(sessionStorage.breakFrom) as [string, number];
    if (at === id && from <= now) return from;
  } catch {
    // none kept
  }
  return keepFrom(id, now);
}

function keepFrom(id: string, from: number): number {
  try {
    sessionStorage.breakFrom = JSON.stringify([id, from]);
  } catch {
    // nothing kept
  }
  return from;
}

/**
 * breakFrom for a page that reads the clock `now` as it draws (the player, the free break): the
 * clock set back while the break lasts (a time sync) takes the break's start back with it, so its
 * time counts on as the player's step does (lib/player.ts settle), not longer by the time the clock
 * went back (10 min back left Done 10 min away).
 */
export function useBreakFrom(id: string, now: number): number {
  const at = useRef<{ from: number; seen: number } | null>(null);
  const c = (at.current ??= { from: breakFrom(id, now), seen: now });
  if (now < c.seen) c.from = keepFrom(id, c.from - (c.seen - now));
  c.seen = now;
  return c.from;
}
