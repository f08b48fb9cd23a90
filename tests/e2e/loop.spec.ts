import { expect, test } from './support/fixtures';
import { historyRows, notificationIds, sendMessage, setSettings, stopServiceWorker, storageGet, waitForPrompt } from './support/ext';
import { BreakPage, OptionsPage, PopupPage } from './support/pages';
import { clearOfMidnight } from '../midnight';
import { watchWorkerStarts } from './support/worker-cdp';
import { countShownPrompts } from './support/shown';

test('the popup shows a live countdown to the next break', async ({ context, extensionId, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 600, lengthSec: 120 } });
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.countdown).toHaveText(/^\d{1,2}:\d\d$/);
  const first = await popup.countdown.textContent();
  await expect(popup.countdown).not.toHaveText(first!, { timeout: 3000 });
  const [m, s] = (await popup.countdown.textContent())!.split(':').map(Number) as [number, number];
  expect(m * 60 + s).toBeGreaterThan(590 - 30);
  expect(m * 60 + s).toBeLessThanOrEqual(600);
  await expect(popup.todayCount).toHaveText('0');
  await expect(popup.streak).toHaveText('0');
});

test('the whole loop: prompt -> break page -> history -> popup count and streak', async ({ context, extensionId, control }) => {
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // today's figures are read below
  await setSettings(control, { stretch: { enabled: true, everySec: 5, lengthSec: 2 } });
  const prompt = await waitForPrompt(control);
  expect(prompt.id).toMatch(/^prompt:stretch-\d+:snooze$/);
  // Nothing more for this test: one prompt at a time, and no new ones while we act.
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.startDue).toBeVisible();
  await popup.startDue.click();

  const brk = await BreakPage.waitFor(context);
  await expect(brk.title).not.toBeEmpty();
  await expect(brk.stepIndex).toHaveText(/Step 1 of \d+/);
  await expect(brk.page.getByText('not medical advice')).toBeVisible();
  expect(await notificationIds(control)).toEqual([]);
  await brk.done.click();
  await expect(brk.endToday).toHaveText('1');
  await expect(brk.endTodayLabel).toHaveText('break today');
  await expect(brk.endTodayLabel).not.toHaveAttribute('aria-hidden', 'true'); // read with the number

  const rows = await historyRows(control);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: prompt.breakId, kind: 'stretch', outcome: 'completed' });
  expect(rows[0]!.routineId).toMatch(/^[a-z0-9-]+$/);

  const popup2 = await PopupPage.open(context, extensionId);
  await expect(popup2.todayCount).toHaveText('1');
  await expect(popup2.streak).toHaveText('1');
});

test('a stopped service worker still prompts on time, once', async ({ context, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  const shown = await countShownPrompts(control);
  const sw = await watchWorkerStarts(context, control);
  // Desk time has counted since install, a moment ago: a 12 s interval falls due within 12 s.
  const t0 = Date.now();
  await setSettings(control, { stretch: { enabled: true, everySec: 12, lengthSec: 2 } });
  await control.waitForTimeout(4000);
  await stopServiceWorker(context, control);
  expect(await notificationIds(control)).toEqual([]);

  const prompt = await waitForPrompt(control, { timeoutMs: 25_000 });
  // It came no later than 5 s after it was due, and it was due about 12 s after we started.
  expect(prompt.seenAt - prompt.dueAt).toBeLessThan(5000);
  expect(prompt.dueAt - t0).toBeLessThan(13_000);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });

  const tracker = await storageGet<{ phase: { name: string; brk: { id: string } } }>(control, 'tracker');
  expect(tracker?.phase).toMatchObject({ name: 'due', brk: { id: prompt.breakId } });
  // Stop it again while the prompt is open, and wake it (the popup opened): the new worker must
  // not prompt a second time. Counted as shown (a second show under the same id would replace the
  // first on screen, and pop up again).
  await stopServiceWorker(context, control);
  const starts = sw.starts();
  expect(await sendMessage(control, { type: 'popup/get' })).toMatchObject({ ok: true });
  await expect.poll(() => sw.starts(), { message: 'the worker started again' }).toBeGreaterThan(starts);
  await control.waitForTimeout(1500);
  expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([prompt.id]);
  expect(await shown.all()).toEqual([prompt.breakId]);
  expect(await historyRows(control)).toEqual([]);
  await sw.close();
});

test('options validate input, keep the stored value, and apply valid changes live', async ({ context, extensionId, control }) => {
  const options = await OptionsPage.open(context, extensionId);
  const before = await storageGet(control, 'settings');
  for (const bad of ['0', '-5', 'abc', '99999', '']) {
    await options.setField('stretch.everyMin', bad);
    await expect(options.error('stretch.everyMin')).toBeVisible();
    await expect(options.field('stretch.everyMin')).toHaveAttribute('aria-invalid', 'true');
    expect(await storageGet(control, 'settings')).toEqual(before);
  }
  await expect(options.error('stretch.everyMin')).toHaveText(/Enter a number/);
  await options.setField('stretch.everyMin', '45');
  await expect(options.error('stretch.everyMin')).toHaveCount(0);
  await expect(options.saved).toHaveText('Saved');
  const after = await storageGet<{ stretch: { everySec: number } }>(control, 'settings');
  expect(after?.stretch.everySec).toBe(45 * 60);

  // Posture checks (every 20 min) come first by default: switch them off, then the stretch
  // break 45 minutes out is the next one.
  await options.page.getByTestId('micro-enabled').uncheck();
  await expect.poll(async () => (await storageGet<{ micro: { enabled: boolean } }>(control, 'settings'))?.micro.enabled).toBe(false);
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.countdown).toHaveText(/^4[0-5]:\d\d$/);
  await expect(popup.nextWhy).toContainText('Stretch break');
});

test('prompts that open the break window directly (no notification) wait for its Start, then play the break', async ({ context, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, prompts: { notification: false, openWindow: true } });
  const brk = await BreakPage.waitFor(context);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  // The window is the prompt: nothing plays (nor counts) before Start.
  await expect(brk.page.getByTestId('break-prompt')).toBeVisible();
  await expect(brk.title).toHaveCount(0);
  await brk.page.getByTestId('prompt-start').click();
  await expect(brk.title).not.toBeEmpty();
  await expect(brk.page.getByTestId('break-gone')).toHaveCount(0);
  expect(await notificationIds(control)).toEqual([]);
  await brk.done.click();
  await expect(brk.end).toBeVisible();
  expect(await historyRows(control)).toEqual([expect.objectContaining({ kind: 'stretch', outcome: 'completed', manual: false })]);
});

test('the popup draws the cached status at once, and a misleading one is replaced by the background’s answer', async ({ context, extensionId, control }) => {
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // a snapshot is drawn only on the day it was taken
  await setSettings(control, { stretch: { enabled: true, everySec: 600, lengthSec: 120 } });
  await sendMessage(control, { type: 'popup/get' }); // the background writes the snapshot
  // Make the snapshot lie, convincingly: paused, 7 breaks today, and still valid for an hour.
  await control.evaluate(async () => {
    const session = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.session;
    const snap = (await session.get('statusSnapshot')).statusSnapshot as {
      data: { status: { tracker: { paused: unknown; next: unknown }; today: { taken: number } }; validUntil: number };
    };
    snap.data.status.tracker.paused = { until: null };
    snap.data.status.tracker.next = null;
    snap.data.status.today.taken = 7;
    snap.data.validUntil = Date.now() + 3600_000;
    await session.set({ statusSnapshot: snap });
  });
  // With the worker stopped, the answer takes a worker start: the snapshot is surely drawn first.
  await stopServiceWorker(context, control);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const main = document.querySelector('main');
      // Paused shows no countdown (the first frame, entrypoints/popup/first-frame.ts, has no pause control to look at).
      const s = main ? `${main.getAttribute('data-source')}:${document.querySelector('[data-testid="countdown"]') ? 'running' : 'paused'}:${document.querySelector('[data-testid="today-count"]')?.textContent}` : '';
      if (s && seen[seen.length - 1] !== s) seen.push(s);
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const popup = new PopupPage(page);
  await expect(page.locator('main')).toHaveAttribute('data-source', 'fresh');
  await expect(page.getByTestId('resume')).toHaveCount(0);
  await expect(popup.countdown).toHaveText(/^\d{1,2}:\d\d$/);
  await expect(popup.todayCount).toHaveText('0');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  const seen = await page.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
  const late = await page.evaluate(() => performance.getEntriesByName('limber:snapshot-late').length > 0);
  // First drawn: the snapshot, whole (no empty frame before it); then the answer.
  expect(seen[0], late ? 'the snapshot read took longer than the popup waits for it (main.tsx SNAPSHOT_WAIT_MS)' : undefined).toBe('snapshot:paused:7');
  expect(seen[seen.length - 1]).toBe('fresh:running:0');
});

test('a popup left open asks the background again, once, when what it shows stops holding (past midnight), and not before', async ({ context, extensionId, control }) => {
  // The worker's clock is real: its answer holds until its midnight at the latest, which must not come in the 3 s below.
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms));
  await setSettings(control, { stretch: { enabled: true, everySec: 600, lengthSec: 120 } });
  const page = await context.newPage();
  // The page's clock is Playwright's (it flows as usual until fast-forwarded); the worker's is real.
  await page.clock.install();
  await page.addInitScript(() => {
    const g = globalThis as unknown as { __asks: number; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    g.__asks = 0;
    const send = g.chrome.runtime.sendMessage.bind(g.chrome.runtime);
    g.chrome.runtime.sendMessage = (m: unknown) => {
      if ((m as { type?: string }).type === 'popup/get') g.__asks++;
      return send(m);
    };
  });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('main')).toHaveAttribute('data-source', 'fresh');
  const asks = () => page.evaluate(() => (globalThis as unknown as { __asks: number }).__asks);
  const first = await asks();
  expect(first).toBeGreaterThanOrEqual(1);
  // The countdown ticks each second; nothing else is asked while the day lasts.
  await page.clock.runFor(3000);
  await page.waitForTimeout(300);
  expect(await asks()).toBe(first);
  // Past the popup's local midnight: asked again.
  const toMidnight = await page.evaluate(() => {
    const d = new Date();
    d.setHours(24, 0, 0, 0);
    return d.getTime() - Date.now();
  });
  await page.clock.fastForward(toMidnight + 2000);
  await expect.poll(asks).toBeGreaterThan(first);
  // Once: the worker's answer (its clock is still today) holds until the same moment, so the
  // popup does not ask again, though its own clock says that moment has passed.
  await page.waitForTimeout(2500);
  expect(await asks()).toBe(first + 1);
});
