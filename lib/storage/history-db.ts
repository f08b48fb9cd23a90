/**
 * The break history's database: schema, stepwise upgrades, the connection and the all-or-nothing
 * write transaction. lib/storage/history.ts builds the domain verbs on it; nothing else imports it.
 *
 * Version 2 of the database:
 * - 'breaks': one row per break outcome, keyed by the break's stable id (writing the same outcome
 *   twice is still one row), indexed by local day ('byDay') and by end time ('byEnd');
 * - 'days': one aggregate per local day (lib/aggregates.ts), kept in step with 'breaks' in the
 *   same transaction as every write, so summaries read a few small rows instead of the log;
 *   indexed by whether the day met the streak rules ('byClass'), so days older than a summary's
 *   window are read as keys only.
 *
 * Upgrades are stepwise by `oldVersion` (v1 -> v2 creates 'days' and backfills it from the
 * rows already there). Inside a transaction nothing but IndexedDB requests is awaited.
 * Connections: a newer version asking to open ('blocking') makes this one close; a connection the
 * browser drops ('terminated') is forgotten; the next call opens afresh. An open that stays
 * blocked by another connection gives up after OPEN_DEADLINE_MS (that call fails, as a failure of
 * the moment: history is not "off") rather than hang the worker.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DayKey } from '../days';
import type { BreakRecord } from '../tracker/tracker';
import { aggregate, type DayAggregate } from '../aggregates';
import { withDeadline } from '../platform/deadline';

export const DB_NAME = 'limber';
export const DB_VERSION = 2;
/** How long an open may stay blocked by another connection before it fails (for now: history is not off). */
export const OPEN_DEADLINE_MS = 3000;

export interface StoredBreak extends BreakRecord {
  /** Local calendar day the break began (`startedAt`, else `endedAt`: one never started), fixed at write time in the zone then in force. */
  day: DayKey;
}

export type { DayAggregate };

export interface LimberDB extends DBSchema {
  breaks: {
    key: string;
    value: StoredBreak;
    indexes: { byDay: DayKey; byEnd: number };
  };
  days: {
    key: DayKey;
    value: DayAggregate;
    indexes: { byClass: 'met' | 'missed' };
  };
}

type UpgradeTx = IDBPTransaction<LimberDB, ArrayLike<StoreNames<LimberDB>>, 'versionchange'>;

let dbPromise: Promise<IDBPDatabase<LimberDB>> | null = null;

export class HistoryUnavailableError extends Error {
  /**
   * IndexedDB does not exist here (not exposed, or refused for good: some private modes, Firefox
   * with history off): history is off. Otherwise the failure may pass (a slow or blocked open, a
   * failed upgrade, a full disk) and a write is worth trying again later.
   */
  readonly absent: boolean;
  constructor(cause: unknown, absent = false) {
    super(absent ? 'IndexedDB is not available: break history is off.' : 'The break history could not be opened just now.');
    this.name = 'HistoryUnavailableError';
    this.cause = cause;
    this.absent = absent;
  }
}

/** Whether an error means there is no history on this browser at all (as opposed to not now). */
export function historyAbsent(err: unknown): boolean {
  return err instanceof HistoryUnavailableError && err.absent;
}

/**
 * `p`'s value, or null when history is off: only in a browser without IndexedDB (historyAbsent),
 * so that the popup, the review, a reset or an export never take a failure of the moment (a slow
 * or blocked open, a disk error) for "no history". Any other failure is thrown.
 */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (historyAbsent(err)) return null;
    throw err;
  }
}

/** Open failures that will not pass: IndexedDB missing, or refused in this context. */
function refusedForGood(e: unknown): boolean {
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  return typeof indexedDB === 'undefined' || name === 'SecurityError' || (name === 'InvalidStateError' && !dbEverOpened);
}

/** An open has succeeded in this worker's life (an InvalidStateError after that is a closed connection, not a refusal). */
let dbEverOpened = false;

/** Each step takes the database from one version to the next; a new database runs them all. */
function upgrade(db: IDBPDatabase<LimberDB>, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const breaks = db.createObjectStore('breaks', { keyPath: 'id' });
    breaks.createIndex('byDay', 'day');
    breaks.createIndex('byEnd', 'endedAt');
  }
  if (oldVersion < 2) {
    const days = db.createObjectStore('days', { keyPath: 'day' });
    // Old days are read as keys only, through this index (see historyForSummary).
    days.createIndex('byClass', 'cls');
    // Backfill from the v1 rows, inside the upgrade transaction: if it fails, the upgrade
    // aborts and the database stays at v1, untouched.
    if (oldVersion >= 1) {
      void backfillDays(tx).catch(() => {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
      });
    }
  }
}

async function backfillDays(tx: UpgradeTx): Promise<void> {
  const rows: StoredBreak[] = [];
  let cursor = await tx.objectStore('breaks').openCursor();
  while (cursor) {
    const r = cursor.value;
    if (r && typeof r.day === 'string' && typeof r.id === 'string') rows.push(r);
    cursor = await cursor.continue();
  }
  const days = tx.objectStore('days');
  await Promise.all([...aggregate(rows).values()].map((a) => days.put(a)));
}

export function openHistory(): Promise<IDBPDatabase<LimberDB>> {
  if (dbPromise) return dbPromise;
  let conn: IDBPDatabase<LimberDB> | null = null;
  let gaveUp = false;
  const forget = () => {
    if (dbPromise === current) dbPromise = null;
  };
  let opening: Promise<IDBPDatabase<LimberDB>>;
  try {
    opening = openDB<LimberDB>(DB_NAME, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
      blocked: () => console.warn('[limber] history upgrade blocked by another page'),
      blocking: () => {
        // A newer version wants to open: step aside; the next call opens afresh.
        conn?.close();
        forget();
      },
      terminated: forget,
    });
  } catch (e) {
    // indexedDB itself missing (not exposed in this context) or refusing; anything else may pass.
    return Promise.reject(new HistoryUnavailableError(e, e instanceof ReferenceError || e instanceof TypeError || refusedForGood(e)));
  }
  const current: Promise<IDBPDatabase<LimberDB>> = withDeadline(
    opening.then((db) => {
      conn = db;
      dbEverOpened = true;
      if (gaveUp) db.close(); // opened after we stopped waiting: do not keep a stray connection
      return db;
    }),
    OPEN_DEADLINE_MS,
    'opening the history',
  ).catch((e: unknown) => {
    gaveUp = true;
    forget();
    throw e instanceof HistoryUnavailableError ? e : new HistoryUnavailableError(e, refusedForGood(e));
  });
  dbPromise = current;
  return current;
}

/** Closes the connection (tests, benchmarks). */
export async function closeHistory(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  if (p) (await p.catch(() => null))?.close();
}

const closedConnection = (e: unknown) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'InvalidStateError';

/** Runs `fn` on the open database; once more on a fresh connection if this one was closed under it. */
export async function withDb<T>(fn: (db: IDBPDatabase<LimberDB>) => Promise<T>): Promise<T> {
  const db = await openHistory();
  try {
    return await fn(db);
  } catch (e) {
    if (!closedConnection(e)) throw e;
    if (dbPromise && (await dbPromise.catch(() => null)) === db) dbPromise = null;
    return fn(await openHistory());
  }
}

export type WriteTx = IDBPTransaction<LimberDB, Array<'breaks' | 'days'>, 'readwrite'>;

/**
 * One read-write transaction over both stores, all or nothing: if `fn` throws (even
 * synchronously, as a put of a malformed row does), the transaction is aborted, so requests
 * already made are undone rather than auto-committed.
 */
export async function writeTx<T>(db: IDBPDatabase<LimberDB>, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = db.transaction(['breaks', 'days'], 'readwrite');
  try {
    const out = await fn(tx);
    await tx.done;
    return out;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
}
