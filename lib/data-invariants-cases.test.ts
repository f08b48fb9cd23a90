/**
 * Invariants of the history, its summaries and "Your data" that a mutation run (each a small break
 * in the source) found no test catching. Every expected value is worked out by hand from the
 * scripted input below (Berlin: UTC+1 until 29 March 2026), never taken from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { Backup } from './backup';
import { exportData, importData } from './data';
import { isDayKey } from './days';
import { historyCsv } from './history-csv';
import { popupSummary } from './popup-summary';
import { longestSittingByDay, type SittingFacts } from './sitting';
import { allBreaks, dayAggregates, recordBreak, type StoredBreak } from './storage/history';
import { OUTBOX_MAX, saveTracker, type PendingRecord } from './storage/items';
import type { TrackerState } from './tracker/tracker';
import { historyReview } from './weekly-review';
import { loadSettings } from './storage/items';
import { MIN, NOW, rec, SETTINGS, useDataWorld, validBackup } from '../tests/support/data-world';

useDataWorld();

const BERLIN = 'Europe/Berlin';
/** The world's history: 10 breaks, written (lib/../tests/support/data-world.ts). */
const WORLD_ROWS = 10;

describe('breaks still waiting to be written, in an export', () => {
  it('a waiting break is in the export once, and one already written is not added again', async () => {
    const written = `stretch-${NOW}`; // one of the world's rows
    const waiting = rec('stretch-waiting', NOW + 10 * MIN, 'completed');
    const outbox: PendingRecord[] = [
      { entry: rec(written, NOW, 'completed'), timeZone: BERLIN },
      { entry: waiting, timeZone: BERLIN },
      { entry: waiting, timeZone: BERLIN },
    ];
    await browser.storage.local.set({ tracker: { asOf: NOW, outbox } });
    const ids = (JSON.parse((await exportData('json')).text) as Backup).history.map((r) => r.id);
    expect(ids).toHaveLength(WORLD_ROWS + 1);
    expect(ids.filter((id) => id === written)).toHaveLength(1);
    expect(ids.filter((id) => id === 'stretch-waiting')).toHaveLength(1);
  });

  it("the waiting breaks of the newer copy of the timer's state (one storage.local refused, kept in storage.session) are exported", async () => {
    await browser.storage.local.set({ tracker: { asOf: NOW - MIN, outbox: [] } });
    await browser.storage.session.set({ trackerUnsaved: { asOf: NOW, outbox: [{ entry: rec('stretch-unsaved', NOW + 5 * MIN, 'completed'), timeZone: BERLIN }] } });
    const ids = (JSON.parse((await exportData('json')).text) as Backup).history.map((r) => r.id);
    expect(ids).toHaveLength(WORLD_ROWS + 1);
    expect(ids).toContain('stretch-unsaved');
  });

  it(`the outbox keeps the newest ${OUTBOX_MAX} breaks when it overflows, dropping the oldest`, async () => {
    const outbox: PendingRecord[] = Array.from({ length: OUTBOX_MAX + 1 }, (_, i) => ({ entry: rec(`r-${i}`, NOW + i * MIN, 'completed'), timeZone: BERLIN }));
    await saveTracker({ asOf: NOW } as unknown as TrackerState, outbox);
    const stored = ((await browser.storage.local.get('tracker')).tracker as { outbox: PendingRecord[] }).outbox;
    expect(stored).toHaveLength(500);
    expect(stored[0]!.entry.id).toBe('r-1');
    expect(stored.at(-1)!.entry.id).toBe('r-500');
  });
});

describe('the day a break counts on', () => {
  it('a break started at 23:58 and done at 00:04 (Berlin) is the evening’s: its row and its day’s count', async () => {
    // 9 March 22:58 UTC is 23:58 in Berlin; 23:04 UTC is 00:04 on the 10th.
    const started = Date.UTC(2026, 2, 9, 22, 58);
    const row = await recordBreak({ ...rec('late', Date.UTC(2026, 2, 9, 23, 4), 'completed'), startedAt: started }, BERLIN);
    expect(row.day).toBe('2026-03-09');
    expect((await allBreaks()).find((r) => r.id === 'late')?.day).toBe('2026-03-09');
    const days = await dayAggregates('2026-03-09', '2026-03-10');
    expect(days.map((d) => [d.day, d.taken])).toEqual([['2026-03-09', 1]]);
  });

  it("the popup's today is the person's own day: at 00:30 in Berlin (23:30 UTC the day before) today holds only the break taken after midnight", async () => {
    // 5 March 23:10 UTC = 6 March 00:10 in Berlin.
    await recordBreak({ ...rec('after-midnight', Date.UTC(2026, 2, 5, 23, 10), 'completed'), startedAt: Date.UTC(2026, 2, 5, 23, 7) }, BERLIN);
    const s = await popupSummary(Date.UTC(2026, 2, 5, 23, 30), BERLIN, SETTINGS);
    expect(s?.today.day).toBe('2026-03-06');
    expect(s?.today.taken).toBe(1);
    expect(s?.today.completed).toBe(1);
  });
});

describe('the longest sitting stretch', () => {
  const stretch = (outcome: SittingFacts['outcome'], dueAt: number, deskMs: number): SittingFacts => ({
    kind: 'stretch', outcome, dueAt, promptedAt: dueAt, startedAt: outcome === 'skipped' ? null : dueAt, endedAt: dueAt + 3 * MIN, deskMs, day: '2026-03-04',
  });

  it('two breaks taken 50 minutes of desk time apart are two stretches of 50 minutes, not one of 100 (only a skip joins them)', () => {
    const at = Date.UTC(2026, 2, 4, 9, 0);
    const rows = [stretch('completed', at, 50 * MIN), stretch('completed', at + 3 * MIN + 50 * MIN, 50 * MIN)];
    expect(longestSittingByDay(rows).get('2026-03-04')).toBe(50 * MIN);
    // Control: the first skipped, the same sitting carries on: 50 + 50 minutes.
    const skipped = [{ ...rows[0]!, outcome: 'skipped' as const, startedAt: null }, rows[1]!];
    expect(longestSittingByDay(skipped).get('2026-03-04')).toBe(100 * MIN);
  });

  it("the weekly review joins last week's skipped break and the next one too (its rows are read): last week's longest is 100 minutes", async () => {
    // Friday 27 February (last week: weeks start on Monday in de-DE): skipped at 11:00 Berlin after
    // 50 min, the next stretch break due 50 min of desk time later and taken.
    const due = Date.UTC(2026, 1, 27, 9, 58);
    const skip: StoredBreak = { ...rec('feb27-skip', due + 2 * MIN, 'skipped'), dueAt: due, promptedAt: due, startedAt: null, deskMs: 50 * MIN, day: '2026-02-27' };
    const next = Date.UTC(2026, 1, 27, 10, 50);
    await recordBreak(skip, BERLIN);
    await recordBreak({ ...rec('feb27-next', next + 3 * MIN, 'completed'), dueAt: next, promptedAt: next, startedAt: next, deskMs: 50 * MIN }, BERLIN);
    const r = await historyReview(NOW, BERLIN, SETTINGS, 'de-DE');
    expect(r?.lastWeek.longestMs).toBe(100 * MIN);
    expect(r?.lastWeek.longestDay).toBe('2026-02-27');
  });
});

describe('what a file holds', () => {
  const row = (routineId: string): StoredBreak => ({ ...rec('x', Date.UTC(2026, 2, 4, 12, 0), 'completed'), routineId, day: '2026-03-04' });
  const routineCell = (routineId: string) => historyCsv([row(routineId)], 'UTC').split('\r\n')[1]!.split(',2026-03-04T12:00:00+00:00,')[1]!.replace(/,45,0,false$/, '');

  it('CSV: every double quote in a cell is doubled, and a carriage return is quoted (RFC 4180)', () => {
    expect(routineCell('say "hi" and "bye"')).toBe('"say ""hi"" and ""bye"""');
    expect(routineCell('a\rb')).toBe('"a\rb"');
  });

  it('a day key is a real calendar day: 30 February and month 13 are not, 29 February of a leap year is', () => {
    expect(isDayKey('2026-02-28')).toBe(true);
    expect(isDayKey('2024-02-29')).toBe(true);
    expect(isDayKey('2026-02-29')).toBe(false);
    expect(isDayKey('2026-02-30')).toBe(false);
    expect(isDayKey('2026-13-01')).toBe(false);
  });
});

describe('settings off the form, in an imported file', () => {
  it('a volume above 100 % or a reminder later than 60 minutes is refused, naming its section, and the settings stay as they were', async () => {
    const b = await validBackup();
    const cases: Array<[Backup['settings'], string]> = [
      [{ ...b.settings, sound: { ...b.settings.sound, volume: 1.5 } }, 'sound'],
      [{ ...b.settings, remindAfterSec: 61 * 60 }, 'snooze'],
    ];
    for (const [settings, part] of cases) {
      const r = await importData(JSON.stringify({ ...b, settings }));
      expect(r).toMatchObject({ imported: false, problem: { code: 'badSettings', part } });
      expect(await loadSettings()).toEqual(SETTINGS);
    }
    // Control: the bounds themselves import.
    const edge = { ...b, settings: { ...b.settings, sound: { ...b.settings.sound, volume: 1 }, remindAfterSec: 60 * 60 } };
    expect(await importData(JSON.stringify(edge))).toMatchObject({ imported: true });
  });
});
