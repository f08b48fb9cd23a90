/**
 * From an accessibility review (unit level, linkedom over WXT's fake browser, English catalogue:
 * tests/support/linkedom-page.ts), what axe cannot judge:
 * - keyboard focus after an action whose control goes away or is disabled: a browser sends it to
 *   the page's body, a screen reader then says nothing more, and the next Tab starts from the top;
 * - a refusal tied to the control it is about (aria-describedby), heard when that control is gone
 *   back to, not only once as an alert; and no reference to a note that is not in the page.
 *
 * Each test failed on the code as reviewed and passes with its fix.
 */
import { describe, expect, it, vi } from 'vitest';
import { englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, pageDom, storedUntil } from '../tests/support/options-page';
import { DEFAULT_SETTINGS } from './settings';

useEnglishPages();

/** Every element focus() is called on, in order. */
function watchFocus(window: { HTMLElement: { prototype: HTMLElement } }): Element[] {
  const focused: Element[] = [];
  vi.spyOn(window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
    focused.push(this);
  });
  return focused;
}

const what = (e: Element | undefined) => (e ? e.getAttribute('data-testid') ?? `#${e.id}` : 'nothing');

describe('options, "Hold breaks during calls on these sites"', () => {
  it('Remove on an own site leaves the focus on the next site\'s Remove, and on the host field after the last (it went to the page)', async () => {
    const { saveSettings } = await import('./storage/settings-items');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    vi.spyOn(fakeBrowser.permissions as unknown as { remove: () => Promise<boolean> }, 'remove').mockResolvedValue(true);
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: false, own: ['a.example.org', 'b.example.org', 'c.example.org'] } });
    await until(() => p.q('[data-testid="call-site-remove-c.example.org"]') !== null, 'the three sites');
    const focused = watchFocus(p.window as never);
    const remove = async (host: string, left: string[]) => {
      focused.length = 0;
      p.q(`[data-testid="call-site-remove-${host}"]`)!.click();
      await storedUntil((s) => s.callSites.own.length === left.length, `${host} removed`);
      await until(() => p.q(`[data-testid="call-site-remove-${host}"]`) === null, `${host} gone from the list`);
      await tick(30);
      return what(focused.at(-1));
    };
    // The middle one: the one after it takes its place.
    expect(await remove('b.example.org', ['a.example.org', 'c.example.org'])).toBe('call-site-remove-c.example.org');
    // The last one in the list: the one before it.
    expect(await remove('c.example.org', ['a.example.org'])).toBe('call-site-remove-a.example.org');
    // The only one: the list goes; the field to add a site is next.
    expect(await remove('a.example.org', [])).toBe('call-site-host');
  });
});

describe('the safety screen (options, the break\'s end, before a routine)', () => {
  it('an answer pressed keeps the keyboard focus while it is saved and after the save fails: aria-disabled, not disabled; a second press sends nothing', async () => {
    const p = pageDom();
    const { h, render } = await import('preact');
    const { SafetyScreen } = await import('../components/SafetyScreen');
    const answers: string[] = [];
    let fail: () => void = () => undefined;
    const onAnswer = (a: string) => (answers.push(a), new Promise<void>((_, reject) => (fail = () => reject(new Error('quota')))));
    const root = p.document.getElementById('app')!;
    render(h(SafetyScreen, { onAnswer, onClose: () => undefined }), root as never);
    onUnmount(() => render(null, root as never));
    await tick();
    const none = () => p.byId('safety-none')!;
    const applies = () => p.byId('safety-applies')!;
    none().click();
    applies().click(); // at once, before the page is drawn again
    await tick();
    // A disabled button gives its focus to the page: a screen reader goes quiet, and Tab starts again at the top of the dialog.
    expect({ none: none().hasAttribute('disabled'), applies: applies().hasAttribute('disabled') }, 'disabled while the answer is saved').toEqual({ none: false, applies: false });
    expect([none().getAttribute('aria-disabled'), applies().getAttribute('aria-disabled')]).toEqual(['true', 'true']);
    none().click(); // pressed again while it is saved
    applies().click();
    expect(answers).toEqual(['allowed']);
    fail();
    await tick();
    await tick();
    expect([none().hasAttribute('disabled'), none().getAttribute('aria-disabled')]).toEqual([false, null]);
    expect(p.q('[role="alert"]')?.textContent).toBe(englishMessage('errSaveFailed'));
  });
});

describe('options, "Hold breaks during calls on these sites": the browser\'s refusal', () => {
  it('is tied to the switch it is about (aria-describedby), not only said once as an alert', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    vi.spyOn(fakeBrowser.permissions as unknown as { request: () => Promise<boolean> }, 'request').mockResolvedValue(false);
    const p = await mountOptionsPage();
    p.check('[data-testid="call-sites-enabled"]', true);
    await until(() => p.q('[data-testid="call-sites-refused"]') !== null, 'the refusal');
    const refusal = p.q('[data-testid="call-sites-refused"]')!;
    const described = (sel: string) => (p.q(sel)!.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    expect(refusal.id, 'the refusal has an id to refer to').not.toBe('');
    // The switch shows off again; going back to it, a screen reader says why, as the page does.
    expect({ checked: p.q('[data-testid="call-sites-enabled"]')!.checked, switch: described('[data-testid="call-sites-enabled"]').includes(refusal.id) }).toEqual({ checked: false, switch: true });
  });

  it('on, from sync, in a browser without the permission, ticked and refused: the switch refers only to notes in the page', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { saveSettings } = await import('./storage/settings-items');
    const perms = fakeBrowser.permissions as unknown as { request: () => Promise<boolean>; contains: () => Promise<boolean> };
    vi.spyOn(perms, 'request').mockResolvedValue(false);
    vi.spyOn(perms, 'contains').mockResolvedValue(false);
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: true, own: [] } });
    await until(() => p.q('[data-testid="call-sites-not-here"]') !== null, 'the note: no permission here');
    p.check('[data-testid="call-sites-enabled"]', true);
    await until(() => p.q('[data-testid="call-sites-refused"]') !== null, 'the refusal');
    await tick(30);
    const ids = (p.q('[data-testid="call-sites-enabled"]')!.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    expect(ids.filter((id) => !p.document.getElementById(id))).toEqual([]);
    expect(ids).toContain('call-sites-refused');
  });
});
