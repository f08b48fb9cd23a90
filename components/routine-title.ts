/** Routine titles for display by id (kept apart from history-format.ts so the popup does not bundle the routine library). */
import { ROUTINES } from '../content/routines';
import { routineTitle as titleOf } from '../content/text';

const IDS = new Set(ROUTINES.map((r) => r.id));

/** A routine's title in the browser's language (content/text.ts), or its id if unknown. */
export function routineTitle(id: string): string {
  return IDS.has(id) ? titleOf({ id }) : id;
}
