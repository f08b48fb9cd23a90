/**
 * The break window's postpone choice in real Firefox (issue #14). Firefox's notifications have no
 * buttons (a click on one starts the break), so the postpone choices are in the break window that
 * opens: 5 or 15 min, apart from Skip. The break comes back after the chosen minutes.
 */
import { historyRows, sendMessage, setSettings, storageGet, waitForPrompt } from './support/ext';
import { expect, test } from './support/fixtures';
import { BreakPage } from './support/pages';

const MIN = 60_000;
type Stored = { phase: { name: string; until?: number; brk?: { id: string; snoozes: number } } };

test('the break window postpones a prompted break by the chosen 15 min, nothing recorded', async ({ ff, control }) => {
  test.setTimeout(90_000);
  await setSettings(control, { snoozeLimit: 2, stretch: { enabled: true, everySec: 4, lengthSec: 60 } });
  const prompt = await waitForPrompt(control);
  expect(await sendMessage(control, { type: 'break/start', breakId: prompt.breakId })).toMatchObject({ ok: true });
  const brk = await BreakPage.waitFor(ff);
  await brk.page.waitForSelector('[data-testid="postpone-15"]');
  expect(await brk.page.$$eval('[data-testid="postpone"] button', (bs) => bs.map((b) => b.textContent))).toEqual(['5 min', '15 min']);
  expect(await brk.skip.isVisible()).toBe(true);
  const at = Date.now();
  await brk.page.click('[data-testid="postpone-15"]').catch(() => undefined); // the window closes under the click
  await expect.poll(async () => (await storageGet<Stored>(control, 'tracker'))?.phase.name).toBe('snoozed');
  const p = (await storageGet<Stored>(control, 'tracker'))!.phase;
  expect(p.brk).toMatchObject({ id: prompt.breakId, snoozes: 1 });
  expect(p.until!).toBeGreaterThanOrEqual(at + 15 * MIN);
  expect(p.until!).toBeLessThanOrEqual(Date.now() + 15 * MIN);
  expect(await historyRows(control)).toEqual([]);
});
