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
import { afterAll, beforeAll } from 'vitest';
import { options } from 'preact';
import { englishMessage, onUnmount, polyfillDialog, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, pageDom, storedUntil } from '../tests/support/options-page';
import { stubBreakBackground } from '../tests/support/break-background';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/settings-items';
import { saveHealthAnswer } from './storage/health';
import type { BreakSession } from './protocol/messages';

useEnglishPages();
// Effects run as a browser's next frame would, not after Preact's 100-ms fallback.
beforeAll(() => void (options.requestAnimationFrame = (cb) => void setTimeout(cb, 0)));
afterAll(() => void delete options.requestAnimationFrame);

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

describe('the break window: a control pressed that goes away', () => {
  const NOW = Date.UTC(2026, 3, 8, 15, 0);
  const due = (patch: Partial<BreakSession> = {}): BreakSession => ({ breakId: `stretch-${NOW}`, kind: 'stretch', manual: false, routineId: null, lengthSec: 180, strict: false, canPostpone: false, started: false, ...patch });

  async function breakPage(session: BreakSession, failing = { next: 0 }) {
    const { parseHTML } = await import('linkedom');
    const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
    polyfillDialog(window as never);
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
    Object.assign(window, { close: () => undefined });
    const { kept, sent } = stubBreakBackground(session, failing);
    const { h, render } = await import('preact');
    const { App } = await import('../entrypoints/break/App');
    const root = document.getElementById('app')!;
    const focused = watchFocus(window as never);
    render(h(App, { breakId: session.breakId } as never), root);
    onUnmount(() => render(null, root));
    const q = (sel: string) => document.querySelector(sel) as unknown as (HTMLElement & { click(): void }) | null;
    /** Where keyboard focus is after pressing `pressed`: where focus() last put it since, else still on it. */
    const landed = (pressed: Element, since: number) => focused.slice(since).at(-1) ?? pressed;
    return { document, q, kept, sent, focused, landed };
  }

  it('"Try again" answered with no answer again: the focus stays on a "Try again" in the page (it went to the page\'s body), and the refusal is said afresh', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    const failing = { next: 1 };
    const page = await breakPage(due(), failing);
    await until(() => page.q('[data-testid="retry"]') !== null, 'no answer, and Try again');
    const before = page.q('[role="alert"]');
    await tick(30);
    failing.next = 1;
    const asked = page.sent.length;
    const retry = page.q('[data-testid="retry"]')!;
    const since = page.focused.length;
    retry.click();
    await until(() => page.sent.length > asked && failing.next === 0, 'asked again');
    await tick(30);
    const at = page.landed(retry, since);
    expect({ inPage: at.isConnected, on: what(at) }).toEqual({ inPage: true, on: 'retry' });
    const alert = page.q('[role="alert"]');
    expect(alert?.textContent).toBe(englishMessage('errBackground'));
    expect(alert, 'a new alert (one left standing is not said again)').not.toBe(before);
  });

  it('"Try again" answered: the focus goes to the heading of what replaces it (the prompt), not to the page (control: passed before)', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    const page = await breakPage(due(), { next: 1 });
    await until(() => page.q('[data-testid="retry"]') !== null, 'no answer, and Try again');
    const retry = page.q('[data-testid="retry"]')!;
    const since = page.focused.length;
    retry.click();
    await until(() => page.q('[data-testid="break-prompt"]') !== null, 'the prompt');
    await tick(30);
    const at = page.landed(retry, since);
    expect({ inPage: at.isConnected, tag: at.tagName, alert: page.q('[role="alert"]') }).toEqual({ inPage: true, tag: 'H1', alert: null });
  });

  it('Skip on the prompt refused as strict mode came on meanwhile: the focus goes to Start (it went to the top of the page), which is described by the refusal', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    const page = await breakPage(due());
    const { browser } = await import('wxt/browser');
    const stub = vi.mocked(browser.runtime.sendMessage).getMockImplementation() as unknown as (m: unknown) => Promise<unknown>;
    vi.mocked(browser.runtime.sendMessage).mockImplementation((async (m: { type: string }) => {
      if (m.type !== 'break/skip') return stub(m);
      page.kept.strict = true; // turned on in Options meanwhile
      return { ok: false, error: 'strict' };
    }) as never);
    await until(() => page.q('[data-testid="prompt-skip"]') !== null, 'the prompt with Skip');
    await tick(30);
    const skip = page.q('[data-testid="prompt-skip"]')!;
    const since = page.focused.length;
    skip.click();
    await until(() => page.q('[data-testid="prompt-skip"]') === null, 'Skip gone (strict mode)');
    await tick(30);
    const at = page.landed(skip, since);
    expect({ inPage: at.isConnected, on: what(at) }).toEqual({ inPage: true, on: 'prompt-start' });
    const alert = page.q('[role="alert"]')!;
    expect(alert.textContent).toBe(englishMessage('errStrict'));
    expect((at.getAttribute('aria-describedby') ?? '').split(/\s+/)).toContain(alert.id || '(the alert has no id)');
  });

  it('Skip in the player refused as strict mode came on meanwhile: the focus goes to the control before it (Another routine), described by the refusal while it is said', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    await saveHealthAnswer('screened');
    const page = await breakPage(due({ started: true, routineId: 'cat-cow' }));
    const { browser } = await import('wxt/browser');
    const stub = vi.mocked(browser.runtime.sendMessage).getMockImplementation() as unknown as (m: unknown) => Promise<unknown>;
    vi.mocked(browser.runtime.sendMessage).mockImplementation((async (m: { type: string; outcome?: string }) => {
      if (m.type !== 'break/finish' || m.outcome !== 'skipped') return stub(m);
      page.kept.strict = true;
      return { ok: false, error: 'strict' };
    }) as never);
    await until(() => page.q('[data-testid="skip"]') !== null, 'the player with Skip');
    await tick(30);
    const skip = page.q('[data-testid="skip"]')!;
    const since = page.focused.length;
    skip.click();
    await until(() => page.q('[data-testid="skip"]') === null, 'Skip gone (strict mode)');
    await tick(30);
    const at = page.landed(skip, since);
    expect({ inPage: at.isConnected, on: what(at) }).toEqual({ inPage: true, on: 'another' });
    const alert = page.q('[role="alert"]')!;
    expect(alert.textContent).toBe(englishMessage('errStrict'));
    expect((at.getAttribute('aria-describedby') ?? '').split(/\s+/)).toContain(alert.id || '(the alert has no id)');
    // Another routine: the alert goes, and no control refers to it any more.
    (at as HTMLElement).click();
    await until(() => page.q('[role="alert"]') === null, 'the alert gone');
    await tick(30);
    const dangling = Array.from(page.document.querySelectorAll('[aria-describedby]')).flatMap((e) => (e.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !page.document.getElementById(id)));
    expect(dangling).toEqual([]);
  });
});

describe('options, own routines: Undo refused (the list filled up elsewhere meanwhile)', () => {
  const routine = (i: number) => ({ id: `own-${String(i).padStart(8, '0')}`, name: `Routine ${i}`, kind: 'posture' as const, areas: ['neck' as const], position: 'seated' as const, equipment: ['none' as const], steps: [{ text: 'Sit tall', seconds: 30 }] });
  const thirty = Array.from({ length: 30 }, (_, i) => routine(i + 1));

  /** 30 own routines listed, the first deleted ("“Routine 1” deleted. Undo"); focus() watched. */
  async function deletedFromFull() {
    const { saveOwnRoutines, storedOwnRoutines } = await import('./storage/own-routines');
    const p = await mountOptionsPage();
    await saveOwnRoutines(thirty);
    await until(() => p.q(`[data-testid="own-item-${thirty[29]!.id}"]`) !== null, 'the 30 routines');
    const focused = watchFocus(p.window as never);
    p.q(`[data-testid="own-delete-${thirty[0]!.id}"]`)!.click();
    await until(() => p.q('[data-testid="own-undo"]') !== null, 'deleted, with Undo');
    for (let i = 0; i < 200 && (await storedOwnRoutines()).length !== 29; i++) await tick(5);
    await tick(150);
    expect(what(focused.at(-1))).toBe('own-undo');
    return { p, focused, saveOwnRoutines, storedOwnRoutines };
  }

  it('pressed as another window\'s 30th arrives: refused, nothing added elsewhere lost, and the focus on the refusal, which says why (the Undo went, and the focus to the page, with nothing said)', async () => {
    // Effects after a frame, as in a browser (Preact's 100-ms fallback here): the list that came is not drawn yet.
    const raf = options.requestAnimationFrame;
    delete options.requestAnimationFrame;
    onUnmount(() => void (options.requestAnimationFrame = raf));
    const { p, focused, saveOwnRoutines, storedOwnRoutines } = await deletedFromFull();
    const elsewhere = [...thirty.slice(1), routine(31)];
    await saveOwnRoutines(elsewhere);
    await tick(10);
    const undo = p.q('[data-testid="own-undo"]')!;
    expect(undo.isConnected, 'Undo still shown').toBe(true);
    const since = focused.length;
    undo.click();
    await tick(250);
    const at = focused.slice(since).at(-1) ?? undo;
    expect((await storedOwnRoutines()).map((r) => r.id), 'nothing added elsewhere lost').toEqual(elsewhere.map((r) => r.id));
    expect({ inPage: at.isConnected, text: at.textContent }).toEqual({ inPage: true, text: englishMessage('ownLimitReached', '30') });
  });

  it('withdrawn while it has the focus, as the 30th arrives: the focus goes to what says why (it went to the page)', async () => {
    const { p, focused, saveOwnRoutines } = await deletedFromFull();
    // The browser's focus: the last element focused while it is in the page, else the body.
    Object.defineProperty(p.document, 'activeElement', { configurable: true, get: () => [...focused].reverse().find((e) => e.isConnected) ?? p.document.body });
    const undo = p.q('[data-testid="own-undo"]')!;
    const since = focused.length;
    await saveOwnRoutines([...thirty.slice(1), routine(31)]);
    await until(() => p.q('[data-testid="own-undo"]') === null, 'the Undo withdrawn');
    await tick(30);
    const at = focused.slice(since).at(-1) ?? undo;
    expect({ inPage: at.isConnected, text: at.textContent }).toEqual({ inPage: true, text: englishMessage('ownLimitReached', '30') });
  });
});
