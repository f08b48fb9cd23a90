/** Routine titles for display (kept apart from history-format.ts so the popup does not bundle the routine library). */
import { ROUTINES } from '../content/routines';

const TITLES = new Map(ROUTINES.map((r) => [r.id, r.title]));

/** A routine's title (routine content is data, in content/routines.ts), or its id if unknown. */
export function routineTitle(id: string): string {
  return TITLES.get(id) ?? id;
}
