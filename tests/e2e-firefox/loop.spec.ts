/** The main loop in real Firefox, against the production Firefox MV3 build. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { historyRows, notificationIds, notifications, setSettings, storageGet, waitForPrompt } from './support/ext';
import { EXTENSION_DIR, GECKO_ID } from './support/firefox';
import { BreakPage, PopupPage } from './support/pages';
import { clearOfMidnight } from '../midnight';

const messages = JSON.parse(readFileSync(path.join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
// The break's text ($1), then the sentence that says a click starts.
const CLICK_TO_START = messages.promptClickToStart!.message.replace('$1 ', '');

test('installs as a Firefox MV3 event page and the popup shows a live countdown', async ({ ff, control }) => {
  expect(ff.addonId).toBe(GECKO_ID);
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { background: Record<string, unknown> };
  // Firefox MV3 has no service workers for add-ons: the background is an event page.
  expect(manifest.background).toMatchObject({ scripts: ['background.js'] });
  expect(manifest.background).not.toHaveProperty('service_worker');
  expect(await ff.chrome.backgroundState()).toMatch(/^(starting|running)$/);

  await setSettings(control, { stretch: { enabled: true, everySec: 600, lengthSec: 120 } });
  const popup = await PopupPage.open(ff);
  await expect.poll(() => popup.countdown.text()).toMatch(/^\d{1,2}:\d\d$/);
  const first = await popup.countdown.text();
  await expect.poll(() => popup.countdown.text(), { timeout: 3000 }).not.toBe(first);
  const [m, s] = (await popup.countdown.text())!.split(':').map(Number) as [number, number];
  expect(m * 60 + s).toBeGreaterThan(590 - 30);
  expect(m * 60 + s).toBeLessThanOrEqual(600);
  expect(await popup.todayCount.text()).toBe('0');
  expect(await popup.streak.text()).toBe('0');
});

test('the whole loop: a prompt without buttons -> Start in the popup -> break page -> history -> popup count', async ({ ff, control }) => {
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // today's figures are read below
  await ff.chrome.countAlerts();
  await setSettings(control, { stretch: { enabled: true, everySec: 5, lengthSec: 2 } });
  const prompt = await waitForPrompt(control);
  expect(prompt.id).toMatch(/^prompt:stretch-\d+:snooze$/);
  // Nothing more for this test: one prompt at a time, and no new ones while we act.
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });

  // Firefox difference: no buttons and no requireInteraction; the text says a click starts.
  const info = (await notifications(control))[prompt.id]!;
  expect(info.type).toBe('basic');
  expect(info.buttons ?? null).toBeNull();
  expect(info.requireInteraction ?? null).toBeNull();
  expect(info.message?.endsWith(` ${CLICK_TO_START}`)).toBe(true); // after the break's text
  // ... and that is what Firefox shows: one alert window with the title and that text.
  await expect.poll(() => ff.chrome.alerts()).toEqual([{ title: info.title, text: info.message, controls: expect.any(Array) }]);
  const [shown] = await ff.chrome.alerts();
  expect(shown!.controls.join(' ')).not.toMatch(/start|snooze|skip/i);
  expect(await ff.chrome.alertsOpened()).toHaveLength(1);

  const popup = await PopupPage.open(ff);
  await expect.poll(() => popup.startDue.isVisible()).toBe(true);
  await popup.startDue.click();

  const brk = await BreakPage.waitFor(ff);
  expect(await brk.breakId()).toBe(prompt.breakId);
  await expect.poll(() => brk.title.text()).not.toBe('');
  await expect.poll(() => brk.stepIndex.text()).toMatch(/Step 1 of \d+/);
  await expect.poll(() => brk.text('not medical advice').isVisible()).toBe(true);
  expect(await notificationIds(control)).toEqual([]);
  await brk.done.click();
  await expect.poll(() => brk.endToday.text()).toBe('1');
  expect(await brk.endTodayLabel.text()).toBe('break today');
  expect(await brk.endTodayLabel.attr('aria-hidden')).toBeNull(); // read with the number

  const rows = await historyRows(control);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: prompt.breakId, kind: 'stretch', outcome: 'completed' });
  expect(rows[0]!.routineId).toMatch(/^[a-z0-9-]+$/);

  const popup2 = await PopupPage.open(ff);
  await expect.poll(() => popup2.todayCount.text()).toBe('1');
  expect(await popup2.streak.text()).toBe('1');
});

test('clicking the notification in Firefox starts the break; closing the window early records it as partial', async ({ ff, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 5, lengthSec: 2 } });
  const prompt = await waitForPrompt(control);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });

  // A click on Firefox's own notification window: alert.js -> notifications.onClicked.
  await expect.poll(() => ff.chrome.alerts().then((a) => a.length)).toBe(1);
  expect(await ff.chrome.clickAlert()).toBe(true);

  const brk = await BreakPage.waitFor(ff);
  expect(await brk.breakId()).toBe(prompt.breakId);
  await expect.poll(() => brk.title.text()).not.toBe('');
  await expect.poll(() => storageGet<{ phase: { name: string; brk: { id: string } } }>(control, 'tracker').then((t) => t?.phase))
    .toMatchObject({ name: 'onBreak', brk: { id: prompt.breakId } });
  await expect.poll(() => notificationIds(control)).toEqual([]);

  // The person closes the break window: windows.onRemoved wakes the background, which records it.
  await brk.page.close();
  await expect.poll(() => historyRows(control)).toEqual([expect.objectContaining({ id: prompt.breakId, kind: 'stretch', outcome: 'partial' })]);
  await expect.poll(() => storageGet<{ phase: { name: string } }>(control, 'tracker').then((t) => t?.phase.name)).toBe('working');
});
