/**
 * Which routines the safety screen comes before (its own module: the break page needs this before
 * its first paint, the picker (./picker.ts) only once a routine is chosen).
 */
import type { Caution, Routine } from './types';

/** The cautions the safety screen's questions are about: a routine carrying one is screened first. */
export const SCREENED_CAUTIONS: readonly Caution[] = Object.freeze(['spineCondition'] as Caution[]);

/**
 * Whether the safety screen must come before this routine the first time: self-massage, and every
 * routine carrying a caution the screen asks about (back extensions, twists: spinal conditions).
 */
export function needsScreening(r: Pick<Routine, 'kind' | 'cautions'>): boolean {
  return r.kind === 'self-massage' || r.cautions.some((c) => SCREENED_CAUTIONS.includes(c));
}
