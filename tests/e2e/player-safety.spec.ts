/**
 * The self-massage safety screen in the break player, on the production build in real Chromium:
 * self-massage waits for it (a free break rather than an unscreened routine), the end screen
 * offers it, its red flags are read and focus stays inside; "none apply" is kept on this device
 * only and lets self-massage be picked, with its cautions in view; axe in light and dark.
 */
import type { Page } from '@playwright/test';
import { ROUTINES } from '../../content/routines';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { expect, test } from './support/fixtures';
import { historyRows, setSettings, storageGet } from './support/ext';
import { axeViolations, onlyRow, startBreak } from './support/player';
import { shot } from './support/shots';

async function waitForIllustration(page: Page): Promise<void> {
  await expect.poll(() => page.locator('img.illustration').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

const routines = (patch: Partial<Settings['routines']>): Partial<Settings> => ({ routines: { ...DEFAULT_SETTINGS.routines, ...patch } });

/** About the inside of the 460 x 700 break window (lib/platform/windows.ts) under its title bar. */
const BREAK_VIEWPORT = { width: 460, height: 640 };

const stretchIds = ROUTINES.filter((r) => r.kind === 'stretch').map((r) => r.id);

test('self-massage waits for the safety screen; after "none apply" it can be picked', async ({ context, control }) => {
  test.slow(); // several axe runs and screenshots: over a minute on a loaded 2-core machine
  // Only self-massage is left for stretch breaks, but it is still behind the screen ('ask').
  await setSettings(control, routines({ excluded: stretchIds }));
  const brk = await startBreak(control, context);
  await expect(brk.free).toBeVisible(); // no routine at all rather than an unscreened self-massage
  await expect(brk.title).toHaveCount(0);
  await brk.page.keyboard.press('Escape');
  await expect(brk.end).toBeVisible();
  expect(await onlyRow(control)).toMatchObject({ outcome: 'skipped', routineId: null });

  // The end screen offers the safety screen.
  await brk.page.setViewportSize(BREAK_VIEWPORT);
  await expect(brk.trySelfMassage).toBeVisible();
  await shot(brk.page, { path: test.info().outputPath('end-offer.png') });
  expect(await axeViolations(brk.page)).toEqual([]);
  await brk.trySelfMassage.focus();
  await brk.page.keyboard.press('Enter');
  const safety = brk.safety;
  await expect(safety.root).toBeVisible();
  await expect(safety.root).toHaveAttribute('aria-labelledby', 'safety-h');
  await expect(safety.heading).toBeFocused();
  await expect(safety.redFlags).toHaveCount(5);
  await expect(safety.root).toContainText('Numbness, tingling');
  await expect(safety.root).toContainText('bladder or bowel');
  await expect(safety.root).toContainText('accident or a fall');
  await expect(safety.root).toContainText('recent fracture');
  await expect(safety.root).toContainText('general wellness tips, not medical advice');
  expect(await axeViolations(brk.page)).toEqual([]);
  await shot(brk.page, { path: test.info().outputPath('safety-screen.png') });
  // Focus stays inside the modal dialog: Tab goes round its controls and never reaches the page
  // behind it. Past the last one, Chromium may hand the focus to the browser's own UI (the page
  // loses it: nothing in it is focused) before it comes round to the first: that is not the page.
  const visited = new Set<string>();
  for (let i = 0; i < 7; i++) {
    await brk.page.keyboard.press('Tab');
    const where = await brk.page.evaluate(() => {
      const el = document.activeElement;
      if (el?.closest('dialog')) return el.getAttribute('data-testid') ?? 'dialog';
      return !document.hasFocus() && (el === null || el === document.body) ? 'browser' : `page: ${el?.outerHTML.slice(0, 80)}`;
    });
    expect(where).not.toMatch(/^page/);
    visited.add(where);
  }
  for (const control of ['safety-none', 'safety-applies', 'safety-cancel']) expect(visited).toContain(control);
  expect(await storageGet(control, 'healthScreen')).toBeUndefined(); // not answered yet

  await safety.none.focus();
  await brk.page.keyboard.press('Enter');
  await expect(safety.result('allowed')).toBeVisible();
  await expect(safety.heading).toBeFocused();
  // The answer is kept on this device (storage.local), never in the settings, which sync.
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('allowed');
  expect(JSON.stringify(await storageGet(control, 'settings'))).not.toMatch(/selfMassage|allowed/);
  await safety.close.click();
  await expect(safety.root).toHaveCount(0);
  await expect(brk.trySelfMassage).toHaveCount(0); // answered: no more offer
  await brk.page.close();

  // Now a self-massage routine is picked, with its cautions in view.
  const next = await startBreak(control, context);
  await expect(next.title).toBeVisible();
  expect(await next.routineKind()).toBe('self-massage');
  await expect(next.cautions).toBeVisible();
  await expect(next.cautions).toContainText('spine');
  await expect(next.cautions).toContainText('sharp pain');
  await expect(next.disclaimer).toBeVisible();
  await waitForIllustration(next.page);
  expect(await axeViolations(next.page)).toEqual([]);
  await next.pause.click(); // a steady frame for the screenshots
  await next.page.setViewportSize(BREAK_VIEWPORT);
  await shot(next.page, { path: test.info().outputPath('break-player.png') });
  await next.page.emulateMedia({ colorScheme: 'dark' });
  await next.page.waitForTimeout(200);
  expect(await axeViolations(next.page)).toEqual([]);
  await shot(next.page, { path: test.info().outputPath('break-player-dark.png') });
  const id = await next.routineId();
  await next.done.click();
  await expect(next.end).toBeVisible();
  expect(await axeViolations(next.page)).toEqual([]);
  await expect.poll(async () => (await historyRows(control)).length).toBe(2);
  expect((await historyRows(control)).find((r) => r.outcome === 'completed')).toMatchObject({ routineId: id });
});
