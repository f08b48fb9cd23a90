/**
 * The break window as the prompt (Options → how prompts appear → break window): how it looks, how
 * it reads with the keyboard and a screen reader, and a Start from the popup while it is open.
 */
import AxeBuilder from '@axe-core/playwright';
import { settled } from './support/player';
import { expect, test } from './support/fixtures';
import { historyRows, setSettings } from './support/ext';
import { BreakPage, PopupPage } from './support/pages';
import { shot } from './support/shots';

test('the prompt window: the heading has the focus, then Start, Skip and the postpone choices in that order, all named; axe finds nothing, light and dark', async ({ context, control }, testInfo) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 120 }, prompts: { notification: false, openWindow: true } });
  const brk = await BreakPage.waitFor(context);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 120 } });
  const page = brk.page;
  const prompt = page.getByTestId('break-prompt');
  await expect(prompt).toBeVisible();
  await expect(page.getByTestId('postpone')).toBeVisible();
  // The heading first, for a screen reader and so that a key typed as the window opens starts nothing.
  await expect(prompt.getByRole('heading', { level: 1 })).toBeFocused();
  // The heading first, then the decision (Start, or Skip), then "Not now? Postpone…": read, reached
  // and seen in that order (the postpone choices below Start, not as a bar above the heading).
  expect(await page.locator('main h1, main button').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid') ?? e.tagName)))
    .toEqual(['H1', 'prompt-start', 'prompt-skip', 'postpone-5', 'postpone-15']);
  const [start, postpone] = [await page.getByTestId('prompt-start').boundingBox(), await page.getByTestId('postpone').boundingBox()];
  expect(postpone!.y).toBeGreaterThan(start!.y + start!.height);
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''));
  }
  expect(order).toEqual(['prompt-start', 'prompt-skip', 'postpone-5', 'postpone-15']);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skip' })).toBeVisible();
  await expect(page.getByRole('group', { name: /postpone/i }).getByRole('button')).toHaveText([/5 min/, /15 min/]);
  await prompt.getByRole('heading', { level: 1 }).focus(); // pictured as it opens
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await shot(page, { path: testInfo.outputPath(`prompt-${scheme}.png`) });
  }
  expect(await historyRows(control)).toEqual([]);
});

test('in a narrow window the two postpone choices stay side by side, the words above them', async ({ context, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 120 }, prompts: { notification: false, openWindow: true } });
  const brk = await BreakPage.waitFor(context);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 120 } });
  const page = brk.page;
  // 320 px: a window made narrow, or 200 % zoom; as long as German's words are at 460 px. The words
  // and "5 min" took the first line and "15 min" went alone to the next, apart from its pair.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(page.getByTestId('postpone-15')).toBeVisible();
  const box = (id: string) => page.getByTestId(id).boundingBox().then((b) => b!);
  const [label, five, fifteen] = [await page.locator('#postpone-label').boundingBox().then((b) => b!), await box('postpone-5'), await box('postpone-15')];
  expect(Math.round(fifteen.y), '15 min on the line of 5 min').toBe(Math.round(five.y));
  expect(five.y, 'the choices below the words').toBeGreaterThanOrEqual(label.y + label.height);
});

test('a Start in the popup while the prompt window is open switches that window to the player', async ({ context, extensionId, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, prompts: { notification: false, openWindow: true } });
  const brk = await BreakPage.waitFor(context);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await expect(brk.page.getByTestId('break-prompt')).toBeVisible();
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.startDue).toBeVisible();
  await popup.startDue.click();
  // The same window plays the break: no second one.
  await expect(brk.title).not.toBeEmpty();
  await expect(brk.page.getByTestId('break-prompt')).toHaveCount(0);
  expect(context.pages().filter((p) => p.url().includes('/break.html'))).toHaveLength(1);
  await brk.done.click();
  await expect(brk.end).toBeVisible();
  expect(await historyRows(control)).toEqual([expect.objectContaining({ kind: 'stretch', outcome: 'completed' })]);
});

test('the prompt window closed before Start records nothing, and the reminder brings it back after the configured time', async ({ context, control }) => {
  test.setTimeout(60_000);
  const REMIND_S = 6;
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, prompts: { notification: false, openWindow: true }, remindAfterSec: REMIND_S });
  const first = await BreakPage.waitFor(context);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 }, remindAfterSec: REMIND_S });
  await expect(first.page.getByTestId('break-prompt')).toBeVisible();
  await first.page.close();
  const closedAt = Date.now();
  // Nothing is recorded for a prompt closed unanswered, and no window comes back at once.
  await expect.poll(() => context.pages().filter((p) => p.url().includes('/break.html')).length, { timeout: 2_000 }).toBe(0);
  expect(await historyRows(control)).toEqual([]);
  const again = await BreakPage.waitFor(context);
  const back = Date.now() - closedAt;
  // Back after the reminder's time (measured from the close, with a second's slack for the poll), not long after.
  expect(back).toBeGreaterThan((REMIND_S - 1) * 1000);
  expect(back).toBeLessThan((REMIND_S + 8) * 1000);
  await expect(again.page.getByTestId('break-prompt')).toBeVisible();
  await again.page.getByTestId('prompt-start').click();
  await expect(again.title).not.toBeEmpty();
  await again.done.click();
  await expect(again.end).toBeVisible();
  expect(await historyRows(control)).toEqual([expect.objectContaining({ kind: 'stretch', outcome: 'completed' })]);
});
