/**
 * History records on their way to IndexedDB. A record is idempotent (keyed by its break id: the
 * first write stands), so writing one twice after a worker stop is still one row, with the outcome
 * first given; what could not be written waits in the outbox, saved with the tracker state and
 * tried again on every later event.
 */
import { historyAbsent, HistoryUnavailableError } from '../storage/history';
import type { PendingRecord } from '../storage/items';
import type { Store } from './ports';

/**
 * Writes pending records in order. Returns whether any was written and those still waiting: when
 * the database cannot be opened (slow or blocked, a failed upgrade) the rest wait too, untried; a
 * record that fails on its own (a full disk) waits alone. Only "IndexedDB does not exist here"
 * drops a record: history is off on this browser (the popup says so).
 */
export async function writeRecords(store: Store, pending: readonly PendingRecord[]): Promise<{ recorded: boolean; waiting: PendingRecord[] }> {
  let recorded = false;
  const waiting: PendingRecord[] = [];
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    try {
      await store.recordBreak(p.entry, p.timeZone);
      recorded = true;
    } catch (err) {
      if (historyAbsent(err)) {
        console.warn('[limber] history is off:', (err as Error).message);
        continue;
      }
      console.warn('[limber] history write failed; kept to try again', err);
      if (err instanceof HistoryUnavailableError) return { recorded, waiting: [...waiting, ...pending.slice(i)] };
      waiting.push(p);
    }
  }
  return { recorded, waiting };
}
