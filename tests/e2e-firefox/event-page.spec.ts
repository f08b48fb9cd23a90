/**
 * Firefox suspends an MV3 add-on's event page after a while without events (30 s by default;
 * 2 s here through the pref extensions.background.idle.timeout). A break that falls due while it
 * is suspended must still come, on time, once.
 */
import { expect, test } from './support/fixtures';
import { backgroundMark, historyRows, markBackground, notificationIds, setSettings, storageGet, waitForPrompt } from './support/ext';
import { sleep } from './support/firefox';
import { PopupPage } from './support/pages';

test.use({ idleTimeoutMs: 2000 });

interface Tracker {
  asOf: number;
  desk: { stretch: number };
  phase: { name: string; brk?: { id: string } };
}

test('a suspended event page still prompts on time, once', async ({ ff, control }) => {
  await ff.chrome.recordBackground();
  await ff.chrome.countAlerts();
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  expect(await markBackground(control, 'before-suspend')).toBe(true);
  expect(await backgroundMark(control)).toBe('before-suspend');

  // Desk time has counted since install, a moment ago: a 15 s interval falls due within 15 s,
  // at the moment the tracker's own counters say.
  const t0 = Date.now();
  await setSettings(control, { stretch: { enabled: true, everySec: 15, lengthSec: 2 } });
  await expect.poll(() => storageGet<Tracker>(control, 'tracker').then((t) => t?.asOf ?? 0)).toBeGreaterThanOrEqual(t0);
  const counted = (await storageGet<Tracker>(control, 'tracker'))!;
  const expectedDue = counted.asOf - counted.desk.stretch + 15_000;

  // Firefox suspends the page mid-interval, before anything is due (read from Firefox's own
  // record of the add-on: this does not wake the page).
  await expect.poll(() => ff.chrome.backgroundState(), { timeout: 8000, intervals: [200] }).toBe('stopped');
  const suspendedAt = Date.now();
  expect(await notificationIds(control)).toEqual([]);

  const prompt = await waitForPrompt(control, { timeoutMs: 25_000 });
  // It was due when the counters said, it came no later than 5 s after that, and the page had
  // been suspended before.
  expect(Math.abs(prompt.dueAt - expectedDue)).toBeLessThan(1000);
  expect(prompt.seenAt - prompt.dueAt).toBeLessThan(5000);
  expect(prompt.dueAt).toBeGreaterThan(suspendedAt);

  // Firefox's log of the page: suspended and shut down before the break was due, then woken
  // by an event (the alarm) and started again before the prompt was seen.
  const log = await ff.chrome.backgroundLog();
  const shutdown = log.find((e) => e.name === 'shutdown-background-script' && e.at >= t0);
  expect(shutdown, JSON.stringify(log)).toBeTruthy();
  expect(shutdown!.at).toBeLessThan(prompt.dueAt);
  const restarted = log.find((e) => e.name === 'background-script-started' && e.at > shutdown!.at);
  expect(restarted, JSON.stringify(log)).toBeTruthy();
  expect(restarted!.at).toBeLessThanOrEqual(prompt.seenAt);
  // The page that set up the alarm is gone: what we set on its window went with it.
  expect(await backgroundMark(control)).toBeUndefined();

  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  const tracker = await storageGet<Tracker>(control, 'tracker');
  expect(tracker?.phase).toMatchObject({ name: 'due', brk: { id: prompt.breakId } });

  // Let it suspend again while the prompt is open, then wake it (the popup asks for the
  // status): the new page must not prompt a second time.
  await sleep(500);
  await expect.poll(() => ff.chrome.backgroundState(), { timeout: 8000, intervals: [200] }).toBe('stopped');
  const starts = (await ff.chrome.backgroundLog()).filter((e) => e.name === 'background-script-started').length;
  const popup = await PopupPage.open(ff);
  await expect.poll(() => popup.startDue.isVisible()).toBe(true);
  expect((await ff.chrome.backgroundLog()).filter((e) => e.name === 'background-script-started').length).toBe(starts + 1);
  await sleep(1500);
  expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([prompt.id]);
  expect(await ff.chrome.alertsOpened()).toHaveLength(1);
  expect(await historyRows(control)).toEqual([]);
});
