/**
 * A history write that fails never loses the break and never stalls reminders (issue #13 defect
 * 2): what could not be written waits in an outbox saved with the tracker state and is written on
 * a later event; only "IndexedDB does not exist here" means history is off.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { dispatch, handleMessage, wake } from './engine';
import { browserPlatform, browserStore } from './engine/browser';
import { messageHandler } from './engine/handlers';
import { lifecycle } from './engine/lifecycle';
import { createRuntime } from './engine/runtime';
import { NEXT_ALARM } from './platform/alarms';
import { allBreaks, closeHistory, breaksOnDay, dayAggregates, recordBreak } from './storage/history';
import { currentHistory, exportData, importData, resetData } from './data';
import { parseBackup } from './backup-parse';
import type { Backup } from './backup';
import { backupJson, makeBackup } from './backup';
import { DEFAULT_SETTINGS } from './settings';
import { loadTrackerAndOutbox, saveSettings, trackerItem } from './storage/items';

let now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);
beforeEach(() => {
  now = T0;
});

/** Takes a manual break and finishes it; returns the break's id and the reply to Done. */
async function takeBreak(): Promise<{ id: string; reply: unknown }> {
  await handleMessage({ type: 'break/start' });
  const st = (await loadTrackerAndOutbox()).state;
  const id = st?.phase.name === 'onBreak' ? st.phase.brk.id : '';
  now += 2 * MIN;
  const reply = await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });
  return { id, reply };
}

/** IndexedDB fails to open for a while (as a failed upgrade or a disk error would), then works. */
function breakOpens(): () => void {
  const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('disk trouble', 'UnknownError');
  });
  return () => open.mockRestore();
}

describe('the history outbox', () => {
  it('a failed write keeps the break, saves the state, answers Done, and writes it on a later event, once', async () => {
    await wake();
    now = T0 + 10 * MIN;
    await closeHistory();
    const restore = breakOpens();
    const { id, reply } = await takeBreak();
    expect(reply).toMatchObject({ ok: true });
    const stored = await loadTrackerAndOutbox();
    expect(stored.state?.phase.name).toBe('working'); // the break is over: state saved
    expect(stored.outbox.map((p) => p.entry.id)).toEqual([id]);
    // The popup says a break is waiting.
    const popup = await handleMessage({ type: 'popup/get' });
    expect(popup).toMatchObject({ ok: true, data: { status: { waitingRecords: 1 } } });
    // Another event while it still fails: still kept, not doubled.
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await loadTrackerAndOutbox()).outbox.map((p) => p.entry.id)).toEqual([id]);

    restore();
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
    expect(await breaksOnDay('2026-03-02')).toEqual([expect.objectContaining({ id, outcome: 'completed' })]);
    now += MIN;
    await dispatch({ type: 'tick' });
    expect(await breaksOnDay('2026-03-02')).toHaveLength(1);
    expect(await handleMessage({ type: 'popup/get' })).toMatchObject({ ok: true, data: { status: { waitingRecords: 0 } } });
  });

  it('IndexedDB missing altogether: history is off, the record is dropped, nothing waits', async () => {
    await wake();
    now = T0 + 10 * MIN;
    await closeHistory();
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser without IndexedDB here
    delete globalThis.indexedDB;
    try {
      const { reply } = await takeBreak();
      expect(reply).toMatchObject({ ok: true, data: { today: null } });
      expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('a state that cannot be saved (storage full) does not stop reminders: the prompt and the next alarm still come', async () => {
    await saveSettings({ ...ENGINE_SETTINGS, stretch: { enabled: true, everySec: 10 * 60, lengthSec: 60 } });
    await wake();
    now = T0 + 5 * MIN;
    await dispatch({ type: 'tick' });
    const set = vi.spyOn(trackerItem, 'setValue').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    now = T0 + 10 * MIN;
    await dispatch({ type: 'tick' });
    expect(Object.keys(await browser.notifications.getAll())).toEqual([`prompt:stretch-${T0 + 10 * MIN}:snooze`]);
    // Reminders go on: an alarm is there for what comes next (the prompt's reminder).
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 13 * MIN);
    // The next events start again from the stored state (the prompt not in it): the prompt is
    // on screen already, so it is not shown again.
    const create = vi.spyOn(browser.notifications, 'create');
    now += 30_000;
    await dispatch({ type: 'tick' });
    await handleMessage({ type: 'popup/get' });
    expect(create).not.toHaveBeenCalled();
    set.mockRestore();
  });
});

describe("a break's end while its record waits", () => {
  // The end screen shows today's count beside the break just ended; one the history does not
  // hold yet (it waits to be written) must not be shown a count that leaves it out.
  it('the history cannot be opened: no stale count of today (the break just taken is not in it)', async () => {
    await wake();
    now = T0 + 10 * MIN;
    const first = await takeBreak();
    expect(first.reply).toMatchObject({ ok: true, data: { today: { taken: expect.any(Number) } } });
    now += 10 * MIN;
    await closeHistory();
    const restore = breakOpens();
    const { reply } = await takeBreak();
    restore();
    expect(reply).toMatchObject({ ok: true, data: { outcome: 'completed', today: null } });
  });

  it('the history reads but cannot take the write (disk full): no count that leaves the break out', async () => {
    await wake();
    now = T0 + 10 * MIN;
    const before = (await takeBreak()).reply as { data: { today: { taken: number } } };
    now += 10 * MIN;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    const { reply } = await takeBreak();
    put.mockRestore();
    expect((await loadTrackerAndOutbox()).outbox).toHaveLength(1);
    expect(reply).toMatchObject({ ok: true, data: { outcome: 'completed', today: null } });
    // Written on the next event: the popup counts both.
    now += MIN;
    await dispatch({ type: 'tick' });
    expect(await handleMessage({ type: 'popup/get' })).toMatchObject({ ok: true, data: { status: { today: { taken: before.data.today.taken + 1 }, waitingRecords: 0 } } });
  });
});

describe('the outbox and a replaced history', () => {
  it('a reset or an import: nothing from before it is written afterwards', async () => {
    await wake();
    now = T0 + 10 * MIN;
    await closeHistory();
    const restore = breakOpens();
    await takeBreak();
    expect(await handleMessage({ type: 'status/refresh', replaced: true })).toMatchObject({ ok: true });
    restore();
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
    now += MIN;
    await dispatch({ type: 'tick' });
    expect(await breaksOnDay('2026-03-02')).toEqual([]);
  });

  /**
   * A break taken while the history could not be opened (it waits to be written), then a history
   * that opens but cannot be cleared (the disk is full) until `clear.mockRestore()`.
   */
  async function waitingOnFullDisk() {
    await wake();
    now = T0 + 10 * MIN;
    await closeHistory();
    const restore = breakOpens();
    const { id } = await takeBreak();
    restore();
    const clear = vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    return { id, clear };
  }

  it('an import that cannot write the history changes nothing: the break waiting to be written is still written (it was dropped first)', async () => {
    const { id, clear } = await waitingOnFullDisk();
    expect((await loadTrackerAndOutbox()).outbox.map((p) => p.entry.id)).toEqual([id]);
    // The history opens, but replacing it fails (the disk is full): "nothing changed", says the page.
    const file = backupJson(makeBackup(DEFAULT_SETTINGS, [], now));
    const dropWaiting = (replaced = true) => handleMessage({ type: 'status/refresh', replaced });
    expect(await importData(file, now, dropWaiting)).toMatchObject({ imported: false, problem: { code: 'writeFailed' } });
    clear.mockRestore();
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await allBreaks()).map((b) => b.id)).toEqual([id]);
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
  });

  it('likewise a reset that cannot clear the history ("it did not work"): the waiting break is still written', async () => {
    const { id, clear } = await waitingOnFullDisk();
    await expect(resetData((replaced) => handleMessage({ type: 'status/refresh', replaced }))).rejects.toThrow();
    clear.mockRestore();
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await allBreaks()).map((b) => b.id)).toEqual([id]);
  });
});

describe('a reset or an import while the worker is stopped (the options page open for more than 30 s)', () => {
  /**
   * The background as the browser runs it: stopped, so the page's next message starts a new
   * worker, which runs wake() first (entrypoints/background.ts main()); the later messages find it running.
   */
  let worker: ((raw: unknown) => Promise<unknown>) | null = null;
  const toBackground = (raw: unknown) => {
    if (!worker) {
      const rt = createRuntime(browserPlatform, browserStore);
      void lifecycle(rt).wake();
      worker = messageHandler(rt);
    }
    return worker(raw);
  };
  /** What components/DataPrefs.tsx passes (its `refresh`). */
  const tell = (replaced = true) => toBackground({ type: 'status/refresh', replaced });
  /** A break taken while the history could not be opened waits to be written; the disk works again, the worker stops. */
  async function waitingThenStopped() {
    worker = null;
    await wake();
    now = T0 + 10 * MIN;
    await closeHistory();
    const restore = breakOpens();
    const { id } = await takeBreak();
    restore();
    expect((await loadTrackerAndOutbox()).outbox.map((p) => p.entry.id)).toEqual([id]);
    now += MIN;
    return id;
  }

  it('"Delete everything": the waiting break is not written into the emptied history', async () => {
    await waitingThenStopped();
    expect(await resetData(tell)).toEqual({ reset: true, historyOff: false });
    await tell();
    now += MIN;
    await toBackground({ type: 'popup/get' });
    expect(await allBreaks()).toEqual([]);
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
  });

  it('the disk still refuses the write when the page wakes the worker: the break still waits, and the reset drops it', async () => {
    await waitingThenStopped();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    expect(await resetData(tell)).toEqual({ reset: true, historyOff: false });
    put.mockRestore();
    now += MIN;
    await toBackground({ type: 'popup/get' });
    expect(await allBreaks()).toEqual([]);
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
  });

  it('a reset that cannot clear the history ("it did not work"): the waiting break is in the history it belongs to', async () => {
    const id = await waitingThenStopped();
    const clear = vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    await expect(resetData(tell)).rejects.toThrow();
    clear.mockRestore();
    now += MIN;
    await toBackground({ type: 'popup/get' });
    expect((await allBreaks()).map((b) => b.id)).toEqual([id]);
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
  });

  it('an import: the history is the backup\'s, without the waiting break', async () => {
    const file = backupJson(makeBackup(DEFAULT_SETTINGS, [], now));
    await waitingThenStopped();
    expect(await importData(file, now, tell)).toEqual({ imported: true, breaks: 0 });
    await tell();
    now += MIN;
    await toBackground({ type: 'popup/get' });
    expect(await allBreaks()).toEqual([]);
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
  });
});

describe('an export while breaks wait to be written (the disk is full)', () => {
  /** One break written, then one taken while IndexedDB refuses writes (reads still work): it waits. `put.mockRestore()` frees the disk. */
  async function oneWaiting() {
    await wake();
    now = T0 + 10 * MIN;
    const first = await takeBreak();
    now += 10 * MIN;
    const startedAt = now;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    const { id } = await takeBreak();
    expect((await loadTrackerAndOutbox()).outbox.map((p) => p.entry.id)).toEqual([id]);
    // What the worker will write once it can: the fixture the export is compared with.
    const waiting = { id, kind: 'stretch', outcome: 'completed', startedAt, endedAt: startedAt + 2 * MIN, manual: true, snoozes: 0, day: '2026-03-02' };
    return { first: first.id, id, waiting, put };
  }
  const dropWaiting = (replaced = true) => handleMessage({ type: 'status/refresh', replaced });
  const takenOn = async (day: string) => (await dayAggregates()).find((a) => a.day === day);

  it('the backup and the CSV hold the waiting break; reset and import bring it back once, and its later write adds nothing', async () => {
    const { first, id, waiting, put } = await oneWaiting();
    const json = await exportData('json', now);
    const csv = await exportData('csv', now);
    const b = JSON.parse(json.text) as Backup;
    expect(b.history.map((r) => r.id)).toEqual([first, id]);
    expect(b.history[1]).toMatchObject(waiting);
    expect(csv.text.split('\r\n').filter((l) => l.startsWith(`${id},2026-03-02,stretch,completed,`))).toHaveLength(1);
    expect(parseBackup(json.text, now).ok).toBe(true);
    // The preview counts it among what an import would replace.
    expect((await currentHistory())?.map((r) => r.id)).toEqual([first, id]);

    put.mockRestore();
    await resetData(dropWaiting);
    expect(await importData(json.text, now, dropWaiting)).toEqual({ imported: true, breaks: 2 });
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await allBreaks()).map((r) => r.id)).toEqual([first, id]);
    expect((await takenOn('2026-03-02'))?.completed).toBe(2);
  });

  it('imported where it still waits, the background not told: written later, still one row, counted once', async () => {
    const { first, id, put } = await oneWaiting();
    const json = await exportData('json', now);
    put.mockRestore();
    expect(await importData(json.text, now)).toEqual({ imported: true, breaks: 2 });
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await loadTrackerAndOutbox()).outbox).toEqual([]);
    expect((await allBreaks()).map((r) => r.id)).toEqual([first, id]);
    expect((await takenOn('2026-03-02'))?.completed).toBe(2);
  });

  it('a break written but still listed as waiting (the state could not be saved after the write) is in the backup once, and it imports', async () => {
    const { first, id, put } = await oneWaiting();
    put.mockRestore();
    const entry = (await loadTrackerAndOutbox()).outbox[0]!;
    await recordBreak(entry.entry, entry.timeZone);
    const json = await exportData('json', now);
    expect((JSON.parse(json.text) as Backup).history.map((r) => r.id)).toEqual([first, id]);
    expect(parseBackup(json.text, now).ok).toBe(true);
  });

  it('an import whose settings cannot be saved puts the history back with the waiting break in it (the background had dropped it)', async () => {
    const { first, id, put } = await oneWaiting();
    put.mockRestore();
    const set = browser.storage.local.set.bind(browser.storage.local);
    const fail = vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((k) => k.includes('settings'))) throw new Error('disk full');
      return set(items);
    });
    const file = backupJson(makeBackup(DEFAULT_SETTINGS, [], now));
    expect(await importData(file, now, dropWaiting)).toMatchObject({ imported: false, problem: { code: 'writeFailed' } });
    fail.mockRestore();
    now += MIN;
    await dispatch({ type: 'tick' });
    expect((await allBreaks()).map((r) => r.id)).toEqual([first, id]);
  });
});
