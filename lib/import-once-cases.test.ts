/**
 * A big import on the options page (components/DataPrefs.tsx, lib/data.ts): the file is checked
 * once, for the preview, and "Replace my data" writes what that check read (it checked the whole
 * file again, seconds of a frozen page for 170,000 breaks); while it checks, the page says so in
 * a live region that was there before it spoke, and the file field is busy. Fixed clock (Thursday
 * 2026-03-05 15:00 UTC), explicit zone, WXT's fake browser, fake-indexeddb, the English
 * catalogue from disk; DataPrefs rendered with linkedom (tests/support/data-page.ts mountData).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { englishMessage, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountData } from '../tests/support/data-page';
import { backupJson, makeBackup } from './backup';
import { clock } from './platform/clock';
import { DEFAULT_SETTINGS } from './settings';
import { allBreaks, recordBreak } from './storage/history';

/** Each full check of a file, with what the page showed as it began. */
const checks = vi.hoisted(() => [] as Array<{ status: string | null; busy: string | null }>);
vi.mock('./backup-parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('./backup-parse')>();
  return {
    ...real,
    parseBackup: (text: string, now: number) => {
      const doc = (globalThis as { document?: Document }).document;
      checks.push({ status: doc?.querySelector('[data-testid="import-status"]')?.textContent ?? null, busy: doc?.querySelector('[data-testid="import-field"]')?.getAttribute('aria-busy') ?? null });
      return real.parseBackup(text, now);
    },
  };
});

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);
const DAY = 86_400_000;

useEnglishPages('en-GB');

beforeEach(() => {
  checks.length = 0;
  vi.spyOn(clock, 'now').mockReturnValue(NOW);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});


const fileOf = (...ids: string[]) => backupJson(makeBackup(DEFAULT_SETTINGS, ids.map((id, i) => storedBreak(id, NOW - (i + 1) * DAY)), NOW));

describe('a file is checked once', () => {
  it('"Replace my data" writes the breaks the preview checked, without checking the whole file again', async () => {
    await recordBreak(storedBreak('mine', NOW - 3 * DAY), 'Europe/Berlin');
    const m = await mountData();
    await m.choose('backup.json', fileOf('a', 'b'));
    await until(() => m.byId('import-preview') !== null, 'the preview');
    expect(checks).toHaveLength(1);
    await m.click('import-replace');
    await until(() => m.message() !== '', 'the result');
    expect(m.message()).toBe(englishMessage('importDone_other', '2'));
    expect((await allBreaks()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(checks).toHaveLength(1);
  });

  it('a second file chosen after a preview is the one written (the first one\'s check is not used)', async () => {
    const m = await mountData();
    await m.choose('first.json', fileOf('a', 'b'));
    await until(() => m.byId('import-preview') !== null, 'the first preview');
    await m.choose('second.json', fileOf('c'));
    await until(() => m.byId('import-preview') !== null && checks.length === 2, 'the second preview');
    await m.click('import-replace');
    await until(() => m.message() !== '', 'the result');
    expect((await allBreaks()).map((r) => r.id)).toEqual(['c']);
    expect(checks).toHaveLength(2);
  });

  it('control: a file refused by the preview is never written', async () => {
    const m = await mountData();
    await m.choose('backup.json', fileOf('a').replace('"outcome": "completed"', '"outcome": "won"').replace('"outcome":"completed"', '"outcome":"won"'));
    await until(() => m.message() !== '', 'the refusal');
    expect(m.message()).toBe(englishMessage('importBadRow', '1'));
    expect(m.byId('import-preview')).toBeNull();
    expect(await allBreaks()).toEqual([]);
  });
});

describe('the page says it is checking', () => {
  it('in a live region there before it speaks, the file field busy while it checks', async () => {
    const m = await mountData();
    const status = m.byId('import-status');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toBe('');
    expect(m.byId('import-field')?.getAttribute('aria-busy')).toBe('false');
    await m.choose('backup.json', fileOf('a'));
    await until(() => m.byId('import-preview') !== null, 'the preview');
    expect(checks).toEqual([{ status: englishMessage('importChecking'), busy: 'true' }]);
    // The same element, quiet again once the preview shows.
    expect(m.byId('import-status')).toBe(status);
    expect(status?.textContent).toBe('');
    expect(m.byId('import-field')?.getAttribute('aria-busy')).toBe('false');
  });
});
