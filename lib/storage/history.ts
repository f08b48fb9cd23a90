/**
 * The break history in IndexedDB (idb). Domain verbs only; no caller sees a store or a
 * transaction. The database itself (schema, upgrades, connection) is lib/storage/history-db.ts.
 */
import { dayKey, type DayKey } from '../days';
import type { BreakRecord } from '../tracker/tracker';
import { aggregate, applyBreak, emptyDay, isEmptyDay, type DayAggregate } from '../aggregates';
import type { DayMark } from '../streaks';
import { withDb, writeTx, type StoredBreak } from './history-db';

export {
  closeHistory,
  DB_NAME,
  DB_VERSION,
  historyAbsent,
  HistoryUnavailableError,
  OPEN_DEADLINE_MS,
  openHistory,
  orNull,
  type DayAggregate,
  type LimberDB,
  type StoredBreak,
} from './history-db';

// ---------------------------------------------------------------------------------------------
// Writes (the background only).

/**
 * Writes one break outcome and its day's aggregate in one transaction. Idempotent by id: a break
 * is recorded once, and a later write of the same id changes nothing (the row first written is
 * returned). A worker stopped between this write and the state's save ends the same break again
 * from the state before it (its window closed, or given up): the outcome the person gave stands.
 * The day is the local day the break began: started at 23:58 and done at 00:04, it is the
 * evening's (its count, streak day, desk time and export row); one never started (skipped, taken
 * naturally) is on the day it ended.
 */
export const recordDay = (entry: BreakRecord, timeZone: string): DayKey => dayKey(entry.startedAt ?? entry.endedAt, timeZone);

export async function recordBreak(entry: BreakRecord, timeZone: string): Promise<StoredBreak> {
  const row: StoredBreak = { ...entry, day: recordDay(entry, timeZone) };
  return withDb((db) => writeTx(db, async (tx) => {
    const breaks = tx.objectStore('breaks');
    const old = await breaks.get(row.id);
    if (old) return old;
    const days = tx.objectStore('days');
    const a = (await days.get(row.day)) ?? emptyDay(row.day);
    applyBreak(a, row);
    await breaks.put(row);
    if (!isEmptyDay(a)) await days.put(a);
    return row;
  }));
}

/**
 * Replaces the whole history with `rows` (an import), all or nothing: one transaction clears
 * both stores and writes the rows and their aggregates. On any failure nothing changes.
 */
export async function replaceHistory(rows: readonly StoredBreak[]): Promise<void> {
  const aggs = [...aggregate(rows).values()]; // computed before the transaction opens
  await withDb((db) =>
    writeTx(db, async (tx) => {
      const breaks = tx.objectStore('breaks');
      const days = tx.objectStore('days');
      await Promise.all([breaks.clear(), days.clear()]);
      // Every request's promise is kept (and marked handled) as it is made, so that one failing
      // part way leaves no rejected promise unobserved when the transaction aborts.
      const pending: Array<Promise<unknown>> = [];
      const keep = (p: Promise<unknown>) => {
        p.catch(() => undefined);
        pending.push(p);
      };
      for (const r of rows) keep(breaks.put(r));
      for (const a of aggs) keep(days.put(a));
      await Promise.all(pending);
    }),
  );
}

/** Deletes every break and aggregate (one transaction). */
export async function clearHistory(): Promise<void> {
  await withDb((db) => writeTx(db, async (tx) => void (await Promise.all([tx.objectStore('breaks').clear(), tx.objectStore('days').clear()]))));
}

// ---------------------------------------------------------------------------------------------
// Reads.

export function breaksOnDay(day: DayKey): Promise<StoredBreak[]> {
  return withDb((db) => db.getAllFromIndex('breaks', 'byDay', day));
}

export function breaksBetween(fromDay: DayKey, toDay: DayKey): Promise<StoredBreak[]> {
  return withDb((db) => db.getAllFromIndex('breaks', 'byDay', IDBKeyRange.bound(fromDay, toDay)));
}

/** Every break, oldest first (export). */
export function allBreaks(): Promise<StoredBreak[]> {
  return withDb((db) => db.getAllFromIndex('breaks', 'byEnd'));
}

/** Day aggregates, oldest first; all of them without bounds. */
export function dayAggregates(fromDay?: DayKey, toDay?: DayKey): Promise<DayAggregate[]> {
  const range =
    fromDay && toDay ? IDBKeyRange.bound(fromDay, toDay) : fromDay ? IDBKeyRange.lowerBound(fromDay) : toDay ? IDBKeyRange.upperBound(toDay) : undefined;
  return withDb((db) => db.getAll('days', range));
}

/** How much history there is. */
export function historySize(): Promise<{ breaks: number; days: number }> {
  return withDb(async (db) => {
    const tx = db.transaction(['breaks', 'days']);
    const [breaks, days] = await Promise.all([tx.objectStore('breaks').count(), tx.objectStore('days').count(), tx.done]);
    return { breaks, days };
  });
}

/** The most recent breaks `recentRoutines` reads at most (a history of years is not read through). */
const RECENT_READ = 1000;

/**
 * The most recent routine ids used, most recent first, back to the `limit`th of a break of `kind`
 * (any kind's when absent), with the other kind's between them: the picker's no-repeat cycle needs
 * a whole round of one kind, which posture checks between stretch breaks would otherwise crowd out.
 */
export function recentRoutines(limit: number, kind?: BreakRecord['kind']): Promise<string[]> {
  return withDb(async (db) => {
    const out: string[] = [];
    let of = 0;
    let cursor = await db.transaction('breaks').store.index('byEnd').openCursor(null, 'prev');
    for (let read = 0; cursor && of < limit && read < RECENT_READ; read++) {
      const { routineId } = cursor.value;
      if (routineId) {
        out.push(routineId);
        if (!kind || cursor.value.kind === kind) of++;
      }
      cursor = await cursor.continue();
    }
    return out;
  });
}

/**
 * What the summaries read: whole aggregates from `fromDay` on, and for older days only their
 * keys and whether they counted, from the keys of the store and of its 'byClass' index (no
 * values are read, so years of history cost little).
 */
export function historyForSummary(fromDay: DayKey): Promise<{ recent: DayAggregate[]; older: DayMark[] }> {
  return withDb(async (db) => {
    const tx = db.transaction('days');
    const [recent, olderKeys, missed] = await Promise.all([
      tx.store.getAll(IDBKeyRange.lowerBound(fromDay)),
      tx.store.getAllKeys(IDBKeyRange.upperBound(fromDay, true)),
      tx.store.index('byClass').getAllKeys(IDBKeyRange.only('missed')),
      tx.done,
    ]);
    const missedSet = new Set(missed);
    return { recent, older: olderKeys.map((day) => ({ day, met: !missedSet.has(day) })) };
  });
}

export interface TodaySummary {
  day: DayKey;
  /** Breaks taken today: completed, partial or natural. */
  taken: number;
  completed: number;
  skipped: number;
  /** Current and longest streak (lib/streaks.ts rules). */
  streak: number;
  longest: number;
}

