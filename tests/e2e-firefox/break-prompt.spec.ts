/**
 * The break window as the prompt in real Firefox (Options → how prompts appear → break window):
 * it waits for Start (nothing plays, nothing counts), Start plays the routine there, and a window
 * closed before Start records nothing (the break stays due, and its reminder brings it back).
 */
import { axeViolations } from './support/axe';
import { historyRows, notificationIds, setSettings, storageGet } from './support/ext';
import { expect, test } from './support/fixtures';
import { BreakPage, El } from './support/pages';
import { shot } from '../e2e/support/shots';

type Stored = { phase: { name: string; brk?: { id: string } } };
const phase = (control: Parameters<typeof storageGet>[0]) => storageGet<Stored>(control, 'tracker').then((t) => t?.phase);

/** A stretch made due at once, prompted as the break window (no notification). */
async function promptWindow(ff: Parameters<typeof BreakPage.waitFor>[0], control: Parameters<typeof storageGet>[0]) {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, prompts: { notification: false, openWindow: true } });
  const brk = await BreakPage.waitFor(ff);
  // Nothing more for this test: one prompt at a time, and no new ones while we act.
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  const prompt = new El(brk.page, '[data-testid="break-prompt"]');
  await prompt.waitFor();
  return { brk, prompt };
}

test('the break window as the prompt waits for Start (nothing plays or counts), then Start plays the routine', async ({ ff, control }, testInfo) => {
  const { brk } = await promptWindow(ff, control);
  await shot(brk.page, { path: testInfo.outputPath('prompt.png') });
  expect(await axeViolations(brk.page)).toEqual([]);
  const id = await brk.breakId();
  expect(await notificationIds(control)).toEqual([]);
  // The heading has the focus (a key typed as the window opens starts nothing), and the window waits.
  expect(await new El(brk.page, '[data-testid="break-prompt"] h1').isFocused()).toBe(true);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await brk.player.count()).toBe(0);
  expect(await phase(control)).toMatchObject({ name: 'due', brk: { id } });
  expect(await historyRows(control)).toEqual([]);

  await new El(brk.page, '[data-testid="prompt-start"]').click();
  await expect.poll(() => brk.title.text()).not.toBe('');
  await expect.poll(() => brk.stepIndex.text()).toMatch(/Step 1 of \d+/);
  await expect.poll(() => phase(control)).toMatchObject({ name: 'onBreak', brk: { id } });
  expect(await new El(brk.page, '[data-testid="break-prompt"]').count()).toBe(0);
  await brk.done.click();
  await expect.poll(() => brk.end.isVisible()).toBe(true);
  expect(await historyRows(control)).toEqual([expect.objectContaining({ id, kind: 'stretch', outcome: 'completed' })]);
});

test('the prompt window closed before Start records nothing; the break stays due', async ({ ff, control }) => {
  const { brk } = await promptWindow(ff, control);
  const id = await brk.breakId();
  await brk.page.close();
  // windows.onRemoved wakes the event page: a prompt unanswered is not a break taken, nor a partial one.
  await new Promise((r) => setTimeout(r, 2000));
  expect(await historyRows(control)).toEqual([]);
  expect(await phase(control)).toMatchObject({ name: 'due', brk: { id } });
});
