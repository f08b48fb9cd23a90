/**
 * Issue #14, item 1 in real Firefox (production build), where Firefox supports it: a fullscreen
 * window holds a due break (and one whose postpone ends in it) (Firefox applies windows.update to 'fullscreen' headless, and reports
 * it), and the call sites' opt-in.
 *
 * Firefox differences:
 * - Sound: headless Firefox never reports a tab as audible (measured with 153 ESR: a playing
 *   <audio> leaves tabs.query({ audible: true }) empty; the same under Xvfb with a window, which
 *   also ignores fullscreen there), so sound holds are tested in real Chromium
 *   (tests/e2e-display/sound.spec.ts) and here at the API boundary, `audible` stubbed in the event
 *   page (sound.spec.ts).
 * - Windows start 'maximized', not 'normal'; leaving fullscreen here goes back to 'maximized'.
 * - The opt-in, granted, is the browser's own: Firefox's pref
 *   extensions.webextOptionalPermissionPrompts = false grants what permissions.request asks without
 *   a prompt, so the grant and the removal are real. Refused has no such pref: the page's
 *   `browser.permissions.request` is replaced by a stub answering false (the rest is real).
 * - The popup is opened as a tab of the same window: a fullscreen hold is about the window.
 */
import type { Page } from 'puppeteer-core';
import { notificationIds, sendMessage, setSettings, storageGet, waitForPrompt } from './support/ext';
import { expect, test } from './support/fixtures';
import { gotoExt } from './support/firefox';
// The same hold settings, settle and slack as the Chromium hold tests.
import { HOLD, MIN, SETTLE_MS, SLACK_MS } from '../e2e/support/holds';

declare const browser: {
  windows: { getLastFocused(): Promise<{ id: number; state: string }>; update(id: number, u: object): Promise<unknown> };
  permissions: { getAll(): Promise<{ origins?: string[] }>; request(q: { origins: string[] }): Promise<boolean> };
};
type Tracker = { deferredSince: number | null; heldBy: string | null };
type Stored = { callSites: { enabled: boolean; own: string[] } };

const SITES = ['https://meet.google.com/*', 'https://*.zoom.us/*', 'https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*', 'https://teams.live.com/*', 'https://*.webex.com/*', 'https://meet.jit.si/*', 'https://whereby.com/*'];
const REFUSED = 'The browser did not give the permission. Try again and choose Allow.';

const tracker = async (control: Page) => (await storageGet<Tracker>(control, 'tracker'))!;
const why = (popup: Page) => popup.$eval('[data-testid="next-why"]', (e) => e.textContent).catch(() => null);
const hhmm = (page: Page, at: number) => page.evaluate((t) => new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(t), at);

test('a fullscreen window holds a due break; leaving fullscreen lets it come a settle later', async ({ ff, control }) => {
  test.setTimeout(90_000);
  const win = await control.evaluate(async () => (await browser.windows.getLastFocused()).id);
  await control.evaluate((id) => browser.windows.update(id, { state: 'fullscreen' }), win);
  await expect.poll(() => control.evaluate(async () => (await browser.windows.getLastFocused()).state)).toBe('fullscreen');
  // "Away after" 10 min (in HOLD): Firefox's idle is real (no input comes after the start), and a
  // person idle when the fullscreen ends is away from then (README), so a 2 s break would be
  // credited as natural.
  await setSettings(control, HOLD);
  await expect.poll(async () => (await tracker(control)).heldBy, { timeout: 20_000 }).toBe('fullscreen');
  expect(await notificationIds(control)).toEqual([]);
  const popup = await ff.open('popup.html');
  const until = await hhmm(popup, (await tracker(control)).deferredSince! + HOLD.hold.maxMin * MIN);
  await expect.poll(() => why(popup)).toBe(`Waiting: a window is fullscreen — at the latest ${until}`);

  await control.evaluate((id) => browser.windows.update(id, { state: 'maximized' }), win);
  await expect.poll(() => control.evaluate(async () => (await browser.windows.getLastFocused()).state)).toBe('maximized');
  const ended = Date.now();
  await gotoExt(popup, 'popup.html'); // opening the popup makes Limber look (page.reload waits for a load event forever here)
  await expect.poll(() => why(popup)).toMatch(/^Break in a moment, once you have wrapped up — at the latest /);
  const prompt = await waitForPrompt(control, { timeoutMs: SETTLE_MS + 20_000 });
  expect(prompt.seenAt - ended).toBeGreaterThanOrEqual(SETTLE_MS);
  expect(prompt.seenAt - ended).toBeLessThanOrEqual(SETTLE_MS + SLACK_MS);
});

test("a postponed break whose postpone ends in fullscreen is held, its bound from the postpone's end", async ({ ff, control }) => {
  test.setTimeout(90_000);
  // Postpones of 8 s through the developer switch (Options offers whole minutes).
  await setSettings(control, { ...HOLD, snoozeSec: 8 });
  const prompt = await waitForPrompt(control);
  expect(await sendMessage(control, { type: 'break/snooze', breakId: prompt.breakId })).toMatchObject({ ok: true });
  const win = await control.evaluate(async () => (await browser.windows.getLastFocused()).id);
  await control.evaluate((id) => browser.windows.update(id, { state: 'fullscreen' }), win);
  await expect.poll(() => control.evaluate(async () => (await browser.windows.getLastFocused()).state)).toBe('fullscreen');
  await expect.poll(async () => (await tracker(control)).heldBy, { timeout: 20_000 }).toBe('fullscreen');
  const { deferredSince } = await tracker(control);
  expect(deferredSince).toBeGreaterThanOrEqual(prompt.seenAt + 8_000);
  expect(await notificationIds(control)).toEqual([]);
  const popup = await ff.open('popup.html');
  await expect.poll(() => why(popup)).toBe(`Waiting: a window is fullscreen — at the latest ${await hhmm(popup, deferredSince! + HOLD.hold.maxMin * MIN)}`);
  await control.evaluate((id) => browser.windows.update(id, { state: 'maximized' }), win);
  await expect.poll(() => control.evaluate(async () => (await browser.windows.getLastFocused()).state)).toBe('maximized');
  const ended = Date.now();
  await gotoExt(popup, 'popup.html'); // opening the popup makes Limber look
  const again = await waitForPrompt(control, { timeoutMs: SETTLE_MS + 20_000 });
  expect(again.breakId).toBe(prompt.breakId);
  expect(again.seenAt - ended).toBeGreaterThanOrEqual(SETTLE_MS);
  expect(again.seenAt - ended).toBeLessThanOrEqual(SETTLE_MS + SLACK_MS);
});

test.describe('the call sites opt-in', () => {
  test.use({ ffPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });

  const optionsAt = async (ff: { open(p: string): Promise<Page> }) => {
    const page = await ff.open('options.html');
    await page.waitForSelector('[data-testid="call-sites-enabled"]');
    return page;
  };
  const origins = (page: Page) => page.evaluate(async () => (await browser.permissions.getAll()).origins ?? []);
  // Undefined until the first save: a fresh profile has no stored settings yet.
  const stored = async (control: Page) => (await storageGet<Stored>(control, 'settings'))?.callSites;
  const checked = (page: Page) => page.$eval('[data-testid="call-sites-enabled"]', (e) => (e as HTMLInputElement).checked);

  test('granted by Firefox: exactly the call sites are granted, and turning off gives them back', async ({ ff, control }) => {
    expect(await origins(control)).toEqual([]);
    const page = await optionsAt(ff);
    await page.click('[data-testid="call-sites-enabled"]');
    await expect.poll(async () => (await stored(control))?.enabled).toBe(true);
    expect([...(await origins(control))].sort()).toEqual([...SITES].sort());
    await page.click('[data-testid="call-sites-enabled"]');
    await expect.poll(async () => (await stored(control))?.enabled).toBe(false);
    await expect.poll(() => origins(control)).toEqual([]);
    expect(await checked(page)).toBe(false);
  });

  test('refused (stubbed): the option stays off, says why, nothing saved or granted', async ({ ff, control }) => {
    const page = await optionsAt(ff);
    const asked = await page.evaluate(() => {
      const seen: string[][] = [];
      (window as unknown as { __asked: string[][] }).__asked = seen;
      browser.permissions.request = async (q) => (seen.push(q.origins), false);
      return seen.length;
    });
    expect(asked).toBe(0);
    const before = await storageGet(control, 'settings', 'sync');
    await page.click('[data-testid="call-sites-enabled"]');
    await expect.poll(() => page.$eval('[data-testid="call-sites-refused"]', (e) => e.textContent).catch(() => null)).toBe(REFUSED);
    expect(await page.evaluate(() => (window as unknown as { __asked: string[][] }).__asked)).toEqual([SITES]);
    expect(await checked(page)).toBe(false);
    expect(await storageGet(control, 'settings', 'sync')).toEqual(before);
    expect(await origins(control)).toEqual([]);
  });
});
