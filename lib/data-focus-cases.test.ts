/**
 * "Your data" from the keyboard (components/DataPrefs.tsx): every control in the section is
 * disabled while an export, a file's check or an import runs, and a browser takes the keyboard
 * focus away from a focused control that becomes disabled (Chromium puts it on the page's body and
 * does not give it back). The reset's button already took it back once enabled; the export
 * buttons and the file field did not: after "Export everything (JSON)", a refused file, or
 * "Replace my data", the focus was on the page's body, so a screen reader left the section. Fixed
 * clock (Thursday 2026-03-05 15:00 UTC), explicit zone, WXT's fake browser, fake-indexeddb, the
 * English catalogue from disk; DataPrefs rendered with linkedom (tests/support/data-page.ts
 * mountData, whose focus model drops the focus of a control disabled while it has it).
 */
import { describe, expect, it } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { englishMessage, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountData, useDataWorld } from '../tests/support/data-page';
import { backupJson, makeBackup } from './backup';
import { DEFAULT_SETTINGS } from './settings';
import { allBreaks, recordBreak } from './storage/history';

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);
const DAY = 86_400_000;

useEnglishPages('en-GB');

useDataWorld(NOW);

/** Where the focus is once the page's effects have run (they run after a frame): given up on after half a second. */
async function focusOnceSettled(m: Awaited<ReturnType<typeof mountData>>, expected: unknown): Promise<Element | null> {
  await until(() => m.focusNow() === expected, 'the focus', 100).catch(() => undefined);
  return m.focusNow();
}

const fileOf = (...ids: string[]) => backupJson(makeBackup(DEFAULT_SETTINGS, ids.map((id, i) => storedBreak(id, NOW - (i + 1) * DAY)), NOW));

describe('the keyboard focus stays in "Your data"', () => {
  it('after an export, on the export button that was pressed', async () => {
    const m = await mountData();
    for (const [id, name] of [['export-json', 'limber-2026-03-05-1600.json'], ['export-csv', 'limber-history-2026-03-05-1600.csv']] as const) {
      await m.press(id);
      await until(() => m.message() === englishMessage('exportDone', name), `the ${id} message`);
      await until(() => m.byId(id)!.disabled === false, 'the buttons enabled');
      expect(await focusOnceSettled(m, m.byId(id))).toBe(m.byId(id));
    }
  });

  it('after a refused file, on the file field (the message says why)', async () => {
    const m = await mountData();
    (m.byId('import-file') as unknown as HTMLElement).focus(); // the person chose the file from the field
    await m.choose('notes.json', '{ not json');
    await until(() => m.message() === englishMessage('importNotJson'), 'the refusal');
    await until(() => m.byId('import-file')!.disabled === false, 'the field enabled');
    expect(await focusOnceSettled(m, m.byId('import-file'))).toBe(m.byId('import-file'));
  });

  it('after a file checked, on the preview\'s Cancel; after "Replace my data", on the file field', async () => {
    await recordBreak(storedBreak('mine', NOW - 3 * DAY), 'Europe/Berlin');
    const m = await mountData();
    (m.byId('import-file') as unknown as HTMLElement).focus();
    await m.choose('backup.json', fileOf('a', 'b'));
    await until(() => m.byId('import-preview') !== null && m.byId('import-file')!.disabled === false, 'the preview');
    expect(await focusOnceSettled(m, m.byId('import-cancel'))).toBe(m.byId('import-cancel'));
    await m.press('import-replace');
    await until(() => m.message() === englishMessage('importDone_other', '2'), 'the result');
    await until(() => m.byId('import-file')!.disabled === false, 'the field enabled');
    expect((await allBreaks()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(await focusOnceSettled(m, m.byId('import-file'))).toBe(m.byId('import-file'));
  });

  it('control: after "Delete everything", on the reset button (as already held)', async () => {
    const m = await mountData();
    await m.press('reset');
    await m.press('reset-confirm-yes');
    await until(() => m.message() === englishMessage('resetDone'), 'the reset message');
    await until(() => m.byId('reset') !== null && m.byId('reset')!.disabled === false, 'the reset button');
    expect(await focusOnceSettled(m, m.byId('reset'))).toBe(m.byId('reset'));
  });
});

describe('a preview left open while the data is reset', () => {
  // The preview counts what the current history would lose ("…: they will be lost") and sits just
  // above "Delete history and reset settings…": a person who tabbed on from it and reset still saw
  // it, its losses counted from the history just deleted, and "Replace my data" still there.
  it('is closed by the reset: its counts were of the history deleted', async () => {
    await recordBreak(storedBreak('mine', NOW - DAY / 2), 'Europe/Berlin');
    const m = await mountData();
    await m.choose('backup.json', fileOf('a'));
    await until(() => m.byId('import-note-newer') !== null && m.byId('import-file')!.disabled === false, 'the preview with its loss');
    await m.press('reset');
    await m.press('reset-confirm-yes');
    await until(() => m.message() === englishMessage('resetDone'), 'the reset message');
    expect(await allBreaks()).toEqual([]);
    expect(m.byId('import-preview')).toBeNull();
    expect(await focusOnceSettled(m, m.byId('reset'))).toBe(m.byId('reset'));
  });
});
