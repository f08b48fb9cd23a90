/**
 * A worker stopped at an exact instant of handling a due break (issue: a one-shot alarm is used
 * up the moment it fires; a worker stopped before it set the next one left only the 5-minute
 * watchdog). A debugger pauses the production worker at a chosen place in its own built code,
 * the test stops the worker there, and the break must still be prompted, once, within seconds.
 * And a sleep the next worker start finds (simulated in the stored state: the worker's clock
 * cannot be moved from a test): time away, not desk time. Likewise a clock set back: desk time,
 * a postpone kept as they were, each thing counted and shown once.
 */
import type { Page } from '@playwright/test';
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

type Instants = Record<string, unknown> | null | undefined;
type Chrome = {
  storage: { local: { get(k: string): Promise<{ tracker: Record<string, unknown> & { paused: Instants; headsUp: Instants; today: Instants; phase: Record<string, unknown> & { brk?: Instants } } }>; set(v: object): Promise<void> } };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number; periodInMinutes?: number }>>; create(name: string, a: object): Promise<void> };
};

/**
 * What a worker finds after the wall clock was set back by `ms` (call with the worker stopped):
 * every instant it saved (read on the old clock) lies `ms` ahead of its now, and so do its alarms
 * (Chrome keeps them in wall-clock time). The day's bounds are the calendar's, not instants it read.
 */
async function setClockBack(page: Page, ms: number): Promise<void> {
  await page.evaluate(async (ms) => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const move = (o: Instants, keys: string[]) => keys.forEach((k) => o && typeof o[k] === 'number' && (o[k] += ms));
    const t = (await c.storage.local.get('tracker')).tracker;
    move(t, ['asOf', 'lastSeen', 'activeSince', 'awaySince', 'lastNaturalAt', 'deferredSince', 'settleAt', 'pauseFrom', 'lowIdleAt', 'lastManualAt', 'lastDueAt']);
    move(t.paused, t.paused?.timed ? ['since', 'until'] : ['since']);
    move(t.headsUp, ['at', 'dueAt']);
    move(t.today, ['notifiedAt']);
    move(t.phase, ['until', 'remindAt', 'startedAt']);
    move(t.phase.brk, ['dueAt', 'promptedAt']);
    await c.storage.local.set({ tracker: t });
    for (const a of await c.alarms.getAll()) await c.alarms.create(a.name, { when: a.scheduledTime + ms, ...(a.periodInMinutes ? { periodInMinutes: a.periodInMinutes } : {}) });
  }, ms);
}

type Tracker = { asOf: number; desk: { stretch: number }; today: { deskMs: number }; phase: { name: string; until?: number; brk?: { id: string; dueAt: number; snoozes: number } } };
type Row = { id: string; dueAt: number; promptedAt: number | null; startedAt: number | null; endedAt: number; deskMs: number };
const BACK_MS = 10 * 60_000;

/** Every break recorded once, each row's instants in order (none ends before it began or was prompted, none in the future), with its desk time. */
async function expectHistorySound(page: Page, ids: string[]): Promise<Row[]> {
  const rows = (await historyRows(page)) as unknown as Row[];
  expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  for (const r of rows) {
    const at = [r.dueAt, r.promptedAt ?? r.dueAt, r.startedAt ?? r.endedAt, r.endedAt];
    expect(at, `${r.id}: due <= prompted <= started <= ended`).toEqual([...at].sort((a, b) => a - b));
    expect(r.endedAt, `${r.id}: ended by now`).toBeLessThanOrEqual(Date.now());
    expect(r.deskMs, `${r.id}: the desk time it came after (a 20-s interval)`).toBeGreaterThanOrEqual(19_000);
  }
  return rows;
}

test('the clock set back 10 min while desk time counts: the break comes when the desk time left says, once, under a new id', async ({ context, control }) => {
  test.setTimeout(90_000);
  await clearOfMidnight(3 * 60_000, (ms) => test.setTimeout(test.info().timeout + ms));
  const INTERVAL_MS = 20_000;
  const shown = await countShownPrompts(control);
  const starts = await watchWorkerStarts(context, control);
  await setSettings(control, { stretch: { enabled: true, everySec: INTERVAL_MS / 1000, lengthSec: 2 } });
  // A first break prompted and skipped: its id is in the history, its time the last one an id took.
  const first = await waitForPrompt(control, { timeoutMs: 40_000 });
  expect(await sendMessage(control, { type: 'break/skip', breakId: first.breakId })).toMatchObject({ ok: true });
  await control.waitForTimeout(8000);
  // Desk time counted since, as last heard (a settings change: an event the worker saves).
  await setSettings(control, { stretch: { enabled: true, everySec: INTERVAL_MS / 1000, lengthSec: 2 }, snoozeSec: 240 });
  await expect.poll(async () => (await storageGet<Tracker>(control, 'tracker'))!.desk.stretch).toBeGreaterThanOrEqual(6000);
  await starts.stop();
  const before = (await storageGet<Tracker>(control, 'tracker'))!;
  await setClockBack(control, BACK_MS);

  const woken = starts.starts();
  const wokeAt = Date.now();
  expect(await sendMessage(control, { type: 'popup/get' })).toMatchObject({ ok: true });
  await expect.poll(() => starts.starts(), { message: 'a new worker' }).toBeGreaterThan(woken);
  // The desk time counted is kept, and counted on from the new now: neither lost nor counted again.
  const left = INTERVAL_MS - before.desk.stretch;
  const p = await waitForPrompt(control, { timeoutMs: 45_000, not: [first.breakId] });
  expect(p.seenAt - wokeAt, 'prompt before the desk time left').toBeGreaterThanOrEqual(left - 1000);
  expect(p.seenAt - wokeAt, 'prompt later than an interval').toBeLessThanOrEqual(INTERVAL_MS + 15_000);
  const due = (await storageGet<Tracker>(control, 'tracker'))!;
  expect(due.phase).toMatchObject({ name: 'due', brk: { id: p.breakId } });
  expect(due.phase.brk!.dueAt - wokeAt, 'due time').toBeGreaterThanOrEqual(left - 1000);
  expect(due.today.deskMs - before.today.deskMs, "today's desk time since").toBeGreaterThanOrEqual(left - 1000);
  expect(due.today.deskMs - before.today.deskMs, "today's desk time since").toBeLessThanOrEqual(Date.now() - wokeAt + 1000);
  // Its id's time lies past the last one taken (as the old clock read it): never an id twice.
  expect(p.dueAt, 'id time').toBeGreaterThan(first.dueAt + BACK_MS);
  await control.waitForTimeout(2500);
  expect(await shown.count(p.breakId)).toBe(1);
  expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([p.id]);
  expect(await sendMessage(control, { type: 'break/skip', breakId: p.breakId })).toMatchObject({ ok: true });
  await expect.poll(async () => (await historyRows(control)).length).toBe(2);
  await expectHistorySound(control, [first.breakId, p.breakId]);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await starts.close();
});

test('the clock set back 10 min during a postpone: it ends after the time it had left, the break comes once, one row', async ({ context, control }) => {
  test.setTimeout(120_000);
  await clearOfMidnight(3 * 60_000, (ms) => test.setTimeout(test.info().timeout + ms));
  const SNOOZE_MS = 60_000;
  const shown = await countShownPrompts(control);
  const starts = await watchWorkerStarts(context, control);
  await setSettings(control, { stretch: { enabled: true, everySec: 20, lengthSec: 2 }, snoozeSec: SNOOZE_MS / 1000 });
  const p = await waitForPrompt(control, { timeoutMs: 40_000 });
  expect(await sendMessage(control, { type: 'break/snooze', breakId: p.breakId })).toMatchObject({ ok: true });
  // Over half of the postpone run, as last heard (an event the worker saves).
  await control.waitForTimeout(35_000);
  await setSettings(control, { stretch: { enabled: true, everySec: 20, lengthSec: 2 }, snoozeSec: SNOOZE_MS / 1000, idleSec: 90 });
  await expect.poll(async () => (await storageGet<Tracker>(control, 'tracker'))!.asOf - Date.now()).toBeGreaterThan(-3000);
  await starts.stop();
  const before = (await storageGet<Tracker>(control, 'tracker'))!;
  expect(before.phase).toMatchObject({ name: 'snoozed', brk: { id: p.breakId, snoozes: 1 } });
  const left = before.phase.until! - before.asOf;
  expect(left, 'postpone left').toBeLessThanOrEqual(SNOOZE_MS - 30_000);
  await setClockBack(control, BACK_MS);

  const woken = starts.starts();
  const wokeAt = Date.now();
  expect(await sendMessage(control, { type: 'popup/get' })).toMatchObject({ ok: true });
  await expect.poll(() => starts.starts(), { message: 'a new worker' }).toBeGreaterThan(woken);
  // Neither ended at once, nor started again (a whole postpone: 60 s), nor waiting out the jump.
  const back = await waitForPrompt(control, { timeoutMs: 60_000 });
  expect(back.breakId).toBe(p.breakId);
  expect(back.seenAt - wokeAt, 'back before the postpone had run').toBeGreaterThanOrEqual(left - 1000);
  expect(back.seenAt - wokeAt, 'back after the postpone had run').toBeLessThanOrEqual(left + 15_000);
  await control.waitForTimeout(2500);
  expect(await shown.count(p.breakId), 'prompted, then once after its postpone').toBe(2);
  expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([back.id]);
  expect(await historyRows(control)).toEqual([]);
  expect(await sendMessage(control, { type: 'break/skip', breakId: p.breakId })).toMatchObject({ ok: true });
  await expect.poll(async () => (await historyRows(control)).length).toBe(1);
  await expectHistorySound(control, [p.breakId]);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await starts.close();
});
