import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { browser } from 'wxt/browser';
import { dispatch, handleMessage, installed, settingsChanged, wake, windowClosed } from './engine';
import { NEXT_ALARM, WATCHDOG_ALARM } from './platform/alarms';
import { loadTracker, saveSettings, trackerItem, whatsNewItem } from './storage/items';
import { breaksOnDay } from './storage/history';

const SETTINGS = ENGINE_SETTINGS;
let now = T0;

useEngineEnv(() => now, SETTINGS);
beforeEach(() => {
  now = T0;
});

async function notifications(): Promise<string[]> {
  return Object.keys(await browser.notifications.getAll());
}

describe('engine (fake browser)', () => {
  it('on wake sets one alarm for the due moment and a watchdog', async () => {
    await wake();
    const next = await browser.alarms.get(NEXT_ALARM);
    expect(next?.scheduledTime).toBe(T0 + 50 * MIN);
    // It repeats (every 30 s) until handled: a worker stopped while handling it is woken again.
    expect(next?.periodInMinutes).toBe(0.5);
    expect(await browser.alarms.get(WATCHDOG_ALARM)).toBeTruthy();
  });

  it('the watchdog looks one period after the last event heard, and each event heard puts it back', async () => {
    await wake();
    expect((await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime).toBe(T0 + 5 * MIN);
    now = T0 + 2 * MIN;
    await dispatch({ type: 'tick' });
    expect((await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime).toBe(T0 + 7 * MIN);
    // It repeats until set anew: a worker stopped while handling it is woken again.
    expect((await browser.alarms.get(WATCHDOG_ALARM))?.periodInMinutes).toBe(5);
    // Away, desk time does not count and nothing is to be noticed: no watchdog.
    now = T0 + 3 * MIN;
    await dispatch({ type: 'activity', state: 'idle' });
    expect(await browser.alarms.get(WATCHDOG_ALARM)).toBeFalsy();
  });

  it('a status read is no sign of life: it leaves the watchdog where the last saved event put it', async () => {
    // Moved by an unsaved read, the watchdog would come more than a period after the saved
    // lastSeen and take the awake machine's desk time for a sleep (a natural break, counts reset).
    await wake();
    now = T0 + 4 * MIN;
    await handleMessage({ type: 'popup/get' });
    const dog = (await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime;
    expect(dog).toBe(T0 + 5 * MIN);
    now = dog!;
    await dispatch({ type: 'tick' });
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 50 * MIN);
    expect((await loadTracker())?.desk.stretch).toBe(5 * MIN);
  });

  it('a status read inside the 30 s alarm floor does not postpone the watchdog', async () => {
    // Made again from that read, it could come no sooner than the floor: past its time, and
    // popup reads every 20 s would keep it from ever coming (the machine then taken for asleep).
    await wake();
    for (const s of [270, 280, 290]) {
      now = T0 + s * 1000;
      await handleMessage({ type: 'popup/get' });
      expect((await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime).toBe(T0 + 5 * MIN);
    }
  });

  it('after the clock was set back, a status read puts the watchdog one period after now; the reads after it are not saved', async () => {
    await wake();
    now = T0 + 2 * MIN;
    await dispatch({ type: 'tick' });
    // Back by a minute: the first read saves the times moved back with the jump (when counting
    // began moves back too: an idle report measures real time), once.
    now = T0 + MIN;
    await handleMessage({ type: 'popup/get' });
    expect((await loadTracker())?.lastSeen).toBe(T0 + MIN);
    expect((await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime).toBe(T0 + 6 * MIN);
    // Then only the clock moves: not saved, and the watchdog stays one period after that read.
    now = T0 + MIN + 20_000;
    await handleMessage({ type: 'popup/get' });
    expect((await loadTracker())?.lastSeen).toBe(T0 + MIN);
    expect((await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime).toBe(T0 + 6 * MIN);
  });

  it('after the clock was set back, an event whose state cannot be saved puts the watchdog one period after now', async () => {
    await wake();
    now = T0 + 20 * MIN;
    await dispatch({ type: 'tick' });
    vi.spyOn(trackerItem, 'setValue').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    now = T0 + 10 * MIN;
    await dispatch({ type: 'activity', state: 'active' });
    expect((await loadTracker())?.lastSeen).toBe(T0 + 20 * MIN);
    expect((await browser.alarms.get(WATCHDOG_ALARM))?.scheduledTime).toBe(T0 + 15 * MIN);
  });

  it('does not move the alarm on later wakes (so it does fire)', async () => {
    await wake();
    now = T0 + 3 * MIN;
    await wake();
    now = T0 + 6 * MIN;
    await dispatch({ type: 'tick' });
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 50 * MIN);
  });

  it('a tick with nothing to do moments after a saved event is not saved again; a later one is', async () => {
    await wake();
    expect((await loadTracker())?.lastSeen).toBe(T0);
    now = T0 + 1000; // e.g. the alarm that woke the worker, heard after the start's catch-up
    await dispatch({ type: 'tick' });
    expect((await loadTracker())?.lastSeen).toBe(T0);
    now = T0 + 6000;
    await dispatch({ type: 'tick' });
    expect((await loadTracker())?.lastSeen).toBe(T0 + 6000);
  });

  it('prompts when the alarm fires, with Start/Snooze; start opens the break window', async () => {
    await wake();
    for (let m = 5; m <= 50; m += 5) {
      now = T0 + m * MIN;
      await dispatch({ type: 'tick' });
    }
    const ids = await notifications();
    expect(ids).toEqual([`prompt:stretch-${T0 + 50 * MIN}:snooze`]);
    const opts = (await browser.notifications.getAll()) as Record<string, unknown>;
    expect(opts).toBeTruthy();
    await dispatch({ type: 'start', breakId: `stretch-${T0 + 50 * MIN}` });
    expect(await notifications()).toEqual([]);
    expect(browser.windows.create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: expect.stringContaining('/break.html?id=stretch-') }));
    expect((await loadTracker())?.phase.name).toBe('onBreak');
  });

  it('records a finished break once, on the local day, and reports today', async () => {
    now = T0 + 20 * MIN;
    await handleMessage({ type: 'break/start' });
    const st = await loadTracker();
    const id = st?.phase.name === 'onBreak' ? st.phase.brk.id : '';
    const session = await handleMessage({ type: 'break/session', breakId: id });
    expect(session).toMatchObject({ ok: true, data: { breakId: id, kind: 'stretch', manual: true, routineId: null } });
    // The break page chooses the routine; the background keeps it with the break.
    expect(await handleMessage({ type: 'break/routine', breakId: id, routineId: 'cat-cow', replace: false })).toMatchObject({ ok: true, data: { routineId: 'cat-cow' } });
    // A second window of the same break keeps the first choice; "another routine" replaces it.
    expect(await handleMessage({ type: 'break/routine', breakId: id, routineId: 'neck-tilts', replace: false })).toMatchObject({ ok: true, data: { routineId: 'cat-cow' } });
    expect(await handleMessage({ type: 'break/routine', breakId: id, routineId: 'chest-opener', replace: true })).toMatchObject({ ok: true, data: { routineId: 'chest-opener' } });
    expect(await handleMessage({ type: 'break/session', breakId: id })).toMatchObject({ ok: true, data: { routineId: 'chest-opener' } });
    expect(await handleMessage({ type: 'break/routine', breakId: 'stretch-1', routineId: 'cat-cow', replace: true })).toEqual({ ok: false, error: 'noSuchBreak' });
    const routineId = 'chest-opener';
    now += 3 * MIN;
    const r1 = await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId });
    expect(r1).toMatchObject({ ok: true, data: { today: { taken: 1, completed: 1, streak: 1 } } });
    const r2 = await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId });
    expect(r2).toEqual({ ok: false, error: 'noSuchBreak' });
    expect(await breaksOnDay('2026-03-02')).toEqual([expect.objectContaining({ id, outcome: 'completed', routineId })]);
  });

  // A break is recorded on the day it began (lib/storage/history.ts recordBreak); the end screen
  // was given the new day's count next to "Break complete" ("0 breaks today"), with no word that
  // the break went to the evening before.
  it('a break started at 23:58 and finished at 00:04: the answer says the day it was recorded on (the evening), beside the new day\'s figures', async () => {
    now = Date.UTC(2026, 2, 2, 22, 58); // 23:58 Monday in Berlin
    await handleMessage({ type: 'break/start' });
    const st = await loadTracker();
    const id = st?.phase.name === 'onBreak' ? st.phase.brk.id : '';
    now += 6 * MIN; // 00:04 Tuesday
    const r = await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });
    expect(r).toMatchObject({ ok: true, data: { day: '2026-03-02', today: { day: '2026-03-03', taken: 0, streak: 1 } } });
    expect(await breaksOnDay('2026-03-02')).toEqual([expect.objectContaining({ id, outcome: 'completed' })]);
  });

  it('closing the break window ends the break early, unless it was already finished or skipped in it', async () => {
    vi.spyOn(browser.windows, 'get').mockResolvedValue({ id: 7 } as never);
    vi.spyOn(browser.windows, 'remove').mockResolvedValue(undefined as never);
    const started = async () => {
      await handleMessage({ type: 'break/start' });
      const st = await loadTracker();
      return st?.phase.name === 'onBreak' ? st.phase.brk.id : '';
    };
    now = T0 + 20 * MIN;
    const a = await started();
    expect(await handleMessage({ type: 'break/finish', breakId: a, outcome: 'completed', routineId: null })).toMatchObject({ ok: true });
    const before = await loadTracker();
    now += 10_000;
    await windowClosed(7); // the end screen closed: nothing to do, the engine is not involved
    expect(await loadTracker()).toEqual(before);
    expect(await breaksOnDay('2026-03-02')).toEqual([expect.objectContaining({ id: a, outcome: 'completed' })]);
    now += 30 * MIN;
    const b = await started();
    await windowClosed(8); // another window
    expect((await loadTracker())?.phase.name).toBe('onBreak');
    await windowClosed(7); // closed mid-break: recorded as partial
    expect((await loadTracker())?.phase.name).not.toBe('onBreak');
    expect(await breaksOnDay('2026-03-02')).toContainEqual(expect.objectContaining({ id: b, outcome: 'partial' }));
    now += 30 * MIN;
    const c = await started();
    expect(await handleMessage({ type: 'break/finish', breakId: 'stretch-1', outcome: 'completed', routineId: null })).toMatchObject({ ok: false });
    await windowClosed(7); // a refused finish changed nothing: closing still ends the break
    expect(await breaksOnDay('2026-03-02')).toContainEqual(expect.objectContaining({ id: c, outcome: 'partial' }));
  });

  it('rejects malformed messages without touching state', async () => {
    await wake();
    const before = await loadTracker();
    for (const bad of [null, { type: 'break/finish', breakId: 'x', outcome: 'natural', routineId: null }, { type: 'status/get', extra: 1 }, { type: 'nope' }]) {
      const r = await handleMessage(bad);
      // Unknown keys are dropped (valibot objects strip them): a status read with one is still a read.
      if (bad && typeof bad === 'object' && (bad as { type: string }).type === 'status/get') expect(r).toMatchObject({ ok: true, data: { now: T0 } });
      else expect(r).toEqual({ ok: false, error: 'badRequest' });
    }
    expect(await loadTracker()).toEqual(before);
  });

  it('applies a settings change without a restart', async () => {
    await wake();
    await saveSettings({ ...SETTINGS, stretch: { ...SETTINGS.stretch, everySec: 30 * 60 } });
    await settingsChanged();
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 30 * MIN);
  });

  it('one save (two storage areas, two change events) is applied once; a real change again', async () => {
    await wake();
    const idle = vi.mocked(browser.idle.setDetectionInterval);
    idle.mockClear(); // wake() set it already
    const next = { ...SETTINGS, idleSec: 90, stretch: { ...SETTINGS.stretch, everySec: 40 * 60 } };
    await saveSettings(next);
    await Promise.all([settingsChanged(), settingsChanged()]);
    expect(idle.mock.calls).toEqual([[90]]);
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 40 * MIN);
    await saveSettings({ ...next, idleSec: 120 });
    await settingsChanged();
    expect(idle).toHaveBeenCalledTimes(2);
    expect(idle).toHaveBeenLastCalledWith(120);
  });

  it('a Snooze button click snoozes; the second button becomes Skip at the limit', async () => {
    await saveSettings({ ...SETTINGS, snoozeLimit: 1, stretch: { ...SETTINGS.stretch, everySec: 10 * 60 } });
    await wake();
    now = T0 + 5 * MIN;
    await dispatch({ type: 'tick' });
    now = T0 + 10 * MIN;
    await dispatch({ type: 'tick' });
    const id = `stretch-${T0 + 10 * MIN}`;
    await dispatch({ type: 'snooze', breakId: id });
    expect(await notifications()).toEqual([]);
    now = T0 + 15 * MIN;
    await dispatch({ type: 'tick' });
    expect(await notifications()).toEqual([`prompt:${id}:skip`]);
  });
});

describe('alarms', () => {
  it('never asks for an alarm sooner than 30 s with real settings', async () => {
    await saveSettings({ ...SETTINGS, stretch: { ...SETTINGS.stretch, everySec: 10 * 60 } });
    await wake();
    now = T0 + 5 * MIN; // the watchdog
    await dispatch({ type: 'tick' });
    now = T0 + 9 * MIN + 50_000; // 10 s before due; the alarm at the due time stays as it is
    await dispatch({ type: 'tick' });
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 10 * MIN);
    await browser.alarms.clearAll();
    await dispatch({ type: 'tick' }); // missing: recreated, but not below 30 s
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(now + 30_000);
  });
});

describe('install and update', () => {
  it('opens the welcome page on install only; an update sets the one-time "what\'s new"', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await installed('update', '0.2.0');
    expect(create).not.toHaveBeenCalled();
    expect(await whatsNewItem.getValue()).toBe('0.2.0');
    await installed('install', '0.2.0');
    expect(create).toHaveBeenCalledWith({ url: expect.stringContaining('/welcome.html') });
    await installed('browser_update', '0.2.0');
    await installed('install', '0.2.0'); // "install" again with storage kept: no second welcome
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('prompts across restarts', () => {
  it('a wake does not re-show a prompt that was closed, but restores one a browser restart lost', async () => {
    await saveSettings({ ...SETTINGS, stretch: { ...SETTINGS.stretch, everySec: 10 * 60 } });
    await wake();
    now = T0 + 5 * MIN; // the watchdog: heard from, not asleep
    await dispatch({ type: 'tick' });
    now = T0 + 10 * MIN;
    await dispatch({ type: 'tick' });
    const [id] = await notifications();
    expect(id).toMatch(/^prompt:stretch-/);
    // Firefox (or the user) closes it; the worker is stopped and wakes again.
    await browser.notifications.clear(id!);
    now += 30_000;
    await wake();
    expect(await notifications()).toEqual([]);
    // A browser restart clears session storage (and notifications): the prompt comes back.
    await browser.storage.session.clear();
    await wake();
    expect(await notifications()).toEqual([id]);
  });
});

describe('settings in storage.sync', () => {
  it('saves to sync with a local copy, and falls back to local when sync fails', async () => {
    const { loadSettings, settingsSyncItem } = await import('./storage/items');
    const a = { ...SETTINGS, snoozeLimit: 3 };
    await saveSettings(a);
    expect((await browser.storage.sync.get('settings')).settings).toEqual(a);
    expect((await browser.storage.local.get('settings')).settings).toEqual(a);
    expect(await settingsSyncItem.getValue()).toBe('on');
    // Sync refuses (quota, or not available): the change is kept locally and used.
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const b = { ...SETTINGS, snoozeLimit: 4 };
    await saveSettings(b);
    expect(await settingsSyncItem.getValue()).toBe('unavailable');
    expect((await loadSettings()).snoozeLimit).toBe(4);
  });
  it('settings changed in sync from another device apply', async () => {
    const { loadSettings } = await import('./storage/items');
    await saveSettings(SETTINGS);
    await browser.storage.sync.set({ settings: { ...SETTINGS, idleSec: 120 } });
    expect((await loadSettings()).idleSec).toBe(120);
  });
});

describe('a prompt that cannot be shown as a notification', () => {
  for (const [name, fail] of [
    ['notifications blocked for Limber', () => vi.spyOn(browser.notifications, 'getPermissionLevel').mockResolvedValue('denied' as never)],
    ['creating the notification fails', () => vi.spyOn(browser.notifications, 'create').mockRejectedValue(new Error('no notification service'))],
  ] as const) {
    it(`${name}: the break window opens instead`, async () => {
      await saveSettings({ ...SETTINGS, stretch: { ...SETTINGS.stretch, everySec: 10 * 60 } });
      await wake();
      now = T0 + 5 * MIN;
      await dispatch({ type: 'tick' });
      fail();
      now = T0 + 10 * MIN;
      await dispatch({ type: 'tick' });
      expect(browser.windows.create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining(`/break.html?id=stretch-${T0 + 10 * MIN}`) }));
    });
  }
  it('a notification shown: no break window', async () => {
    await saveSettings({ ...SETTINGS, stretch: { ...SETTINGS.stretch, everySec: 10 * 60 } });
    await wake();
    now = T0 + 5 * MIN;
    await dispatch({ type: 'tick' });
    now = T0 + 10 * MIN;
    await dispatch({ type: 'tick' });
    expect(await notifications()).toHaveLength(1);
    expect(browser.windows.create).not.toHaveBeenCalled();
  });
});
