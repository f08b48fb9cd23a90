/**
 * Imports that must be refused (lib/data.ts importData, lib/backup-parse.ts parseBackup): a generated
 * corpus of 60+ malformed files, each refused with its reason and changing nothing; a file over
 * the size limit; the specific reasons. The world (five days of history) is tests/support/data-world.ts.
 */
import { describe, expect, it } from 'vitest';
import { makeBackup, MAX_IMPORT_BYTES, type Backup } from './backup';
import { parseBackup } from './backup-parse';
import { importData } from './data';
import { NOW, rec, SETTINGS, snapshot, useDataWorld, validBackup } from '../tests/support/data-world';

useDataWorld();

describe('import refusals', () => {
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
      ['over 64 MB', goodText + ' '.repeat(MAX_IMPORT_BYTES + 1 - goodText.length)],
      ['over 64 MB in UTF-8 though not in characters', goodText + 'é'.repeat(Math.ceil((MAX_IMPORT_BYTES - goodText.length) / 2) + 1)],
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
