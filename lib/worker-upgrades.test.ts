/**
 * The background worker's starts over what older versions left (a stored state from an older
 * version, a history database at version 1 with breaks still waiting) and the install and update
 * paths. Each worker start is a fresh module graph over the same fake browser storage and
 * IndexedDB, so WXT's storage migrations run as they do when a new worker starts. The clock is
 * fixed (Monday 2 March 2026, 10:00 in Berlin) and the zone is explicit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeV1History } from '../tests/support/v1-history';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { StoredBreak } from './storage/history';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };
let now = T0;
let closeLast: (() => Promise<void>) | null = null;

/** A new worker: fresh modules (WXT's storage migrations run at import), the clock and the zone fixed. */
async function startWorker() {
  await closeLast?.();
  vi.resetModules();
  const { clock } = await import('./platform/clock');
  vi.spyOn(clock, 'now').mockImplementation(() => now);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  Object.assign(browser, {
    idle: { setDetectionInterval: vi.fn(), queryState: vi.fn(async () => 'active'), onStateChanged: fakeBrowser.alarms.onAlarm },
  });
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((k: string) => k);
  const engine = await import('./engine');
  const items = await import('./storage/items');
  const history = await import('./storage/history');
  closeLast = history.closeHistory;
  return { ...engine, items, history };
}


beforeEach(() => {
  now = T0;
});
afterEach(async () => {
  await closeLast?.();
  closeLast = null;
  vi.restoreAllMocks();
});

describe('a tracker state stored by an older Limber', () => {
  it('version 1 (no version mark, as the first Limber stored it) with a prompt open: the prompt and its id carry on, put back once', async () => {
    // As e34d343 stored it: no `tracker$` mark, none of the later fields.
    const id = `stretch-${T0 - 2 * MIN}`;
    const brk = { id, kind: 'stretch', dueAt: T0 - 2 * MIN, deskMs: 50 * MIN, snoozes: 0, manual: false, promptedAt: T0 - 2 * MIN };
    const v1 = { v: 1, activity: 'active', awaySince: null, activeSince: T0 - 52 * MIN, asOf: T0 - MIN, desk: { micro: 0, stretch: 50 * MIN }, lastSeen: T0 - MIN, lastNaturalAt: null, phase: { name: 'due', brk, remindAt: T0 + MIN } };
    await browser.storage.local.set({ tracker: v1 });
    const w = await startWorker();
    await w.items.saveSettings(SETTINGS);
    await w.wake();
    const s = await w.items.loadTracker();
    expect(s?.v).toBe(7);
    expect(s?.phase).toMatchObject({ name: 'due', brk: { id } });
    expect((await browser.storage.local.get('tracker$')).tracker$).toEqual({ v: 7 });
    // The browser lost the prompt (a new start): it is put back, once; Skip still answers it.
    expect(Object.keys(await browser.notifications.getAll())).toEqual([`prompt:${id}:snooze`]);
    now += 30_000;
    await w.wake();
    expect(Object.keys(await browser.notifications.getAll())).toEqual([`prompt:${id}:snooze`]);
    expect(await w.handleMessage({ type: 'break/skip', breakId: id })).toEqual({ ok: true, data: { skipped: true } });
  });

  it('version 6 with a break waiting in the outbox, and a version 1 history: the break is written once, the old days backfilled, the desk time kept', async () => {
    const old: StoredBreak = { id: 'stretch-1', kind: 'stretch', outcome: 'completed', dueAt: Date.UTC(2026, 1, 27, 9), promptedAt: null, startedAt: null, endedAt: Date.UTC(2026, 1, 27, 9, 3), routineId: null, deskMs: 50 * MIN, snoozes: 0, manual: false, day: '2026-02-27' };
    await makeV1History([old]);
    // A v6 state (before pauseTab) as the previous version saved it at T0, 20 minutes into desk time,
    // with today's finished break still waiting to be written.
    const w0 = await startWorker();
    await w0.items.saveSettings(SETTINGS);
    const { initialState } = await import('./tracker/tracker');
    const { pauseTab: _t, ...v6 } = { ...initialState(T0 - 20 * MIN, 'Europe/Berlin'), v: 6, asOf: T0, lastSeen: T0, desk: { micro: 20 * MIN, stretch: 20 * MIN } };
    const waiting = { id: `manual-${T0 - 30 * MIN}`, kind: 'stretch', outcome: 'completed', dueAt: T0 - 30 * MIN, promptedAt: null, startedAt: T0 - 30 * MIN, endedAt: T0 - 27 * MIN, routineId: null, deskMs: 0, snoozes: 0, manual: true };
    await browser.storage.local.set({ tracker: { ...v6, outbox: [{ entry: waiting, timeZone: 'Europe/Berlin' }] }, tracker$: { v: 6 } });

    now = T0 + 4 * MIN;
    const w = await startWorker();
    await w.wake();
    now = T0 + 8 * MIN;
    await w.dispatch({ type: 'tick' });
    const { state, outbox } = await w.items.loadTrackerAndOutbox();
    expect(outbox).toEqual([]);
    expect(state?.desk.stretch).toBe(28 * MIN);
    expect((await w.history.dayAggregates()).map((d) => [d.day, d.due, d.completed])).toEqual([
      ['2026-02-27', 1, 1],
      ['2026-03-02', 1, 1],
    ]);
    const popup = await w.handleMessage({ type: 'popup/get' });
    expect(popup).toMatchObject({ ok: true, data: { status: { waitingRecords: 0, today: { taken: 1, completed: 1 } } } });
  });
});

describe('install and update, as background.ts wires them (a start runs wake(); onInstalled runs wake() again and installed())', () => {
  it('install: one welcome tab, one alarm, and an "install" again with storage kept opens none', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const w = await startWorker();
    await Promise.all([w.wake(), w.wake(), w.installed('install', '0.1.0')]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await browser.alarms.getAll()).toHaveLength(2); // the next break and the watchdog
    const again = await startWorker();
    await Promise.all([again.wake(), again.wake(), again.installed('install', '0.1.0')]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('"Limber was updated to version 0.2.0" comes once after an update from 0.1.0, not after a reload of the same version (the browser reports both as "update")', async () => {
    vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const w = await startWorker();
    // The real background's listeners (the fake browser lacks these events).
    let onInstalled: ((d: { reason: string; previousVersion?: string }) => void) | null = null;
    Object.assign(browser, { commands: { onCommand: { addListener: vi.fn() } } });
    Object.assign(browser.runtime, { onStartup: { addListener: vi.fn() }, onInstalled: { addListener: (f: typeof onInstalled) => void (onInstalled = f) } });
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ version: '0.2.0' } as never);
    const { default: background } = await import('../entrypoints/background');
    background.main!();
    const installedNow = async (details: { reason: string; previousVersion?: string }) => {
      onInstalled!(details);
      await w.handleMessage({ type: 'status/get' }); // the event's work queued before this has run
      await new Promise((r) => setTimeout(r, 20));
    };
    // Reloaded (chrome://extensions, about:debugging): the version Limber already had.
    await installedNow({ reason: 'update', previousVersion: '0.2.0' });
    expect(await w.items.whatsNewItem.getValue()).toBeNull();
    // A real update.
    await installedNow({ reason: 'update', previousVersion: '0.1.0' });
    await expect.poll(() => w.items.whatsNewItem.getValue()).toBe('0.2.0');
  });

  it('update while a stretch break is under way: its window opens again once, and the break is still the same one', async () => {
    const win = vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 7 } as never);
    const w0 = await startWorker();
    await w0.items.saveSettings(SETTINGS);
    await w0.wake();
    await w0.handleMessage({ type: 'break/start' });
    const id = (await w0.items.loadTracker())?.phase.name === 'onBreak' ? `manual-${T0}` : '';
    expect(win).toHaveBeenCalledTimes(1);
    // The update: the browser closes the extension's windows and empties session storage.
    win.mockClear();
    await browser.storage.session.clear();
    now = T0 + MIN;
    const w = await startWorker();
    vi.spyOn(browser.windows, 'get').mockResolvedValue({ id: 7, type: 'popup' } as never);
    const win2 = vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 7 } as never);
    await Promise.all([w.wake(), w.wake(), w.installed('update', '0.2.0')]);
    expect(win2).toHaveBeenCalledTimes(1);
    expect(await w.handleMessage({ type: 'break/session', breakId: id })).toMatchObject({ ok: true, data: { breakId: id } });
  });
});
