/** A stored break row for unit tests: a completed cat-cow stretch break ending at `endedAt` (its day in UTC). */
import type { StoredBreak } from '../../lib/storage/history';

const MIN = 60_000;

export function storedBreak(id: string, endedAt: number, patch: Partial<StoredBreak> = {}): StoredBreak {
  return {
    id,
    kind: 'stretch',
    outcome: 'completed',
    dueAt: endedAt - 5 * MIN,
    promptedAt: endedAt - 5 * MIN,
    startedAt: endedAt - 3 * MIN,
    endedAt,
    routineId: 'cat-cow',
    deskMs: 45 * MIN,
    snoozes: 0,
    manual: false,
    day: new Date(endedAt).toISOString().slice(0, 10),
    ...patch,
  };
}
