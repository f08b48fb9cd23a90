/**
 * Issue #14 in real Chromium (production build): the options for the right moment, and the tab
 * switch that ends a wait for a pause. Headless Chromium never reports idle, so sitting still and
 * the pause in typing itself are tested on a virtual display (tests/e2e-display/idle.spec.ts) and
 * at the API boundary (lib/engine/runtime.test.ts, fake ports); holds for fullscreen and sound
 * (sound in a windowed Chromium on Xvfb: headless never reports a tab audible) are in
 * holds.spec.ts, the call sites' permission flow (the browser's prompt answered by a stub) in
 * call-sites.spec.ts. Here: "away after" presets, the pause wait field, the call sites'
 * validation and that the option stays off while the browser's real prompt waits unanswered.
 */
import { expect, test } from './support/fixtures';
import { notificationIds, setSettings, storageGet, waitForPrompt } from './support/ext';
import { OptionsPage } from './support/pages';
import { tabSwitchEndsWait } from '../tab-switch-scenario';

declare const chrome: {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; create(p: object): Promise<unknown> };
};

type Stored = { idleSec: number; pauseWaitMin: number; callSites: { enabled: boolean; own: string[] } };

test('a tab switch ends the wait for a pause: the break comes at the next look, long before the bound', async ({ control }) => {
  test.setTimeout(90_000);
  // Headless input never pauses (no idle event), so only the bound or a tab switch ends the wait.
  await tabSwitchEndsWait({
    setSettings: (patch) => setSettings(control, patch),
    waiting: () => storageGet(control, 'tracker'),
    tabInView: () => control.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null),
    switchTab: async () => void (await control.evaluate(() => chrome.tabs.create({ url: 'about:blank', active: true }))),
    notificationIds: () => notificationIds(control),
    waitForPrompt: (timeoutMs) => waitForPrompt(control, { timeoutMs }),
    wait: (ms) => control.waitForTimeout(ms),
  });
});

test('away after: a preset sets the seconds, other seconds show as custom', async ({ context, extensionId, control }) => {
  const { page } = await OptionsPage.open(context, extensionId);
  await expect(page.getByTestId('idle-preset')).toHaveValue('default');
  await page.getByTestId('idle-preset').selectOption('reading');
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.idleSec).toBe(180);
  await expect(page.locator('#idleSec')).toHaveValue('180');
  await page.locator('#idleSec').fill('90');
  await page.locator('#idleSec').press('Tab');
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.idleSec).toBe(90);
  await expect(page.getByTestId('idle-preset')).toHaveValue('custom');
});

test('the pause wait and the call sites: bad input gets a clear error and loses nothing; no permission, no option', async ({ context, extensionId, control }) => {
  const { page } = await OptionsPage.open(context, extensionId);
  await page.locator('#pauseWaitMin').fill('11');
  await page.locator('#pauseWaitMin').press('Tab');
  await expect(page.getByTestId('pauseWaitMin-error')).toBeVisible();
  await page.locator('#pauseWaitMin').fill('0');
  await page.locator('#pauseWaitMin').press('Tab');
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.pauseWaitMin).toBe(0);

  await page.getByTestId('call-site-host').fill('not a host');
  await page.getByTestId('call-site-add').click();
  await expect(page.getByTestId('call-site-host-error')).toHaveText('Enter a host name such as meet.example.org.');
  await page.getByTestId('call-site-host').fill('https://Talk.Example.org/room/1');
  await page.getByTestId('call-site-add').click();
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.callSites.own).toEqual(['talk.example.org']);
  await page.getByTestId('call-site-remove-talk.example.org').click();
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.callSites.own).toEqual([]);
  // Turned on: the browser asks (a prompt Playwright cannot answer); until it grants, nothing is on.
  await page.getByTestId('call-sites-enabled').click();
  await page.waitForTimeout(1000);
  expect((await storageGet<Stored>(control, 'settings'))?.callSites.enabled).toBe(false);
  expect(await control.evaluate(async () => (await chrome.permissions.getAll()).origins)).toEqual([]);
});
