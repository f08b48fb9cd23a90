/**
 * Where own routines are kept (lib/storage/own-routines.ts): always on this computer; in
 * storage.sync too while their JSON fits the budget, measured as storage.sync counts an item
 * (its key plus its JSON, UTF-8) against its 8,192-byte per-item quota; a synced list is taken
 * over only when it passes the editor's limits; the library the background picks from is the
 * built-ins plus this computer's copy.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { loadRoutineLibrary, OWN_KEY, ownSyncItem, saveOwnRoutines, storedOwnRoutines } from './own-routines';
import { loadOwnRoutines, watchOwnRoutines } from './own-routines-synced';
import { OWN_SYNC_BUDGET, type OwnRoutine } from '../own-routines';
import { ROUTINES } from '../../content/routines';
import { routineTitle } from '../../content/text';

/** storage.sync's per-item quota (QUOTA_BYTES_PER_ITEM), the outside limit the budget must stay under. */
const QUOTA_BYTES_PER_ITEM = 8192;

const routine = (id: string, name = 'Desk reset'): OwnRoutine => ({ id, name, kind: 'stretch', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: 'Roll the shoulders slowly', seconds: 60 }] });

/** Two valid routines whose stored size (key + JSON, as storage.sync counts it) is exactly `bytes` (5,000-9,000). */
function listOfBytes(bytes: number): OwnRoutine[] {
  const size = (l: OwnRoutine[]) => new TextEncoder().encode(OWN_KEY + JSON.stringify(l)).length;
  const step = (n: number) => ({ text: 'y'.repeat(n), seconds: 60 });
  const a: OwnRoutine = { ...routine('own-a'), steps: Array.from({ length: 20 }, () => step(200)) };
  const b: OwnRoutine = { ...routine('own-b'), steps: [step(200)] };
  // Whole steps while they fit, then one step cut to the remaining bytes (shortening the one
  // before it first when what remains is too little for a step of its own).
  while (size([a, { ...b, steps: [...b.steps, step(200)] }]) <= bytes) b.steps.push(step(200));
  if (bytes - size([a, b]) < 40) b.steps[b.steps.length - 1] = step(150);
  b.steps.push(step(1));
  b.steps[b.steps.length - 1] = step(1 + bytes - size([a, b]));
  expect(size([a, b])).toBe(bytes);
  return [a, b];
}

const inSync = async () => (await browser.storage.sync.get(OWN_KEY))[OWN_KEY];
const inLocal = async () => (await browser.storage.local.get(OWN_KEY))[OWN_KEY];

describe('own routines sync only while small enough', () => {
  it('the budget leaves the settings room under storage.sync\'s per-item quota', () => {
    expect(OWN_SYNC_BUDGET).toBeLessThan(QUOTA_BYTES_PER_ITEM);
  });

  it('a small list goes to sync and this computer; one byte over the budget stays here only, and the sync copy goes', async () => {
    const fits = listOfBytes(OWN_SYNC_BUDGET);
    expect(await saveOwnRoutines(fits)).toBe('on');
    expect(await inSync()).toEqual(fits);
    expect(await inLocal()).toEqual(fits);
    expect(await ownSyncItem.getValue()).toBe('on');

    const over = listOfBytes(OWN_SYNC_BUDGET + 1);
    expect(await saveOwnRoutines(over)).toBe('tooLarge');
    expect(await inSync()).toBeUndefined();
    expect(await inLocal()).toEqual(over);
    expect(await ownSyncItem.getValue()).toBe('tooLarge');
    // What is in force is this computer's list.
    expect(await loadOwnRoutines()).toEqual(over);

    // Smaller again: synced again.
    expect(await saveOwnRoutines([routine('own-a')])).toBe('on');
    expect(await inSync()).toEqual([routine('own-a')]);
  });

  it('counts bytes, not characters: names in other scripts fill the budget sooner', async () => {
    const wide = Array.from({ length: 30 }, (_, i) => routine(`own-${i}`, 'ü'.repeat(60)));
    expect(JSON.stringify(wide).length).toBeLessThan(OWN_SYNC_BUDGET);
    expect(await saveOwnRoutines(wide)).toBe('tooLarge');
  });

  it('when sync refuses the write, the routines stay here and the state says so', async () => {
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await saveOwnRoutines([routine('own-a')])).toBe('unavailable');
    expect(await inLocal()).toEqual([routine('own-a')]);
    expect(await loadOwnRoutines()).toEqual([routine('own-a')]);
    vi.restoreAllMocks();
  });

  it('routines synced from another computer are checked, then taken over as the ones played here', async () => {
    await saveOwnRoutines([routine('own-a')]);
    await browser.storage.sync.set({ [OWN_KEY]: [routine('own-b', 'From the laptop')] });
    expect((await loadOwnRoutines()).map((r) => r.name)).toEqual(['From the laptop']);
    expect((await storedOwnRoutines()).map((r) => r.name)).toEqual(['From the laptop']);
    expect((await loadRoutineLibrary()).at(-1)?.id).toBe('own-b');
  });

  it('a synced list that breaks the editor\'s limits is never taken over: this computer\'s stays', async () => {
    await saveOwnRoutines([routine('own-a')]);
    for (const bad of [[routine('own-b'), { ...routine('own-c'), steps: [] }], [routine('own-b', 'x'.repeat(61))], 'junk', [routine('own-b'), routine('own-b')]]) {
      await browser.storage.sync.set({ [OWN_KEY]: bad });
      expect((await loadOwnRoutines()).map((r) => r.id)).toEqual(['own-a']);
      expect((await storedOwnRoutines()).map((r) => r.id)).toEqual(['own-a']);
    }
  });

  it('a page reloading in the middle of a save never finds, and never takes back, the list before it', async () => {
    await saveOwnRoutines([routine('own-a'), routine('own-b')]);
    const seen: string[][] = [];
    // A page reloads as soon as each of the save's writes lands (it is told about every change).
    let inReload = false;
    const reloadFirst = <A extends unknown[]>(area: { set: (...a: A) => Promise<void> }) => {
      const write = area.set.bind(area);
      vi.spyOn(area, 'set').mockImplementation(async (...a: A) => {
        await write(...a);
        if (inReload) return;
        inReload = true;
        seen.push((await loadOwnRoutines()).map((r) => r.id));
        inReload = false;
      });
    };
    reloadFirst(browser.storage.local);
    reloadFirst(browser.storage.sync);
    await saveOwnRoutines([routine('own-b'), routine('own-a')]);
    vi.restoreAllMocks();
    seen.push((await loadOwnRoutines()).map((r) => r.id));
    // Each reload came after a write of the new order: none may find the old one (taking the
    // synced copy over while it still held the old order would undo the save for a moment).
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.filter((ids) => ids[0] !== 'own-b')).toEqual([]);
    expect(await storedOwnRoutines()).toEqual([routine('own-b'), routine('own-a')]);
  });

  it('a page is told the latest list last, even when an earlier reload finishes later', async () => {
    await saveOwnRoutines([routine('own-a')]);
    const told: string[][] = [];
    // Each write starts a reload; the first one here is slow (a busy storage) and finishes last.
    let calls = 0;
    const load = async () => {
      const list = await storedOwnRoutines();
      if (++calls === 1) await new Promise((r) => setTimeout(r, 50));
      return list;
    };
    const off = watchOwnRoutines((l) => told.push(l.map((r) => r.id)), load);
    await browser.storage.local.set({ [OWN_KEY]: [routine('own-b')] }); // own-a deleted
    await vi.waitFor(() => expect(calls).toBe(1));
    await browser.storage.local.set({ [OWN_KEY]: [routine('own-a'), routine('own-b')] }); // and the delete undone
    await new Promise((r) => setTimeout(r, 100));
    off();
    expect(told).toEqual([['own-a', 'own-b']]);
  });

  it('a list synced from elsewhere that this computer\'s storage refuses to take: the page is told nothing (its list stays), one warning is logged, and no promise is left rejected with nothing catching it', async () => {
    await saveOwnRoutines([routine('own-a')]);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const told: string[][] = [];
    const off = watchOwnRoutines((l) => told.push(l.map((r) => r.id)));
    const write = browser.storage.local.set.bind(browser.storage.local);
    vi.spyOn(browser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) => (OWN_KEY in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : write(items)));
    try {
      await browser.storage.sync.set({ [OWN_KEY]: [routine('own-b', 'From the laptop')] });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      off();
      process.off('unhandledRejection', onUnhandled);
      vi.restoreAllMocks();
    }
    expect({ told, unhandled: unhandled.map(String), warnings: warn.mock.calls.length }).toEqual({ told: [], unhandled: [], warnings: 1 });
    expect(await storedOwnRoutines()).toEqual([routine('own-a')]);
  });

  it('the options page opening while this computer\'s storage refuses the synced list: it shows the list stored here (the one breaks play), with one warning (the read was refused and the section showed no routines)', async () => {
    await saveOwnRoutines([routine('own-a')]);
    await browser.storage.sync.set({ [OWN_KEY]: [routine('own-b', 'From the laptop')] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const write = browser.storage.local.set.bind(browser.storage.local);
    vi.spyOn(browser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) => (OWN_KEY in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : write(items)));
    let shown: unknown;
    let warnings: number;
    try {
      const { loadOwnRoutinesHere } = await import('./own-routines-synced');
      shown = await loadOwnRoutinesHere().catch((e: unknown) => `refused: ${String(e)}`);
    } finally {
      warnings = warn.mock.calls.length;
      vi.restoreAllMocks();
    }
    expect({ shown, warnings }).toEqual({ shown: [routine('own-a')], warnings: 1 });
  });

  it('while they are too large to sync here, an older synced list does not replace them', async () => {
    const over = listOfBytes(OWN_SYNC_BUDGET + 1);
    await saveOwnRoutines(over);
    await browser.storage.sync.set({ [OWN_KEY]: [routine('own-b', 'Old')] });
    expect(await loadOwnRoutines()).toEqual(over);
  });
});

describe('this computer\'s copy, as the background reads it', () => {
  it('keeps only entries with an own id (what goes into the history)', async () => {
    await browser.storage.local.set({ [OWN_KEY]: [routine('own-a'), { ...routine('x'), id: 'cat-cow' }, null, 'junk'] });
    expect((await storedOwnRoutines()).map((r) => r.id)).toEqual(['own-a']);
    await browser.storage.local.set({ [OWN_KEY]: { not: 'a list' } });
    expect(await storedOwnRoutines()).toEqual([]);
  });
});

describe('the routine library', () => {
  it('is the built-in routines, then the user\'s own, with their own words', async () => {
    expect(await loadRoutineLibrary()).toEqual(ROUTINES);
    await saveOwnRoutines([routine('own-a', 'Mine')]);
    const lib = await loadRoutineLibrary();
    expect(lib.slice(0, ROUTINES.length)).toEqual(ROUTINES);
    expect(lib.slice(ROUTINES.length).map((r) => [r.id, routineTitle(r)])).toEqual([['own-a', 'Mine']]);
  });
});
