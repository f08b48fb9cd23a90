/**
 * Your own routines' editor (components/OwnRoutines.tsx, OwnRoutineForm.tsx), from a review of
 * the own routines end to end; each case failed before its fix:
 * - a change this computer's storage refused stayed on screen (a deleted routine gone, with
 *   "deleted" and Undo; a renamed one under its new name; a moved one in its new place) while the
 *   routines stored here, the ones breaks play, were unchanged until the page was opened again, so
 *   "Please try again" had nothing to try again on; and a refused Save said "could not be saved"
 *   twice (the section's alert and the form's);
 * - the routine open in the form, edited in another window (or by sync, or an import) meanwhile:
 *   the form kept the routine as it had opened, and its Save put that back over the other edit;
 * - with 20 steps, "Add a step" was disabled without a word of why.
 * Rendered with linkedom over WXT's fake browser (tests/support/options-page.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountWithTwoRoutines } from '../tests/support/options-page';

useEnglishPages();

type Page = Awaited<ReturnType<typeof mountWithTwoRoutines>>['p'];

/** Storage refuses every write (full, or the browser shutting the extension's storage). */
function refuseWrites(): () => void {
  const spies = [browser.storage.local, browser.storage.sync].map((area) => vi.spyOn(area, 'set').mockImplementation(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))));
  return () => spies.forEach((s) => s.mockRestore());
}
const names = (p: Page) => Array.from(p.document.querySelectorAll('[data-testid^="own-item-"]')).map((e) => e.getAttribute('data-name'));
const alerts = (p: Page) => Array.from(p.document.querySelectorAll('[data-testid="own-routines"] [role="alert"]')).map((e) => e.textContent);
/** Records what takes the keyboard focus. */
function focusSpy(p: Page): Element[] {
  const focused: Element[] = [];
  vi.spyOn(p.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
    focused.push(this);
  });
  return focused;
}

describe('own routines: a change this computer\'s storage refuses', () => {
  it('Delete: the routine stays listed (it is still played), nothing says it was deleted, and the focus is on its Delete, to try again', async () => {
    const { p, a, storedOwnRoutines } = await mountWithTwoRoutines();
    refuseWrites();
    const focused = focusSpy(p);
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await until(() => alerts(p).length > 0, 'the failure said');
    await tick(30);
    expect((await storedOwnRoutines()).map((r) => r.name)).toEqual(['Desk reset', 'Chin tucks']);
    expect({ shown: names(p), note: p.q('[data-testid="own-note"]')!.textContent, alerts: alerts(p) }).toEqual({ shown: ['Desk reset', 'Chin tucks'], note: '', alerts: [englishMessage('errSaveFailed')] });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe(`own-delete-${a.id}`);
  });

  it('Move: the list shows the order stored, and the focus stays on the button pressed', async () => {
    const { p, a } = await mountWithTwoRoutines();
    refuseWrites();
    const focused = focusSpy(p);
    p.q(`[data-testid="own-down-${a.id}"]`)!.click();
    await until(() => alerts(p).length > 0, 'the failure said');
    await tick(30);
    expect({ shown: names(p), note: p.q('[data-testid="own-note"]')!.textContent }).toEqual({ shown: ['Desk reset', 'Chin tucks'], note: '' });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe(`own-down-${a.id}`);
  });

  it('Undo: the routine is not shown back; the Undo is offered again, focused', async () => {
    const { p, a } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-undo"]') !== null, 'deleted, with Undo');
    await tick(30);
    refuseWrites();
    const focused = focusSpy(p);
    p.q('[data-testid="own-undo"]')!.click();
    await until(() => alerts(p).length > 0, 'the failure said');
    await tick(30);
    expect({ shown: names(p), note: p.q('[data-testid="own-note"]')!.textContent }).toEqual({ shown: ['Chin tucks'], note: `${englishMessage('ownDeletedNote', 'Desk reset')} ${englishMessage('ownUndo')}` });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-undo');
  });

  it('Save in the form: the list keeps the name stored, the form keeps the draft, and "could not be saved" is said once', async () => {
    const { p, a, storedOwnRoutines } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    p.type('#own-name', 'Renamed');
    await tick(20);
    refuseWrites();
    p.q('[data-testid="own-form"]')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    await until(() => p.q('[data-testid="own-form-failed"]') !== null, 'the failure said');
    await tick(30);
    expect((await storedOwnRoutines()).map((r) => r.name)).toEqual(['Desk reset', 'Chin tucks']);
    expect({ shown: names(p), draft: p.q('#own-name')!.value, alerts: alerts(p) }).toEqual({ shown: ['Desk reset', 'Chin tucks'], draft: 'Renamed', alerts: [englishMessage('errSaveFailed')] });
  });

  it('after a refused Delete, the same routine deleted in another window is shown gone (not taken for this page\'s own save coming back)', async () => {
    const { p, a, b } = await mountWithTwoRoutines();
    const allow = refuseWrites();
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await until(() => alerts(p).length > 0, 'the failure said');
    await tick(30);
    allow();
    const { saveOwnRoutines } = await import('./storage/own-routines');
    await saveOwnRoutines([b]); // another window
    await until(() => names(p).length === 1, 'the other window\'s list shown', 200).catch(() => undefined);
    expect(names(p)).toEqual(['Chin tucks']);
  });
});

describe('own routines: the routine open in the form, edited in another window meanwhile', () => {
  const submit = (p: Page) => p.q('[data-testid="own-form"]')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));

  it('the form, unchanged here, shows the other window\'s edit, and its Save keeps it (Save put back the routine as it was when the form opened)', async () => {
    const { p, a, b, storedOwnRoutines } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'Desk reset in the form');
    const { saveOwnRoutines } = await import('./storage/own-routines');
    const other = { ...a, name: 'Desk reset, longer', steps: [{ text: 'Sit tall', seconds: 30 }, { text: 'Roll the shoulders', seconds: 30 }] };
    await saveOwnRoutines([other, b]); // another window (or sync)
    await until(() => names(p)[0] === 'Desk reset, longer', 'the list follows');
    await until(() => p.q('#own-step1-text') !== null, 'the form follows', 200).catch(() => undefined);
    expect({ name: p.q('#own-name')!.value, step1: p.q('#own-step1-text')?.value ?? null }).toEqual({ name: 'Desk reset, longer', step1: 'Roll the shoulders' });
    submit(p);
    await until(() => p.q('[data-testid="own-form"]') === null, 'saved');
    await tick(30);
    expect((await storedOwnRoutines())[0]).toEqual(other);
  });

  it('with changes here: the fields changed here stay as typed, the others follow the other window\'s edit', async () => {
    const { p, a, b, storedOwnRoutines } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'Desk reset in the form');
    p.check('#own-area-shoulders', true);
    await tick(20);
    const { saveOwnRoutines } = await import('./storage/own-routines');
    await saveOwnRoutines([{ ...a, name: 'Desk reset, renamed' }, b]);
    await until(() => names(p)[0] === 'Desk reset, renamed', 'the list follows');
    await until(() => p.q('#own-name')!.value !== 'Desk reset', 'the form follows', 200).catch(() => undefined);
    expect(p.q('#own-name')!.value).toBe('Desk reset, renamed');
    submit(p);
    await until(() => p.q('[data-testid="own-form"]') === null, 'saved');
    await tick(30);
    const saved = (await storedOwnRoutines())[0]!;
    expect({ name: saved.name, areas: saved.areas }).toEqual({ name: 'Desk reset, renamed', areas: ['neck', 'shoulders'] });
  });
});

describe('own routines: the form at 20 steps', () => {
  it('says why "Add a step" is disabled ("At most 20 steps."), as the list says why "Add a routine" is at 30 (the button was disabled without a word)', async () => {
    const { p } = await mountWithTwoRoutines();
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    const note = () => p.q('#own-steps-limit')?.textContent ?? null;
    expect(note()).toBeNull();
    for (let i = 1; i < 20; i++) {
      p.q('[data-testid="own-add-step"]')!.click();
      await until(() => p.q(`#own-step${i}-text`) !== null, `step ${i + 1}`);
    }
    await tick(20);
    expect({ disabled: p.q('[data-testid="own-add-step"]')!.disabled, note: note() }).toEqual({ disabled: true, note: englishMessage('ownErrTooManySteps', '20') });
    p.q('[data-testid="own-remove-step-19"]')!.click();
    await until(() => note() === null, 'the note gone with 19 steps', 200).catch(() => undefined);
    expect({ disabled: p.q('[data-testid="own-add-step"]')!.disabled, note: note() }).toEqual({ disabled: false, note: null });
  });
});
