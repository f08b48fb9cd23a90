/**
 * Where a routine's words live in the message catalogues (public/_locales/<lang>/messages.json).
 * Pure and import-free, so Node scripts and tests can read a catalogue file with the same names
 * the extension asks browser.i18n for (content/text.ts). Chrome message names allow only
 * [A-Za-z0-9_@], hence the id's "-" becomes "_".
 */
import type { Caution, Routine } from './types';

type WithId = Pick<Routine, 'id'>;

const base = (id: string) => `r_${id.replace(/-/g, '_')}`;

export const titleKey = (r: WithId) => `${base(r.id)}_title`;
export const summaryKey = (r: WithId) => `${base(r.id)}_summary`;
/** Step `i` counts from 0 here, as in `routine.steps`; the names count from 1 (..._step1). */
export const stepKey = (r: WithId, i: number) => `${base(r.id)}_step${i + 1}`;
/** The illustration's text alternative: what the figure does (the player's alt text). */
export const altKey = (r: WithId) => `${base(r.id)}_alt`;
export const cautionKey = (c: Caution) => `caution_${c}`;

/** Every name a routine's own text uses (title, summary, the illustration's text, each step), in order. */
export function routineKeys(r: Pick<Routine, 'id' | 'steps'>): string[] {
  return [titleKey(r), summaryKey(r), altKey(r), ...r.steps.map((_, i) => stepKey(r, i))];
}
