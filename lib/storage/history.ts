/**
 * The break history in IndexedDB (idb). One record per break outcome, keyed by the break's
 * stable id, so writing the same outcome twice is still one row. Domain verbs only; no caller
 * sees a store or a transaction.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { addDays, dayKey, type DayKey } from '../days';
import type { BreakRecord } from '../tracker/tracker';
import { currentStreak, longestStreak } from '../streaks';

export const DB_NAME = 'limber';
export const DB_VERSION = 1;

export interface StoredBreak extends BreakRecord {
  /** Local calendar day of `endedAt`, fixed at write time in the zone then in force. */
  day: DayKey;
}

export interface LimberDB extends DBSchema {
  breaks: {
    key: string;
    value: StoredBreak;
    indexes: { byDay: DayKey; byEnd: number };
  };
}

let dbPromise: Promise<IDBPDatabase<LimberDB>> | null = null;

export class HistoryUnavailableError extends Error {
  constructor(cause: unknown) {
    super('IndexedDB is not available: break history is off.');
    this.name = 'HistoryUnavailableError';
    this.cause = cause;
  }
}

export function openHistory(): Promise<IDBPDatabase<LimberDB>> {
  if (!dbPromise) {
    const opening = openDB<LimberDB>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Stepwise: each step takes the database from one version to the next.
        if (oldVersion < 1) {
          const breaks = db.createObjectStore('breaks', { keyPath: 'id' });
          breaks.createIndex('byDay', 'day');
          breaks.createIndex('byEnd', 'endedAt');
        }
      },
      blocking() {
        // A newer version wants to open: step aside.
        void opening.then((db) => db.close());
        dbPromise = null;
      },
      terminated() {
        dbPromise = null;
      },
    }).catch((e: unknown) => {
      dbPromise = null;
      throw new HistoryUnavailableError(e);
    });
    dbPromise = opening;
  }
  return dbPromise;
}

/** Closes the connection (tests, reset). */
export async function closeHistory(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  if (p) (await p.catch(() => null))?.close();
}

export async function recordBreak(entry: BreakRecord, timeZone: string): Promise<StoredBreak> {
  const db = await openHistory();
  const row: StoredBreak = { ...entry, day: dayKey(entry.endedAt, timeZone) };
  await db.put('breaks', row);
  return row;
}

export async function breaksOnDay(day: DayKey): Promise<StoredBreak[]> {
  const db = await openHistory();
  return db.getAllFromIndex('breaks', 'byDay', day);
}

export async function breaksBetween(fromDay: DayKey, toDay: DayKey): Promise<StoredBreak[]> {
  const db = await openHistory();
  return db.getAllFromIndex('breaks', 'byDay', IDBKeyRange.bound(fromDay, toDay));
}

/** The most recent routine ids used, most recent first. */
export async function recentRoutines(limit: number): Promise<string[]> {
  const db = await openHistory();
  const out: string[] = [];
  let cursor = await db.transaction('breaks').store.index('byEnd').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    if (cursor.value.routineId) out.push(cursor.value.routineId);
    cursor = await cursor.continue();
  }
  return out;
}

export interface TodaySummary {
  day: DayKey;
  /** Breaks taken today: completed, partial or natural. */
  taken: number;
  completed: number;
  skipped: number;
  streak: number;
  longest: number;
}

const TAKEN = new Set(['completed', 'partial', 'natural']);

/** Today's counts and the streaks (a day counts when it has a completed break). */
export async function todaySummary(now: number, timeZone: string): Promise<TodaySummary> {
  const today = dayKey(now, timeZone);
  const rows = await breaksBetween(addDays(today, -400), today);
  const counting = new Set<DayKey>();
  let taken = 0;
  let completed = 0;
  let skipped = 0;
  for (const r of rows) {
    if (r.outcome === 'completed') counting.add(r.day);
    if (r.day !== today) continue;
    if (TAKEN.has(r.outcome)) taken++;
    if (r.outcome === 'completed') completed++;
    if (r.outcome === 'skipped') skipped++;
  }
  return { day: today, taken, completed, skipped, streak: currentStreak(counting, today), longest: longestStreak(counting) };
}
