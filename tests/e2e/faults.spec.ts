/**
 * A worker stopped at an exact instant of handling a due break (issue: a one-shot alarm is used
 * up the moment it fires; a worker stopped before it set the next one left only the 5-minute
 * watchdog). A debugger pauses the production worker at a chosen place in its own built code,
 * the test stops the worker there, and the break must still be prompted, once, within seconds.
 * And a sleep the next worker start finds (simulated in the stored state: the worker's clock
 * cannot be moved from a test): time away, not desk time.
 */
import { expect, test } from './support/fixtures';
import { historyRows, notificationIds, sendMessage, setSettings, storageGet, waitForPrompt } from './support/ext';
import { breakInWorker, watchWorkerStarts } from './support/worker-cdp';
import { countShownPrompts } from './support/shown';
import { clearOfMidnight } from '../midnight';

const WHERE = [
  // In the tracker's transition: the break is due, nothing is saved yet.
  { name: 'before the due state is saved', marker: 'effects:[{type:`prompt`' },
  // In showPrompt, asking whether notifications are blocked (its first step): the due state is
  // saved, the notification not yet created.
  { name: 'after the state is saved, before the notification is shown', marker: '`denied`' },
];

for (const where of WHERE) {
  test(`a worker stopped ${where.name} still prompts, once, within seconds`, async ({ context, control }) => {
    test.setTimeout(60_000);
    await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
    const shown = await countShownPrompts(control);
    const starts = await watchWorkerStarts(context, control);
    // Desk time starts from zero at the end of a break the user takes; the next one then falls
    // due 8 s later, when its alarm fires (not while this settings change is handled).
    await setSettings(control, { stretch: { enabled: true, everySec: 8, lengthSec: 2 } });
    await sendMessage(control, { type: 'break/start' });
    const manual = (await storageGet<{ phase: { brk: { id: string } } }>(control, 'tracker'))!.phase.brk.id;
    const dbg = await breakInWorker(context, control, where.marker);
    const endedAt = Date.now();
    await sendMessage(control, { type: 'break/finish', breakId: manual, outcome: 'completed', routineId: null });
    await Promise.race([dbg.paused, control.waitForTimeout(20_000).then(() => Promise.reject(new Error('the worker never reached the marker')))]);
    const startsBefore = starts.starts();
    const stoppedAt = Date.now();
    // Stopped where it paused: that worker never gets further. (Nothing is asserted on screen
    // right now: under load the repeating alarm may already have started a new worker.)
    await starts.stop();
    await dbg.release();

    // The repeating alarm wakes a new worker: asked for every second under the developer
    // switch's timing, it came 3.5-9 s after the stop in this unpacked build (Chromium's own
    // alarm granularity); a packed build repeats after 30 s. Without it: the 5-minute watchdog.
    const p = await waitForPrompt(control, { timeoutMs: 25_000 });
    expect(stoppedAt - endedAt, 'paused when the break fell due').toBeGreaterThanOrEqual(8000);
    expect(p.seenAt - stoppedAt, 'prompt after the stop').toBeLessThan(20_000);
    expect(starts.starts(), 'a new worker start, not the old one resumed').toBeGreaterThan(startsBefore);
    // Nothing twice: one prompt shown, one due state, and no more in the seconds after.
    await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
    await control.waitForTimeout(2500);
    expect(await shown.count(p.breakId)).toBe(1);
    expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([p.id]);
    expect(await storageGet(control, 'tracker')).toMatchObject({ phase: { name: 'due', brk: { id: p.breakId } } });
    expect((await historyRows(control)).map((r) => r.id)).toEqual([manual]);
    await starts.close();
  });
}

test('a sleep longer than the watchdog period, noticed by the next worker: counted as a break taken, not as desk time', async ({ context, control }) => {
  await clearOfMidnight(15 * 60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // the natural break is today's
  const INTERVAL_MS = 20_000;
  const SLEPT_MS = 10 * 60_000;
  const starts = await watchWorkerStarts(context, control);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await sendMessage(control, { type: 'break/start' });
  const manual = (await storageGet<{ phase: { brk: { id: string } } }>(control, 'tracker'))!.phase.brk.id;
  await setSettings(control, { stretch: { enabled: true, everySec: INTERVAL_MS / 1000, lengthSec: 2 } });
  await sendMessage(control, { type: 'break/finish', breakId: manual, outcome: 'completed', routineId: null });
  // Over half the interval at the desk, as last heard (a settings change: an event the worker
  // saves), then the sleep: a break skipped by sleeping is then worth recording.
  await control.waitForTimeout(12_000);
  await setSettings(control, { stretch: { enabled: true, everySec: INTERVAL_MS / 1000, lengthSec: 2 }, snoozeSec: 240 });
  await expect.poll(async () => (await storageGet<{ desk: { stretch: number } }>(control, 'tracker'))!.desk.stretch).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
  await starts.stop();
  // The machine sleeps: nothing runs, and the clock moves on. Its effect on what the worker finds
  // is that it was last heard from (and had counted up to) ten minutes ago; the worker's own
  // clock cannot be moved from here, so the stored instants are moved back instead.
  await control.evaluate(async (ms) => {
    type Times = { asOf: number; lastSeen: number; activeSince: number };
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ tracker: Times }>; set(v: object): Promise<void> } } } }).chrome.storage.local;
    const t = (await local.get('tracker')).tracker;
    await local.set({ tracker: { ...t, asOf: t.asOf - ms, lastSeen: t.lastSeen - ms, activeSince: t.activeSince - ms } });
  }, SLEPT_MS);
  expect(await notificationIds(control)).toEqual([]);
  // Awake: the popup opened. The silence is time away, not ten minutes of desk time.
  const before = starts.starts();
  const wokeAt = Date.now();
  expect(await sendMessage(control, { type: 'popup/get' })).toMatchObject({ ok: true });
  await expect.poll(() => starts.starts(), { message: 'a new worker' }).toBeGreaterThan(before);
  await expect.poll(async () => (await historyRows(control)).map((r) => `${r.kind}:${r.outcome}`).sort()).toEqual(['stretch:completed', 'stretch:natural']);
  expect(await notificationIds(control)).toEqual([]);
  // Desk time starts from zero on waking: the next break one interval after it.
  const p = await waitForPrompt(control, { timeoutMs: 40_000 });
  expect(p.seenAt - wokeAt, 'prompt early').toBeGreaterThanOrEqual(INTERVAL_MS - 1000);
  expect(p.dueAt - wokeAt, 'due time after waking').toBeGreaterThanOrEqual(INTERVAL_MS - 1000);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await starts.close();
});
