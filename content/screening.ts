/**
 * Which routines the safety screen comes before (its own module: the break page needs this before
 * its first paint, the picker (./picker.ts) only once a routine is chosen).
 */
import type { Caution, Routine } from './types';

/** The cautions the safety screen's questions are about: a routine carrying one is screened first. */
export const SCREENED_CAUTIONS: readonly Caution[] = Object.freeze(['spineCondition'] as Caution[]);

/**
 * Whether the safety screen must come before this routine the first time: self-massage, and every
 * routine carrying a caution the screen asks about.
 *
 * The rule, from the sources (content/source-notes.ts): "Back Pain Massage Treatment for Lasting
 * Relief" lists red flags (numbness, tingling, weakness, loss of bladder or bowel control, severe
 * pain after an accident) on which all back self-care pauses until a professional has looked, and
 * names certain spinal conditions; the untitled massage article adds fragile vertebrae
 * (osteoporosis) and discs that press on nerves. Those are about moving or pressing on the back, so
 * every routine whose movement bends the back (arching, rounding, bending sideways) or twists it
 * carries the `spineCondition` caution (and `seePro`) and is screened: the back extension, the
 * twist, seated cat-cow, the side bend and seated knee-to-chest. A stretch that keeps the back long
 * (hip hinges, neck, shoulders, wrists, legs, breathing) is not: its own cautions cover it.
 * content/picker-safety.test.ts places every stretch on one side of this rule.
 */
export function needsScreening(r: Pick<Routine, 'kind' | 'cautions'>): boolean {
  return r.kind === 'self-massage' || r.cautions.some((c) => SCREENED_CAUTIONS.includes(c));
}
