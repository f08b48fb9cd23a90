/**
 * Where a routine's words live in the message catalogues (public/_locales/<lang>/messages.json).
 * Pure and import-free, so Node scripts and tests can read a catalogue file with the same names
 * the extension asks browser.i18n for (content/text.ts). Chrome message names allow only
 * [A-Za-z0-9_@], hence the id's "-" becomes "_".
 */
import type { Caution, Routine } from './types';

type WithId = Pick<Routine, 'id'>;
type WithSteps = Pick<Routine, 'id' | 'steps'>;

const base = (id: string) => `r_${id.replace(/-/g, '_')}`;

export const titleKey = (r: WithId) => `${base(r.id)}_title`;
export const summaryKey = (r: WithId) => `${base(r.id)}_summary`;
/**
 * Step `i` counts from 0 here, as in `routine.steps`; the names count from 1 (..._step1). A step
 * that says again what an earlier one said (`sameAs`) has that step's name.
 */
export const stepKey = (r: WithSteps, i: number) => `${base(r.id)}_step${(r.steps[i]?.sameAs ?? i) + 1}`;
/** The illustration's text alternative: what the figure does (the player's alt text). */
export const altKey = (r: WithId) => `${base(r.id)}_alt`;
export const cautionKey = (c: Caution) => `caution_${c}`;

/** Every name a routine's own text uses (title, summary, the illustration's text, each step's once), in order. */
export function routineKeys(r: WithSteps): string[] {
  return [titleKey(r), summaryKey(r), altKey(r), ...new Set(r.steps.map((_, i) => stepKey(r, i)))];
}
