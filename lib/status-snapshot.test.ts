/**
 * The popup's status snapshot (lib/storage/status-cache.ts) as the background keeps it, and
 * status reads that do not write the tracker's state.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { browser } from 'wxt/browser';
import { dispatch, handleMessage, wake } from './engine';
import { resetData } from './data';
import { loadTracker, TRACKER_KEY } from './storage/items';
import { statusSnapshotItem, usableSnapshot } from './storage/status-cache';
import type { PopupData } from './protocol/messages';

const SETTINGS = ENGINE_SETTINGS;
let now = T0;

useEngineEnv(() => now, SETTINGS);
beforeEach(() => {
  now = T0;
});

async function popupGet(): Promise<PopupData> {
  const r = await handleMessage({ type: 'popup/get' });
  if (!r.ok) throw new Error(r.error);
  return r.data as PopupData;
}

/** The watchdog's ticks, every 5 minutes from T0 as the background gets them while desk time counts, up to `until`. */
async function watchdogUntil(until: number): Promise<void> {
  for (let t = T0 + Math.floor((now - T0) / (5 * MIN) + 1) * 5 * MIN; t <= until; t += 5 * MIN) {
    now = t;
    await dispatch({ type: 'tick' });
  }
  now = until;
}

/** Counts writes of the tracker's state from here on. */
function trackerWrites(): { n: number } {
  const c = { n: 0 };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TRACKER_KEY.replace('local:', '') in changes) c.n++;
  });
  return c;
}

describe('status snapshot', () => {
  it('is written on wake and holds until the next break falls due (the watchdog heard from meanwhile)', async () => {
    await wake();
    let snap = await statusSnapshotItem.getValue();
    expect(snap?.data.status.tracker.next).toEqual({ kind: 'stretch', at: T0 + 50 * MIN });
    expect(snap?.data.status.today).toMatchObject({ day: '2026-03-02', taken: 0 });
    expect(snap?.data.history?.days).toHaveLength(7);
    // Not heard from again by then (the watchdog's period and its grace), the computer slept: time
    // away, which the next event counts (lib/status-snapshot-sleep.test.ts).
    expect(snap?.data.validUntil).toBe(T0 + 6.5 * MIN);
    await watchdogUntil(T0 + 45 * MIN);
    snap = await statusSnapshotItem.getValue();
    expect(snap?.data.validUntil).toBe(T0 + 50 * MIN);
    expect(usableSnapshot(snap!, T0 + 49 * MIN)).not.toBeNull();
    // A countdown past its due time is not drawn from a snapshot.
    expect(usableSnapshot(snap!, T0 + 50 * MIN)).toBeNull();
    // Nor one taken "in the future" (the clock was set back since).
    expect(usableSnapshot(snap!, T0 - MIN)).toBeNull();
  });

  it('is written again by a start within moments of the last save (a browser restart empties it)', async () => {
    await wake();
    await statusSnapshotItem.removeValue(); // storage.session does not survive a restart
    now = T0 + 1000;
    await wake();
    expect((await statusSnapshotItem.getValue())?.data.status.now).toBe(T0 + 1000);
    // The alarm heard right after that start, with nothing to do, writes nothing more.
    now = T0 + 2000;
    await dispatch({ type: 'tick' });
    expect((await statusSnapshotItem.getValue())?.data.status.now).toBe(T0 + 1000);
  });

  it('holds no longer than midnight (today and the streak change then)', async () => {
    now = Date.UTC(2026, 2, 2, 22, 30); // 23:30 in Berlin
    await wake();
    for (const m of [35, 40, 45, 50, 55]) {
      now = Date.UTC(2026, 2, 2, 22, m);
      await dispatch({ type: 'tick' }); // the watchdog: heard from until 23:55
    }
    const snap = await statusSnapshotItem.getValue();
    expect(snap?.data.validUntil).toBe(Date.UTC(2026, 2, 2, 23, 0)); // Berlin midnight
    // The popup's own reading says the same, so that a popup left open asks again then.
    const answer = await handleMessage({ type: 'popup/get' });
    expect(answer.ok && (answer.data as PopupData).validUntil).toBe(Date.UTC(2026, 2, 2, 23, 0));
  });

  it('follows every change the background saves: a pause, a finished break', async () => {
    await wake();
    await handleMessage({ type: 'pause/set', choice: '1h' });
    let snap = await statusSnapshotItem.getValue();
    expect(snap?.data.status.tracker.paused).toEqual({ until: T0 + 60 * MIN });
    expect(snap?.data.status.tracker.next).toBeNull();
    expect(snap?.data.validUntil).toBe(T0 + 60 * MIN); // the pause ends by itself then
    await handleMessage({ type: 'pause/resume' });
    now += MIN;
    const { result } = await dispatch({ type: 'start' });
    const id = result.state.phase.name === 'onBreak' ? result.state.phase.brk.id : '';
    now += 2 * MIN;
    await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });
    snap = await statusSnapshotItem.getValue();
    expect(snap?.data.status.tracker.paused).toBeNull();
    expect(snap?.data.status.today).toMatchObject({ taken: 1, completed: 1 });
    expect(snap?.data.history?.ring.taken).toBe(1);
  });

  it("is rewritten on 'status/refresh', which the options page sends after an import or a reset (the history changed under it)", async () => {
    await wake();
    await dispatch({ type: 'start' });
    const st = await loadTracker();
    const id = st?.phase.name === 'onBreak' ? st.phase.brk.id : '';
    await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });
    expect((await statusSnapshotItem.getValue())?.data.status.today?.taken).toBe(1);
    await resetData();
    expect((await statusSnapshotItem.getValue())?.data.status.today?.taken).toBe(1); // the page's reset alone leaves it
    expect(await handleMessage({ type: 'status/refresh' })).toEqual({ ok: true, data: { refreshed: true } });
    expect((await statusSnapshotItem.getValue())?.data.status.today?.taken).toBe(0);
  });

  it("'popup/get' answers from one read and republishes", async () => {
    await wake();
    await statusSnapshotItem.setValue(null);
    now += 10 * MIN;
    const data = await popupGet();
    expect(data.status.now).toBe(now);
    expect(data.history?.today).toBe('2026-03-02');
    expect((await statusSnapshotItem.getValue())?.data).toEqual(data);
  });
});

describe('status reads', () => {
  it('a read that only moves the clock writes nothing of the tracker', async () => {
    await wake();
    const before = await loadTracker();
    const writes = trackerWrites();
    now += 4 * MIN;
    const data = await popupGet();
    await handleMessage({ type: 'status/get' });
    expect(writes.n).toBe(0);
    expect(await loadTracker()).toEqual(before);
    // The answer is still brought up to now: same next break, desk time counted.
    expect(data.status.tracker.next?.at).toBe(T0 + 50 * MIN);
    expect(data.status.tracker.deskMs).toBe(4 * MIN);
  });

  it('the next event computes the same as if the read had been saved', async () => {
    await wake();
    await watchdogUntil(T0 + 22 * MIN);
    await popupGet();
    await watchdogUntil(T0 + 50 * MIN + 20_000); // the alarm, 20 s late
    const { result } = await dispatch({ type: 'tick' });
    expect(result.state.phase.name).toBe('due');
    expect(result.state.phase.name === 'due' && result.state.phase.brk.dueAt).toBe(T0 + 50 * MIN);
  });

  it('a read that finds a break due (its alarm late) saves and prompts', async () => {
    await wake();
    await watchdogUntil(T0 + 49 * MIN);
    const writes = trackerWrites();
    now = T0 + 50 * MIN + 30_000; // before the (late) alarm
    const data = await popupGet();
    expect(data.status.tracker.phase).toBe('due');
    expect(writes.n).toBeGreaterThan(0);
    expect((await loadTracker())?.phase.name).toBe('due');
    expect(Object.keys(await browser.notifications.getAll())).toHaveLength(1);
    expect((await statusSnapshotItem.getValue())?.data.status.tracker.phase).toBe('due');
  });
});
