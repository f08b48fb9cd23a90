/**
 * The import check's rules (lib/backup-parse.ts), with fixed timestamps: settings only as the options
 * form allows them (through parseSettings, each refusal naming the form field), rows whose start
 * is after their end or that lie more than a day after this computer's clock, routines Limber no
 * longer has (kept and counted), newer versions; and what a checked backup holds for the preview (summarizeBackup, lostBreaks).
 * Through the background's handler: a refused file changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { makeBackup, type Backup } from './backup';
import { parseBackup, type ImportProblem } from './backup-parse';
import { lostBreaks, summarizeBackup } from './backup-summary';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { FIELDS, type FieldId } from './settings-fields';
import type { StoredBreak } from './storage/history';
import { ROUTINES } from '../content/routines';
import { clock } from './platform/clock';
import { allBreaks, closeHistory, dayAggregates, recordBreak } from './storage/history';
import { loadSettings, saveSettings } from './storage/items';
import { importData } from './data';

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);
const MIN = 60_000;
const DAY = 86_400_000;

const row = storedBreak;

const HISTORY = [row('a', NOW - 3 * DAY), row('b', NOW - 2 * DAY), row('c', NOW - 1 * DAY)];
const file = (settings: unknown, history: unknown[] = HISTORY, top: Record<string, unknown> = {}) =>
  JSON.stringify({ ...makeBackup(DEFAULT_SETTINGS, [], NOW), settings, history, ...top });
const withSettings = (patch: Record<string, unknown>) => file({ ...DEFAULT_SETTINGS, ...patch });
const problem = (text: string): ImportProblem | null => {
  const r = parseBackup(text, NOW);
  return r.ok ? null : r.problem;
};

describe('settings pass the same rules as the options form', () => {
  // Each value here is one the form refuses (its limits: lib/settings-fields.ts FIELDS).
  const cases: Array<[string, Record<string, unknown>, ImportProblem]> = [
    ['a 1-second stretch interval', { stretch: { enabled: true, everySec: 1, lengthSec: 1 } }, { code: 'badSetting', field: 'stretch.everyMin' }],
    ['a 9-minute stretch interval', { stretch: { enabled: true, everySec: 9 * 60, lengthSec: 60 } }, { code: 'badSetting', field: 'stretch.everyMin' }],
    ['a 241-minute stretch interval', { stretch: { enabled: true, everySec: 241 * 60, lengthSec: 60 } }, { code: 'badSetting', field: 'stretch.everyMin' }],
    ['a 31-minute stretch break', { stretch: { enabled: true, everySec: 60 * 60, lengthSec: 31 * 60 } }, { code: 'badSetting', field: 'stretch.lengthMin' }],
    ['a 2-second stretch break', { stretch: { enabled: true, everySec: 50 * 60, lengthSec: 2 } }, { code: 'badSetting', field: 'stretch.lengthMin' }],
    ['a 1-second posture interval', { micro: { enabled: true, everySec: 1, lengthSec: 20 } }, { code: 'badSetting', field: 'micro.everyMin' }],
    ['a 121-minute posture interval', { micro: { enabled: true, everySec: 121 * 60, lengthSec: 20 } }, { code: 'badSetting', field: 'micro.everyMin' }],
    ['a 5-second posture check', { micro: { enabled: true, everySec: 20 * 60, lengthSec: 5 } }, { code: 'badSetting', field: 'micro.lengthSec' }],
    ['a 0-minute snooze', { snoozeSec: 0 }, { code: 'badSetting', field: 'snoozeMin' }],
    ['a 31-minute snooze', { snoozeSec: 31 * 60 }, { code: 'badSetting', field: 'snoozeMin' }],
    ['a 30-second snooze', { snoozeSec: 30 }, { code: 'badSetting', field: 'snoozeMin' }],
    ['6 snoozes per break', { snoozeLimit: 6 }, { code: 'badSetting', field: 'snoozeLimit' }],
    ['away after 14 s', { idleSec: 14 }, { code: 'badSetting', field: 'idleSec' }],
    ['away after 601 s', { idleSec: 601 }, { code: 'badSetting', field: 'idleSec' }],
    ['idle as text', { idleSec: '60' }, { code: 'badSetting', field: 'idleSec' }],
    ['a 0-minute fullscreen wait', { hold: { enabled: true, maxMin: 0 } }, { code: 'badSetting', field: 'hold.maxMin' }],
    ['a 17-hour daily limit', { dailyLimit: { enabled: true, minutes: 17 * 60 } }, { code: 'badSetting', field: 'dailyLimit.hours' }],
    ['a half-hour daily limit', { dailyLimit: { enabled: true, minutes: 30 } }, { code: 'badSetting', field: 'dailyLimit.hours' }],
    ['a stretch break as long as its interval', { stretch: { enabled: true, everySec: 20 * 60, lengthSec: 20 * 60 } }, { code: 'breakTooLong', kind: 'stretch' }],
    ['a stretch rule that is not an object', { stretch: 'often' }, { code: 'badSettings', part: 'stretch' }],
    ['a schedule with 6 days', { schedule: { enabled: true, days: [[], [], [], [], [], []] } }, { code: 'badSettings', part: 'schedule' }],
    ['an unknown week start', { weekStart: 'tue' }, { code: 'badSettings', part: 'schedule' }],
    // Call sites the form refuses.
    ['an own call site twice', { callSites: { enabled: true, own: ['talk.example.org', 'talk.example.org'] } }, { code: 'badSettings', part: 'behaviour' }],
    ['a built-in call site as an own one', { callSites: { enabled: true, own: ['meet.google.com'] } }, { code: 'badSettings', part: 'behaviour' }],
    ['a volume of 2', { sound: { chime: true, volume: 2, voice: false } }, { code: 'badSettings', part: 'sound' }],
    ['no prompt setting', { prompts: null }, { code: 'badSettings', part: 'behaviour' }],
    ['a heads-up 30 s before', { headsUpSec: 30 }, { code: 'badSettings', part: 'behaviour' }],
    ['an unknown equipment', { routines: { ...DEFAULT_SETTINGS.routines, equipment: ['trampoline'] } }, { code: 'badSettings', part: 'routines' }],
  ];
  for (const [name, patch, want] of cases) {
    it(`refuses ${name}`, () => {
      expect(problem(withSettings(patch))).toEqual(want);
    });
  }

  // Working hours the week editor refuses, and neither way of being told: stored settings keep them
  // as they are (sync, an older version), so an export holds them and must import back
  // (lib/backup-roundtrip.test.ts); the options page shows what to fix.
  const kept: Array<[string, Partial<Settings>]> = [
    ['overlapping working hours', { schedule: { enabled: true, days: [[{ from: 540, to: 720 }, { from: 700, to: 800 }], [], [], [], [], [], []] } }],
    ['empty working hours (09:00-09:00)', { schedule: { enabled: true, days: [[{ from: 540, to: 540 }], [], [], [], [], [], []] } }],
    ['working hours from 24:00', { schedule: { enabled: false, days: [[{ from: 1440, to: 60 }], [], [], [], [], [], []] } }],
    ['the same working hours twice', { schedule: { enabled: true, days: [[{ from: 540, to: 1050 }, { from: 540, to: 1050 }], [], [], [], [], [], []] } }],
    ['neither a notification nor the break window', { prompts: { notification: false, openWindow: false } }],
  ];
  for (const [name, patch] of kept) {
    it(`keeps ${name} as stored settings keep them`, () => {
      const r = parseBackup(withSettings(patch), NOW);
      expect(r.ok && r.value.settings).toEqual({ ...DEFAULT_SETTINGS, ...patch });
    });
  }

  it('names the form field of every form setting an import sets out of range', () => {
    for (const [id, f] of Object.entries(FIELDS) as Array<[FieldId, (typeof FIELDS)[FieldId]]>) {
      expect(problem(file(f.set(DEFAULT_SETTINGS, f.max + 1))), id).toEqual({ code: 'badSetting', field: id });
      expect(problem(file(f.set(DEFAULT_SETTINGS, f.min - 1))), id).toEqual({ code: 'badSetting', field: id });
    }
  });

  it('names the options section of every setting an import gets wrong', () => {
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      const p = problem(file({ ...DEFAULT_SETTINGS, [key]: 'x' }));
      expect(p && (p.code === 'badSetting' || (p.code === 'badSettings' && p.part !== null)), `${key}: ${JSON.stringify(p)}`).toBe(true);
    }
  });

  it('refuses a file without settings, or with settings that are not an object', () => {
    expect(problem(file(undefined))).toEqual({ code: 'badSettings', part: null });
    expect(problem(file(null))).toEqual({ code: 'badSettings', part: null });
    expect(problem(file([1, 2]))).toEqual({ code: 'badSettings', part: null });
  });

  it('takes the edges the form takes', () => {
    const edges: Partial<Settings> = {
      stretch: { enabled: true, everySec: 10 * 60, lengthSec: 60 },
      micro: { enabled: true, everySec: 120 * 60, lengthSec: 120 },
      snoozeSec: 30 * 60,
      snoozeLimit: 0,
      idleSec: 600,
      hold: { enabled: true, maxMin: 120 },
      dailyLimit: { enabled: true, minutes: 16 * 60 },
    };
    const r = parseBackup(file({ ...DEFAULT_SETTINGS, ...edges }), NOW);
    expect(r.ok && r.value.settings).toEqual({ ...DEFAULT_SETTINGS, ...edges });
  });
});

describe('break rows', () => {
  it('refuses a break that starts after it ends, naming it by its number and day', () => {
    const bad = row('b', NOW - 2 * DAY, { startedAt: NOW - 2 * DAY + 1 });
    expect(problem(file(DEFAULT_SETTINGS, [HISTORY[0], bad, HISTORY[2]]))).toEqual({ code: 'startAfterEnd', row: 2, day: '2026-03-03' });
    // Starting the moment it ends is not after.
    expect(problem(file(DEFAULT_SETTINGS, [HISTORY[0], row('b', NOW - 2 * DAY, { startedAt: NOW - 2 * DAY }), HISTORY[2]]))).toBeNull();
  });

  it('refuses a break dated more than a day after now (its end, start, prompt or due time)', () => {
    // A day of slack: a backup made minutes ago on a computer whose clock runs ahead of this one's
    // (a few minutes, an hour, a wrong time zone setting) imports.
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW + 1)]))).toBeNull();
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW + 3 * 60 * MIN)]))).toBeNull();
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW + DAY)]))).toBeNull();
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW + DAY + 1)]))).toEqual({ code: 'future', row: 4, day: '2026-03-06' });
    expect(problem(file(DEFAULT_SETTINGS, [row('d', NOW + 2 * DAY), ...HISTORY]))).toEqual({ code: 'future', row: 1, day: '2026-03-07' });
    // Only the due time that far ahead (a clock that jumped back): still not a break that happened.
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW - MIN, { dueAt: NOW + DAY + MIN })]))).toEqual({ code: 'future', row: 4, day: '2026-03-05' });
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW - MIN, { promptedAt: NOW + DAY + MIN })]))).toEqual({ code: 'future', row: 4, day: '2026-03-05' });
    // Ending a day after this computer's clock is fine; with that clock a millisecond earlier it is in the future.
    const atNow = file(DEFAULT_SETTINGS, [...HISTORY, row('d', NOW)]);
    expect(parseBackup(atNow, NOW - DAY).ok).toBe(true);
    expect(parseBackup(atNow, NOW - DAY - 1)).toMatchObject({ ok: false, problem: { code: 'future', row: 4 } });
  });

  it('refuses a malformed row by its number, and a repeated id by the repeat', () => {
    expect(problem(file(DEFAULT_SETTINGS, [HISTORY[0], HISTORY[1], { ...HISTORY[2], outcome: 'won' }]))).toEqual({ code: 'badRow', row: 3 });
    expect(problem(file(DEFAULT_SETTINGS, [HISTORY[0], { ...HISTORY[1], id: 'B' }]))).toEqual({ code: 'badRow', row: 2 });
    expect(problem(file(DEFAULT_SETTINGS, [...HISTORY, { ...HISTORY[0] }]))).toEqual({ code: 'duplicateRow', row: 4 });
  });

  it('keeps rows of routines Limber no longer has', () => {
    const gone = row('d', NOW - 4 * DAY, { routineId: 'retired-routine' });
    const r = parseBackup(file(DEFAULT_SETTINGS, [gone, ...HISTORY]), NOW);
    expect(r.ok && r.value.history.map((x) => x.routineId)).toEqual(['retired-routine', 'cat-cow', 'cat-cow', 'cat-cow']);
  });
});

describe('versions', () => {
  it('a newer backup or settings version gets the "newer Limber" problem; an odd one the other', () => {
    expect(problem(file(DEFAULT_SETTINGS, HISTORY, { version: 2 }))).toEqual({ code: 'newerVersion' });
    expect(problem(file(DEFAULT_SETTINGS, HISTORY, { settingsVersion: 5 }))).toEqual({ code: 'newerVersion' });
    expect(problem(file(DEFAULT_SETTINGS, HISTORY, { version: 0 }))).toEqual({ code: 'wrongVersion' });
    expect(problem(file(DEFAULT_SETTINGS, HISTORY, { version: 1.5 }))).toEqual({ code: 'wrongVersion' });
    expect(problem(file(DEFAULT_SETTINGS, HISTORY, { settingsVersion: 0 }))).toEqual({ code: 'wrongVersion' });
    expect(problem(file(DEFAULT_SETTINGS, HISTORY, { settingsVersion: 2 }))).toBeNull();
  });

  it('an older backup goes through the same settings migration as stored settings: its 20-second posture check (the old default) comes in as 45 s', () => {
    const micro = (lengthSec: number) => ({ ...DEFAULT_SETTINGS, micro: { enabled: true, everySec: 25 * 60, lengthSec } });
    const imported = (lengthSec: number, settingsVersion: number) => {
      const r = parseBackup(file(micro(lengthSec), HISTORY, { settingsVersion }), NOW);
      return r.ok ? r.value.settings.micro : r.problem;
    };
    expect(imported(20, 3)).toEqual({ enabled: true, everySec: 25 * 60, lengthSec: 45 });
    expect(imported(20, 1)).toEqual({ enabled: true, everySec: 25 * 60, lengthSec: 45 });
    // A length chosen otherwise, or 20 s in a backup made since (version 4), is kept.
    expect(imported(30, 3)).toEqual({ enabled: true, everySec: 25 * 60, lengthSec: 30 });
    expect(imported(20, 4)).toEqual({ enabled: true, everySec: 25 * 60, lengthSec: 20 });
  });
});

describe('what a backup holds', () => {
  const known = (id: string) => ROUTINES.some((r) => r.id === id);
  const backup = (history: StoredBreak[], exportedAt = new Date(NOW - DAY).toISOString()): Backup => ({ ...makeBackup(DEFAULT_SETTINGS, history, NOW), exportedAt });

  it('its date, its number of breaks, its first and last day (in any order), and breaks of routines no longer in Limber', () => {
    const rows = [row('b', NOW - 2 * DAY), row('z', NOW - 30 * DAY, { routineId: 'retired' }), row('c', NOW - DAY, { routineId: 'gone-too' }), row('n', NOW - 10 * DAY, { routineId: null })];
    expect(summarizeBackup(backup(rows), known)).toEqual({ exportedAt: NOW - DAY, breaks: 4, firstDay: '2026-02-03', lastDay: '2026-03-04', goneRoutines: 2, ownRoutines: 0 });
  });

  it('an empty backup, and one whose date cannot be read', () => {
    expect(summarizeBackup(backup([], 'yesterday-ish'), known)).toEqual({ exportedAt: null, breaks: 0, firstDay: null, lastDay: null, goneRoutines: 0, ownRoutines: 0 });
  });

  it("what the current history would lose: breaks on days after its last one's, and others it does not hold (later on that day too)", () => {
    const b = backup([row('a', NOW - 5 * DAY), row('b', NOW - 3 * DAY)]);
    const current = [row('old', NOW - 9 * DAY), row('a', NOW - 5 * DAY), row('b', NOW - 3 * DAY), row('mid', NOW - 4 * DAY), row('n1', NOW - 3 * DAY + 1), row('n2', NOW - DAY)];
    expect(lostBreaks(current, b)).toEqual({ newer: 1, other: 3 });
    expect(lostBreaks(current, backup([]))).toEqual({ newer: 6, other: 0 });
    expect(lostBreaks([], b)).toEqual({ newer: 0, other: 0 });
  });
});

describe('an import (lib/data.ts): a refused file changes nothing', () => {
  beforeEach(async () => {
    vi.spyOn(clock, 'now').mockReturnValue(NOW);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
    await saveSettings(DEFAULT_SETTINGS);
    for (const r of HISTORY) await recordBreak(r, 'UTC');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeHistory();
  });
  const snapshot = async () => ({ rows: await allBreaks(), days: await dayAggregates(), settings: await loadSettings() });
  const importing = async (text: string) => {
    return importData(text);
  };

  it('1-second intervals, a future break, a start after its end: refused; then a good file replaces', async () => {
    const before = await snapshot();
    expect(await importing(withSettings({ stretch: { enabled: true, everySec: 1, lengthSec: 1 } }))).toMatchObject({ imported: false, problem: { code: 'badSetting', field: 'stretch.everyMin' } });
    expect(await importing(file(DEFAULT_SETTINGS, [row('x', NOW + DAY + MIN)]))).toMatchObject({ imported: false, problem: { code: 'future', row: 1 } });
    expect(await importing(file(DEFAULT_SETTINGS, [row('x', NOW - DAY, { startedAt: NOW })]))).toMatchObject({ imported: false, problem: { code: 'startAfterEnd', row: 1 } });
    expect(await snapshot()).toEqual(before);
    // The import checks against the clock at the time: the same row is fine a minute later.
    vi.mocked(clock.now).mockReturnValue(NOW + MIN);
    expect(await importing(file(DEFAULT_SETTINGS, [row('x', NOW + DAY + MIN, { routineId: 'retired' })]))).toEqual({ imported: true, breaks: 1 });
    expect((await allBreaks()).map((r) => [r.id, r.routineId])).toEqual([['x', 'retired']]);
  });
});
