/**
 * "Your data" as the options page runs it (lib/data.ts): export, import (all or nothing; the
 * corpus of malformed files is lib/data-refusals.test.ts), reset; the history summaries (the popup's through the
 * background's message handler, the weekly review as its page computes it).
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { handleMessage } from './engine';
import { clock } from './platform/clock';
import { DEFAULT_SETTINGS } from './settings';
import { loadSettings, saveSettings } from './storage/items';
import { allBreaks, closeHistory, dayAggregates } from './storage/history';
import { BACKUP_FORMAT, makeBackup, type Backup } from './backup';
import { parseBackup } from './backup-parse';
import { exportData, importData, resetData } from './data';
import { reviewNow } from './weekly-review';
import type { PopupData } from './protocol/messages';
import { MIN, NOW, rec, SETTINGS, snapshot, useDataWorld, validBackup } from '../tests/support/data-world';

useDataWorld();

async function ok<T>(msg: unknown): Promise<T> {
  const reply = await handleMessage(msg);
  if (!reply.ok) throw new Error(`refused: ${reply.error}`);
  return reply.data as T;
}

/** The weekly review as the review page computes it (history on). */
async function review() {
  const r = await reviewNow();
  if (!r) throw new Error('no review');
  return r;
}

describe('export', () => {
  it('JSON holds the settings and every break', async () => {
    const file = await exportData('json');
    expect(file.filename).toBe('limber-2026-03-05-1600.json');
    expect(file.mime).toBe('application/json');
    const b = JSON.parse(file.text) as Backup;
    expect(b.format).toBe(BACKUP_FORMAT);
    expect(b.version).toBe(1);
    expect(b.exportedAt).toBe(new Date(NOW).toISOString());
    expect(b.settings).toEqual(SETTINGS);
    expect(b.history).toHaveLength(10);
    expect(parseBackup(file.text, NOW).ok).toBe(true);
  });

  it('CSV has a header and one line per break', async () => {
    const file = await exportData('csv');
    expect(file.filename).toBe('limber-history-2026-03-05-1600.csv');
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,day,kind,outcome,due_at,prompted_at,started_at,ended_at,routine_id,desk_minutes,snoozes,manual');
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toMatch(/^stretch-\d+,2026-03-05,stretch,completed,2026-03-05T15:55:00\+01:00,.*,cat-cow,45,0,false$/);
  });

  it('a stored outbox that is no list (a damaged state) is read as none, as the background reads it: the export still holds every break', async () => {
    await browser.storage.local.set({ tracker: { asOf: NOW, outbox: 'damaged' } });
    const b = JSON.parse((await exportData('json')).text) as Backup;
    expect(b.history).toHaveLength(10);
  });
});

describe('import', () => {
  it('export, reset, import: everything is back', async () => {
    const before = await snapshot();
    const file = await exportData('json');
    expect(await resetData()).toEqual({ reset: true, historyOff: false });
    expect(await allBreaks()).toEqual([]);
    expect(await dayAggregates()).toEqual([]);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await importData(file.text)).toEqual({ imported: true, breaks: 10 });
    expect(await snapshot()).toEqual(before);
  });

  it('an import replaces the history (rows and aggregates)', async () => {
    const b = await validBackup();
    b.history = b.history.slice(0, 2);
    expect(await importData(JSON.stringify(b))).toEqual({ imported: true, breaks: 2 });
    expect(await allBreaks()).toHaveLength(2);
    expect((await dayAggregates()).reduce((s, d) => s + d.due, 0)).toBe(2);
  });

  it('a backup made before settings v2 (no settingsVersion, no weekStart) imports, its settings migrated', async () => {
    const b = await validBackup();
    expect(b.settingsVersion).toBe(4);
    const { weekStart: _w, ...oldSettings } = b.settings;
    const { settingsVersion: _v, ...old } = { ...b, settings: oldSettings };
    expect(await importData(JSON.stringify(old))).toEqual({ imported: true, breaks: 10 });
    expect(await loadSettings()).toEqual({ ...SETTINGS, weekStart: 'locale' });
    // A settings version from the future gets the "newer Limber" message, and changes nothing.
    const before = await snapshot();
    const future = parseBackup(JSON.stringify({ ...b, settingsVersion: 5 }), NOW);
    expect(future).toMatchObject({ ok: false, problem: { code: 'newerVersion' }, detail: expect.stringContaining('settingsVersion') });
    expect(await importData(JSON.stringify({ ...b, settingsVersion: 5 }))).toMatchObject({ imported: false, problem: { code: 'newerVersion' } });
    expect(await snapshot()).toEqual(before);
  });

  it("a backup from a computer whose clock ran ahead: its breaks after now count once, each on its own day", async () => {
    // Made minutes ago where the clock was 11 hours ahead: a break later today (Berlin) and one tomorrow.
    const b = await validBackup();
    const later = rec('stretch-later', NOW + 2 * 60 * MIN, 'completed', 'cat-cow');
    const tomorrow = rec('stretch-tomorrow', NOW + 10 * 60 * MIN, 'completed', 'cat-cow');
    b.history.push({ ...later, day: '2026-03-05' }, { ...tomorrow, day: '2026-03-06' });
    expect(await importData(JSON.stringify(b))).toEqual({ imported: true, breaks: 12 });
    const days = await dayAggregates();
    expect(days.map((d) => [d.day, d.taken])).toEqual([['2026-03-01', 2], ['2026-03-02', 2], ['2026-03-03', 1], ['2026-03-04', 2], ['2026-03-05', 3], ['2026-03-06', 1]]);
    // Today: the break later today counts; tomorrow's neither counts today nor lengthens the streak.
    let { status, history: p } = await ok<PopupData>({ type: 'popup/get' });
    expect(status.today).toEqual({ day: '2026-03-05', taken: 3, completed: 2, skipped: 0, streak: 5, longest: 5 });
    expect(p?.days.map((d) => d.status).at(-1)).toBe('met');
    let r = await review();
    expect(r.thisWeek.days.map((d) => [d.day, d.status, d.taken])).toEqual([
      ['2026-03-02', 'met', 2], ['2026-03-03', 'met', 1], ['2026-03-04', 'met', 2], ['2026-03-05', 'met', 3],
      ['2026-03-06', 'future', 1], ['2026-03-07', 'future', 0], ['2026-03-08', 'future', 0],
    ]);
    expect(r.thisWeek.taken).toBe(9);
    expect(r.heatmap.filter((d) => d.day >= '2026-03-05').map((d) => [d.day, d.status, d.taken])).toEqual([['2026-03-05', 'met', 3], ['2026-03-06', 'future', 1], ['2026-03-07', 'future', 0], ['2026-03-08', 'future', 0]]);
    // A day later the same break is today's, counted once, and the streak goes on.
    vi.mocked(clock.now).mockReturnValue(NOW + 24 * 60 * MIN);
    ({ status, history: p } = await ok<PopupData>({ type: 'popup/get' }));
    expect(status.today).toEqual({ day: '2026-03-06', taken: 1, completed: 1, skipped: 0, streak: 6, longest: 6 });
    r = await review();
    expect(r.thisWeek.taken).toBe(9);
    expect(r.thisWeek.days.map((d) => d.taken)).toEqual([2, 1, 2, 3, 1, 0, 0]);
    expect(await allBreaks()).toHaveLength(12);
  });

  it('the background no longer takes data requests (the options page does the work): refused, nothing changes', async () => {
    const before = await snapshot();
    const text = JSON.stringify(makeBackup(DEFAULT_SETTINGS, [], NOW));
    for (const msg of [{ type: 'data/reset', confirm: true }, { type: 'data/import', text }, { type: 'data/export', format: 'json' }, { type: 'history/review' }]) {
      expect(await handleMessage(msg), msg.type).toEqual({ ok: false, error: 'badRequest' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await allBreaks()).toHaveLength(10);
  });

});

describe('history summaries', () => {
  it('the popup summary: the status and the Today part, from one read', async () => {
    const { status, history: p } = await ok<PopupData>({ type: 'popup/get' });
    expect(status.today).toEqual({ day: '2026-03-05', taken: 2, completed: 1, skipped: 0, streak: 5, longest: 5 });
    expect(status.historyError).toBe(false);
    if (!p) throw new Error('no history');
    expect(p.today).toBe('2026-03-05');
    expect(p.ring).toMatchObject({ taken: 2, due: 2, met: true });
    expect(p.days).toHaveLength(7);
    expect(p.streak.current).toBe(5);
  });

  it('the weekly review', async () => {
    const r = await review();
    expect(r.thisWeek.start).toBe('2026-03-02');
    expect(r.thisWeek.routines).toEqual([{ id: 'cat-cow', n: 3 }]);
    expect(r.heatmap).toHaveLength(84);
  });

  it("the weekly review's weeks start on the locale's day unless the settings fix one", async () => {
    // 2026-03-05 is a Thursday: the week began Monday 2026-03-02 or Sunday 2026-03-01.
    vi.mocked(clock.locale).mockReturnValue('en-US');
    const us = await review();
    expect(us.thisWeek.start).toBe('2026-03-01');
    expect(us.heatmap[0]!.day).toBe('2025-12-14'); // a Sunday, 11 weeks before
    await saveSettings({ ...SETTINGS, weekStart: 'mon' });
    expect((await review()).thisWeek.start).toBe('2026-03-02');
    vi.mocked(clock.locale).mockReturnValue('de-DE');
    await saveSettings({ ...SETTINGS, weekStart: 'sat' });
    expect((await review()).thisWeek.start).toBe('2026-02-28');
  });

  it('history off: null, not an error', async () => {
    await closeHistory();
    const idb = globalThis.indexedDB;
    (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
    try {
      expect(await handleMessage({ type: 'popup/get' })).toMatchObject({ ok: true, data: { status: { today: null, historyError: false }, history: null } });
      expect(await reviewNow()).toBeNull();
      const imp = await importData(JSON.stringify(makeBackup(SETTINGS, [], NOW)));
      expect(imp).toEqual({ imported: false, problem: { code: 'historyOff' }, detail: null });
      const file = await exportData('json');
      expect(file.historyOff).toBe(true);
    } finally {
      globalThis.indexedDB = idb;
    }
  });
});

