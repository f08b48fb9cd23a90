/**
 * Own routines in "Your data" (lib/backup.ts, lib/data.ts): an export holds them and importing
 * it gives them back unchanged; a backup from before they existed imports with none; one with a
 * damaged own routine is refused, naming it, and changes nothing (history, settings, routines);
 * a reset deletes them.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { makeBackup, backupJson } from './backup';
import { parseBackup } from './backup-parse';
import { DEFAULT_SETTINGS } from './settings';
import { clock } from './platform/clock';
import { allBreaks, closeHistory, recordBreak, type StoredBreak } from './storage/history';
import { loadSettings, saveSettings } from './storage/items';
import { saveOwnRoutines, storedOwnRoutines as loadOwnRoutines } from './storage/own-routines';
import { exportData, importData, resetData } from './data';
import type { OwnRoutine } from './own-routines';

const NOW = Date.UTC(2026, 2, 5, 15, 0);
const MIN = 60_000;

const MINE: OwnRoutine[] = [
  { id: 'own-a1', name: 'Desk reset', kind: 'stretch', areas: ['neck', 'shoulders'], position: 'standing', equipment: ['wall'], steps: [{ text: 'Lean on the wall', seconds: 40 }, { text: 'Roll the shoulders “slowly”', seconds: 50 }] },
  { id: 'own-b2', name: 'Blink', kind: 'eyes', areas: ['eyes'], position: 'seated', equipment: ['none'], steps: [{ text: 'Blink ten times', seconds: 15 }] },
];

const row = (id: string, endedAt: number, routineId: string | null = 'own-a1'): StoredBreak => ({
  id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId,
  deskMs: 45 * MIN, snoozes: 0, manual: false, day: new Date(endedAt).toISOString().slice(0, 10),
});

describe('the backup file', () => {
  it('holds the own routines and gives them back unchanged', () => {
    const parsed = parseBackup(backupJson(makeBackup(DEFAULT_SETTINGS, [], NOW, MINE)), NOW);
    expect(parsed.ok && parsed.value.ownRoutines).toEqual(MINE);
  });

  it('a backup made before own routines existed imports with none', () => {
    const { ownRoutines: _none, ...old } = makeBackup(DEFAULT_SETTINGS, [], NOW);
    const parsed = parseBackup(JSON.stringify(old), NOW);
    expect(parsed.ok && parsed.value.ownRoutines).toEqual([]);
  });

  it('refuses an own routine the editor would refuse, naming it by its number; and a list that is not one', () => {
    const withOwn = (list: unknown) => parseBackup(JSON.stringify({ ...makeBackup(DEFAULT_SETTINGS, [], NOW), ownRoutines: list }), NOW);
    expect(withOwn([MINE[0], { ...MINE[1], steps: [] }])).toMatchObject({ ok: false, problem: { code: 'badOwnRoutine', routine: 2 } });
    expect(withOwn([{ ...MINE[0], name: '' }])).toMatchObject({ ok: false, problem: { code: 'badOwnRoutine', routine: 1 } });
    // A posture-check routine longer than a posture check may be.
    expect(withOwn([{ ...MINE[1], steps: [{ text: 'Blink', seconds: 121 }] }])).toMatchObject({ ok: false, problem: { code: 'badOwnRoutine', routine: 1 } });
    expect(withOwn([MINE[0], MINE[0]])).toMatchObject({ ok: false, problem: { code: 'badOwnRoutines' } });
    expect(withOwn(Array.from({ length: 51 }, (_, i) => ({ ...MINE[1], id: `own-n${i}` })))).toMatchObject({ ok: false, problem: { code: 'badOwnRoutines' } });
  });

  it('own routines that are not a list at all: refused as a damaged backup, not as "too many, or repeated" (it said so for null, a text, an object)', async () => {
    const { problemText } = await import('../components/import-text');
    const { speakEnglish } = await import('../tests/support/linkedom-page');
    speakEnglish('en-US');
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    const withOwn = (list: unknown) => parseBackup(JSON.stringify({ ...makeBackup(DEFAULT_SETTINGS, [], NOW), ownRoutines: list }), NOW);
    // null is not "none" (read as none, the import would delete the routines the person has).
    for (const notAList of [null, 'lots', { a: 1 }, 3]) {
      const r = withOwn(notAList);
      expect(r.ok ? null : { code: r.problem.code, text: problemText(r.problem as never) }, JSON.stringify(notAList)).toEqual({ code: 'damaged', text: 'Parts of this backup are missing or damaged, so it cannot be imported. Nothing was changed.' });
    }
  });
});

describe('export, import and reset (lib/data.ts)', () => {
  beforeEach(async () => {
    vi.spyOn(clock, 'now').mockReturnValue(NOW);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
    await saveSettings(DEFAULT_SETTINGS);
    await recordBreak(row('a', NOW - 60 * MIN), 'UTC');
    await saveOwnRoutines(MINE);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeHistory();
  });
  const snapshot = async () => ({ rows: await allBreaks(), settings: await loadSettings(), own: await loadOwnRoutines() });

  it('export, reset, import: the routines are back as they were, and the history still names them', async () => {
    const file = await exportData('json');
    await resetData();
    expect(await loadOwnRoutines()).toEqual([]);
    expect(await importData(file.text)).toEqual({ imported: true, breaks: 1 });
    expect(await loadOwnRoutines()).toEqual(MINE);
    expect((await allBreaks()).map((r) => r.routineId)).toEqual(['own-a1']);
  });

  it('a backup with a field Limber does not know at its top ("comment") imports exactly its data, the field ignored as unknown keys in the settings are (it was refused as "missing or damaged")', async () => {
    const data = makeBackup({ ...DEFAULT_SETTINGS, idleSec: 300 }, [row('b', NOW - 10 * MIN, null)], NOW, [MINE[1]!]);
    await importData(backupJson(data));
    const plain = await snapshot();
    await resetData();
    expect(await importData(JSON.stringify({ ...data, comment: 'x' }))).toEqual({ imported: true, breaks: 1 });
    expect(await snapshot()).toEqual(plain);
    const parsed = parseBackup(JSON.stringify({ comment: 'x', ...data }), NOW);
    expect(parsed.ok && Object.keys(parsed.value).includes('comment')).toBe(false);
  });

  it('a file with a damaged own routine changes nothing at all', async () => {
    const before = await snapshot();
    const bad = JSON.stringify({ ...makeBackup({ ...DEFAULT_SETTINGS, idleSec: 300 }, [row('b', NOW - 10 * MIN, null)], NOW, []), ownRoutines: [{ ...MINE[0], steps: [{ text: 'x', seconds: 4 }] }] });
    expect(await importData(bad)).toMatchObject({ imported: false, problem: { code: 'badOwnRoutine', routine: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it('when the routines cannot be written, the history, settings and routines are put back', async () => {
    const before = await snapshot();
    const other = backupJson(makeBackup({ ...DEFAULT_SETTINGS, idleSec: 300 }, [row('b', NOW - 10 * MIN, null)], NOW, [MINE[1]!]));
    const { browser } = await import('wxt/browser');
    const set = browser.storage.local.set.bind(browser.storage.local);
    let failed = false;
    vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if ('ownRoutines' in items && !failed) {
        failed = true;
        throw new Error('disk full');
      }
      return set(items);
    });
    expect(await importData(other)).toMatchObject({ imported: false, problem: { code: 'writeFailed' } });
    expect(await snapshot()).toEqual(before);
  });
});
