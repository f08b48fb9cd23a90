/**
 * The safety screen before the first routine that needs it (content/picker.ts needsScreening:
 * self-massage, back extensions, twists), on the production build in real Chromium: it comes
 * before such a routine and never before one that needs none; "one of these applies" keeps back
 * extensions and twists out of every later break and 'another'; "none apply" plays the routine and
 * the screen never comes again; "Not now" gives another routine. The answer stays in
 * storage.local, never in the synced settings.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { altKey } from '../../content/keys';
import { ROUTINES } from '../../content/routines';
import { needsScreening } from '../../content/picker';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { expect, test } from './support/fixtures';
import { setSettings, storageGet } from './support/ext';
import { BreakPage, OptionsPage } from './support/pages';
import { shot } from './support/shots';

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { sync: { get(k: null): Promise<Record<string, unknown>> }; local: { set(v: Record<string, unknown>): Promise<void> } };
};

/** The English catalogue on disk (the browser here runs in English). */
const english = JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

/** The back routines the screen is about, and two that need no screening. */
const SPINAL = ['seated-spinal-twist', 'standing-back-extension'];
const PLAIN = ['chest-opener', 'shoulder-rolls'];
const OTHERS = ROUTINES.filter((r) => r.kind === 'stretch' && ![...SPINAL, ...PLAIN].includes(r.id)).map((r) => r.id);

async function startBreak(control: Page, context: BrowserContext): Promise<BreakPage> {
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start' }));
  return BreakPage.waitFor(context);
}
const screenFirst = (brk: BreakPage) => brk.page.getByTestId('screen-first');

/** A break whose routine needs no screening: it plays at once, without the screen; done with Enter. */
async function plainBreak(control: Page, context: BrowserContext): Promise<string> {
  const brk = await startBreak(control, context);
  await expect(brk.title).toBeVisible();
  const id = await brk.routineId();
  expect(PLAIN, id).toContain(id);
  await expect(brk.safety.root).toHaveCount(0);
  await brk.page.keyboard.press('Enter');
  await expect(brk.end).toBeVisible();
  await brk.page.close();
  return id;
}

/** Two plain breaks, then the third can only be a back routine: the screen comes first. */
async function toTheScreen(control: Page, context: BrowserContext): Promise<BreakPage> {
  expect(new Set([await plainBreak(control, context), await plainBreak(control, context)])).toEqual(new Set(PLAIN));
  const brk = await startBreak(control, context);
  await expect(brk.safety.root).toBeVisible();
  await expect(brk.safety.heading).toBeFocused();
  await expect(brk.player).toHaveCount(0); // the routine has not started
  const id = (await screenFirst(brk).getAttribute('data-routine-id')) ?? '';
  expect(SPINAL, id).toContain(id);
  expect(await storageGet(control, 'healthScreen')).toBeUndefined();
  return brk;
}

// Three or four whole breaks per test, on a shared 2-core machine that is often loaded.
test.describe.configure({ timeout: 300_000 });

test.beforeEach(async ({ control }) => {
  expect(ROUTINES.filter((r) => SPINAL.includes(r.id)).every(needsScreening)).toBe(true);
  expect(ROUTINES.filter((r) => PLAIN.includes(r.id)).some(needsScreening)).toBe(false);
  await setSettings(control, { routines: { ...DEFAULT_SETTINGS.routines, excluded: OTHERS } });
});

test('"one of these applies": the screen comes before the first back routine, then no back extension or twist ever comes', async ({ context, control }) => {
  test.setTimeout(360_000); // five breaks and several 'another' rounds on a shared, loaded 2-core machine
  const brk = await toTheScreen(control, context);
  await expect(brk.page.getByTestId('safety-before')).toContainText('first routine of this kind');
  await shot(brk.page, { path: test.info().outputPath('screen-first.png') });

  await brk.safety.applies.click();
  await expect(brk.safety.result('hidden')).toContainText('doctor or physiotherapist');
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('hidden');
  const synced = await control.evaluate(() => chrome.storage.sync.get(null));
  expect(JSON.stringify(synced)).not.toMatch(/healthScreen|hidden/);
  await brk.safety.close.click();

  // Another routine comes in its place, and 'another' never brings a back routine.
  await expect(brk.title).toBeVisible();
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const id = await brk.routineId();
    seen.add(id);
    expect(PLAIN, `'another' ${i}`).toContain(id);
    await brk.another.click();
    await expect(brk.title).toBeVisible();
    await expect.poll(() => brk.routineId()).not.toBe(id);
  }
  expect(seen).toEqual(new Set(PLAIN));
  await brk.page.keyboard.press('Enter');
  await expect(brk.end).toBeVisible();
  await brk.page.close();

  // Later breaks: never a back routine, never the screen again.
  for (let i = 0; i < 2; i++) await plainBreak(control, context);
});

test('"none apply": the routine plays, and back routines come without the screen from then on', async ({ context, control }) => {
  const brk = await toTheScreen(control, context);
  const screenedId = (await screenFirst(brk).getAttribute('data-routine-id'))!;
  await brk.safety.none.click();
  await expect(brk.safety.root).toHaveCount(0);
  await expect(brk.title).toBeVisible();
  expect(await brk.routineId()).toBe(screenedId); // the same routine, now playing
  await expect(brk.title).toBeFocused();
  // Its illustration says what the figure does (the catalogue's text alternative).
  await expect(brk.page.getByTestId('illustration')).toHaveAttribute('alt', english[altKey({ id: screenedId })]!.message);
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('screened');
  await brk.page.keyboard.press('Enter');
  await expect(brk.end).toBeVisible();
  await brk.page.close();

  // The other back routine comes next (no repeats), straight away.
  const next = await startBreak(control, context);
  await expect(next.title).toBeVisible();
  expect(SPINAL.filter((id) => id !== screenedId)).toContain(await next.routineId());
  await expect(next.safety.root).toHaveCount(0);
});

test('"Not now": another routine that needs no screening, and nothing is stored', async ({ context, control }) => {
  const brk = await toTheScreen(control, context);
  await brk.safety.notNow.click();
  await expect(brk.title).toBeVisible();
  expect(PLAIN).toContain(await brk.routineId());
  await expect(brk.safety.root).toHaveCount(0);
  expect(await storageGet(control, 'healthScreen')).toBeUndefined();
});

test('switching self-massage off in Options keeps the answer: back routines stay, self-massage stops', async ({ context, extensionId, control }) => {
  await control.evaluate(() => chrome.storage.local.set({ healthScreen: 'allowed' }));
  const { page } = await OptionsPage.open(context, extensionId);
  const toggle = page.getByTestId('self-massage');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('off');
  await expect(page.getByTestId('self-massage-status')).toHaveAttribute('data-state', 'off');
  await expect(toggle).not.toBeChecked();
});
