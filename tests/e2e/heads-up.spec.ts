/**
 * The heads-up before a stretch break (issue #14 item 3), in the production build with fast dev
 * timing (the lead in seconds through the developer switch): the quiet notice comes the lead
 * before the break's desk time, before the prompt; it is gone when the prompt comes; its one
 * button (fired at the API boundary, as Chrome does) postpones the break 5 min past its due
 * moment as one snooze. Options offers the choice (off / 1 / 2 min) by keyboard.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { notificationIds, sendMessage, setSettings, storageGet } from './support/ext';
import { OptionsPage } from './support/pages';
import { shot } from './support/shots';

const MIN = 60_000;
const EVERY = 14_000;
const LEAD = 6_000;
type Stored = { headsUp: { id: string; dueAt: number } | null; phase: { name: string; until?: number; brk?: { id: string; snoozes: number } } };

/** Starts desk time afresh (a pause longer than the 2 s break, then resume) with the heads-up on; returns when it restarted. */
async function freshCycle(control: Page, patch: object = {}): Promise<number> {
  expect(await sendMessage(control, { type: 'pause/set', choice: 'indefinite' })).toMatchObject({ ok: true });
  await setSettings(control, { stretch: { enabled: true, everySec: EVERY / 1000, lengthSec: 2 }, headsUpSec: LEAD / 1000, ...patch } as never);
  await control.waitForTimeout(2_200);
  const t0 = Date.now();
  expect(await sendMessage(control, { type: 'pause/resume' })).toMatchObject({ ok: true });
  return t0;
}

const headsUps = async (control: Page) => (await notificationIds(control)).filter((i) => i.startsWith('headsup:'));
const prompts = async (control: Page) => (await notificationIds(control)).filter((i) => i.startsWith('prompt:'));

test('the notice comes the lead before the break, before the prompt, and is gone when the prompt comes', async ({ control }) => {
  test.setTimeout(60_000);
  const t0 = await freshCycle(control);
  await expect.poll(() => headsUps(control), { timeout: EVERY, intervals: [200] }).toHaveLength(1);
  const seen = Date.now();
  expect(await prompts(control)).toEqual([]);
  // Not before its moment (desk time since the resume), and well before the break.
  expect(seen).toBeGreaterThanOrEqual(t0 + EVERY - LEAD - 500);
  expect(seen).toBeLessThan(t0 + EVERY);
  const stored = (await storageGet<Stored>(control, 'tracker'))!;
  expect(stored.headsUp!.dueAt).toBeGreaterThanOrEqual(t0 + EVERY - 500);
  // The prompt comes at the break's time; the notice is gone then.
  await expect.poll(() => prompts(control), { timeout: EVERY, intervals: [200] }).toHaveLength(1);
  expect(Date.now()).toBeGreaterThanOrEqual(t0 + EVERY - 500);
  await expect.poll(() => headsUps(control), { timeout: 2_000, intervals: [100] }).toEqual([]);
  expect((await storageGet<Stored>(control, 'tracker'))!.headsUp).toBeNull();
});

test('its button postpones the break 5 min past its due moment, as one snooze; no prompt meanwhile', async ({ control, worker }) => {
  test.setTimeout(60_000);
  await freshCycle(control);
  await expect.poll(() => headsUps(control), { timeout: EVERY, intervals: [200] }).toHaveLength(1);
  const [id] = await headsUps(control);
  const { headsUp } = (await storageGet<Stored>(control, 'tracker'))!;
  await worker.evaluate((nid) => (globalThis as unknown as { chrome: { notifications: { onButtonClicked: { dispatch(id: string, i: number): void } } } }).chrome.notifications.onButtonClicked.dispatch(nid, 0), id!);
  await expect.poll(async () => (await storageGet<Stored>(control, 'tracker'))?.phase.name).toBe('snoozed');
  const phase = (await storageGet<Stored>(control, 'tracker'))!.phase;
  expect(phase.brk).toMatchObject({ id: headsUp!.id, snoozes: 1 });
  expect(phase.until).toBe(headsUp!.dueAt + 5 * MIN);
  await expect.poll(() => headsUps(control), { timeout: 2_000, intervals: [100] }).toEqual([]);
  // Past the break's old moment: still no prompt.
  await control.waitForTimeout(Math.max(0, headsUp!.dueAt + 1_500 - Date.now()));
  expect(await prompts(control)).toEqual([]);
});

test('no snooze allowed: the notice still comes; Options offers off / 1 / 2 min by keyboard', async ({ context, control, extensionId }) => {
  test.setTimeout(60_000);
  await freshCycle(control, { snoozeLimit: 0 });
  await expect.poll(() => headsUps(control), { timeout: EVERY, intervals: [200] }).toHaveLength(1);
  // (Chrome does not tell a shown notification's buttons: lib/platform/heads-up.test.ts checks there is none.)
  expect((await storageGet<Stored>(control, 'tracker'))!.headsUp).not.toBeNull();

  const options = await OptionsPage.open(context, extensionId);
  const select = options.page.getByLabel('Heads-up before a stretch break');
  await expect(select).toBeEnabled();
  await expect(select.locator('option')).toHaveText(['Off', '1 minute before', '2 minutes before']);
  await select.focus();
  await select.selectOption('120');
  await expect.poll(async () => ((await storageGet<{ headsUpSec: number }>(control, 'settings'))?.headsUpSec)).toBe(120);
  // A notification: off while prompts come as the break window only.
  await options.page.getByTestId('prompt-window').check();
  await options.page.getByTestId('prompt-notification').uncheck();
  await expect(select).toBeDisabled();
  await options.page.getByTestId('prompt-notification').check();
  await expect(select).toBeEnabled();
  await select.scrollIntoViewIfNeeded();
  await shot(options.page.locator('.behaviour fieldset').first(), { path: test.info().outputPath('heads-up-options.png') });
});
