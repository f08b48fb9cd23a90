/**
 * The watchdog in Firefox, as in Chromium (tests/e2e/engine.spec.ts): due five minutes after
 * the last event the background saved, put back by the next one, and left where it is by a
 * status read (lib/platform/alarms.ts reconcileWatchdog).
 */
import { expect, test } from './support/fixtures';
import { alarmTime, sendMessage, setSettings } from './support/ext';

test('the watchdog looks five minutes after the last event heard; a popup read does not move it', async ({ control }) => {
  const FIVE_MIN = 5 * 60_000;
  // An alarm within 1 s of the wanted time is kept (lib/platform/alarms.ts TOLERANCE_MS).
  const KEPT_MS = 1000;
  const watchdog = () => alarmTime(control, 'limber-watchdog');
  // The reference is the person's own action: a settings change, which the background hears and saves.
  let before = Date.now();
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 60 } });
  await expect.poll(watchdog).toBeGreaterThanOrEqual(before + FIVE_MIN - KEPT_MS);
  const first = await watchdog();
  expect(first).toBeLessThanOrEqual(Date.now() + FIVE_MIN);
  await new Promise((r) => setTimeout(r, 2000));
  expect(await sendMessage(control, { type: 'popup/get' })).toMatchObject({ ok: true });
  expect(await watchdog()).toBe(first);
  before = Date.now();
  await setSettings(control, { stretch: { enabled: true, everySec: 3000, lengthSec: 60 } });
  await expect.poll(watchdog).toBeGreaterThanOrEqual(before + FIVE_MIN - KEPT_MS);
  expect(await watchdog()).toBeLessThanOrEqual(Date.now() + FIVE_MIN);
  expect(await watchdog()).toBeGreaterThanOrEqual(first + 2000);
});
