/**
 * The options page's Routines and Sounds sections, on the production build in real Chromium:
 * equipment, focus areas, positions (at least one) and routines to leave out save at once;
 * turning self-massage on goes through the safety screen; the voice, the chime and their volume
 * save, and "Test sound" plays the chime, then the voice at that volume (recorded:
 * tests/e2e/support/player.ts); axe in light and dark.
 */
import { type Settings } from '../../lib/settings';
import { parseSettings } from '../../lib/settings-parse';
import { expect, test } from './support/fixtures';
import { setSettings, storageGet } from './support/ext';
import { OptionsPage, SafetyDialog } from './support/pages';
import { axeViolations, recordSound, recorded } from './support/player';
import { shot } from './support/shots';

test.beforeEach(async ({ context }) => {
  await context.addInitScript(recordSound);
});

test('options: routine preferences save at once, positions need one, self-massage goes through the screen', async ({ context, extensionId, control }) => {
  test.setTimeout(150_000); // axe over the whole options page (now with the own-routines editor): slow on a busy machine
  await setSettings(control, {});
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  const section = page.getByTestId('routine-prefs');
  await expect(section.getByRole('heading', { name: 'Routines' })).toBeVisible();
  const stored = async () => (await storageGet<Settings>(control, 'settings'))!;

  // Equipment and focus areas.
  await page.getByLabel('A tennis ball', { exact: true }).check();
  await expect(options.saved).toHaveText('Saved');
  await expect.poll(async () => (await stored()).routines.equipment).toEqual(['none', 'chair', 'wall', 'tennis-ball']);
  await page.getByLabel('Neck', { exact: true }).check();
  await page.getByLabel('Lower back', { exact: true }).check();
  await expect.poll(async () => (await stored()).routines.focusAreas).toEqual(['neck', 'lower-back']);

  // Positions: at least one; unchecking the last one saves nothing and says why.
  await page.getByTestId('position-seated').uncheck();
  await page.getByTestId('position-standing').uncheck();
  await expect.poll(async () => (await stored()).routines.positions).toEqual(['wall']);
  const before = await stored();
  await page.getByTestId('position-wall').uncheck();
  await expect(page.getByTestId('positions-error')).toHaveText('Choose at least one position. Nothing was saved.');
  await page.waitForTimeout(300);
  expect(await stored()).toEqual(before);
  await page.getByTestId('position-standing').check();
  await expect(page.getByTestId('positions-error')).toHaveCount(0);
  await expect.poll(async () => (await stored()).routines.positions).toEqual(['standing']);

  // Routines to leave out, each with a preview.
  const row = page.getByTestId('exclude-cat-cow');
  await expect(page.getByLabel('Seated cat-cow', { exact: true })).toBeVisible();
  await row.check();
  await expect.poll(async () => (await stored()).routines.excluded).toEqual(['cat-cow']);
  const preview = page.locator('li', { has: row }).locator('details');
  await preview.locator('summary').click();
  await expect(preview.locator('img')).toBeVisible();
  await expect(preview).toContainText('desk-friendly take on the yoga cat-cow');

  // Self-massage: turning it on opens the screen; "one of these applies" keeps it hidden.
  const toggle = page.getByTestId('self-massage');
  await expect(page.getByTestId('self-massage-status')).toHaveAttribute('data-state', 'ask');
  await toggle.click();
  const safety = new SafetyDialog(page);
  await expect(safety.root).toBeVisible();
  await expect(toggle).not.toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape'); // "not now": nothing changes
  await expect(safety.root).toHaveCount(0);
  await expect(toggle).toBeFocused();
  expect(await storageGet(control, 'healthScreen')).toBeUndefined();

  await toggle.click();
  await safety.applies.click();
  await expect(safety.result('hidden')).toContainText('doctor or physiotherapist');
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('hidden');
  await safety.close.click();
  await expect(toggle).toBeFocused();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('self-massage-status')).toHaveAttribute('data-state', 'hidden');

  await toggle.click();
  await safety.none.click();
  await expect(safety.result('allowed')).toBeVisible();
  await safety.close.click();
  await expect(toggle).toBeChecked();
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('allowed');

  // Sounds.
  await page.getByLabel('Read each step aloud').check();
  await page.getByLabel('Soft chime between steps and at the end').check();
  await expect.poll(async () => (await stored()).sound).toMatchObject({ voice: true, chime: true });
  const volume = page.getByLabel('Volume', { exact: true });
  await expect(volume).toHaveValue('60');
  await volume.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await stored()).sound.volume).toBeCloseTo(0.55);
  await page.getByRole('button', { name: 'Test sound' }).click();
  await expect.poll(async () => (await recorded(page)).tones).toEqual([659, 1319]);
  // The volume is the voice's too: with steps read aloud, the test lets it be heard at 55%.
  await expect.poll(async () => (await recorded(page)).spoken).toEqual(['This is how each step will be read aloud.']);
  const volumes = (await recorded(page)).volumes;
  expect(volumes).toHaveLength(1);
  expect(volumes[0]).toBeCloseTo(0.55); // SpeechSynthesisUtterance.volume is a float: 0.550000011920929

  // The settings the background reads are valid (the schema accepted every save).
  expect(parseSettings(await stored()).ok).toBe(true);

  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 900, height: 900 });
  // Both sections (Routines and Sounds) in one picture.
  const clip = await page.evaluate(() => {
    const a = document.querySelector('[data-testid="routine-prefs"]')!.getBoundingClientRect();
    const b = document.querySelector('[data-testid="sound-prefs"]')!.getBoundingClientRect();
    return { x: a.left - 8, y: a.top + window.scrollY - 8, width: a.width + 16, height: b.bottom - a.top + 16 };
  });
  await shot(page, { path: test.info().outputPath('options-routines.png'), fullPage: true, clip });
});
