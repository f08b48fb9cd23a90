import { afterEach, describe, expect, it } from 'vitest';
import { makeV1History } from '../../tests/support/v1-history';
import fc from 'fast-check';
import {
  historyForSummary,
  allBreaks,
  breaksOnDay,
  clearHistory,
  closeHistory,
  dayAggregates,
  DB_NAME,
  HistoryUnavailableError,
  openHistory,
  recentRoutines,
  recordBreak,
  replaceHistory,
  type StoredBreak,
} from './history';
import { aggregate, deskMsOf } from '../aggregates';
import { addDays } from '../days';
import { DEFAULT_SETTINGS } from '../settings';
import { popupSummary } from '../popup-summary';
import { scanStreaks } from '../streaks';
import { demoHistory } from '../../scripts/demo-history';
import type { BreakRecord } from '../tracker/tracker';

const DAY = 24 * 3600_000;
// 2026-03-05 12:00 UTC
const NOON = Date.UTC(2026, 2, 5, 12);

function rec(id: string, endedAt: number, outcome: BreakRecord['outcome'] = 'completed', routineId: string | null = null, extra: Partial<BreakRecord> = {}): BreakRecord {
  return { id, kind: 'stretch', outcome, dueAt: endedAt - 60_000, promptedAt: null, startedAt: null, endedAt, routineId, deskMs: 0, snoozes: 0, manual: false, ...extra };
}

afterEach(() => closeHistory());


function rawOpen(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}

/** A v1 history: 3 days, every outcome, two kinds, routines, one manual break. */
const V1_ROWS: StoredBreak[] = [
  { ...rec('stretch-1', Date.UTC(2026, 1, 27, 10), 'completed', 'cat-cow', { deskMs: 50 * 60_000 }), day: '2026-02-27' },
  { ...rec('micro-1', Date.UTC(2026, 1, 27, 10, 30), 'natural', null, { kind: 'micro', deskMs: 20 * 60_000 }), day: '2026-02-27' },
  { ...rec('micro-2', Date.UTC(2026, 1, 27, 11), 'skipped', null, { kind: 'micro', deskMs: 25 * 60_000 }), day: '2026-02-27' },
  { ...rec('stretch-2', Date.UTC(2026, 1, 28, 9), 'partial', 'neck-side-stretch', { deskMs: 70 * 60_000 }), day: '2026-02-28' },
  { ...rec('stretch-3', Date.UTC(2026, 1, 28, 16), 'skipped', null, { deskMs: 90 * 60_000 }), day: '2026-02-28' },
  { ...rec('manual-1', Date.UTC(2026, 2, 1, 22, 30), 'completed', 'cat-cow', { manual: true, deskMs: 5 * 60_000 }), day: '2026-03-02' }, // Tokyo evening
];

describe('history: the v1 -> v2 upgrade', () => {
  it('keeps every v1 record and backfills the day aggregates', async () => {
    await makeV1History(V1_ROWS);
    const db = await openHistory();
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['breaks', 'days']);
    const rows = await allBreaks();
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...V1_ROWS].sort((a, b) => a.id.localeCompare(b.id)));
    const days = await dayAggregates();
    expect(days.map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-02']);
    const [d1, d2, d3] = days;
    expect(d1).toMatchObject({ due: 3, taken: 2, completed: 1, natural: 1, skipped: 1, partial: 0, completedStretch: 1, longestMs: 50 * 60_000, routines: { 'cat-cow': 1 } });
    expect(d1!.deskMsByKind).toEqual({ micro: 45 * 60_000, stretch: 50 * 60_000 });
    expect(deskMsOf(d1!)).toBe(50 * 60_000);
    expect(d2).toMatchObject({ due: 2, taken: 1, partial: 1, skipped: 1, completedStretch: 0, longestMs: 90 * 60_000, routines: { 'neck-side-stretch': 1 } });
    expect(d3).toMatchObject({ due: 1, taken: 1, completed: 1, completedStretch: 1 });
    expect(days).toEqual([...aggregate(V1_ROWS).values()]);
    expect([...db.transaction('days').store.indexNames]).toEqual(['byClass']);
    expect(days.map((d) => d.cls)).toEqual(['met', 'missed', 'met']);
  });

  it('an empty v1 database upgrades to empty aggregates', async () => {
    await makeV1History([]);
    await openHistory();
    expect(await dayAggregates()).toEqual([]);
    expect(await allBreaks()).toEqual([]);
  });

  it('a new database gets both stores at once', async () => {
    const db = await openHistory();
    expect([...db.objectStoreNames].sort()).toEqual(['breaks', 'days']);
  });

  it('writes after the upgrade keep the aggregates in step', async () => {
    await makeV1History(V1_ROWS);
    await recordBreak(rec('stretch-4', Date.UTC(2026, 1, 28, 17), 'completed', 'cat-cow', { deskMs: 30 * 60_000 }), 'UTC');
    const d2 = (await dayAggregates('2026-02-28', '2026-02-28'))[0];
    expect(d2).toMatchObject({ due: 3, completed: 1, completedStretch: 1, routines: { 'neck-side-stretch': 1, 'cat-cow': 1 } });
  });
});

describe('history: writes', () => {
  it('records a break once per id (a repeated write is the same row, counted once)', async () => {
    await recordBreak(rec('a', NOON), 'UTC');
    await recordBreak(rec('a', NOON), 'UTC');
    expect(await breaksOnDay('2026-03-05')).toHaveLength(1);
    expect((await dayAggregates())[0]).toMatchObject({ due: 1, completed: 1, taken: 1 });
  });

  it('a second write of the same id changes nothing: the outcome first recorded stands (a stopped worker ends the break again)', async () => {
    await recordBreak(rec('a', NOON, 'completed', 'cat-cow', { deskMs: 60 * 60_000 }), 'UTC');
    await recordBreak(rec('b', NOON + 1000, 'skipped', null, { deskMs: 20 * 60_000 }), 'UTC');
    const again = await recordBreak(rec('a', NOON + 900_000, 'partial', 'cat-cow', { deskMs: 30 * 60_000 }), 'UTC');
    expect(again).toMatchObject({ id: 'a', outcome: 'completed', endedAt: NOON });
    const [d] = await dayAggregates();
    expect(d).toMatchObject({ due: 2, completed: 1, partial: 0, skipped: 1, taken: 1, completedStretch: 1, longestMs: 60 * 60_000, routines: { 'cat-cow': 1 } });
    expect(d!.deskMsByKind.stretch).toBe(80 * 60_000);
  });

  it('a second write in another zone leaves the break on the day it was first filed under', async () => {
    const late = Date.UTC(2026, 2, 5, 23, 30);
    await recordBreak(rec('z', late), 'UTC');
    await recordBreak(rec('z', late), 'Asia/Tokyo');
    const days = await dayAggregates();
    expect(days.map((d) => [d.day, d.due])).toEqual([['2026-03-05', 1]]);
  });

  it('fixes the day key in the zone in force at write time', async () => {
    const late = Date.UTC(2026, 2, 5, 23, 30);
    const row = await recordBreak(rec('b', late), 'Asia/Tokyo');
    expect(row.day).toBe('2026-03-06');
  });

  it('aggregates always equal the ones rebuilt from the log (random writes, some of an id already written)', async () => {
    const outcome = fc.constantFrom<BreakRecord['outcome']>('completed', 'partial', 'skipped', 'natural');
    const write = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      kind: fc.constantFrom<'micro' | 'stretch'>('micro', 'stretch'),
      outcome,
      hour: fc.integer({ min: 0, max: 71 }),
      deskMin: fc.integer({ min: 0, max: 120 }),
      routine: fc.constantFrom<string | null>(null, 'cat-cow', 'chin-tucks'),
      tz: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/New_York'),
      // Breaks started by the person: one skipped adds nothing to its day (aggregates.ts isDueBreak).
      manual: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), async (writes) => {
        await clearHistory();
        for (const w of writes) {
          await recordBreak(rec(w.id, NOON + w.hour * 3600_000, w.outcome, w.routine, { kind: w.kind, deskMs: w.deskMin * 60_000, manual: w.manual }), w.tz);
        }
        const expected = [...aggregate(await allBreaks()).values()].sort((x, y) => x.day.localeCompare(y.day));
        expect(await dayAggregates()).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('replaces the whole history in one go (import)', async () => {
    await recordBreak(rec('old', NOON), 'UTC');
    const rows: StoredBreak[] = [{ ...rec('n1', NOON - DAY), day: '2026-03-04' }, { ...rec('n2', NOON, 'skipped'), day: '2026-03-05' }];
    await replaceHistory(rows);
    expect((await allBreaks()).map((r) => r.id)).toEqual(['n1', 'n2']);
    expect((await dayAggregates()).map((d) => [d.day, d.due, d.completed, d.skipped])).toEqual([
      ['2026-03-04', 1, 1, 0],
      ['2026-03-05', 1, 0, 1],
    ]);
  });

  it('a failing import changes nothing (the transaction aborts)', async () => {
    await recordBreak(rec('keep', NOON), 'UTC');
    const before = [await allBreaks(), await dayAggregates()];
    // A row without its key path cannot be stored: the put fails inside the transaction.
    const bad = [{ ...rec('n1', NOON), day: '2026-03-05' }, { day: '2026-03-05' } as unknown as StoredBreak];
    await expect(replaceHistory(bad)).rejects.toBeTruthy();
    expect([await allBreaks(), await dayAggregates()]).toEqual(before);
  });
});

describe('history: reads', () => {
  it('summarises today and the streak', async () => {
    await recordBreak(rec('d1', NOON - 2 * DAY), 'UTC');
    await recordBreak(rec('d2', NOON - DAY), 'UTC');
    await recordBreak(rec('d3', NOON - 60_000), 'UTC');
    await recordBreak(rec('d4', NOON - 30_000, 'skipped'), 'UTC');
    await recordBreak(rec('d5', NOON - 10_000, 'natural'), 'UTC');
    const s = (await popupSummary(NOON, 'UTC', DEFAULT_SETTINGS))?.today;
    expect(s).toEqual({ day: '2026-03-05', taken: 2, completed: 1, skipped: 1, streak: 3, longest: 3 });
  });

  it('an empty history is zero everywhere', async () => {
    expect((await popupSummary(NOON, 'UTC', DEFAULT_SETTINGS))?.today).toEqual({ day: '2026-03-05', taken: 0, completed: 0, skipped: 0, streak: 0, longest: 0 });
  });

  it('lists recent routines newest first', async () => {
    await recordBreak(rec('r1', NOON - 3000, 'completed', 'cat-cow'), 'UTC');
    await recordBreak(rec('r2', NOON - 2000, 'natural'), 'UTC');
    await recordBreak(rec('r3', NOON - 1000, 'completed', 'neck-side-stretch'), 'UTC');
    expect(await recentRoutines(5)).toEqual(['neck-side-stretch', 'cat-cow']);
  });

  it('reads back to the limit\'s routine of one break kind, keeping the other kind\'s between them', async () => {
    await recordBreak(rec('k1', NOON - 6000, 'completed', 'cat-cow'), 'UTC');
    await recordBreak(rec('k2', NOON - 5000, 'completed', 'chin-tucks'), 'UTC');
    await recordBreak(rec('k3', NOON - 4000, 'completed', 'posture-reset', { kind: 'micro' }), 'UTC');
    await recordBreak(rec('k4', NOON - 3000, 'completed', 'blink-break', { kind: 'micro' }), 'UTC');
    await recordBreak(rec('k5', NOON - 2000, 'completed', 'hamstring-stretch'), 'UTC');
    await recordBreak(rec('k6', NOON - 1000, 'completed', 'eye-rest-20-20-20', { kind: 'micro' }), 'UTC');
    expect(await recentRoutines(2, 'stretch')).toEqual(['eye-rest-20-20-20', 'hamstring-stretch', 'blink-break', 'posture-reset', 'chin-tucks']);
    expect(await recentRoutines(2, 'micro')).toEqual(['eye-rest-20-20-20', 'hamstring-stretch', 'blink-break']);
    expect(await recentRoutines(2)).toEqual(['eye-rest-20-20-20', 'hamstring-stretch']);
  });
});

describe('history: summaries read old days as keys only', () => {
  it('gives the same streaks as reading every aggregate whole', async () => {
    const now = Date.UTC(2026, 2, 5, 15);
    const rows = demoHistory({ now, timeZone: 'Europe/Berlin', days: 200, seed: 3 });
    await replaceHistory(rows);
    const all = await dayAggregates();
    const today = '2026-03-05';
    for (const schedule of [DEFAULT_SETTINGS.schedule, { ...DEFAULT_SETTINGS.schedule, enabled: true }]) {
      const full = scanStreaks(all, today, schedule);
      expect(full.anyHistory).toBe(true);
      for (const back of [0, 6, 83, 150, 400]) {
        const { recent, older } = await historyForSummary(addDays(today, -back));
        expect(recent.length + older.length).toBe(all.length);
        const fast = scanStreaks([...older, ...recent], today, schedule);
        expect([fast.current, fast.longest, fast.graceLeft]).toEqual([full.current, full.longest, full.graceLeft]);
        for (const d of all) expect(fast.status(d.day)).toBe(full.status(d.day));
      }
    }
  }, 30_000); // thousands of IndexedDB rows: seconds on a busy machine
});

describe('history: connections', () => {
  it('IndexedDB missing: HistoryUnavailableError, and it works again once it is back', async () => {
    const idb = globalThis.indexedDB;
    try {
      (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
      await expect(recordBreak(rec('x', NOON), 'UTC')).rejects.toBeInstanceOf(HistoryUnavailableError);
      await expect(historyForSummary('2026-03-05')).rejects.toBeInstanceOf(HistoryUnavailableError);
    } finally {
      globalThis.indexedDB = idb;
    }
    await recordBreak(rec('x', NOON), 'UTC');
    expect(await allBreaks()).toHaveLength(1);
  });

  it('steps aside when a newer version wants to open (blocking), then reports history off', async () => {
    await recordBreak(rec('x', NOON), 'UTC');
    // A newer version opens: it must not be blocked by our connection.
    const v3 = await rawOpen(3);
    expect(v3.version).toBe(3);
    v3.close();
    // This code cannot open a newer database: history is off, not a crash.
    await expect(historyForSummary('2026-03-05')).rejects.toBeInstanceOf(HistoryUnavailableError);
  });

  it('reopens when its connection was closed under it', async () => {
    const db = await openHistory();
    db.close();
    await recordBreak(rec('x', NOON), 'UTC');
    expect(await allBreaks()).toHaveLength(1);
  });

  it('an upgrade blocked by a connection that never closes gives up instead of hanging', async () => {
    await makeV1History(V1_ROWS);
    const blocker = await rawOpen(1); // an old page that ignores versionchange
    const t0 = Date.now();
    await expect(openHistory()).rejects.toBeInstanceOf(HistoryUnavailableError);
    expect(Date.now() - t0).toBeLessThan(10_000);
    blocker.close();
    // The blocked open now completes and closes itself; the next call opens v2.
    await expect.poll(async () => (await openHistory().then((db) => db.version).catch(() => 0)), { timeout: 5000 }).toBe(2);
    expect(await allBreaks()).toHaveLength(V1_ROWS.length);
    expect(await dayAggregates()).toHaveLength(3);
  }, 15_000);
});
