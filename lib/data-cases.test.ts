/**
 * "Your data" (lib/data.ts, lib/backup.ts, lib/backup-summary.ts, components/import-text.ts): export,
 * import (preview, validation, what it replaces), reset, from a review. The first two cases failed
 * before their fixes (the preview called a deleted own routine's breaks "a routine no longer in
 * Limber"; the reset's confirmation did not say it deletes own routines), and so did the preview's
 * losses (breaks later on the backup's last day were said to be "after this backup's last day")
 * and the export's file name (a second export of a day was named as the first);
 * the rest record what already held. (Call-site permissions on reset and import: lib/call-sites-permissions.test.ts.) Fixed clock
 * (Thursday 2026-03-05 15:00 UTC), explicit zones; the English catalogue is read from disk.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { backupJson, makeBackup } from './backup';
import { historyCsv } from './history-csv';
import { parseBackup } from './backup-parse';
import { lostBreaks, summarizeBackup } from './backup-summary';
import { exportData, importData, resetData } from './data';
import { clock } from './platform/clock';
import { DEFAULT_SETTINGS } from './settings';
import type { OwnRoutine } from './own-routines';
import { allBreaks, closeHistory, dayAggregates, recordBreak } from './storage/history';
import { loadSettings, saveSettings, welcomedItem } from './storage/items';
import { saveOwnRoutines } from './storage/own-routines';
import { ROUTINES } from '../content/routines';
import { notes } from '../components/import-text';
import { routineTitle } from '../components/routine-title';

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);
const MIN = 60_000;
const DAY = 86_400_000;

const catalogue = en as Record<string, { message: string }>;

const row = storedBreak;

const MINE: OwnRoutine = { id: 'own-a1', name: 'Desk reset', kind: 'stretch', areas: ['neck'], position: 'standing', equipment: ['wall'], steps: [{ text: 'Lean on the wall', seconds: 60 }] };

/** As the options page decides it (components/DataPrefs.tsx knownRoutine). */
const KNOWN = new Set(ROUTINES.map((r) => r.id));
const knownRoutine = (id: string) => KNOWN.has(id);

beforeEach(async () => {
  vi.spyOn(clock, 'now').mockReturnValue(NOW);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | Array<string | number>) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (catalogue[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
  });
  await saveSettings(DEFAULT_SETTINGS);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});

describe('what the person is told', () => {
  // The history shows a break of an own routine as "One of your own routines" (the catalogue's
  // ownRoutineInHistory; components/routine-title.ts), also once the routine is deleted, and the
  // weekly review counts it as its own (lib/week-stats.ts weekStats). The preview must not say it
  // will be "shown as 'a routine no longer in Limber'".
  it("the import preview does not call a deleted own routine's breaks “a routine no longer in Limber”: they are shown as “One of your own routines”", () => {
    // Options > Your own routines: "Desk reset" written, used for a break, then deleted; then Export everything (JSON).
    const text = backupJson(makeBackup(DEFAULT_SETTINGS, [row('a', NOW - 2 * DAY), row('b', NOW - DAY, { routineId: MINE.id })], NOW, []));
    const parsed = parseBackup(text, NOW);
    if (!parsed.ok) throw new Error(`refused: ${parsed.problem.code}`);
    // How that break will be shown once imported.
    expect(routineTitle(MINE.id)).toBe('One of your own routines');
    const said = notes(summarizeBackup(parsed.value, knownRoutine), { newer: 0, other: 0 }, 0).map((n) => n.text);
    expect(said.filter((t) => t.includes('a routine no longer in Limber'))).toEqual([]);
  });

  // README: own routines are "deleted by a reset". The confirmation is what the person reads before
  // "Delete everything"; it names history and settings only, and so does the result.
  it("the reset's confirmation and its result name the person's own routines, which it deletes", async () => {
    await saveOwnRoutines([MINE]);
    await resetData();
    const { storedOwnRoutines } = await import('./storage/own-routines');
    expect(await storedOwnRoutines()).toEqual([]); // deleted, as the README says
    expect(catalogue.resetConfirmText!.message).toMatch(/your own routines/);
    expect(catalogue.resetDone!.message).toMatch(/your own routines/);
  });

  // Settings and own routines are in storage.sync (PRIVACY.md): a reset writes the defaults and an
  // empty list there, so a browser that syncs takes the reset to the person's other computers.
  it('the confirmation says that a browser that syncs takes the reset to the other computers', async () => {
    await saveOwnRoutines([MINE]);
    await resetData();
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(sync.ownRoutines).toEqual([]);
    expect(catalogue.resetConfirmText!.message).toMatch(/other computers/);
  });
});

describe("the preview's losses, on the days it names", () => {
  // The note on breaks newer than the backup says they are "after this backup's last day"; it
  // counted every break after the backup's last break, those later on that same day too. A backup
  // exported this morning and imported this afternoon said today's later breaks were after its
  // last day, which is today (the summary above it says "from ... to <today>").
  it("breaks later on the backup's last day are not called “after this backup's last day”: they are among the other breaks it does not hold", () => {
    // The backup: exported at 10:00 on 5 March, its last break at 09:50 (days in UTC here).
    const morning = Date.UTC(2026, 2, 5, 9, 50);
    const b = parseBackup(backupJson(makeBackup(DEFAULT_SETTINGS, [row('a', morning - DAY), row('b', morning)], morning + 10 * MIN)), NOW);
    if (!b.ok) throw new Error(`refused: ${b.problem.code}`);
    // Now (15:00 on 5 March): two more breaks today after it, and one yesterday that it does not hold.
    const current = [row('a', morning - DAY), row('b', morning), row('c', morning + 2 * 60 * MIN), row('d', morning + 4 * 60 * MIN), row('e', morning - DAY / 2)];
    expect(current.map((r) => r.day)).toEqual(['2026-03-04', '2026-03-05', '2026-03-05', '2026-03-05', '2026-03-04']);
    const said = notes(summarizeBackup(b.value, knownRoutine), lostBreaks(current, b.value), 0);
    expect(summarizeBackup(b.value, knownRoutine)).toMatchObject({ firstDay: '2026-03-04', lastDay: '2026-03-05' }); // "from 4 March to 5 March"

    expect(said.find((n) => n.id === 'newer')).toBeUndefined();
    expect(said.find((n) => n.id === 'other')?.text).toBe('3 other breaks in your current history are not in this backup: they will be lost too.');
  });

  it("breaks on days after the backup's last day are named so; one later on that day is among the others", () => {
    const b = parseBackup(backupJson(makeBackup(DEFAULT_SETTINGS, [row('a', NOW - 2 * DAY)], NOW - 2 * DAY)), NOW);
    if (!b.ok) throw new Error(`refused: ${b.problem.code}`);
    const current = [row('a', NOW - 2 * DAY), row('x', NOW - 2 * DAY + MIN), row('y', NOW - DAY), row('z', NOW)];
    expect(lostBreaks(current, b.value)).toEqual({ newer: 2, other: 1 });
  });
});

describe("the export's file name", () => {
  // Every export of a day was named "limber-<day>.json": a second one that day was saved by the
  // browser as "limber-<day> (1).json" while the page said "Saved limber-<day>.json.", the name
  // of the older file, the one a person would then choose to import.
  it('two exports on one day have names of their own, in the local time of day, with no character a system refuses', async () => {
    const morning = await exportData('json', Date.UTC(2026, 2, 5, 9, 5), 'Europe/Berlin');
    const afternoon = await exportData('json', Date.UTC(2026, 2, 5, 14, 30), 'Europe/Berlin');
    expect([morning.filename, afternoon.filename]).toEqual(['limber-2026-03-05-1005.json', 'limber-2026-03-05-1530.json']);
    expect((await exportData('csv', Date.UTC(2026, 2, 5, 14, 30), 'Europe/Berlin')).filename).toBe('limber-history-2026-03-05-1530.csv');
    for (const name of [morning.filename, afternoon.filename]) expect(name).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('what already held', () => {
  it("the export's file name is the day in the person's zone", async () => {
    // 20:00 UTC on 5 March is 05:00 on 6 March in Tokyo, 12:00 on 5 March in Los Angeles.
    const at = Date.UTC(2026, 2, 5, 20, 0);
    expect((await exportData('json', at, 'Asia/Tokyo')).filename).toBe('limber-2026-03-06-0500.json');
    expect((await exportData('csv', at, 'America/Los_Angeles')).filename).toBe('limber-history-2026-03-05-1200.csv');
  });

  it('a backup made in UTC+14 and one made in UTC-12 import with their days as written', async () => {
    // 10:30 UTC on 5 March: 00:30 on 6 March in Kiritimati; 22:30 on 4 March in Etc/GMT+12.
    const t = Date.UTC(2026, 2, 5, 10, 30);
    const rows = [row('k', t, { day: '2026-03-06' }), row('w', t + MIN, { day: '2026-03-04' })];
    expect(await importData(backupJson(makeBackup(DEFAULT_SETTINGS, rows, NOW)))).toEqual({ imported: true, breaks: 2 });
    expect((await allBreaks()).map((r) => [r.id, r.day])).toEqual([['k', '2026-03-06'], ['w', '2026-03-04']]);
    expect((await dayAggregates()).map((a) => a.day)).toEqual(['2026-03-04', '2026-03-06']);
  });

  it('a break that exists here and in the backup is replaced by the backup’s (import replaces, no merge)', async () => {
    await recordBreak(row('x', NOW - DAY), 'UTC');
    await recordBreak(row('here-only', NOW - 2 * DAY), 'UTC');
    const file = backupJson(makeBackup(DEFAULT_SETTINGS, [row('x', NOW - DAY, { outcome: 'skipped', routineId: null })], NOW));
    expect(await importData(file)).toEqual({ imported: true, breaks: 1 });
    expect((await allBreaks()).map((r) => [r.id, r.outcome])).toEqual([['x', 'skipped']]);
    const [agg] = await dayAggregates();
    expect(agg).toMatchObject({ day: '2026-03-04', due: 1 });
  });

  it('a file with a break id twice is refused and changes nothing', async () => {
    await recordBreak(row('x', NOW - DAY), 'UTC');
    const before = { rows: await allBreaks(), days: await dayAggregates(), settings: await loadSettings() };
    const file = backupJson(makeBackup({ ...DEFAULT_SETTINGS, idleSec: 300 }, [row('a', NOW - 2 * DAY), row('a', NOW - DAY)], NOW));
    expect(await importData(file)).toMatchObject({ imported: false, problem: { code: 'duplicateRow', row: 2 } });
    expect({ rows: await allBreaks(), days: await dayAggregates(), settings: await loadSettings() }).toEqual(before);
  });

  it('CSV: a cell starting with - (an imported routine id) is not left for a spreadsheet to read as a formula; rows end in CRLF', () => {
    const csv = historyCsv([row('a', NOW - DAY, { routineId: '-cmd' })], 'UTC');
    expect(csv.split('\r\n')[1]!.split(',')[8]).toBe("'-cmd");
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('a reset leaves what it does not name: the welcome page stays done', async () => {
    await welcomedItem.setValue(true);
    await resetData();
    expect(await welcomedItem.getValue()).toBe(true);
  });

  it('export, then import on a machine whose clock is a day on: the same rows', async () => {
    for (let d = 1; d <= 3; d++) await recordBreak(row(`s-${d}`, NOW - d * DAY), 'Europe/Berlin');
    await saveOwnRoutines([MINE]);
    const file = await exportData('json');
    const rows = await allBreaks();
    vi.mocked(clock.now).mockReturnValue(NOW + DAY);
    await resetData();
    expect(await importData(file.text)).toEqual({ imported: true, breaks: 3 });
    expect(await allBreaks()).toEqual(rows);
  });
});
