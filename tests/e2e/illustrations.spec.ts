/**
 * The routines' illustrations, as packaged (one file, routines.svg, each drawing shown by its URL's
 * fragment: scripts/pack-illustrations.ts), on the production build in real Chromium: each
 * routine's URL draws its own figure, alone, in light and dark; the stack without a fragment draws
 * nothing; the player and the options' routine list show them.
 */
import type { Page } from '@playwright/test';
import { illustrationUrl } from '../../content/illustration';
import { ROUTINES } from '../../content/routines';
import { expect, test } from './support/fixtures';
import { setSettings } from './support/ext';
import { OptionsPage } from './support/pages';
import { startBreak } from './support/player';
import { inkInPage } from '../support/ink';

const drawn = (page: Page, urls: string[]) => page.evaluate(inkInPage, urls);

test("every routine's URL draws its own figure from the one packaged file, in light and dark", async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  const urls = ROUTINES.map((r) => illustrationUrl(r.illustration));
  expect(new Set(urls).size).toBe(ROUTINES.length);
  const prints: Record<string, string[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await options.page.emulateMedia({ colorScheme: scheme });
    const figures = await drawn(options.page, urls);
    // Each draws a figure (a few thousand pixels of 32,000), and no two are the same drawing.
    for (const [i, f] of figures.entries()) expect(f.ink, `${ROUTINES[i]!.id} (${scheme})`).toBeGreaterThan(1000);
    prints[scheme] = figures.map((f) => f.print);
    expect(new Set(prints[scheme]).size).toBe(ROUTINES.length);
    // The stack without a fragment shows none of them.
    const [bare] = await drawn(options.page, ['/routines.svg']);
    expect(bare!.ink).toBe(0);
  }
  // Dark mode draws each in its own colours.
  for (const [i, r] of ROUTINES.entries()) expect(prints.dark![i], r.id).not.toBe(prints.light![i]);
  // The separate files are not packaged.
  expect(await options.page.evaluate(() => fetch('/routines/cat-cow.svg').then((r) => r.status, () => 'refused'))).not.toBe(200);
});

test("the player shows its routine's figure, and the options' routine list every figure", async ({ context, extensionId, control }) => {
  await setSettings(control, {});
  const brk = await startBreak(control, context);
  const id = await brk.routineId();
  const routine = ROUTINES.find((r) => r.id === id)!;
  const img = brk.page.getByTestId('illustration');
  await expect(img).toHaveAttribute('src', `/routines.svg#${routine.id}`);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(200);
  const [own] = await drawn(brk.page, [`/routines.svg#${routine.id}`]);
  expect(own!.ink).toBeGreaterThan(1000);

  const options = await OptionsPage.open(context, extensionId);
  const rows = options.page.locator('img[src^="/routines.svg#"]');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(ROUTINES.length);
  const srcs = new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('src'))));
  for (const r of ROUTINES) expect(srcs.has(`/routines.svg#${r.id}`), r.id).toBe(true);
});
