/**
 * A break due while the person types waits for a pause or a tab switch, in Firefox as in Chromium
 * (tests/tab-switch-scenario.ts; tests/e2e/moment.spec.ts). Here the typing is real to Firefox's
 * idle service (input every 2 s, tests/e2e-firefox/support/chrome-scope.ts `userInput`), so its
 * idle event at the lowered 15 s never marks a pause: only the switch can end the wait early.
 */
import { test } from './support/fixtures';
import { notificationIds, setSettings, storageGet, waitForPrompt } from './support/ext';
import { sleep } from './support/firefox';
import { tabSwitchEndsWait } from '../tab-switch-scenario';

declare const browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; create(p: object): Promise<unknown> } };

test('a break due while the person types waits; a tab switch brings it at the next look, long before the bound', async ({ ff, control }) => {
  test.setTimeout(90_000);
  let typing = true;
  const typist = (async () => {
    while (typing) {
      await ff.chrome.userInput();
      await sleep(2_000);
    }
  })();
  try {
    await tabSwitchEndsWait({
      setSettings: (patch) => setSettings(control, patch),
      waiting: () => storageGet(control, 'tracker'),
      tabInView: () => control.evaluate(async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null),
      switchTab: async () => void (await control.evaluate(() => browser.tabs.create({ url: 'about:blank', active: true }))),
      notificationIds: () => notificationIds(control),
      waitForPrompt: (timeoutMs) => waitForPrompt(control, { timeoutMs }),
      wait: sleep,
    });
  } finally {
    typing = false;
    await typist;
  }
});
