/**
 * Own routines in real Firefox, against the production Firefox MV3 build: one made in the
 * options page's editor (typed, as a person does) is picked by the event page for the next break
 * ("only mine") and played in the break window with the words typed here.
 */
import { expect, test } from './support/fixtures';
import { setSettings, storageGet } from './support/ext';
import { BreakPage, OptionsPage } from './support/pages';

declare const browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const NAME = 'Window gaze';
const STEPS = ['Look at the farthest thing you can see', 'Blink slowly five times'];

test('a routine made in the editor is played at the next break', async ({ ff, control }) => {
  await setSettings(control, {});
  const options = await OptionsPage.open(ff);
  const page = options.page;
  await options.byTestId('own-add').click();
  await options.field('own-name').fill(NAME);
  await page.select('#own-kind', 'eyes');
  await page.click('#own-area-eyes');
  await page.focus('#own-step0-text');
  await page.keyboard.type(STEPS[0]!);
  await options.field('own-step0-seconds').fill('15');
  await options.byTestId('own-add-step').click();
  await expect.poll(() => options.byTestId('own-step-1').isVisible()).toBe(true);
  await page.keyboard.type(STEPS[1]!); // focus moved to the new step's text
  await options.field('own-step1-seconds').fill('10');
  await options.byTestId('own-save').click();
  await expect.poll(() => options.byTestId('own-note').text()).toBe(`“${NAME}” saved.`);
  await page.select('[data-testid="own-weight"]', 'only');
  await expect.poll(() => storageGet<{ routines: { mine: string } }>(control, 'settings').then((s) => s?.routines.mine)).toBe('only');
  const stored = await storageGet<Array<{ id: string; kind: string; steps: Array<{ text: string; seconds: number }> }>>(control, 'ownRoutines');
  expect(stored).toEqual([expect.objectContaining({ kind: 'eyes', steps: [{ text: STEPS[0], seconds: 15 }, { text: STEPS[1], seconds: 10 }] })]);

  // A posture check now: the event page picks among the routines, and only this one is mine.
  await setSettings(control, { micro: { enabled: true, everySec: 3600, lengthSec: 25 }, stretch: { enabled: false, everySec: 3600, lengthSec: 2 } });
  await control.evaluate(() => browser.runtime.sendMessage({ type: 'break/start', kind: 'micro' }));
  const brk = await BreakPage.waitFor(ff);
  await expect.poll(() => brk.title.text()).toBe(NAME);
  expect(await brk.stepText.text()).toBe(STEPS[0]);
  expect(await brk.stepIndex.text()).toBe('Step 1 of 2');
  expect(await brk.page.$eval('article.player', (e) => e.getAttribute('data-routine-id'))).toBe(stored![0]!.id);
});
