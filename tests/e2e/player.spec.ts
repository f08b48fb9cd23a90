/**
 * The break player with the keyboard alone, on the production build in real Chromium: a routine
 * played to the end (Space pauses, the arrows walk the steps), Esc skips, Enter finishes early,
 * closing the window early is partial, reduced motion stops the ring; voice cues and the chime
 * follow the sound settings (recorded, not listened to: tests/e2e/support/player.ts); a reload
 * takes the routine up where it was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stepKey, titleKey } from '../../content/keys';
import { ROUTINES } from '../../content/routines';
import type { Routine } from '../../content/types';
import { expect, test } from './support/fixtures';
import { historyRows, sendMessage, setSettings } from './support/ext';
import { BreakPage, PopupPage } from './support/pages';
import { onlyRow, recordFromStart, recordSound, recorded, startBreak } from './support/player';
import { watchWorkerStarts } from './support/worker-cdp';

/** The routines' English words, from the catalogue on disk (the browser here runs in English). */
const english = JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const titleOf = (r: Routine) => english[titleKey(r)]!.message;
const stepOf = (r: Routine, i: number) => english[stepKey(r, i)]!.message;

test.beforeEach(async ({ context }) => {
  await context.addInitScript(recordSound);
});

test('a routine plays to the end with the keyboard alone and is recorded as completed', async ({ context, extensionId, control }) => {
  await setSettings(control, {});
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.breakNow).toBeEnabled();
  // The popup closes once the break starts; the button acts on key down, so no key up is awaited.
  await popup.breakNow.focus();
  await popup.page.keyboard.down('Enter');

  const brk = await BreakPage.waitFor(context);
  await recordFromStart(brk.page); // so that "nothing was spoken" below covers the first step too
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
  await expect(brk.pause).toHaveText('Resume'); // a button named for what it does (no aria-pressed)
  await expect(brk.announce).toHaveText('Paused');
  const frozen = await brk.remaining.textContent();
  await brk.page.waitForTimeout(1300);
  await expect(brk.remaining).toHaveText(frozen!);
  await brk.page.keyboard.press(' ');
  await expect(brk.pause).toHaveText('Pause');

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
  expect(await recorded(brk.page)).toMatchObject({ spoken: [], tones: [] });
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

test('the break window closed while the worker is stopped: recorded as partial, and not opened again', async ({ context, control }) => {
  await setSettings(control, {});
  const brk = await startBreak(control, context);
  const id = await brk.routineId();
  await brk.page.keyboard.press('ArrowRight');
  await expect(brk.stepIndex).toHaveText(/^Step 2 of/);
  // Chrome stops an idle worker (the break page sends nothing until Done): stopped here at once.
  const sw = await watchWorkerStarts(context, control);
  await sw.stop();
  const startsBefore = sw.starts();
  // The close is what wakes it.
  await brk.page.close();
  await expect.poll(async () => (await historyRows(control)).length, { timeout: 15_000 }).toBe(1);
  expect(sw.starts()).toBeGreaterThan(startsBefore);
  expect((await historyRows(control))[0]).toMatchObject({ outcome: 'partial', kind: 'stretch', routineId: id });
  // No break window came back (it once reopened, the routine starting again).
  await control.waitForTimeout(2000);
  expect(context.pages().filter((p) => p.url().includes('/break.html'))).toEqual([]);
  await sw.close();
});

test('Done on a paused break that ended elsewhere meanwhile says no break is waiting, not that Limber is not answering', async ({ context, control }) => {
  await setSettings(control, {});
  const brk = await startBreak(control, context);
  await brk.page.keyboard.press(' ');
  await expect(brk.pause).toHaveText('Resume'); // a button named for what it does (no aria-pressed)
  // The break ends without this window (another window of it, or given up after a sleep).
  const breakId = new URL(brk.page.url()).searchParams.get('id');
  expect(await sendMessage(control, { type: 'break/finish', breakId, outcome: 'skipped', routineId: null })).toMatchObject({ ok: true });
  await brk.done.click();
  await expect(brk.page.getByTestId('break-gone')).toBeVisible();
  await expect(brk.page.getByRole('alert')).toHaveCount(0);
  await expect(brk.page.getByTestId('retry')).toHaveCount(0);
  expect(await onlyRow(control)).toMatchObject({ outcome: 'skipped' }); // recorded once, as it ended
});

test('voice cues and the chime follow the sound settings', async ({ context, control }) => {
  await setSettings(control, { sound: { chime: true, volume: 0.5, voice: true } });
  const brk = await startBreak(control, context);
  if (await recordFromStart(brk.page)) await expect(brk.title).toBeVisible();
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

test('reloaded (F5), the break window takes the routine up at the step it was on, paused if it was; recorded once', async ({ context, control }) => {
  await setSettings(control, {});
  const brk = await startBreak(control, context);
  const id = await brk.routineId();
  const n = ROUTINES.find((r) => r.id === id)!.steps.length;
  await brk.page.keyboard.press('ArrowRight'); // every routine has two steps at least
  await brk.page.keyboard.press(' ');
  await expect(brk.stepIndex).toHaveText(`Step 2 of ${n}`);
  await expect(brk.pause).toHaveText('Resume');
  const frozen = await brk.remaining.textContent();
  await brk.page.reload();
  await expect(brk.stepIndex).toHaveText(`Step 2 of ${n}`);
  await expect(brk.pause).toHaveText('Resume');
  await expect(brk.remaining).toHaveText(frozen!);
  await brk.page.keyboard.press('Enter');
  await expect(brk.end).toBeVisible();
  expect(await onlyRow(control)).toMatchObject({ outcome: 'completed', routineId: id });
});
