/**
 * The break player's sources and its end-of-step cue, on the production build in real Chromium:
 * a routine's sources show by title and publisher (linked where they have a public URL), never as
 * file names; a step done with the eyes closed or looking away ends with a visual cue that needs
 * no sound (chime and voice are off by default) and keeps still under reduced motion.
 */
import AxeBuilder from '@axe-core/playwright';
import { settled } from './support/player';
import { ROUTINES } from '../../content/routines';
import { SOURCES, sourceLabel } from '../../content/sources';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { expect, test } from './support/fixtures';
import { setSettings } from './support/ext';
import { BreakPage } from './support/pages';
import { shot } from './support/shots';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const BLINK = ROUTINES.find((r) => r.id === 'blink-break')!;
const otherMicro = ROUTINES.filter((r) => (r.kind === 'posture' || r.kind === 'eyes') && r.id !== BLINK.id).map((r) => r.id);

test('sources by title, publisher and link; eyes-closed and look-away steps end with a visual cue', async ({ context, control }) => {
  // Only the blink break is left for micro breaks: it has an eyes-closed and a look-away step.
  await setSettings(control, { routines: { ...DEFAULT_SETTINGS.routines, excluded: otherMicro } });
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start', kind: 'micro' }));
  const brk = await BreakPage.waitFor(context);
  const page = brk.page;
  await expect(brk.title).toBeVisible();
  expect(await brk.routineId()).toBe(BLINK.id);
  await brk.pause.click(); // a steady clock: the steps move only with the arrows below

  // The notes list every source: title (a link when it has a URL), publisher; no file names.
  await page.locator('details.about summary').click();
  const items = page.getByTestId('sources').getByRole('listitem');
  await expect(items).toHaveCount(BLINK.sources.length);
  for (const [i, id] of BLINK.sources.entries()) {
    const src = SOURCES[id];
    const item = items.nth(i);
    await expect(item).toContainText(sourceLabel(src));
    if (src.publisher) await expect(item).toContainText(src.publisher);
    if (src.url) {
      const link = item.getByRole('link');
      await expect(link).toHaveAttribute('href', src.url);
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAccessibleName(`${sourceLabel(src)} (opens in a new tab)`);
    }
  }
  await expect(page.getByTestId('sources')).not.toContainText(/\.txt\b|\d{3}_[0-9a-f]{6,}/);
  await page.setViewportSize({ width: 460, height: 900 });
  await shot(page, { path: test.info().outputPath('player-sources.png'), fullPage: true });
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Step 1 is done with the eyes closed: when it gives way, a line asks to open them, with no sound.
  const cue = page.getByTestId('step-cue');
  await expect(cue).toHaveAttribute('role', 'status');
  await expect(cue).toHaveText('');
  await page.keyboard.press('ArrowRight');
  await expect(brk.stepIndex).toHaveText(`Step 2 of ${BLINK.steps.length}`);
  await expect(cue).toHaveText('Open your eyes: the next step is on screen.');
  await expect(cue.locator('[data-cue="eyes-closed"]')).toHaveCSS('animation-name', 'step-cue-glow');
  await shot(page, { path: test.info().outputPath('player-cue.png') });
  // Reduced motion: the same line, standing still.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(cue.locator('.step-cue')).toHaveCSS('animation-name', 'none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  // An ordinary step ends without a cue; the look-away step ends with "look back".
  await page.keyboard.press('ArrowRight');
  await expect(brk.stepIndex).toHaveText(`Step 3 of ${BLINK.steps.length}`);
  await expect(cue).toHaveText('');
  await page.keyboard.press('ArrowRight');
  await expect(cue).toHaveText('Look back at the screen: the next step is on.');
  // It goes away by itself after a few seconds.
  await expect(cue).toHaveText('', { timeout: 10_000 });
});
