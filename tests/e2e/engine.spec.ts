import { expect, launch, serviceWorker, test } from './support/fixtures';
import { badgeText, historyRows, notificationIds, sendMessage, setSettings, stopServiceWorker, storageGet, waitForPrompt } from './support/ext';
import { BreakPage, PopupPage } from './support/pages';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const FAST_STRETCH = { stretch: { enabled: true, everySec: 8, lengthSec: 2 } };

test('five cycles with the worker stopped at different points: every break on time, none twice', async ({ context, control }) => {
  test.setTimeout(120_000);
  await setSettings(control, FAST_STRETCH);
  const seen: string[] = [];
  for (let cycle = 0; cycle < 5; cycle++) {
    // Stop the worker mid-interval (and, on odd cycles, right after the previous break too).
    if (cycle % 2 === 1) await stopServiceWorker(context, control);
    await control.waitForTimeout(3000);
    await stopServiceWorker(context, control);
    const p = await waitForPrompt(control, { timeoutMs: 20_000, not: seen });
    expect(p.seenAt - p.dueAt, `cycle ${cycle}: prompt late`).toBeLessThan(5000);
    expect(await badgeText(control)).toBe('!');
    seen.push(p.breakId);
    if (cycle === 2) await stopServiceWorker(context, control); // stopped while the prompt is open
    const reply = await sendMessage(control, { type: 'break/skip', breakId: p.breakId });
    expect(reply).toEqual({ ok: true, data: { skipped: true } });
  }
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  const rows = await historyRows(control);
  expect(rows.map((r) => r.id).sort()).toEqual([...seen].sort());
  expect(rows.every((r) => r.outcome === 'skipped')).toBe(true);
  expect(new Set(seen).size).toBe(5);
});

test('a browser restart mid-interval: the next break still comes and the history is intact', async ({ profileDir }) => {
  test.setTimeout(90_000);
  let context = await launch(profileDir);
  let worker = await serviceWorker(context);
  const id = new URL(worker.url()).host;
  let control = await context.newPage();
  await control.goto(`chrome-extension://${id}/options.html`);
  // One break in the history first.
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await sendMessage(control, { type: 'break/start' });
  const manual = (await storageGet<{ phase: { brk: { id: string } } }>(control, 'tracker'))!.phase.brk.id;
  await sendMessage(control, { type: 'break/finish', breakId: manual, outcome: 'completed', routineId: null });
  await setSettings(control, { stretch: { enabled: true, everySec: 20, lengthSec: 2 } });
  await control.waitForTimeout(6000);
  await context.close();

  context = await launch(profileDir);
  worker = await serviceWorker(context);
  expect(new URL(worker.url()).host).toBe(id);
  control = await context.newPage();
  await control.goto(`chrome-extension://${id}/options.html`);
  const p = await waitForPrompt(control, { timeoutMs: 30_000 });
  expect(p.seenAt - p.dueAt).toBeLessThan(5000);
  const rows = await historyRows(control);
  expect(rows).toEqual([expect.objectContaining({ id: manual, outcome: 'completed' })]);
  await context.close();
});

test('pause and resume from the popup', async ({ context, extensionId, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 1800, lengthSec: 120 } });
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.countdown).toBeVisible();
  await popup.page.getByTestId('pause-menu').click();
  await popup.page.getByTestId('pause-1h').click();
  await expect(popup.nextWhy).toContainText('Paused until');
  await expect(popup.countdown).toHaveCount(0);
  const tracker = await storageGet<{ paused: { until: number } | null }>(control, 'tracker');
  expect(tracker?.paused?.until).toBeGreaterThan(Date.now() + 59 * 60_000);
  expect(await badgeText(control)).toBe('❚❚');
  await popup.page.getByTestId('resume').click();
  await expect(popup.countdown).toBeVisible();
  expect((await storageGet<{ paused: unknown }>(control, 'tracker'))?.paused).toBeNull();
  expect(await badgeText(control)).toMatch(/^\d+m$/);
});

test('snooze, then start: the prompt comes back, and the break is recorded with its snooze', async ({ context, extensionId, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, snoozeSec: 4 });
  const first = await waitForPrompt(control);
  const popup = await PopupPage.open(context, extensionId);
  await popup.page.getByTestId('snooze').click();
  await expect.poll(() => notificationIds(control)).toEqual([]);
  await expect(popup.nextWhy).toContainText('Snoozed until');
  const again = await waitForPrompt(control, { timeoutMs: 15_000 });
  expect(again.breakId).toBe(first.breakId);
  expect(again.id).toMatch(/:snooze$/); // one snooze of two used: the second button still snoozes
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await popup.reload();
  await popup.startDue.click();
  const brk = await BreakPage.waitFor(context);
  await brk.done.click();
  await expect(brk.end).toBeVisible();
  expect(await historyRows(control)).toEqual([expect.objectContaining({ id: first.breakId, outcome: 'completed', snoozes: 1 })]);
});

test('a working-hours change moves the next break', async ({ context, extensionId, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 1800, lengthSec: 120 } });
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.countdown).toBeVisible();
  // Working hours that exclude now (all week): no countdown, and the popup says until when.
  const nowMin = new Date().getHours() * 60 + new Date().getMinutes();
  const later = { from: (nowMin + 120) % 1440, to: (nowMin + 180) % 1440 };
  await setSettings(control, { schedule: { enabled: true, days: Array.from({ length: 7 }, () => [later]) } });
  await expect(popup.nextWhy).toContainText('Outside working hours until');
  await expect(popup.countdown).toHaveCount(0);
  expect(await badgeText(control)).toBe('off');
  // Hours that include now: counting starts fresh, a full interval away.
  const around = { from: (nowMin + 1440 - 60) % 1440, to: (nowMin + 120) % 1440 };
  await setSettings(control, { schedule: { enabled: true, days: Array.from({ length: 7 }, () => [around]) } });
  await expect(popup.countdown).toHaveText(/^(30:00|29:\d\d)$/);
  expect(DEFAULT_SETTINGS.schedule.enabled).toBe(false);
});
