/**
 * "Your data" as the options page runs it (lib/data.ts): export, import (all or nothing, with a
 * generated corpus of malformed files), reset; the history summaries (the popup's through the
 * background's message handler, the weekly review as its page computes it).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleMessage } from './engine';
import { clock } from './platform/clock';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { loadSettings, saveSettings } from './storage/items';
import { allBreaks, closeHistory, dayAggregates, recordBreak } from './storage/history';
import { BACKUP_FORMAT, makeBackup, MAX_IMPORT_BYTES, parseBackup, type Backup } from './backup';
import type { BreakRecord } from './tracker/tracker';
import { exportData, importData, resetData } from './data';
import { reviewNow } from './weekly-review';
import type { PopupData } from './protocol/messages';

const NOW = Date.UTC(2026, 2, 5, 15, 0);
const MIN = 60_000;
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, everySec: 30 * 60 }, strict: true };

function rec(id: string, endedAt: number, outcome: BreakRecord['outcome'], routineId: string | null = null, kind: 'micro' | 'stretch' = 'stretch'): BreakRecord {
  return { id, kind, outcome, dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId, deskMs: 45 * MIN, snoozes: 0, manual: false };
}

beforeEach(async () => {
  vi.spyOn(clock, 'now').mockReturnValue(NOW);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  vi.spyOn(clock, 'locale').mockReturnValue('de-DE');
  await saveSettings(SETTINGS);
  for (let d = 0; d < 5; d++) {
    const t = NOW - d * 86_400_000;
    await recordBreak(rec(`stretch-${t}`, t, d === 2 ? 'skipped' : 'completed', 'cat-cow'), 'Europe/Berlin');
    await recordBreak(rec(`micro-${t}`, t - 60 * MIN, 'natural', null, 'micro'), 'Europe/Berlin');
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});

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

async function snapshot() {
  return { rows: await allBreaks(), days: await dayAggregates(), settings: await loadSettings() };
}

async function validBackup(): Promise<Backup> {
  const file = await exportData('json');
  return JSON.parse(file.text) as Backup;
}

describe('export', () => {
  it('JSON holds the settings and every break', async () => {
    const file = await exportData('json');
    expect(file.filename).toBe('limber-2026-03-05.json');
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
    expect(file.filename).toBe('limber-history-2026-03-05.csv');
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,day,kind,outcome,due_at,prompted_at,started_at,ended_at,routine_id,desk_minutes,snoozes,manual');
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toMatch(/^stretch-\d+,2026-03-05,stretch,completed,2026-03-05T14:55:00.000Z,.*,cat-cow,45.0,0,false$/);
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

  it('the background no longer takes data requests (the options page does the work): refused, nothing changes', async () => {
    const before = await snapshot();
    const text = JSON.stringify(makeBackup(DEFAULT_SETTINGS, [], NOW));
    for (const msg of [{ type: 'data/reset', confirm: true }, { type: 'data/import', text }, { type: 'data/export', format: 'json' }, { type: 'history/review' }]) {
      expect(await handleMessage(msg), msg.type).toEqual({ ok: false, error: 'badRequest' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await allBreaks()).toHaveLength(10);
  });

  it('refuses 60+ malformed files, each with a reason, and changes nothing', async () => {
    const good = await validBackup();
    const goodText = JSON.stringify(good);
    const clone = () => JSON.parse(goodText) as Backup & Record<string, unknown>;
    const row0 = () => clone().history[0] as unknown as Record<string, unknown>;
    const withRow = (patch: Record<string, unknown>) => {
      const b = clone();
      (b.history as unknown[])[0] = { ...row0(), ...patch };
      return JSON.stringify(b);
    };
    const withoutRowKey = (key: string) => {
      const b = clone();
      const r = row0();
      delete r[key];
      (b.history as unknown[])[0] = r;
      return JSON.stringify(b);
    };
    const withTop = (patch: Record<string, unknown>) => JSON.stringify({ ...clone(), ...patch });
    const withSettings = (patch: Record<string, unknown>) => JSON.stringify({ ...clone(), settings: { ...SETTINGS, ...patch } });
    const inject = (where: string, what: string) => goodText.replace(where, `${where}${what},`);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];

    const files: Array<[string, string]> = [
      ['empty file', ''],
      ['whitespace', '   \n'],
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"limber"'],
      ['an array', '[]'],
      ['an array of backups', `[${goodText}]`],
      ['plain text', 'hello, world'],
      ['HTML', '<!doctype html><html></html>'],
      ['JavaScript object literal', "{format:'limber-backup'}"],
      ['trailing comma', goodText.replace(/}$/, ',}')],
      ['NaN literal', goodText.replace(/"deskMs":\d+/, '"deskMs":NaN')],
      ...[1, 10, 100, 0.25, 0.5, 0.75, 0.9].map((f): [string, string] => [`truncated at ${f}`, goodText.slice(0, f < 1 ? Math.floor(goodText.length * f) : f)]),
      ['truncated by one character', goodText.slice(0, -1)],
      ['an empty object', '{}'],
      ['another format', withTop({ format: 'stretchly-backup' })],
      ['format missing', JSON.stringify({ ...clone(), format: undefined })],
      ['version 2', withTop({ version: 2 })],
      ['version 0', withTop({ version: 0 })],
      ['version as a string', withTop({ version: '1' })],
      ['version 1.5', withTop({ version: 1.5 })],
      ['version missing', JSON.stringify({ ...clone(), version: undefined })],
      ['version absurd', goodText.replace('"version":1', '"version":1e308')],
      ['__proto__ at the top', inject('{', '"__proto__":{"polluted":true}')],
      ['__proto__ in the settings', inject('"settings":{', '"__proto__":{"isAdmin":true}')],
      ['__proto__ in a row', inject('"history":[{', '"__proto__":{"x":1}')],
      ['constructor key', inject('"settings":{', '"constructor":{"prototype":{"x":1}}')],
      ['prototype key', inject('{', '"prototype":{}')],
      ['nested too deeply', withTop({ extra: deep })],
      ['a huge string', withRow({ routineId: 'a'.repeat(5000) })],
      ['a huge exportedAt', withTop({ exportedAt: 'x'.repeat(100_000) })],
      ['a huge key', inject('{', `"${'k'.repeat(500)}":1`)],
      ['an unknown top-level key', withTop({ evil: true })],
      ['settings missing', JSON.stringify({ ...clone(), settings: undefined })],
      ['settings null', withTop({ settings: null })],
      ['settings invalid: zero interval', withSettings({ stretch: { enabled: true, everySec: 0, lengthSec: 60 } })],
      ['settings invalid: absurd snooze', withSettings({ snoozeSec: 1e12 })],
      ['settings invalid: schedule with 6 days', withSettings({ schedule: { enabled: true, days: [[], [], [], [], [], []] } })],
      ['settings invalid: idle as text', withSettings({ idleSec: '60' })],
      ['history not an array', withTop({ history: {} })],
      ['history null', withTop({ history: null })],
      ['history of numbers', withTop({ history: [1, 2, 3] })],
      ['a row without an id', withoutRowKey('id')],
      ['a row without endedAt', withoutRowKey('endedAt')],
      ['a row without a day', withoutRowKey('day')],
      ['a row with an extra key', withRow({ note: 'hi' })],
      ['an unknown kind', withRow({ kind: 'mega' })],
      ['an unknown outcome', withRow({ outcome: 'won' })],
      ['an id with capitals', withRow({ id: 'Stretch-1' })],
      ['an id with markup', withRow({ id: '<img src=x onerror=alert(1)>' })],
      ['an empty id', withRow({ id: '' })],
      ['an id too long', withRow({ id: 'a'.repeat(81) })],
      ['a routine id with spaces', withRow({ routineId: 'cat cow' })],
      ['an impossible day', withRow({ day: '2026-02-30' })],
      ['a day far from endedAt', withRow({ day: '2026-01-01' })],
      ['a day in another format', withRow({ day: '05/03/2026' })],
      ['endedAt absurd', withRow({ endedAt: 1e20 })],
      ['endedAt negative', withRow({ endedAt: -1 })],
      ['endedAt as a date string', withRow({ endedAt: '2026-03-05T14:00:00Z' })],
      ['dueAt fractional', withRow({ dueAt: 1772722500000.5 })],
      ['deskMs negative', withRow({ deskMs: -5 })],
      ['deskMs absurd', withRow({ deskMs: 1e300 })],
      ['snoozes absurd', withRow({ snoozes: 1e9 })],
      ['manual as text', withRow({ manual: 'yes' })],
      ['promptedAt as text', withRow({ promptedAt: 'soon' })],
      ['startedAt missing (not null)', withoutRowKey('startedAt')],
      ['duplicate ids', (() => { const b = clone(); b.history.push({ ...b.history[0]! }); return JSON.stringify(b); })()],
      ['over 20 MB', goodText + ' '.repeat(MAX_IMPORT_BYTES + 1 - goodText.length)],
      ['over 20 MB in UTF-8 though not in characters', goodText + 'é'.repeat(Math.ceil((MAX_IMPORT_BYTES - goodText.length) / 2) + 1)],
    ];
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(new Set(files.map(([name]) => name)).size).toBe(files.length);

    // Keys that could reach a prototype are refused for what they are, before anything reads the
    // file further (each of these would otherwise be refused for some other reason too).
    const prototypeKeys = new Set(['__proto__ at the top', '__proto__ in the settings', '__proto__ in a row', 'constructor key', 'prototype key']);
    expect(files.filter(([name]) => prototypeKeys.has(name))).toHaveLength(prototypeKeys.size);

    const before = await snapshot();
    const problems = new Map<string, number>();
    for (const [name, text] of files) {
      const r = await importData(text);
      if (r.imported) throw new Error(`accepted: ${name}`);
      const code = r.problem.code;
      if (prototypeKeys.has(name)) expect(code, `${name}: refused for its key`).toBe('hostile');
      expect(code, name).not.toMatch(/^(historyOff|writeFailed)$/);
      problems.set(code, (problems.get(code) ?? 0) + 1);
      if (!['tooLarge', 'notBackup', 'wrongVersion'].includes(code)) expect(r.detail, name).toBeTruthy();
      expect(await snapshot(), name).toEqual(before);
    }
    // Every kind of refusal a file can earn is exercised (the rules' own cases are below).
    expect([...problems.keys()].sort()).toEqual(['badRow', 'badSetting', 'badSettings', 'damaged', 'duplicateRow', 'hostile', 'newerVersion', 'notBackup', 'notJson', 'tooLarge', 'wrongVersion']);
  }, 60_000);

  it('a file over the size limit is refused as too large, and changes nothing', async () => {
    const before = await snapshot();
    expect(await importData(' '.repeat(MAX_IMPORT_BYTES + 2))).toEqual({ imported: false, problem: { code: 'tooLarge' }, detail: null });
    expect(await snapshot()).toEqual(before);
  });

  it('the specific reasons', () => {
    expect(parseBackup('{"format":"limber-backup","version":7}', NOW)).toEqual({ ok: false, problem: { code: 'newerVersion' }, detail: '7' });
    expect(parseBackup('{"format":"limber-backup","version":0}', NOW)).toEqual({ ok: false, problem: { code: 'wrongVersion' }, detail: '0' });
    expect(parseBackup('{"a":', NOW)).toMatchObject({ ok: false, problem: { code: 'notJson' } });
    const dup = parseBackup(JSON.stringify(makeBackup(SETTINGS, [{ ...rec('a', NOW, 'completed'), day: '2026-03-05' }, { ...rec('a', NOW, 'completed'), day: '2026-03-05' }], NOW)), NOW);
    expect(dup).toMatchObject({ ok: false, problem: { code: 'duplicateRow', row: 2 }, detail: expect.stringContaining('appears twice') });
    // A byte-order mark is not part of JSON.
    expect(parseBackup('\uFEFF' + JSON.stringify(makeBackup(SETTINGS, [], NOW)), NOW).ok).toBe(true);
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
      expect(await handleMessage({ type: 'popup/get' })).toMatchObject({ ok: true, data: { status: { today: null, historyError: true }, history: null } });
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

