/**
 * A state write that fails once (storage.local full, a disk error), and Chrome then stops the idle
 * worker (about 30 s later): the next worker must start from the state that could not be saved, not
 * from the older stored one (lib/engine/save-fails.test.ts covers the same worker). With the real
 * storage on the fake browser: the state waits in storage.session, which outlives a worker stop.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../../tests/engine-env';
import { browserPlatform, browserStore } from './browser';
import { messageHandler } from './handlers';
import { lifecycle } from './lifecycle';
import { createRuntime } from './runtime';
import { breaksOnDay } from '../storage/history';
import { loadTrackerAndOutbox, saveTracker } from '../storage/items';

let now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);
beforeEach(() => {
  now = T0;
});

const ID = `stretch-${T0 + 50 * MIN}`;
const worker = () => {
  const rt = createRuntime(browserPlatform, browserStore);
  return { life: lifecycle(rt), message: messageHandler(rt) };
};

/** storage.local refuses the tracker's next `n` writes (other keys are written). */
function failTrackerWrites(n: number): void {
  const local = browser.storage.local;
  const set = local.set.bind(local);
  vi.spyOn(local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if ('tracker' in items && n-- > 0) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}

/** A worker that has worked up to the stretch break and prompted it. */
async function prompted() {
  const a = worker();
  await a.life.wake();
  for (let m = 4; m < 50; m += 4) {
    now = T0 + m * MIN;
    await a.life.dispatch({ type: 'tick' });
  }
  now = T0 + 50 * MIN;
  await a.life.dispatch({ type: 'tick' });
  expect((await loadTrackerAndOutbox()).state?.phase.name).toBe('due');
  return a;
}

/** Chrome stops the idle worker; the next alarm (the watchdog, minutes later) starts a new one. */
async function nextWorker(after = 4 * MIN) {
  now += after;
  const b = worker();
  await b.life.wake();
  await b.life.dispatch({ type: 'tick' });
  return b;
}

describe('a state write that fails, then a new worker', () => {
  it('a skipped break is not prompted again, and a later Start is not recorded as skipped', async () => {
    const a = await prompted();
    const create = vi.spyOn(browser.notifications, 'create');
    now += 20_000;
    failTrackerWrites(1);
    await a.life.dispatch({ type: 'skip', breakId: ID });
    expect((await breaksOnDay('2026-03-02')).map((r) => r.outcome)).toEqual(['skipped']);

    const b = await nextWorker();
    expect(create).not.toHaveBeenCalled();
    expect((await loadTrackerAndOutbox()).state?.phase.name).toBe('working');
    // Start on the prompt, had it come again: refused, the break is over.
    const { result } = await b.life.dispatch({ type: 'start', breakId: ID });
    expect(result.refused).toBeDefined();
    expect(browser.windows.create).not.toHaveBeenCalled();
  });

  it('a finished break does not open its window again', async () => {
    const a = await prompted();
    now += 20_000;
    await a.life.dispatch({ type: 'start', breakId: ID });
    expect(browser.windows.create).toHaveBeenCalledTimes(1);
    now += 3 * MIN;
    failTrackerWrites(1);
    expect(await a.message({ type: 'break/finish', breakId: ID, outcome: 'completed', routineId: 'x' })).toMatchObject({ ok: true });
    // The person closes the window on its end screen.
    await a.life.windowClosed(7);

    await nextWorker();
    expect(browser.windows.create).toHaveBeenCalledTimes(1);
    expect((await loadTrackerAndOutbox()).state?.phase.name).toBe('working');
    expect((await breaksOnDay('2026-03-02')).map((r) => r.outcome)).toEqual(['completed']);
  });
});

describe('the state kept in storage.session while storage.local refuses it', () => {
  it('is loaded while newer than the stored one; a later successful write clears it', async () => {
    await worker().life.wake();
    const older = (await loadTrackerAndOutbox()).state!;
    failTrackerWrites(1);
    const newer = { ...older, asOf: older.asOf + MIN, lastSeen: older.asOf + MIN };
    await expect(saveTracker(newer)).rejects.toThrow();
    expect((await loadTrackerAndOutbox()).state).toEqual(newer);
    const newest = { ...newer, asOf: newer.asOf + MIN, lastSeen: newer.asOf + MIN };
    await saveTracker(newest);
    expect(await fakeBrowser.storage.session.get()).not.toHaveProperty('trackerUnsaved');
    expect((await loadTrackerAndOutbox()).state).toEqual(newest);
  });

  it('never over a newer stored state, and gone with the browser session: the stored state loads', async () => {
    await worker().life.wake();
    const stored = (await loadTrackerAndOutbox()).state!;
    await fakeBrowser.storage.session.set({ trackerUnsaved: { ...stored, asOf: stored.asOf - MIN, lastSeen: stored.asOf - MIN } });
    expect((await loadTrackerAndOutbox()).state).toEqual(stored);
    failTrackerWrites(1);
    const newer = { ...stored, asOf: stored.asOf + MIN };
    await expect(saveTracker(newer)).rejects.toThrow();
    expect((await loadTrackerAndOutbox()).state).toEqual(newer);
    // A browser restart: storage.session is empty.
    await fakeBrowser.storage.session.clear();
    expect((await loadTrackerAndOutbox()).state).toEqual(stored);
  });
});
