/**
 * Two options-page defects from a review, each case failed before its fix: Enter in the "Hold breaks
 * during calls on these sites" host field added nothing (only the Add button did;
 * components/CallSitesPrefs.tsx), and deleting the own routine open in the edit form left the form
 * open, whose Save then put the deleted routine back at the end of the list
 * (components/OwnRoutines.tsx). Later, from a review of the same editor: Delete on the routine open
 * with changes threw the edits away unasked (now "Discard your changes?" first), and a deleted
 * routine's id stayed in "Routines to leave out" as stored (now taken out, and put back by Undo). Rendered with linkedom's document over WXT's fake browser, English
 * catalogue from disk (tests/support/linkedom-page.ts, tests/support/options-page.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, mountWithTwoRoutines, storedUntil } from '../tests/support/options-page';

useEnglishPages();

type Page = Awaited<ReturnType<typeof mountOptionsPage>>;

/**
 * Enter in a text field, as a browser handles it (linkedom does none of this): the keydown, then,
 * unless that was prevented, HTML's implicit submission: the field's form is submitted through its
 * default button (nothing if that is disabled; without one, only a form with a single such field).
 * Outside a form nothing happens. Returns the submit event, if there was one.
 */
function pressEnter(p: Page, sel: string): Event | null {
  const field = p.q(sel)!;
  const key = new p.window.Event('keydown', { bubbles: true, cancelable: true });
  Object.defineProperties(key, { key: { value: 'Enter' }, isComposing: { value: false }, keyCode: { value: 13 } });
  field.dispatchEvent(key);
  if (key.defaultPrevented) return null;
  const form = field.closest('form');
  if (!form) return null;
  const button = form.querySelector<HTMLButtonElement>('button:not([type]), button[type="submit"], input[type="submit"]');
  if (button?.disabled) return null;
  if (!button && form.querySelectorAll('input:not([type]), input[type="text"], input[type="search"], input[type="url"]').length > 1) return null;
  const submit = new p.window.Event('submit', { bubbles: true, cancelable: true });
  form.dispatchEvent(submit);
  return submit;
}

describe('"Hold breaks during calls on these sites": Enter in the host field', () => {
  it('adds the site, as the Add button does (it did nothing), and submits nothing else', async () => {
    const p = await mountOptionsPage();
    p.type('#call-site-host', 'https://Talk.Example.org/room/1');
    await tick(20); // the key comes after the page has drawn what was typed
    const submit = pressEnter(p, '#call-site-host');
    const stored = await storedUntil((s) => s.callSites.own.includes('talk.example.org'), 'the site added by Enter');
    await tick(30);
    expect({ own: stored.callSites.own, field: p.q('#call-site-host')!.value, listed: p.q('[data-testid="call-site-remove-talk.example.org"]') !== null }).toEqual({ own: ['talk.example.org'], field: '', listed: true });
    // No page submission (it would reload the options page), and no other form around it.
    expect(submit?.defaultPrevented ?? true).toBe(true);
    expect(p.q('#call-site-host')!.closest('form')?.parentElement?.closest('form') ?? null).toBeNull();
    // An invalid host: refused with its error, as with the button; nothing stored.
    p.type('#call-site-host', 'not a host');
    await tick(20);
    pressEnter(p, '#call-site-host');
    await until(() => p.q('[data-testid="call-site-host-error"]') !== null, 'the error');
    expect(p.q('[data-testid="call-site-host-error"]')!.textContent).toBe(englishMessage('errHostInvalid'));
    expect((await storedUntil(() => true, 'stored')).callSites.own).toEqual(['talk.example.org']);
  });
});

describe('own routines: deleting the routine open in the edit form', () => {

  it('closes the form with it (Save put it back at the end); focus on Undo, and Undo brings it back in its place', async () => {
    const { p, a, storedOwnRoutines } = await mountWithTwoRoutines();
    // Edit the first, change its name, then delete it from the list.
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    expect(p.q('#own-name')!.value).toBe('Desk reset');
    p.type('#own-name', 'Desk reset 2');
    await tick(20);
    const focused: Element[] = [];
    vi.spyOn(p.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
      focused.push(this);
    });
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    // The changed draft is not thrown away unasked (the case below): Discard, then the delete.
    await until(() => p.q('[data-testid="own-discard-yes"]') !== null, 'asked to discard');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('[data-testid="own-undo"]') !== null, 'the Undo');
    await tick(30);
    const form = p.q('[data-testid="own-form"]');
    // Before the fix the form stayed, and its Save stored the deleted routine again, last.
    if (form) {
      form.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
      await tick(100);
    }
    expect({ form: form !== null, stored: (await storedOwnRoutines()).map((r) => r.name) }).toEqual({ form: false, stored: ['Chin tucks'] });
    expect(p.q('[data-testid="own-add"]')).not.toBeNull();
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-undo');
    // Undo: the routine as it was stored, in its place; the form stays closed.
    p.q('[data-testid="own-undo"]')!.click();
    await until(() => p.q(`[data-testid="own-item-${a.id}"]`) !== null, 'the routine back');
    await tick(30);
    expect({ form: p.q('[data-testid="own-form"]') !== null, stored: (await storedOwnRoutines()).map((r) => r.name) }).toEqual({ form: false, stored: ['Desk reset', 'Chin tucks'] });
  });

  it('with changes in the form, asks "Discard your changes?" first (the edits went without a word, and Undo brings back only what was stored); Keep editing keeps both', async () => {
    const { p, a, storedOwnRoutines } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('#own-name')?.value === 'Desk reset', 'the form');
    p.type('#own-step0-text', 'Sit tall, chin level, shoulders down');
    await tick(20);
    const focused: Element[] = [];
    vi.spyOn(p.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
      focused.push(this);
    });
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await tick(50);
    expect({ asked: p.q('[data-testid="own-discard"]') !== null, step: p.q('#own-step0-text')?.value, stored: (await storedOwnRoutines()).map((r) => r.name) }).toEqual({
      asked: true,
      step: 'Sit tall, chin level, shoulders down',
      stored: ['Desk reset', 'Chin tucks'],
    });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-discard-no');
    // Keep editing: nothing deleted, the draft as it was.
    p.q('[data-testid="own-discard-no"]')!.click();
    await until(() => p.q('[data-testid="own-discard"]') === null, 'kept');
    await tick(30);
    expect({ step: p.q('#own-step0-text')?.value, listed: p.q(`[data-testid="own-item-${a.id}"]`) !== null, stored: (await storedOwnRoutines()).length }).toEqual({ step: 'Sit tall, chin level, shoulders down', listed: true, stored: 2 });
    // Delete again, Discard: deleted, the form closed, focus on Undo.
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-discard"]') !== null, 'asked again');
    p.q('[data-testid="own-discard-yes"]')!.click();
    await until(() => p.q('[data-testid="own-undo"]') !== null, 'deleted, with Undo');
    await tick(30);
    expect({ form: p.q('[data-testid="own-form"]') !== null, stored: (await storedOwnRoutines()).map((r) => r.name) }).toEqual({ form: false, stored: ['Chin tucks'] });
    expect(focused.at(-1)?.getAttribute('data-testid')).toBe('own-undo');
  });

  it('deleting another routine leaves the form open with its draft', async () => {
    const { p, a, b } = await mountWithTwoRoutines();
    p.q(`[data-testid="own-edit-${a.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    p.type('#own-name', 'Desk reset 2');
    p.q(`[data-testid="own-delete-${b.id}"]`)!.click();
    await until(() => p.q(`[data-testid="own-item-${b.id}"]`) === null, 'the other deleted');
    await tick(30);
    expect({ form: p.q('[data-testid="own-form"]') !== null, name: p.q('#own-name')?.value }).toEqual({ form: true, name: 'Desk reset 2' });
  });
});

describe('own routines: deleting one that is left out', () => {
  it('takes its id out of "Routines to leave out" as stored (it stayed there for good, counting towards the list\'s 200), and Undo leaves it out again', async () => {
    const { p, a, b } = await mountWithTwoRoutines();
    await until(() => p.q(`[data-testid="exclude-${a.id}"]`) !== null, 'listed under "Routines to leave out"');
    p.check(`[data-testid="exclude-${a.id}"]`, true);
    p.check(`[data-testid="exclude-${b.id}"]`, true);
    await storedUntil((s) => s.routines.excluded.includes(a.id) && s.routines.excluded.includes(b.id), 'both left out');
    await tick(20);
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await until(() => p.q(`[data-testid="exclude-${a.id}"]`) === null, 'gone from the leave-out list');
    const after = await storedUntil((s) => !s.routines.excluded.includes(a.id), 'its id out of the stored list');
    expect(after.routines.excluded).toEqual([b.id]);
    // Undo: back in its place, still left out, its box ticked.
    p.q('[data-testid="own-undo"]')!.click();
    await until(() => p.q(`[data-testid="exclude-${a.id}"]`) !== null, 'listed again');
    const back = await storedUntil((s) => s.routines.excluded.includes(a.id), 'left out again');
    expect(back.routines.excluded.sort()).toEqual([a.id, b.id].sort());
    await until(() => p.q(`[data-testid="exclude-${a.id}"]`)!.checked, 'its box ticked');
  });

  it('deleting one that is not left out changes nothing else that is left out', async () => {
    const { p, a, b } = await mountWithTwoRoutines();
    await until(() => p.q(`[data-testid="exclude-${b.id}"]`) !== null, 'listed');
    p.check(`[data-testid="exclude-${b.id}"]`, true);
    await storedUntil((s) => s.routines.excluded.includes(b.id), 'b left out');
    await tick(20);
    p.q(`[data-testid="own-delete-${a.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-undo"]') !== null, 'deleted');
    p.q('[data-testid="own-undo"]')!.click();
    await until(() => p.q(`[data-testid="own-item-${a.id}"]`) !== null, 'restored');
    await tick(50);
    expect((await storedUntil(() => true, 'stored')).routines.excluded).toEqual([b.id]);
  });
});
