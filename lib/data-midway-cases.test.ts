/**
 * "Your data" (components/DataPrefs.tsx, lib/data.ts) from a later review: what happens in the
 * middle of an import or a reset, and what an export says when break history is off.
 * - An import writes the history, then the settings and the own routines; a reset clears the
 *   history, then resets the rest. Closing or reloading the tab in between left half of it done
 *   (the backup's history with the old settings and routines), without a word: the browser now
 *   asks first while either runs.
 * - An import whose settings could not be saved puts the previous history back, but the popup's
 *   snapshot had already been redrawn from the backup's history (before the settings' write):
 *   the popup opened on the backup's figures although "nothing was changed". It is redrawn again.
 * - "Export history (CSV)" while break history is off said the file held "your settings only"; a
 *   CSV holds no settings.
 * Fixed clock (Thursday 2026-03-05 15:00 UTC), explicit zone, WXT's fake browser,
 * fake-indexeddb, the English catalogue from disk; DataPrefs rendered with linkedom
 * (tests/support/data-page.ts mountData).
 */
import { describe, expect, it, vi } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { englishMessage, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountData, useDataWorld } from '../tests/support/data-page';
import { backupJson, makeBackup } from './backup';
import { DEFAULT_SETTINGS } from './settings';
import { allBreaks, closeHistory, recordBreak } from './storage/history';
import { loadSettings } from './storage/items';

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);
const DAY = 86_400_000;

useEnglishPages('en-GB');

useDataWorld(NOW);

type Page = Awaited<ReturnType<typeof mountData>>;

/** The browser's beforeunload as the tab is closed or reloaded: true when the page asks to stay. */
function unload(m: Page): boolean {
  const e = new m.window.Event('beforeunload', { cancelable: true });
  m.window.dispatchEvent(e);
  return e.defaultPrevented;
}

/**
 * The background's answers to 'status/refresh' after the history was replaced (`replaced`) held
 * until `release` is called (a worker waking up takes its time): the page is then between the
 * history's write and the settings'. `asked`: those asked. `seen`: the history's ids as each
 * refresh found them (the one sent before the history is replaced, lib/data.ts TellBackground, too).
 */
async function heldBackground() {
  const { browser } = await import('wxt/browser');
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const seen: string[][] = [];
  let asked = 0;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) => {
    const m = msg as { type?: string; replaced?: boolean };
    if (m.type === 'status/refresh') {
      if (m.replaced) {
        asked++;
        await gate;
      }
      seen.push((await allBreaks()).map((r) => r.id).sort());
    }
    return { ok: true, data: { refreshed: true } };
  });
  return { release, seen, asked: () => asked };
}

const fileOf = (settings = DEFAULT_SETTINGS, ...ids: string[]) => backupJson(makeBackup(settings, ids.map((id, i) => storedBreak(id, NOW - (i + 1) * DAY)), NOW));

describe('closing the tab in the middle of an import or a reset', () => {
  it('while "Replace my data" writes, the browser asks before the tab closes (it closed unasked, the backup\'s history kept with the old settings)', async () => {
    await recordBreak(storedBreak('mine', NOW - 3 * DAY), 'Europe/Berlin');
    const bg = await heldBackground();
    const m = await mountData();
    expect(unload(m)).toBe(false);
    await m.choose('backup.json', fileOf({ ...DEFAULT_SETTINGS, idleSec: 300 }, 'a', 'b'));
    await until(() => m.byId('import-preview') !== null, 'the preview');
    expect(unload(m)).toBe(false); // only looking at what the file holds: nothing to lose
    await m.press('import-replace');
    await until(() => bg.asked() > 0, 'the history replaced');
    // The background was woken before the replace (its waiting breaks go to the old history).
    expect(bg.seen[0]).toEqual(['mine']);
    // The history is the backup's, the settings not yet: closing now leaves half an import.
    expect((await allBreaks()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect((await loadSettings()).idleSec).toBe(DEFAULT_SETTINGS.idleSec);
    expect(unload(m)).toBe(true);
    bg.release();
    await until(() => m.message() === englishMessage('importDone_other', '2'), 'the result');
    expect((await loadSettings()).idleSec).toBe(300);
    expect(unload(m)).toBe(false);
  });

  it('while "Delete everything" runs, the browser asks before the tab closes', async () => {
    await recordBreak(storedBreak('mine', NOW - 3 * DAY), 'Europe/Berlin');
    const bg = await heldBackground();
    const m = await mountData();
    await m.press('reset');
    expect(unload(m)).toBe(false); // the confirmation only
    await m.press('reset-confirm-yes');
    await until(() => bg.asked() > 0, 'the history cleared');
    expect(unload(m)).toBe(true);
    bg.release();
    await until(() => m.message() === englishMessage('resetDone'), 'the result');
    expect(unload(m)).toBe(false);
  });
});

describe('an import whose settings could not be saved', () => {
  it('has the popup redrawn from the history put back, not left on the backup\'s (it was redrawn only before the settings\' write)', async () => {
    await recordBreak(storedBreak('mine', NOW - 3 * DAY), 'Europe/Berlin');
    const bg = await heldBackground();
    bg.release();
    const { browser } = await import('wxt/browser');
    const set = browser.storage.local.set.bind(browser.storage.local);
    let failed = false;
    vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((k) => k.includes('settings')) && !failed) {
        failed = true;
        throw new Error('disk full');
      }
      return set(items);
    });
    const m = await mountData();
    await m.choose('backup.json', fileOf(DEFAULT_SETTINGS, 'a', 'b'));
    await until(() => m.byId('import-preview') !== null, 'the preview');
    await m.press('import-replace');
    await until(() => m.message() === englishMessage('importWriteFailed'), 'the refusal');
    expect((await allBreaks()).map((r) => r.id)).toEqual(['mine']);
    await until(() => bg.seen.length >= 2, 'a second refresh', 100).catch(() => undefined);
    expect(bg.seen.at(-1)).toEqual(['mine']);
  });
});

describe('an export while break history is off', () => {
  it('the CSV is not said to hold the settings (it holds no breaks, and no settings either)', async () => {
    const idb = (globalThis as { indexedDB?: unknown }).indexedDB;
    (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
    await closeHistory();
    try {
      const m = await mountData();
      await m.press('export-csv');
      await until(() => m.message() !== '', 'the message');
      expect(m.message()).toContain('limber-history-2026-03-05-1600.csv');
      expect(m.message()).not.toMatch(/settings/i);
      await until(() => m.byId('export-json')!.disabled === false, 'the buttons');
      await m.press('export-json');
      await until(() => m.message().includes('.json'), 'the JSON message');
      expect(m.message()).toMatch(/no breaks/);
    } finally {
      (globalThis as { indexedDB?: unknown }).indexedDB = idb;
      await closeHistory();
    }
  });
});
