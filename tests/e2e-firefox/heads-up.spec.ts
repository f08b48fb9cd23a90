/**
 * The heads-up before a stretch break in real Firefox (issue #14 item 3), production build, fast
 * dev timing: the quiet notice comes the lead before the break and before the prompt, with no
 * buttons (Firefox's notifications have none) and a text that says the break can still be
 * postponed when it comes; it is gone when the prompt comes.
 */
import type { Page } from 'puppeteer-core';
import { notifications, sendMessage, setSettings, storageGet } from './support/ext';
import { expect, test } from './support/fixtures';

const EVERY = 14_000;
const LEAD = 6_000;

const byPrefix = async (control: Page, prefix: string) => Object.entries(await notifications(control)).filter(([id]) => id.startsWith(prefix));

test('the notice comes before the prompt, without buttons, says the break can be postponed then, and is gone when the prompt comes', async ({ control }) => {
  test.setTimeout(60_000);
  // Desk time afresh: a pause longer than the 2 s break, then resume.
  expect(await sendMessage(control, { type: 'pause/set', choice: 'indefinite' })).toMatchObject({ ok: true });
  await setSettings(control, { stretch: { enabled: true, everySec: EVERY / 1000, lengthSec: 2 }, headsUpSec: LEAD / 1000 } as never);
  await new Promise((r) => setTimeout(r, 2_200));
  const t0 = Date.now();
  expect(await sendMessage(control, { type: 'pause/resume' })).toMatchObject({ ok: true });

  await expect.poll(async () => (await byPrefix(control, 'headsup:')).length, { timeout: EVERY, intervals: [200] }).toBe(1);
  const seen = Date.now();
  expect(seen).toBeGreaterThanOrEqual(t0 + EVERY - LEAD - 500);
  expect(await byPrefix(control, 'prompt:')).toEqual([]);
  const info = (await byPrefix(control, 'headsup:'))[0]![1];
  expect(info.buttons ?? []).toEqual([]);
  expect(info.title).toBe('Stretch break in 1 min');
  expect(info.message).toBe('Time to wrap up what you are doing. When the break comes, you can still postpone it.');
  expect((await storageGet<{ headsUp: unknown }>(control, 'tracker'))!.headsUp).not.toBeNull();

  await expect.poll(async () => (await byPrefix(control, 'prompt:')).length, { timeout: EVERY, intervals: [200] }).toBe(1);
  expect(Date.now()).toBeGreaterThanOrEqual(t0 + EVERY - 500);
  await expect.poll(async () => (await byPrefix(control, 'headsup:')).length, { timeout: 2_000, intervals: [100] }).toBe(0);
});
