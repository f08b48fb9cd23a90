/**
 * "Your own routines" on the production build (issue #15, item 6): a routine made with the
 * keyboard only (its errors said next to their fields, focus where the next key press belongs),
 * picked for the next break ("only mine") and played with the user's own words, then exported,
 * reset and imported back; move and delete with undo by keyboard; axe on the editor.
 * Expected words are the ones this test types, not read from the code under test.
 */
import AxeBuilder from '@axe-core/playwright';
import { settled } from './support/player';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { historyRows, sendMessage, setSettings, storageGet } from './support/ext';
import { BreakPage } from './support/pages';
import { exportJson, importBackup } from './support/data';
import { shot } from './support/shots';

declare const chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };

/** Presses Tab until `target` has focus (keyboard only; fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await target.waitFor();
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
    path.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? document.activeElement?.tagName ?? ''));
  }
  throw new Error(`never reached by Tab; went through ${path.join(', ')}`);
}

/**
 * Puts focus where Tab has brought it after the Sounds section (its last control, "Test sound"),
 * so that the keys pressed from there reach the own routines in a few dozen presses rather than
 * through every control of the page above.
 */
async function focusBeforeOwnRoutines(page: Page): Promise<void> {
  await page.getByTestId('test-sound').focus();
}

async function axeViolations(page: Page, include: string): Promise<string[]> {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).include(include).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

// Many key presses, each answered by a page on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

const NAME = 'Desk reset';
const STEPS = ['Roll your shoulders back slowly', 'Look out of the window and breathe'];

test('made with the keyboard only, played at the next break, kept through export, reset and import', async ({ context, extensionId, control }, testInfo) => {
  await setSettings(control, {});
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByTestId('own-routines');
  await expect(section.getByTestId('own-empty')).toBeVisible();

  // Open the form: focus goes to the name.
  await focusBeforeOwnRoutines(page);
  await tabTo(page, section.getByTestId('own-add'));
  await page.keyboard.press('Enter');
  const name = section.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  // Save at once: every missing field is said, focus goes to the first.
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('own-form-errors')).toBeVisible();
  await expect(section.getByTestId('own-name-error')).toHaveText('Give the routine a name.');
  await expect(section.getByTestId('own-areas-error')).toHaveText('Choose at least one body area.');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.type(NAME);
  await tabTo(page, section.getByLabel('Shoulders'));
  await page.keyboard.press('Space');
  await tabTo(page, section.getByLabel('Step 1: what to do'));
  await page.keyboard.type(STEPS[0]!);
  await page.keyboard.press('Tab');
  await expect(section.getByLabel('Step 1: seconds')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('45');
  await tabTo(page, section.getByTestId('own-add-step'));
  await page.keyboard.press('Enter');
  await expect(section.getByLabel('Step 2: what to do')).toBeFocused();
  await page.keyboard.type(STEPS[1]!);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('own-step1-seconds-error')).toHaveText('Too small: the minimum is 5.');
  await expect(section.getByLabel('Step 2: seconds')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  // 45 + 10 s: shorter than a stretch break may be (1 to 30 min); said when saving.
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('own-total-error')).toContainText('1 to 30 minutes');
  await expect(section.getByTestId('own-total-error')).toContainText('55 seconds');
  // Focus went to "Add a step", after the steps: back to the second step's seconds.
  await expect(section.getByTestId('own-add-step')).toBeFocused();
  await tabTo(page, section.getByLabel('Step 2: seconds'), 5, 'Shift+Tab');
  // The total's error follows the steps as they are edited: 45 + 14 s says 59 seconds, not the 55 it said.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('14');
  await expect(section.getByTestId('own-total-error')).toContainText('59 seconds');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('40');
  // 85 s fits a stretch break: the error and the form's error count go before Save.
  await expect(section.getByTestId('own-total-error')).toHaveCount(0);
  await expect(section.getByTestId('own-form-errors')).toHaveCount(0);
  await expect(section.getByLabel('Step 2: seconds')).not.toHaveAttribute('aria-invalid', 'true');

  await shot(section, { path: testInfo.outputPath('editor-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(section, { path: testInfo.outputPath('editor-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeViolations(page, '[data-testid="own-routines"]')).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(section.getByTestId('own-note')).toHaveText(`“${NAME}” saved.`);
  const item = section.locator(`[data-name="${NAME}"]`);
  await expect(item).toBeVisible();
  const id = ((await item.getAttribute('data-testid')) ?? '').replace('own-item-', '');
  expect(id).toMatch(/^own-[a-z0-9]+$/);
  await expect(section.getByTestId(`own-edit-${id}`)).toBeFocused();

  // Only mine, by keyboard.
  await tabTo(page, section.getByTestId('own-weight'), 10, 'Shift+Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await storageGet<{ routines: { mine: string } }>(control, 'settings'))?.routines.mine).toBe('only');
  expect(await axeViolations(page, '[data-testid="own-routines"]')).toEqual([]);

  // The next break plays it, with the words typed here.
  await sendMessage(control, { type: 'break/start' });
  const brk = await BreakPage.waitFor(context);
  await expect(brk.title).toHaveText(NAME);
  expect(await brk.routineId()).toBe(id);
  await expect(brk.stepText).toHaveText(STEPS[0]!);
  await expect(brk.stepIndex).toHaveText('Step 1 of 2');
  await brk.next.click();
  await expect(brk.stepText).toHaveText(STEPS[1]!);
  await expect(brk.page.locator('img.illustration')).toHaveCount(0);
  await shot(brk.page, { path: testInfo.outputPath('break-own.png') });
  await brk.done.click();
  await expect(brk.end).toBeVisible();

  // Export, reset, import: still there.
  const file = await exportJson(page);
  expect((JSON.parse(file) as { ownRoutines: Array<{ name: string }> }).ownRoutines.map((r) => r.name)).toEqual([NAME]);
  await page.getByTestId('reset').click();
  await page.getByTestId('reset-confirm-yes').click();
  await expect(page.getByTestId('data-message')).toHaveText(/History and your own routines deleted/);
  await expect(section.getByTestId('own-empty')).toBeVisible();
  expect(await importBackup(page, file)).toMatch(/^Imported 1 break/);
  await expect(section.locator(`[data-name="${NAME}"]`)).toBeVisible();
  await expect.poll(async () => (await storageGet<Array<{ steps: Array<{ text: string }> }>>(control, 'ownRoutines'))?.[0]?.steps.map((s) => s.text)).toEqual(STEPS);
});

test("the import's preview says the person's own routines will be deleted by a backup without any; cancelling keeps them", async ({ context, extensionId, control }, testInfo) => {
  const r = (id: string, name: string) => ({ id, name, kind: 'posture', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: 'Sit tall', seconds: 20 }] });
  await control.evaluate((list) => chrome.storage.local.set({ ownRoutines: list }), [r('own-a', 'Alpha'), r('own-b', 'Beta')]);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByTestId('own-routines');
  await expect(section.locator('.own-item')).toHaveCount(2);
  // A backup made before own routines existed: no "ownRoutines" at all.
  const file = JSON.parse(await exportJson(page)) as Record<string, unknown>;
  delete file.ownRoutines;
  await page.getByTestId('import-file').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  const note = page.getByTestId('import-note-ownLost');
  await expect(note).toHaveText('This backup holds no routines of your own: your 2 routines will be deleted.');
  await expect(page.getByTestId('import-preview')).toHaveAccessibleDescription(/your 2 routines will be deleted\.$/);
  await shot(page.getByTestId('import-preview'), { path: testInfo.outputPath('import-own-lost.png') });
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  expect((await storageGet<Array<{ name: string }>>(control, 'ownRoutines'))?.map((o) => o.name)).toEqual(['Alpha', 'Beta']);
  // Going ahead deletes them, as it said.
  expect(await importBackup(page, JSON.stringify(file))).toMatch(/^Imported/);
  await expect(section.getByTestId('own-empty')).toBeVisible();
});

test('move and delete by keyboard: focus stays with the routine, delete offers undo', async ({ context, extensionId, control }) => {
  const r = (id: string, name: string) => ({ id, name, kind: 'posture', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: 'Sit tall', seconds: 20 }] });
  await control.evaluate((list) => chrome.storage.local.set({ ownRoutines: list }), [r('own-a', 'Alpha'), r('own-b', 'Beta'), r('own-c', 'Gamma')]);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByTestId('own-routines');
  const order = () => section.locator('.own-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  await expect.poll(order).toEqual(['Alpha', 'Beta', 'Gamma']);

  // From the first routine's Edit button (what Tab reaches after the weight choice).
  await section.getByTestId('own-edit-own-a').focus();
  await tabTo(page, section.getByRole('button', { name: 'Move “Alpha” down' }), 5);
  await page.keyboard.press('Enter');
  await expect.poll(order).toEqual(['Beta', 'Alpha', 'Gamma']);
  await expect(section.getByRole('button', { name: 'Move “Alpha” down' })).toBeFocused();
  await expect(section.getByTestId('own-note')).toHaveText('“Alpha” moved to place 2 of 3.');
  await page.keyboard.press('Enter');
  // At the bottom its down button is off: focus goes to its up button.
  await expect.poll(order).toEqual(['Beta', 'Gamma', 'Alpha']);
  await expect(section.getByRole('button', { name: 'Move “Alpha” up' })).toBeFocused();

  await tabTo(page, section.getByRole('button', { name: 'Delete “Gamma”' }), 10, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(order).toEqual(['Beta', 'Alpha']);
  await expect(section.getByTestId('own-undo')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(order).toEqual(['Beta', 'Gamma', 'Alpha']);
  await expect(section.getByRole('button', { name: 'Edit “Gamma”' })).toBeFocused();
  await expect.poll(async () => (await storageGet<Array<{ name: string }>>(control, 'ownRoutines'))?.map((x) => x.name)).toEqual(['Beta', 'Gamma', 'Alpha']);
});

test("left out like the built-in routines: listed in the options' leave-out list, and the next break honours it", async ({ context, extensionId, control }) => {
  const mine = { id: 'own-calm', name: 'Calm shoulders', kind: 'stretch', areas: ['shoulders'], position: 'seated', equipment: ['none'], steps: [{ text: 'Let the shoulders drop', seconds: 90 }] };
  await setSettings(control, { routines: { equipment: ['none', 'chair', 'wall'], focusAreas: [], positions: ['seated', 'standing', 'wall'], excluded: [], mine: 'only' } });
  await control.evaluate((list) => chrome.storage.local.set({ ownRoutines: list }), [mine]);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const prefs = page.getByTestId('routine-prefs');
  // In the stretch group, named as typed, beside the library's stretches.
  const box = prefs.getByLabel('Calm shoulders', { exact: true });
  await expect(box).not.toBeChecked();
  const group = prefs.getByRole('list', { name: 'Stretches' });
  await expect(group.getByLabel('Calm shoulders', { exact: true })).toHaveCount(1);
  await expect(group.getByLabel('Seated knee-to-chest', { exact: true })).toHaveCount(1);

  // Left out by keyboard: stored as its id; with "only mine", the next break plays the library's.
  await box.focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await storageGet<{ routines: { excluded: string[] } }>(control, 'settings'))?.routines.excluded).toEqual(['own-calm']);
  await sendMessage(control, { type: 'break/start' });
  let brk = await BreakPage.waitFor(context);
  expect(await brk.routineId()).not.toBe('own-calm');
  await expect(brk.title).not.toHaveText('Calm shoulders');
  await brk.page.close(); // ends that break (kept as partial)
  await expect.poll(async () => (await historyRows(control)).length).toBe(1);

  // Back in: the next break plays it.
  await box.focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await storageGet<{ routines: { excluded: string[] } }>(control, 'settings'))?.routines.excluded).toEqual([]);
  await sendMessage(control, { type: 'break/start' });
  brk = await BreakPage.waitFor(context);
  expect(await brk.routineId()).toBe('own-calm');
  await expect(brk.title).toHaveText('Calm shoulders');

  // A routine added in the editor joins the list at once (no reload).
  await control.evaluate((list) => chrome.storage.local.set({ ownRoutines: list }), [mine, { ...mine, id: 'own-eyes', name: 'Soft gaze', kind: 'eyes', areas: ['eyes'], steps: [{ text: 'Look far away', seconds: 30 }] }]);
  await expect(prefs.getByRole('list', { name: 'Eye rest' }).getByLabel('Soft gaze', { exact: true })).toHaveCount(1);
});

test("the person's own words, however long, wrap: a pasted link in a step and a name without spaces stay inside the break window and the options' list", async ({ context, extensionId, control }) => {
  // The longest the editor takes, both without a space: a German compound of 60 characters, a link of 200.
  const name = 'Nackenundschulterentspannungsübungsprogrammfürdenstehschreib'.slice(0, 60);
  const link = `https://www.example.com/videos/watch?list=${'a1b2c3d4e5'.repeat(15)}`.slice(0, 200);
  const mine = { id: 'own-long', name, kind: 'stretch', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: link, seconds: 60 }, { text: 'Roll the shoulders back', seconds: 60 }] };
  await setSettings(control, { routines: { equipment: ['none', 'chair', 'wall'], focusAreas: [], positions: ['seated', 'standing', 'wall'], excluded: [], mine: 'only' } });
  await control.evaluate((list) => chrome.storage.local.set({ ownRoutines: list }), [mine]);
  /** Whether the page scrolls sideways, and what sticks out of its box (of `within`'s, if given: the sections with own routines). */
  const overflow = (page: Page, within?: string) =>
    page.evaluate((within) => {
      const root = document.scrollingElement!;
      const boxes = within ? [...document.querySelectorAll<HTMLElement>(within)] : [document.body];
      const out = boxes.flatMap((box) => {
        const edge = within ? box.getBoundingClientRect().right : root.clientWidth;
        const right = (el: Element) => el.getBoundingClientRect().right > edge + 1;
        // The deepest such elements, with their text.
        return [...box.querySelectorAll<HTMLElement>('*')].filter((el) => el.checkVisibility() && right(el) && ![...el.children].some(right)).map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 20)}"`);
      });
      return { sideways: !within && root.scrollWidth > root.clientWidth + 1, out: out.slice(0, 5) };
    }, within);

  await sendMessage(control, { type: 'break/start' });
  const brk = await BreakPage.waitFor(context);
  await brk.page.setViewportSize({ width: 460, height: 700 });
  await expect(brk.title).toHaveText(name);
  await expect(brk.stepText).toHaveText(link);
  const inBreak = await overflow(brk.page);

  const page = await context.newPage();
  await page.setViewportSize({ width: 600, height: 800 });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('own-item-own-long')).toBeVisible();
  await page.getByTestId('own-routines').scrollIntoViewIfNeeded();
  const inOptions = await overflow(page, '[data-testid="own-routines"], [data-testid="routine-prefs"]');
  expect({ inBreak, inOptions }).toEqual({ inBreak: { sideways: false, out: [] }, inOptions: { sideways: false, out: [] } });
});

test('closing or reloading the tab asks first while the form holds changes, and only then', async ({ context, extensionId, control }) => {
  await setSettings(control, {});
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByTestId('own-routines');
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  // The form open, nothing typed: the reload goes ahead unasked.
  await section.getByTestId('own-add').click();
  await expect(section.getByTestId('own-form')).toBeVisible();
  await page.reload();
  expect(asked).toEqual([]);
  // Typed into: the browser asks (its own words) before the reload, and before closing the tab.
  await section.getByTestId('own-add').click();
  await section.getByLabel('Name', { exact: true }).fill(NAME);
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await section.getByTestId('own-add').click();
  await section.getByLabel('Name', { exact: true }).fill(NAME);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload', 'beforeunload']);
});

test("the form looks like the rest of the page: its buttons stand apart, and its heading is no larger than the section's", async ({ context, extensionId, control }) => {
  await setSettings(control, {});
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByTestId('own-routines');
  await section.getByTestId('own-add').click();
  const form = section.getByTestId('own-form');
  await expect(form).toBeVisible();
  /** The space between two buttons side by side (Save and Cancel were drawn touching). */
  const gap = async (a: string, b: string) => {
    const [l, r] = [await section.getByTestId(a).boundingBox(), await section.getByTestId(b).boundingBox()];
    expect(Math.round(r!.y), `${b} on the line of ${a}`).toBe(Math.round(l!.y));
    return r!.x - (l!.x + l!.width);
  };
  expect(await gap('own-save', 'own-cancel')).toBeGreaterThanOrEqual(4);
  // "New routine" (h3) was drawn larger than "Your own routines" (h2), the section it is in.
  const size = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size(form.getByRole('heading', { level: 3 }))).toBeLessThanOrEqual(await size(section.getByRole('heading', { level: 2 })));
  // "Discard your changes?": its two answers apart too.
  await section.getByLabel('Name', { exact: true }).fill(NAME);
  await section.getByTestId('own-cancel').click();
  await expect(section.getByTestId('own-discard')).toBeVisible();
  expect(await gap('own-discard-yes', 'own-discard-no')).toBeGreaterThanOrEqual(4);
});
