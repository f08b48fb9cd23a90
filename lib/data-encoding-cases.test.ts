/**
 * "Your data": a backup that another program saved again in another text encoding. A backup is
 * UTF-8 JSON; the page read every file as UTF-8, whatever it held: a backup saved in a legacy
 * encoding (Windows-1252, as an older editor saves it) had each accented letter of the person's own
 * routines turned into "�", and was imported so, without a word; one saved as "Unicode" (UTF-16,
 * Windows Notepad's name) was called damaged. Now the first is refused, saying why, and changes
 * nothing; the second, its encoding marked by its byte-order mark, is read as it is and imports
 * exactly. Fixed clock (Thursday 2026-03-05 15:00 UTC), Berlin, WXT's fake browser,
 * fake-indexeddb, the English catalogue from disk; DataPrefs rendered with linkedom.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storedBreak } from '../tests/support/stored-break';
import { englishMessage, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountData } from '../tests/support/data-page';
import { exportData } from './data';
import { clock } from './platform/clock';
import { DEFAULT_SETTINGS } from './settings';
import type { OwnRoutine } from './own-routines';
import { allBreaks, recordBreak, replaceHistory } from './storage/history';
import { loadSettings, saveSettings } from './storage/items';
import { saveOwnRoutines, storedOwnRoutines } from './storage/own-routines';
import { decodeImportFile } from '../components/import-file';

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);
const DAY = 86_400_000;
const MINE: OwnRoutine = { id: 'own-a1', name: 'Schultern lösen, café-Pause', kind: 'stretch', areas: ['neck'], position: 'standing', equipment: ['wall'], steps: [{ text: 'Gegen die Wand lehnen – ruhig atmen', seconds: 60 }] };

useEnglishPages('en-GB');

beforeEach(() => {
  vi.spyOn(clock, 'now').mockReturnValue(NOW);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

/** Windows-1252 as far as these texts need it (Latin-1, and the en dash). */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([...text].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}
function utf16(text: string, le: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), le);
  return out;
}

/** A backup of a world with one own routine, made and then the world changed (what a refused import must leave). */
async function backupThenChange(): Promise<{ text: string; now: () => Promise<unknown> }> {
  await recordBreak(storedBreak('s-1', NOW - DAY), 'Europe/Berlin');
  await saveOwnRoutines([MINE]);
  const { text } = await exportData('json');
  await replaceHistory([]);
  await saveOwnRoutines([]);
  await saveSettings({ ...DEFAULT_SETTINGS, snoozeLimit: 3 });
  return { text, now: async () => ({ rows: await allBreaks(), settings: await loadSettings(), own: await storedOwnRoutines() }) };
}

describe('a backup saved again in another text encoding', () => {
  it('in Windows-1252: refused, saying why; nothing changes and no letter is lost (it was imported with "�" for each accented letter)', async () => {
    const { text, now } = await backupThenChange();
    const before = await now();
    const m = await mountData();
    await m.choose('limber-2026-03-05.json', windows1252(text));
    await until(() => m.message() !== '' || m.byId('import-preview') !== null, 'the refusal');
    expect(m.message()).toBe(englishMessage('importNotUtf8'));
    expect(m.byId('import-preview')).toBeNull();
    expect(await now()).toEqual(before);
  });

  for (const [name, le] of [['UTF-16 little-endian (Notepad\'s "Unicode")', true], ['UTF-16 big-endian', false]] as const) {
    it(`in ${name}, with its byte-order mark: read as it is, and "Replace my data" gives back exactly what was exported`, async () => {
      const { text } = await backupThenChange();
      const m = await mountData();
      await m.choose('limber-2026-03-05.json', utf16(text, le));
      await until(() => m.message() !== '' || m.byId('import-preview') !== null, 'the preview');
      expect(m.message()).toBe('');
      await m.click('import-replace');
      await until(() => m.message() !== '', 'the import');
      expect(m.message()).toBe(englishMessage('importDone_one', '1'));
      expect(await storedOwnRoutines()).toEqual([MINE]);
      expect(await allBreaks()).toHaveLength(1);
    });
  }

  it('the decoding: UTF-8 with or without its byte-order mark as it is; UTF-16 by its mark; anything else that is not UTF-8 is null', () => {
    const text = '{"name":"Schultern lösen – 肩"}';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeImportFile(utf8)).toBe(text);
    expect(decodeImportFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    expect(decodeImportFile(utf16(text, true))).toBe(text);
    expect(decodeImportFile(utf16(text, false))).toBe(text);
    expect(decodeImportFile(windows1252('{"name":"lösen"}'))).toBeNull();
    expect(decodeImportFile(new Uint8Array())).toBe('');
  });
});
