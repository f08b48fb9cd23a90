/**
 * The break player, the self-massage safety screen and the options page's Routines and Sounds
 * sections, on the production build in real Chromium.
 *
 * Every page gets a small init script that records what the page asks the Web Speech and Web
 * Audio APIs to do (spoken texts, oscillator frequencies), so the sound settings can be checked
 * without listening.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stepKey, titleKey } from '../../content/keys';
import { ROUTINES } from '../../content/routines';
import type { Routine } from '../../content/types';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../lib/settings';
import { expect, test } from './support/fixtures';
import { historyRows, setSettings, storageGet, type HistoryRow } from './support/ext';
import { BreakPage, OptionsPage, PopupPage, SafetyDialog } from './support/pages';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/** The routines' English words, from the catalogue on disk (the browser here runs in English). */
const english = JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const titleOf = (r: Routine) => english[titleKey(r)]!.message;
const stepOf = (r: Routine, i: number) => english[stepKey(r, i)]!.message;

interface Recorded {
  spoken: string[];
  tones: number[];
}

/** Runs in every page before its own scripts: records speech and oscillator use. */
function recordSound(): void {
  const rec: Recorded = { spoken: [], tones: [] };
  (window as unknown as { __sound: Recorded }).__sound = rec;
  try {
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void rec.spoken.push(u.text);
    speechSynthesis.cancel = () => undefined;
  } catch {
    // no speech in this page
  }
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    rec.tones.push(Math.round(this.frequency.value));
    return start.call(this, when);
  };
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __sound: Recorded }).__sound);

async function startBreak(control: Page, context: BrowserContext): Promise<BreakPage> {
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start' }));
  const brk = await BreakPage.waitFor(context);
  await expect(brk.title.or(brk.free)).toBeVisible();
  return brk;
}

/** Axe's violations, as "rule: target" lines (so a failure says what and where). */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

async function waitForIllustration(page: Page): Promise<void> {
  await expect.poll(() => page.locator('img.illustration').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

const routines = (patch: Partial<Settings['routines']>): Partial<Settings> => ({ routines: { ...DEFAULT_SETTINGS.routines, ...patch } });

/** About the inside of the 460 x 700 break window (lib/platform/windows.ts) under its title bar. */
const BREAK_VIEWPORT = { width: 460, height: 640 };

const stretchIds = ROUTINES.filter((r) => r.kind === 'stretch').map((r) => r.id);

async function onlyRow(control: Page): Promise<HistoryRow> {
  await expect.poll(async () => (await historyRows(control)).length).toBe(1);
  return (await historyRows(control))[0]!;
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(recordSound);
});

test('a routine plays to the end with the keyboard alone and is recorded as completed', async ({ context, extensionId, control }) => {
  await setSettings(control, {});
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.breakNow).toBeEnabled();
  await popup.breakNow.press('Enter');

  const brk = await BreakPage.waitFor(context);
  await expect(brk.title).toBeFocused();
  const id = await brk.routineId();
  const routine = ROUTINES.find((r) => r.id === id)!;
  expect(routine, id).toBeDefined();
  expect(routine.kind).not.toBe('self-massage'); // self-massage waits for the safety screen
  const n = routine.steps.length;
  await expect(brk.stepIndex).toHaveText(`Step 1 of ${n}`);
  await expect(brk.title).toHaveText(titleOf(routine));
  await expect(brk.stepText).toHaveText(stepOf(routine, 0));
  await expect(brk.disclaimer).toContainText('not medical advice');
  // Its cautions are in view before the first step is done, whatever the kind (then in the notes).
  await expect(brk.cautions).toBeVisible();
  expect(await brk.cautions.getByRole('listitem').count()).toBe(routine.cautions.length);

  // Space pauses (the clock stops) and resumes.
  await brk.page.keyboard.press(' ');
  await expect(brk.pause).toHaveAttribute('aria-pressed', 'true');
  await expect(brk.announce).toHaveText('Paused');
  const frozen = await brk.remaining.textContent();
  await brk.page.waitForTimeout(1300);
  await expect(brk.remaining).toHaveText(frozen!);
  await brk.page.keyboard.press(' ');
  await expect(brk.pause).toHaveAttribute('aria-pressed', 'false');

  // The arrows walk through every step; the live region follows.
  for (let i = 1; i < n; i++) {
    await brk.page.keyboard.press('ArrowRight');
    await expect(brk.stepIndex).toHaveText(`Step ${i + 1} of ${n}`);
    await expect(brk.stepText).toHaveText(stepOf(routine, i));
    await expect(brk.announce).toHaveText(`Step ${i + 1} of ${n}: ${stepOf(routine, i)}`);
  }
  await expect(brk.page.getByText('Last step')).toBeVisible();
  await expect(brk.cautions).toHaveCount(0); // past the first step a stretch keeps them in its notes
  await brk.page.keyboard.press('ArrowLeft');
  await expect(brk.stepIndex).toHaveText(`Step ${n - 1} of ${n}`);
  await brk.page.keyboard.press('ArrowRight');
  await expect(brk.stepIndex).toHaveText(`Step ${n} of ${n}`);
  // Past the last step: the routine is done.
  await brk.page.keyboard.press('ArrowRight');
  await expect(brk.end).toBeVisible();
  await expect(brk.endHeading).toHaveText('Nice work. Break done.');
  await expect(brk.endHeading).toBeFocused();
  await expect(brk.endToday).toHaveText('1');

  const row = await onlyRow(control);
  expect(row).toMatchObject({ kind: 'stretch', outcome: 'completed', routineId: id });
  // Sound is off by default: nothing was spoken or played.
  expect(await recorded(brk.page)).toEqual({ spoken: [], tones: [] });
});

test('Esc skips (recorded as skipped) and reduced motion stops the ring animation', async ({ context, control }) => {
  await setSettings(control, {});
  const brk = await startBreak(control, context);
  const id = await brk.routineId();

  await expect(brk.ringBar).toHaveCSS('transition-duration', '0.25s');
  await brk.page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(brk.ringBar).toHaveCSS('transition-duration', '0s');
  await expect(brk.page.locator('.btn').first()).toHaveCSS('transition-duration', '0s');

  // Keys typed on a control keep their meaning there: Enter opens the notes, it does not finish.
  const about = brk.page.locator('details.about');
  await about.locator('summary').focus();
  await brk.page.keyboard.press('Enter');
  await expect(about).toHaveAttribute('open', '');
  await expect(brk.page.getByTestId('keys-hint')).toBeVisible();
  await expect(brk.player).toBeVisible();

  await brk.page.keyboard.press('Escape');
  await expect(brk.end).toBeVisible();
  await expect(brk.endHeading).toHaveText('Break skipped.');
  expect(await onlyRow(control)).toMatchObject({ outcome: 'skipped', routineId: id });
});

test('Enter finishes early as completed; closing the break window early records it as partial', async ({ context, control }) => {
  await setSettings(control, {});
  const first = await startBreak(control, context);
  const firstId = await first.routineId();
  await first.page.keyboard.press('ArrowRight');
  await first.page.keyboard.press('Enter');
  await expect(first.end).toBeVisible();
  expect(await onlyRow(control)).toMatchObject({ outcome: 'completed', routineId: firstId });
  await first.page.close();

  const brk = await startBreak(control, context);
  const id = await brk.routineId();
  await brk.page.keyboard.press('ArrowRight');
  await expect(brk.stepIndex).toHaveText(/^Step 2 of/);
  await brk.page.close(); // the break window goes away mid-routine
  await expect.poll(async () => (await historyRows(control)).length).toBe(2);
  const rows = await historyRows(control);
  expect(rows.find((r) => r.outcome === 'partial')).toMatchObject({ kind: 'stretch', routineId: id });
});

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
  await brk.page.screenshot({ path: test.info().outputPath('end-offer.png') });
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
  await brk.page.screenshot({ path: test.info().outputPath('safety-screen.png') });
  // Focus stays inside the modal dialog.
  for (let i = 0; i < 4; i++) {
    await brk.page.keyboard.press('Tab');
    expect(await brk.page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
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
  await next.page.screenshot({ path: test.info().outputPath('break-player.png') });
  await next.page.emulateMedia({ colorScheme: 'dark' });
  await next.page.waitForTimeout(200);
  expect(await axeViolations(next.page)).toEqual([]);
  await next.page.screenshot({ path: test.info().outputPath('break-player-dark.png') });
  const id = await next.routineId();
  await next.done.click();
  await expect(next.end).toBeVisible();
  expect(await axeViolations(next.page)).toEqual([]);
  await expect.poll(async () => (await historyRows(control)).length).toBe(2);
  expect((await historyRows(control)).find((r) => r.outcome === 'completed')).toMatchObject({ routineId: id });
});

test('voice cues and the chime follow the sound settings', async ({ context, control }) => {
  await setSettings(control, { sound: { chime: true, volume: 0.5, voice: true } });
  const brk = await startBreak(control, context);
  const id = await brk.routineId();
  const r = ROUTINES.find((x) => x.id === id)!;
  // The first step is spoken with the routine's title.
  await expect.poll(async () => (await recorded(brk.page)).spoken).toEqual([`${titleOf(r)}. ${stepOf(r, 0)}`]);
  await brk.page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await recorded(brk.page)).spoken.at(-1)).toBe(stepOf(r, 1));
  // One soft note (E5 and its octave) at the step change...
  await expect.poll(async () => (await recorded(brk.page)).tones).toEqual([659, 1319]);
  await brk.page.keyboard.press('Enter');
  await expect(brk.end).toBeVisible();
  // ...and two rising notes (C5, G5) at the end, which is announced too.
  await expect.poll(async () => (await recorded(brk.page)).tones).toEqual([659, 1319, 523, 1047, 784, 1568]);
  await expect.poll(async () => (await recorded(brk.page)).spoken.at(-1)).toBe('Nice work. Break done.');
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
  await expect(page.getByLabel('Seated cat-cow')).toBeVisible();
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
  const volume = page.getByLabel('Chime volume');
  await expect(volume).toHaveValue('60');
  await volume.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await stored()).sound.volume).toBeCloseTo(0.55);
  await page.getByRole('button', { name: 'Test sound' }).click();
  await expect.poll(async () => (await recorded(page)).tones).toEqual([659, 1319]);

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
  await page.screenshot({ path: test.info().outputPath('options-routines.png'), fullPage: true, clip });
});
