/**
 * The popup's first frame (entrypoints/popup-early.ts, entrypoints/popup/first-frame.ts): drawn
 * from the background's snapshot before Preact loads, taken over by Preact without moving or
 * redrawing what it showed, and never drawn from a snapshot that no longer holds.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { sendMessage, setSettings, stopServiceWorker, waitForPrompt } from './support/ext';
import { clearOfMidnight } from '../midnight';
import { shot } from './support/shots';

type Session = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
interface Snap {
  data: { status: { now: number; today: { taken: number } }; validUntil: number };
}

/**
 * Rewrites the snapshot the background wrote, in its page (`control`): today's count, and its
 * validUntil and the moment it was taken, relative to now (ms; `takenYesterday`: this time of day yesterday).
 */
async function editSnapshot(control: Page, edit: { taken?: number; validFor: number; takenIn?: number; takenYesterday?: boolean }): Promise<void> {
  await control.evaluate(async (e) => {
    const session = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage.session;
    const snap = (await session.get('statusSnapshot')).statusSnapshot as Snap;
    if (e.taken !== undefined) snap.data.status.today.taken = e.taken;
    snap.data.validUntil = Date.now() + e.validFor;
    if (e.takenIn !== undefined) snap.data.status.now = Date.now() + e.takenIn;
    if (e.takenYesterday) {
      const d = new Date();
      d.setDate(d.getDate() - 1);
      snap.data.status.now = d.getTime();
    }
    await session.set({ statusSnapshot: snap });
  }, edit);
}

/**
 * Before the popup's scripts: every state of the popup as it changes (where its data came from
 * and today's count), the today-count element first drawn, and the layout shifts Chromium reports.
 */
async function watch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = { seen: [] as string[], firstCount: null as Element | null, shift: 0, shifts: [] as string[], countPaint: NaN, frames: [] as number[] };
    (globalThis as unknown as { __w: typeof w }).__w = w;
    // When the browser ran its animation frames (each is followed by that frame's paint).
    const frame = () => {
      w.frames.push(performance.now());
      if (w.frames.length < 600) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver(() => {
      const main = document.querySelector('main');
      const count = document.querySelector('[data-testid="today-count"]');
      if (count && !w.firstCount) {
        w.firstCount = count;
        count.setAttribute('elementtiming', 'count');
      }
      const s = main ? `${main.getAttribute('data-source')}:${count?.textContent}` : '';
      if (s && w.seen[w.seen.length - 1] !== s) w.seen.push(s);
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
        if (e.hadRecentInput) continue;
        w.shift += e.value;
        for (const src of e.sources) w.shifts.push(`${(src.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? src.node?.nodeName}: ${JSON.stringify(src.previousRect)} -> ${JSON.stringify(src.currentRect)}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as Array<PerformanceEntry & { renderTime: number }>) if (Number.isNaN(w.countPaint)) w.countPaint = e.renderTime;
    }).observe({ type: 'element', buffered: true });
  });
}

const result = (page: Page) =>
  page.evaluate(() => {
    const w = (globalThis as unknown as { __w: { seen: string[]; firstCount: Element | null; shift: number; shifts: string[]; countPaint: number; frames: number[] } }).__w;
    const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    return {
      seen: w.seen,
      shift: w.shift,
      shifts: w.shifts,
      sameNode: w.firstCount === document.querySelector('[data-testid="today-count"]'),
      firstFrame: mark('limber:first-frame'),
      rendered: mark('limber:rendered'),
      countPaint: w.countPaint,
      frames: w.frames,
    };
  });

test.beforeEach(async ({ control }) => {
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // a snapshot is drawn only on the day it was taken
  await setSettings(control, { stretch: { enabled: true, everySec: 600, lengthSec: 120 } });
  await sendMessage(control, { type: 'popup/get' }); // the background writes the snapshot
});

test('the first frame is drawn from the snapshot before Preact, which takes it over without moving anything', async ({ context, extensionId, control }) => {
  // The snapshot as the background wrote it (so that the answer changes nothing on screen), held
  // for an hour so that a slow machine cannot outlive it.
  await editSnapshot(control, { validFor: 3600_000 });
  await stopServiceWorker(context, control);
  const page = await context.newPage();
  await watch(page);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('main')).toHaveAttribute('data-source', 'fresh');
  await expect(page.getByTestId('today-count')).toHaveText('0');
  const r = await result(page);
  // Drawn by the early script (its mark), before Preact rendered, from the snapshot.
  expect(r.firstFrame).toBeLessThan(r.rendered);
  // The browser had a frame to paint it in before Preact rendered (the framework does not hold that paint back).
  const between = r.frames.filter((t) => t > r.firstFrame && t < r.rendered);
  expect(between.length, `frames ${r.frames.map((t) => t.toFixed(0)).join(' ')}; first frame ${r.firstFrame.toFixed(0)}, rendered ${r.rendered.toFixed(0)}`).toBeGreaterThan(0);
  expect(r.seen[0]).toBe('snapshot:0');
  expect(r.seen[r.seen.length - 1]).toBe('fresh:0');
  // Preact kept the element it found (no redraw), and nothing on screen moved.
  expect(r.sameNode).toBe(true);
  expect(r.shift, JSON.stringify(r.shifts)).toBe(0);
  // The first frame and the final popup speak the same language, with the document's title set.
  await expect(page).toHaveTitle(/\S/);
  expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
});

test('the one-time update line, known only after its own read, comes below the first frame: nothing moves', async ({ context, extensionId, control }) => {
  await editSnapshot(control, { validFor: 3600_000 });
  // What the background stores after an update (lib/engine/lifecycle.ts); read by the popup itself.
  await control.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ whatsNew: '9.8.7' }));
  const page = await context.newPage();
  await watch(page);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('whats-new')).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('data-source', 'fresh');
  const r = await result(page);
  expect(r.seen[0]).toBe('snapshot:0');
  expect(r.shift, JSON.stringify(r.shifts)).toBe(0);
  await shot(page, { path: test.info().outputPath('popup-updated.png'), fullPage: true });
});

test('strict mode, a prompt open, then Pause: the first frame says the break waits out the pause, and Preact takes that over unchanged and unmoved', async ({ context, extensionId, control }) => {
  // Strict mode: a pause does not skip the open prompt; its break waits out the pause.
  await setSettings(control, { strict: true, stretch: { enabled: true, everySec: 5, lengthSec: 120 } });
  await waitForPrompt(control);
  expect(await sendMessage(control, { type: 'pause/set', choice: '1h' })).toMatchObject({ ok: true });
  await sendMessage(control, { type: 'popup/get' });
  await editSnapshot(control, { validFor: 3600_000 });
  await stopServiceWorker(context, control);
  const page = await context.newPage();
  await watch(page);
  // The next-break section's lines as the first frame drew them, and their elements.
  await page.addInitScript(() => {
    const g = globalThis as unknown as { __first: { lines: string[]; els: Element[] } | null };
    g.__first = null;
    new MutationObserver(() => {
      const section = document.querySelector('main[data-source="snapshot"] [data-testid="next-break"]');
      if (g.__first || !section) return;
      const els = Array.from(section.children);
      g.__first = { lines: els.map((e) => `${e.tagName} ${e.getAttribute('class') ?? ''}: ${e.textContent}`), els };
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('main')).toHaveAttribute('data-source', 'fresh');
  await expect(page.getByTestId('resume')).toBeVisible();
  const lines = [/^H2 muted small: Break reminders$/, /^P why-big: Paused until .+$/, /^P muted small: Stretch break waits for the end of the pause$/];
  const drawn = await page.evaluate(() => {
    const first = (globalThis as unknown as { __first: { lines: string[]; els: Element[] } | null }).__first;
    const els = Array.from(document.querySelectorAll('[data-testid="next-break"] > *'));
    return { first: first?.lines ?? null, now: els.map((e) => `${e.tagName} ${e.getAttribute('class') ?? ''}: ${e.textContent}`), same: first !== null && first.els.every((e, i) => e === els[i]) };
  });
  expect(drawn.first).toEqual(lines.map((l) => expect.stringMatching(l)));
  expect(drawn.now).toEqual(drawn.first);
  // Preact kept the first frame's elements, and nothing on screen moved.
  expect(drawn.same).toBe(true);
  const r = await result(page);
  expect(r.seen[0]).toBe('snapshot:0');
  expect(r.shift, JSON.stringify(r.shifts)).toBe(0);
  await page.setViewportSize({ width: 340, height: 600 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await shot(page, { path: test.info().outputPath(`popup-paused-break-waits-${colorScheme}.png`), fullPage: true });
  }
});

// A snapshot that no longer holds, each with a count only it has (7).
const lies = {
  'past its validUntil': { taken: 7, validFor: -1000 },
  // Still "valid" by its validUntil, but taken yesterday (a clock or zone change since).
  'taken yesterday': { taken: 7, validFor: 3600_000, takenYesterday: true },
  'taken in the future': { taken: 7, validFor: 3600_000, takenIn: 600_000 },
};
for (const [lie, edit] of Object.entries(lies)) {
  test(`a snapshot ${lie} is never drawn`, async ({ context, extensionId, control }) => {
    await editSnapshot(control, edit);
    await stopServiceWorker(context, control);
    const page = await context.newPage();
    await watch(page);
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.locator('main')).toHaveAttribute('data-source', 'fresh');
    await expect(page.getByTestId('today-count')).toHaveText('0');
    const r = await result(page);
    // (The background itself may republish the lie a moment later, as 'fresh': it keeps the
    // snapshot's Today part between history reads. Only the snapshot's own drawing matters here.)
    expect(r.seen.filter((s) => s === 'snapshot:7')).toEqual([]);
    expect(Number.isNaN(r.firstFrame)).toBe(true);
  });
}
