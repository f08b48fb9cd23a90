/**
 * The own routine form (components/OwnRoutineForm.tsx, OwnRoutines.tsx) and a person's unsaved
 * draft, from a review; each case failed before its fix: Esc anywhere in a changed form (to close a
 * select's list, or by habit) threw the whole draft away, and Edit on another routine replaced a
 * changed draft without a word. Now both ask in the page, "Discard your changes?" (an alertdialog
 * whose "Keep editing" takes the focus), and Esc in an unchanged form still cancels at once.
 * Rendered with linkedom's document over WXT's fake browser, English catalogue from disk
 * (tests/support/linkedom-page.ts, tests/support/options-page.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, mountWithTwoRoutines } from '../tests/support/options-page';

useEnglishPages();

type Page = Awaited<ReturnType<typeof mountOptionsPage>>;

/** Esc as a browser sends it, at the form (linkedom calls a bubbled listener with the wrong `this`). */
function esc(p: Page) {
  const e = new p.window.Event('keydown', { bubbles: true, cancelable: true });
  Object.defineProperties(e, { key: { value: 'Escape' }, isComposing: { value: false }, keyCode: { value: 27 } });
  p.q('[data-testid="own-form"]')!.dispatchEvent(e);
}

/** The person is in a field: the browser's focusin, which bubbles to the form. */
function into(p: Page, sel: string) {
  p.q(sel)!.dispatchEvent(new p.window.Event('focusin', { bubbles: true }));
}

/** The elements focused from now on; each also gets the browser's focusin (linkedom sends none). */
function focusSpy(p: Page): Element[] {
  const focused: Element[] = [];
  vi.spyOn(p.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
    focused.push(this);
    this.dispatchEvent(new p.window.Event('focusin', { bubbles: true }));
  });
  return focused;
}

const question = (p: Page) => p.q('[data-testid="own-discard"]');


describe('Esc in the own routine form', () => {
  it('with nothing changed cancels at once; with a change it asks "Discard your changes?" (Keep editing focused), keeps the draft, and only Discard cancels', async () => {
    const p = await mountOptionsPage();
    // Nothing changed: Esc closes the form, as before, with no question.
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    esc(p);
    await until(() => p.q('[data-testid="own-form"]') === null, 'the unchanged form cancelled');
    expect(question(p)).toBeNull();

    // Minutes of typing, then Esc from the first step's text (to close something, or by habit).
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form again');
    p.type('#own-name', 'Desk unwind');
    p.type('#own-step0-text', 'Roll the shoulders back, slowly');
    into(p, '#own-step0-text');
    await tick(20);
    const focused = focusSpy(p);
    esc(p);
    await until(() => question(p) !== null, 'the question');
    await tick(20);
    const q = question(p)!;
    // Announced: an alertdialog named by its question; the safe choice has the focus.
    expect(q.getAttribute('role')).toBe('alertdialog');
    expect(p.q(`#${q.getAttribute('aria-labelledby')}`)?.textContent).toBe(englishMessage('ownDiscardQuestion'));
    expect(p.q('[data-testid="own-discard-yes"]')!.textContent).toBe(englishMessage('ownDiscard'));
    expect(p.q('[data-testid="own-discard-no"]')!.textContent).toBe(englishMessage('ownKeepEditing'));
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-discard-no');
    expect([p.q('[data-testid="own-form"]') !== null, p.q('#own-name')!.value, p.q('#own-step0-text')!.value]).toEqual([true, 'Desk unwind', 'Roll the shoulders back, slowly']);

    // Keep editing: the question goes, the focus is back in the step's text, the draft as it was.
    p.q('[data-testid="own-discard-no"]')!.click();
    await until(() => question(p) === null, 'the question gone');
    await tick(20);
    expect(focused.at(-1)?.id).toBe('own-step0-text');
    expect(p.q('#own-name')!.value).toBe('Desk unwind');

    // Esc while asked is "Keep editing" too (the question's own Esc), not a discard.
    esc(p);
    await until(() => question(p) !== null, 'asked again');
    esc(p);
    await until(() => question(p) === null, 'the question dismissed by Esc');
    expect(p.q('[data-testid="own-form"]')).not.toBeNull();

    // Discard: the form closes as Cancel does, nothing stored, focus back on "Add a routine".
    esc(p);
    await until(() => question(p) !== null, 'asked a third time');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') === null, 'discarded');
    await tick(20);
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-add');
    const { storedOwnRoutines } = await import('./storage/own-routines');
    expect(await storedOwnRoutines()).toEqual([]);
  });
});

describe('Edit on another routine while the form has changes', () => {
  it('asks before replacing the draft; Keep editing keeps it (focus back where it was), Discard opens the other routine', async () => {
    const { p, a, b } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'Desk reset in the form');
    p.type('#own-step0-text', 'Sit tall, chin level, shoulders down');
    into(p, '#own-step0-text');
    await tick(20);
    const focused = focusSpy(p);
    p.q(`[data-testid="own-edit-${b.id}"]`)!.click();
    await tick(50);
    // Before: Chin tucks replaced the draft at once.
    expect({ asked: question(p) !== null, name: p.q('#own-name')!.value, step: p.q('#own-step0-text')!.value }).toEqual({ asked: true, name: 'Desk reset', step: 'Sit tall, chin level, shoulders down' });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-discard-no');

    p.q('[data-testid="own-discard-no"]')!.click();
    await until(() => question(p) === null, 'kept');
    await tick(20);
    expect({ name: p.q('#own-name')!.value, step: p.q('#own-step0-text')!.value, focus: focused.at(-1)?.id }).toEqual({ name: 'Desk reset', step: 'Sit tall, chin level, shoulders down', focus: 'own-step0-text' });

    p.q(`[data-testid="own-edit-${b.id}"]`)!.click();
    await until(() => question(p) !== null, 'asked again');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('#own-name')?.value === 'Chin tucks', 'Chin tucks in the form');
    expect(question(p)).toBeNull();

    // Unchanged: Edit on another routine switches at once.
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'straight to Desk reset');
    expect(question(p)).toBeNull();
  });
});
