/** The watchdog in Firefox, as in Chromium (tests/watchdog-scenario.ts; tests/e2e/engine.spec.ts). */
import { test } from './support/fixtures';
import { alarmTime, sendMessage, setSettings } from './support/ext';
import { sleep } from './support/firefox';
import { watchdogFollowsEvents } from '../watchdog-scenario';

test('the watchdog looks five minutes after the last event heard; a popup read does not move it', async ({ control }) => {
  await watchdogFollowsEvents({
    watchdog: () => alarmTime(control, 'limber-watchdog'),
    setStretchEvery: (sec) => setSettings(control, { stretch: { enabled: true, everySec: sec, lengthSec: 60 } }),
    popupRead: () => sendMessage(control, { type: 'popup/get' }),
    wait: sleep,
  });
});
