/**
 * Real idle in Chromium (issue #14): the production build in a visible Chromium on a virtual X
 * display, with real input from xdotool (Playwright's own mouse is no OS input for chrome.idle).
 * Every figure is measured against the person's own actions: when input stopped and resumed, and
 * the interval the settings give; never against what Limber itself computed.
 * Run: `xvfb-run -a -s "-screen 0 1280x800x24" npx playwright test -c playwright.display.config.ts`.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { notificationIds, sendMessage, setSettings, waitForPrompt } from '../e2e/support/ext';
import { PopupPage } from '../e2e/support/pages';
import { popupAside } from '../e2e/support/holds';
import { idleEvents, Input, launchHeaded, recordIdleEvents, requireDisplay } from './support/display';
import { clearOfMidnight } from '../midnight';

/** A history row as stored (only the fields read here). */
interface Row { id: string; kind: string; outcome: string; dueAt: number; deskMs: number }

declare const chrome: { windows: { getAll(o: object): Promise<{ type?: string; tabs?: { url?: string }[] }[]> } };

interface Fixtures { input: Input; context: BrowserContext; extensionId: string; control: Page }

const test = base.extend<Fixtures>({
  // Input runs from before the browser starts, as for a person at work (a fresh Xvfb has been
  // idle since it started).
  input: async ({}, use) => {
    requireDisplay();
    const input = new Input(2000);
    input.start();
    await use(input);
    input.stop();
  },
  context: async ({ input }, use) => {
    void input;
    const dir = mkdtempSync(path.join(tmpdir(), 'limber-display-'));
    const context = await launchHeaded(dir);
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const w = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    await use(new URL(w.url()).host);
  },
  control: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await use(page);
  },
});

async function rows(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const req = indexedDB.open('limber');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('breaks')) return resolve([]);
          const all = db.transaction('breaks').objectStore('breaks').getAll();
          all.onsuccess = () => resolve(all.result as Row[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function breakWindowOpen(page: Page): Promise<boolean> {
  return page.evaluate(async () => (await chrome.windows.getAll({ populate: true })).some((w) => w.tabs?.some((t) => t.url?.includes('/break.html'))));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Desk time from zero at a moment the test knows, whenever the browser started counting: the
 * person pauses reminders for longer than a stretch break (5 s here) and resumes them, which
 * starts desk time afresh (README "How the timer decides"). Returns when the resume was sent and
 * when it was answered: desk time counts from between the two.
 */
async function freshDesk(control: Page): Promise<{ from: number; to: number }> {
  await sendMessage(control, { type: 'pause/set', choice: 'indefinite' });
  await sleep(5_500);
  const from = Date.now();
  await sendMessage(control, { type: 'pause/resume' });
  return { from, to: Date.now() };
}
const at = (ms: number, t0: number) => `${((ms - t0) / 1000).toFixed(1)} s`;

test('natural break: input stops, the idle event comes after "away after", the pause is credited and desk time restarts', async ({ input, context, extensionId, control }) => {
  await clearOfMidnight(150_000, (ms) => test.setTimeout(test.info().timeout + ms)); // today's count is read at the end
  // A stretch break every 46 s of desk time: input stops after 26 s (over half of it, so the
  // natural break is worth recording), and the interval is not full when the idle event comes.
  const EVERY = 46;
  await setSettings(control, { idleSec: 15, pauseWaitMin: 0, stretch: { enabled: true, everySec: EVERY, lengthSec: 5 } });
  await recordIdleEvents(control);
  const desk = await freshDesk(control);

  await sleep(desk.to + 26_000 - Date.now());
  const stoppedAt = input.stop();

  // The browser's own idle event, "away after" (15 s) after the last real input.
  await expect.poll(async () => (await idleEvents(control)).find((e) => e.state === 'idle'), { timeout: 25_000, intervals: [200] }).toBeTruthy();
  const idleAt = (await idleEvents(control)).find((e) => e.state === 'idle')!.at;
  console.log(`idle event ${at(idleAt, stoppedAt)} after input stopped`);
  expect(idleAt - stoppedAt).toBeGreaterThanOrEqual(14_500);
  expect(idleAt - stoppedAt).toBeLessThan(18_000);

  // Back at the desk after 20 s away (longer than the 5-s break): the pause is a natural break.
  await sleep(stoppedAt + 20_000 - Date.now());
  expect(await notificationIds(control), 'no break fell due before the return').toEqual([]);
  const resumedAt = input.start();
  await expect.poll(async () => (await rows(control)).length, { timeout: 10_000 }).toBe(1);
  const [row] = await rows(control);
  console.log(`natural row: away from ${at(row!.dueAt, stoppedAt)} after input stopped, desk ${row!.deskMs} ms (input ran ${at(stoppedAt, desk.to)}-${at(stoppedAt, desk.from)})`);
  expect(row).toMatchObject({ kind: 'stretch', outcome: 'natural' });
  // Away from when input stopped (the idle delay taken back), not from the idle event. Limber can
  // only take back "away after" from when the event came: the browser's own lateness (its idle
  // polling, measured above) is allowed for, no more.
  const late = Math.max(0, idleAt - stoppedAt - 15_000);
  expect(row!.dueAt - stoppedAt).toBeGreaterThan(-1_000);
  expect(row!.dueAt - stoppedAt).toBeLessThan(late + 1_500);
  // The desk time it ended is the input before it, no more (not the 15 s until the idle event).
  expect(row!.deskMs).toBeGreaterThanOrEqual(stoppedAt - desk.to - 1_000);
  expect(row!.deskMs).toBeLessThanOrEqual(stoppedAt - desk.from + late + 1_000);

  // The popup counts it, and desk time starts again from the return: a whole interval to go.
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.todayCount).toHaveText('1');
  const text = (await popup.countdown.textContent()) ?? '';
  const readAt = Date.now();
  const [m, sec] = text.split(':').map(Number);
  const leftMs = (m! * 60 + sec!) * 1000;
  const expected = EVERY * 1000 - (readAt - resumedAt);
  console.log(`popup ${text} to the next break, ${at(readAt, resumedAt)} after input resumed (interval ${EVERY} s)`);
  expect(Math.abs(leftMs - expected)).toBeLessThan(3_000);
});

test('natural stopping point: a due break waits while input goes on, and comes within seconds of the pause', async ({ input, context, extensionId, control }) => {
  const EVERY = 20;
  const WAIT_MIN = 1; // the smallest pause wait the options allow, besides 0 (= at once)
  // "away after" at its default (60 s): the wait lowers detection to 15 s.
  await setSettings(control, { idleSec: 60, pauseWaitMin: WAIT_MIN, stretch: { enabled: true, everySec: EVERY, lengthSec: 5 } });
  const desk = await freshDesk(control);
  const dueBy = desk.to + EVERY * 1000;

  // The break falls due EVERY s after the fresh start; input goes on 15 s past that, well before
  // the bound (a minute after it fell due).
  while (Date.now() < dueBy + 15_000) {
    expect(await notificationIds(control), 'no prompt while input goes on').toEqual([]);
    expect(await breakWindowOpen(control), 'no break window while input goes on').toBe(false);
    await sleep(500);
  }
  // The person can see why: the popup says the break waits for a pause. Opened in a window of
  // its own that takes no focus, as the real popup changes no tab (as a tab, it would be a tab
  // switch, which ends the wait too).
  const popup = await popupAside(context, control, extensionId);
  // ("... or tab switch" too when a tab was in view as it fell due.)
  await expect(popup.getByTestId('next-why')).toContainText('Break at your next pause in typing');
  await popup.close();

  const stoppedAt = input.stop();
  const boundAt = desk.from + (EVERY + WAIT_MIN * 60) * 1000;
  expect(boundAt - stoppedAt, 'the bound is far enough that only the pause can explain a prompt now').toBeGreaterThan(25_000);
  const prompt = await waitForPrompt(control, { timeoutMs: 30_000 });
  console.log(`prompt ${at(prompt.seenAt, stoppedAt)} after input paused (lowered idle interval 15 s; the bound ${at(boundAt, stoppedAt)} after)`);
  // The lowered idle interval (15 s) marks the pause; the prompt follows within a few seconds.
  expect(prompt.seenAt - stoppedAt).toBeGreaterThanOrEqual(14_500);
  expect(prompt.seenAt - stoppedAt).toBeLessThan(21_000);
  // A pause is not time away: nothing was credited.
  expect(await rows(control)).toEqual([]);
});

test('sitting still: a fullscreen window while input stops is not time away: desk time goes on, no natural break', async ({ input, control }) => {
  // Input stops after 28 s of desk time (over half the interval: a natural break would be
  // recorded), and the interval is full only after the idle event.
  const EVERY = 50;
  // Holds off, so that the break comes when due even in fullscreen; "away after" at its minimum.
  await setSettings(control, { idleSec: 15, pauseWaitMin: 0, hold: { enabled: false, maxMin: 30 }, stretch: { enabled: true, everySec: EVERY, lengthSec: 5 } });
  await recordIdleEvents(control);
  // The person watches something fullscreen (the focused window, as the F11 key would).
  const state = await control.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { windows: { getCurrent(): Promise<{ id: number }>; update(id: number, u: object): Promise<{ state: string; focused: boolean }> } } }).chrome;
    const w = await c.windows.getCurrent();
    return c.windows.update(w.id, { state: 'fullscreen', focused: true });
  });
  expect(state).toMatchObject({ state: 'fullscreen', focused: true });
  const desk = await freshDesk(control);

  await sleep(desk.to + 28_000 - Date.now());
  const stoppedAt = input.stop();
  await expect.poll(async () => (await idleEvents(control)).find((e) => e.state === 'idle'), { timeout: 25_000, intervals: [200] }).toBeTruthy();
  const idleAt = (await idleEvents(control)).find((e) => e.state === 'idle')!.at;
  console.log(`idle event ${at(idleAt, stoppedAt)} after input stopped`);

  // Desk time goes on through the stillness: the break comes when the interval is full, after
  // the idle event, with still no input.
  const prompt = await waitForPrompt(control, { timeoutMs: desk.to + (EVERY + 10) * 1000 - Date.now() });
  console.log(`prompt ${at(prompt.seenAt, stoppedAt)} after input stopped, ${at(prompt.seenAt, desk.from)} after desk time started (interval ${EVERY} s)`);
  expect(prompt.seenAt).toBeGreaterThan(idleAt);
  expect(prompt.seenAt).toBeGreaterThanOrEqual(desk.from + EVERY * 1000 - 1_000);
  expect(prompt.seenAt).toBeLessThan(desk.to + EVERY * 1000 + 6_000);
  expect(input.last, 'no input since it stopped').toBe(stoppedAt);

  // Back: nothing is credited as a natural break.
  input.start();
  await sleep(3_000);
  expect(await rows(control)).toEqual([]);
});
