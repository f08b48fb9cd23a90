/** Routine titles for display by id (kept apart from history-format.ts so the popup does not bundle the routine library). */
import { ROUTINES } from '../content/routines';
import { routineTitle as titleOf } from '../content/text';
import { t } from '../lib/i18n';
import { isOwnId } from '../lib/own-routine-play';

const IDS = new Set(ROUTINES.map((r) => r.id));

/**
 * A routine's title in the browser's language (content/text.ts); for an id Limber no longer has
 * (an old or imported history), "A routine no longer in Limber", never the id itself; for one of
 * the user's own, "One of your own routines".
 */
export function routineTitle(id: string): string {
  // The user's own routines (lib/own-routines.ts) keep their names in storage, not here.
  if (isOwnId(id)) return t('ownRoutineInHistory');
  return IDS.has(id) ? titleOf({ id }) : t('routineGone');
}
