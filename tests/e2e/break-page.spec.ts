/**
 * The break page when there is no break for it (issue #13, defect 6): opened by hand without a
 * break id, left over from a break that is over, or with an id that is not one. It must say that no
 * break is waiting and offer to start one, and when the background does not answer it must say so
 * and offer to try again: never an endless "Loading…".
 *
 * Expected texts come from the English catalogue on disk (this Chromium runs in English).
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { BreakPage, openedPage } from './support/pages';
import { shot } from './support/shots';

const en = JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const text = (key: string) => en[key]!.message;

declare const chrome: { runtime: { sendMessage(...args: unknown[]): unknown } };

/** About the inside of the 460 x 700 break window (lib/platform/windows.ts), for the screenshots. */
const BREAK_VIEWPORT = { width: 460, height: 640 };

async function openBreakPage(page: Page, extensionId: string, query = ''): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/break.html${query}`);
}

/** The "no break is waiting" view, and nothing that says it is still loading. */
async function expectNoBreak(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('breakNoneTitle'));
  await expect(page.getByText(text('breakNoneHint'))).toBeVisible();
  await expect(page.getByRole('button', { name: text('actionStartBreakNow') })).toBeVisible();
  await expect(page.getByText(text('loading'))).toHaveCount(0);
  await expect(page.getByText(text('errBackground'))).toHaveCount(0);
}

test('opened without a break: it says none is waiting, and "Start a break now" plays one', async ({ context, extensionId }, testInfo) => {
  const page = await context.newPage();
  await page.setViewportSize(BREAK_VIEWPORT);
  await openBreakPage(page, extensionId);
  await expectNoBreak(page);
  // Keyboard users land on the message: the heading has the focus.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await shot(page, { path: testInfo.outputPath('break-page-no-break.png') });

  // Generous: on a busy machine the worker may first have to start, then open the window.
  const closed = page.waitForEvent('close', { timeout: 30_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('start-now')).toBeFocused();
  // Enter acts on key down and this page closes once the break starts: a whole press could find
  // the page gone at its key up (under load, "Target page ... has been closed").
  await page.keyboard.down('Enter');
  // The background starts a break and opens its break window, which plays it; this page goes.
  const player = await openedPage(context, (url) => /\/break\.html\?id=manual-\d+/.test(url), 30_000);
  const brk = new BreakPage(player);
  await expect(brk.title.or(brk.free)).toBeVisible();
  await expect(brk.done).toBeVisible();
  await closed;
});

for (const [what, query] of [
  ['a break that is over', '?id=stretch-1700000000000'],
  ['an id that is not a break id', '?id=Not%20an%20id!'],
  ['an empty id', '?id='],
] as const) {
  test(`opened for ${what}: it says none is waiting`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await openBreakPage(page, extensionId, query);
    await expectNoBreak(page);
  });
}

/**
 * Runs in the page before its scripts: messages to the background get no answer at all (they
 * hang, as with a stuck background) until the test sets window.__answer, or are refused at once
 * with window.__refuse (as Chrome does when no one listens).
 */
function backgroundSilent(): void {
  const flags = window as unknown as { __answer?: boolean; __refuse?: boolean };
  const runtime = chrome.runtime;
  const real = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (...args: unknown[]) => {
    if (flags.__answer) return real(...args);
    if (flags.__refuse) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    return new Promise(() => undefined);
  };
}

test('a background that does not answer: the page says so and offers to try again', async ({ context, extensionId }, testInfo) => {
  const page = await context.newPage();
  await page.addInitScript(backgroundSilent);
  await page.setViewportSize(BREAK_VIEWPORT);
  const opened = Date.now();
  await openBreakPage(page, extensionId, '?id=stretch-1700000000000');
  await expect(page.getByText(text('loading'))).toBeVisible();
  await expect(page.getByTestId('retry')).toHaveCount(0);
  // The page gives up after 8 s without an answer. (Real time: Playwright's page clock failed
  // to install now and then on this machine.)
  await expect(page.getByRole('alert')).toHaveText(text('errBackground'), { timeout: 20_000 });
  expect(Date.now() - opened, 'gave up after the 8 s wait, not before').toBeGreaterThanOrEqual(8_000);
  await expect(page.getByRole('button', { name: text('actionRetry') })).toBeVisible();
  await expect(page.getByText(text('loading'))).toHaveCount(0);
  await shot(page, { path: testInfo.outputPath('break-page-no-answer.png') });

  // The background answers again: "Try again" gets the real answer (that break is over).
  await page.evaluate(() => void ((window as unknown as { __answer: boolean }).__answer = true));
  await page.getByRole('button', { name: text('actionRetry') }).click();
  await expectNoBreak(page);
});

test('a refused connection is "not answering" too, at once; and so is a failed start', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.addInitScript(backgroundSilent);
  await page.addInitScript(() => void ((window as unknown as { __refuse: boolean }).__refuse = true));
  await openBreakPage(page, extensionId, '?id=stretch-1700000000000');
  await expect(page.getByRole('alert')).toHaveText(text('errBackground'));
  await expect(page.getByTestId('retry')).toBeVisible();

  // Opened without a break (nothing to ask), then Start is refused: said, not swallowed.
  await openBreakPage(page, extensionId);
  await expectNoBreak(page);
  await page.getByTestId('start-now').click();
  await expect(page.getByRole('alert')).toHaveText(text('errBackground'));
  await expect(page.getByTestId('retry')).toBeVisible();
  await expect(page.getByText(text('loading'))).toHaveCount(0);
});
