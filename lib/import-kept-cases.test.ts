/**
 * Imports refused for a bound the other tests leave unchecked, and what stays as it was: each
 * compared with what was stored before (the rows, the day totals, the settings, both copies of
 * the own routines), never with the import's own account.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { parseBackup } from './backup-parse';
import { importData } from './data';
import type { OwnRoutine } from './own-routines';
import { OWN_KEY, saveOwnRoutines } from './storage/own-routines';
import { NOW, snapshot, useDataWorld, validBackup } from '../tests/support/data-world';

useDataWorld();

const BLINK: OwnRoutine = { id: 'own-b2', name: 'Blink', kind: 'eyes', areas: ['eyes'], position: 'seated', equipment: ['none'], steps: [{ text: 'Blink ten times', seconds: 15 }] };
const OTHER: OwnRoutine = { ...BLINK, id: 'own-c3', name: 'Look far' };

/** Everything an import may change, read from storage itself. */
async function stored() {
  const [local, sync] = await Promise.all([browser.storage.local.get(OWN_KEY), browser.storage.sync.get(OWN_KEY)]);
  return { ...(await snapshot()), ownLocal: local[OWN_KEY] ?? null, ownSync: sync[OWN_KEY] ?? null };
}

describe('imports refused at their bounds change nothing', () => {
  it('a break dated before 2000 (a clock at 1970, a file edited by hand) is a damaged row', async () => {
    const good = await validBackup();
    const before = await stored();
    const first = good.history[0]!;
    const old = Date.UTC(1999, 11, 31, 12);
    for (const patch of [{ dueAt: old }, { promptedAt: old }, { startedAt: old }, { dueAt: 0, promptedAt: 0, startedAt: 0, endedAt: 0, day: '1970-01-01' }]) {
      const text = JSON.stringify({ ...good, history: [{ ...first, ...patch }, ...good.history.slice(1)] });
      expect(parseBackup(text, NOW), JSON.stringify(patch)).toMatchObject({ ok: false, problem: { code: 'badRow', row: 1 } });
      expect(await importData(text), JSON.stringify(patch)).toMatchObject({ imported: false, problem: { code: 'badRow', row: 1 } });
    }
    expect(await stored()).toEqual(before);
  });

  it('a text of over 1,000 characters anywhere, even in a field Limber ignores, makes the file hostile', async () => {
    const good = await validBackup();
    const before = await stored();
    expect(parseBackup(JSON.stringify({ ...good, note: 'x'.repeat(1000) }), NOW).ok).toBe(true);
    const text = JSON.stringify({ ...good, note: 'x'.repeat(1001) });
    expect(parseBackup(text, NOW)).toMatchObject({ ok: false, problem: { code: 'hostile' } });
    expect(await importData(text)).toMatchObject({ imported: false, problem: { code: 'hostile' } });
    expect(await stored()).toEqual(before);
  });

  it('a refused file never tells the background that the history was replaced (its waiting breaks would be dropped)', async () => {
    const good = await validBackup();
    const before = await stored();
    const tell = vi.fn(async () => undefined);
    const bad = JSON.stringify({ ...good, history: [...good.history, good.history[0]] });
    expect(await importData(bad, NOW, tell)).toMatchObject({ imported: false, problem: { code: 'duplicateRow' } });
    expect(tell).not.toHaveBeenCalledWith(true);
    expect(await stored()).toEqual(before);
  });

  it('own routines that cannot be written here: both their copies, this computer\'s and the synced one, are put back', async () => {
    await saveOwnRoutines([BLINK]);
    const good = await validBackup();
    const before = await stored();
    expect(before.ownSync).toEqual([BLINK]);
    const set = browser.storage.local.set.bind(browser.storage.local);
    let failed = false;
    vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (OWN_KEY in items && !failed) {
        failed = true;
        throw new Error('disk full');
      }
      return set(items);
    });
    expect(await importData(JSON.stringify({ ...good, ownRoutines: [OTHER] }))).toMatchObject({ imported: false, problem: { code: 'writeFailed' } });
    expect(failed).toBe(true);
    expect(await stored()).toEqual(before);
  });
});
