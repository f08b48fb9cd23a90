/**
 * The own routine form (components/OwnRoutineForm.tsx, OwnRoutines.tsx) and a person's unsaved
 * draft, from a review; each case failed before its fix: Esc anywhere in a changed form (to close a
 * select's list, or by habit) threw the whole draft away, and Edit on another routine replaced a
 * changed draft without a word. Now both ask in the page, "Discard your changes?" (an alertdialog
 * whose "Keep editing" takes the focus), and Esc in an unchanged form still cancels at once. Later:
 * closing or reloading the tab lost a changed draft unasked (now beforeunload asks, only while the
 * draft is changed), Cancel threw a changed draft away unasked (now it asks as Esc does), and "Remove step" was named "Remove step" + " 2", two strings side by side
 * (now one message, ownRemoveStepOf, in every language).
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

describe('Cancel in the own routine form', () => {
  it('with nothing changed closes at once; with a change it asks "Discard your changes?" as Esc does (Cancel threw the draft away unasked), and only Discard closes', async () => {
    const { p, a, storedOwnRoutines } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'Desk reset in the form');
    p.q('[data-testid="own-cancel"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') === null, 'the unchanged form cancelled');
    expect(question(p)).toBeNull();

    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'the form again');
    p.type('#own-step0-text', 'Sit tall, chin level, shoulders down');
    into(p, '#own-step0-text');
    await tick(20);
    const focused = focusSpy(p);
    p.q('[data-testid="own-cancel"]')!.click();
    await tick(50);
    expect({ form: p.q('[data-testid="own-form"]') !== null, asked: question(p) !== null, step: p.q('#own-step0-text')?.value }).toEqual({ form: true, asked: true, step: 'Sit tall, chin level, shoulders down' });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-discard-no');

    p.q('[data-testid="own-discard-no"]')!.click();
    await until(() => question(p) === null, 'kept');
    await tick(20);
    expect({ step: p.q('#own-step0-text')!.value, focus: focused.at(-1)?.id }).toEqual({ step: 'Sit tall, chin level, shoulders down', focus: 'own-step0-text' });

    // Discard: closed as Cancel closes, the routine as stored, the focus back on its Edit.
    p.q('[data-testid="own-cancel"]')!.click();
    await until(() => question(p) !== null, 'asked again');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') === null, 'discarded');
    await tick(20);
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe(`own-edit-${a.id}`);
    expect((await storedOwnRoutines())[0]!.steps[0]!.text).toBe(a.steps[0]!.text);
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

/** The browser's beforeunload as the tab is closed or reloaded: true when the page asks to stay. */
function unload(p: Page): boolean {
  const e = new p.window.Event('beforeunload', { cancelable: true });
  p.window.dispatchEvent(e);
  return e.defaultPrevented;
}

describe('closing or reloading the options tab with the own routine form open', () => {
  it('asks the browser to confirm only while the draft differs from what is saved (it never asked: a changed draft was lost)', async () => {
    const { p, a } = await mountWithTwoRoutines();
    expect(unload(p)).toBe(false);
    // A new routine, untouched: nothing to lose, no question.
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    expect(unload(p)).toBe(false);
    // Typed into: the browser asks before closing the tab.
    p.type('#own-name', 'Desk unwind');
    await tick(20);
    expect(unload(p)).toBe(true);
    // Typed back to what it was: unchanged again, no question.
    p.type('#own-name', '');
    await tick(20);
    expect(unload(p)).toBe(false);

    // Editing a stored routine: a change asks, and a Save ends the asking.
    p.q('[data-testid="own-cancel"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') === null, 'cancelled');
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'Desk reset in the form');
    expect(unload(p)).toBe(false);
    p.type('#own-name', 'Desk reset 2');
    await tick(20);
    expect(unload(p)).toBe(true);
    p.q('[data-testid="own-form"]')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    await until(() => p.q('[data-testid="own-form"]') === null, 'saved');
    expect(unload(p)).toBe(false);

    // Changed, then discarded (Esc, Discard): no question left behind.
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset 2', 'the saved name in the form');
    p.type('#own-step0-text', 'Sit tall, chin level');
    await tick(20);
    expect(unload(p)).toBe(true);
    esc(p);
    await until(() => question(p) !== null, 'the question');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') === null, 'discarded');
    expect(unload(p)).toBe(false);
  });
});

describe('the first keystroke and a reload at once', () => {
  it('the beforeunload listener is in place as the form opens, before anything is typed (Chromium runs no listener it has not yet been told of: added at the first change, a reload right after it went unasked)', async () => {
    const p = await mountOptionsPage();
    const w = p.window as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const added = vi.fn(w.addEventListener.bind(w));
    const removed = vi.fn(w.removeEventListener.bind(w));
    Object.assign(w, { addEventListener: added, removeEventListener: removed });
    const listeners = () => added.mock.calls.filter(([type]) => type === 'beforeunload').length - removed.mock.calls.filter(([type]) => type === 'beforeunload').length;
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    expect(listeners()).toBe(1);
    expect(unload(p)).toBe(false);
    // The first keystroke: the same listener now asks; none is added or taken away.
    const calls = added.mock.calls.length + removed.mock.calls.length;
    p.type('#own-name', 'D');
    await tick(20);
    expect(unload(p)).toBe(true);
    expect(added.mock.calls.length + removed.mock.calls.length - calls).toBe(0);
    // Cancelled (asked first, then Discard): gone.
    p.q('[data-testid="own-cancel"]')!.click();
    await until(() => question(p) !== null, 'asked');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') === null, 'closed');
    expect(listeners()).toBe(0);
    expect(unload(p)).toBe(false);
  });
});

describe('"Remove step" as a screen reader names it', () => {
  it('is one catalogue message with the step number in it ("Remove step 2"), not the label and a number put side by side', async () => {
    const p = await mountOptionsPage();
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    p.q('[data-testid="own-add-step"]')!.click();
    await until(() => p.q('[data-testid="own-remove-step-1"]') !== null, 'a second step');
    const button = p.q('[data-testid="own-remove-step-1"]')!;
    expect(button.getAttribute('aria-label')).toBe(englishMessage('ownRemoveStepOf', [2]));
    expect(englishMessage('ownRemoveStepOf', [2])).toBe('Remove step 2');
    // What is seen stays "Remove step", at the start of the name (the name a person says to voice control).
    expect(button.textContent).toBe(englishMessage('ownRemoveStep'));
  });
});
