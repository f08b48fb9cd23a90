/**
 * The options page in linkedom for unit tests (lib/*-cases.test.ts): a page document in globalThis
 * as the page modules expect it, with a browser's `checked`, `<select>` value and modal dialogs,
 * the ways a person changes a control, and the whole page mounted with its later sections loaded.
 */
import { parseHTML } from 'linkedom';
import { vi } from 'vitest';
import type { Settings } from '../../lib/settings';
import { onUnmount, polyfillDialog, selectLikeABrowser, tick, until } from './linkedom-page';

/** linkedom's <input> has no `checked` property: one backed by the attribute, as a browser's (Preact and the handlers use it). */
export function checkedLikeABrowser(document: Document): void {
  const proto = Object.getPrototypeOf(document.createElement('input')) as object;
  Object.defineProperty(proto, 'checked', {
    configurable: true,
    get(this: HTMLInputElement) {
      return this.hasAttribute('checked');
    },
    set(this: HTMLInputElement, v: boolean) {
      if (v) this.setAttribute('checked', '');
      else this.removeAttribute('checked');
    },
  });
}

type Control = HTMLInputElement & HTMLSelectElement & { click(): void };

/** A fresh English page document, installed in globalThis, and how a person works its controls. */
export function pageDom() {
  const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
  polyfillDialog(window as never);
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, HTMLInputElement: window.HTMLInputElement, Event: window.Event });
  Object.assign(window, { close: vi.fn() });
  selectLikeABrowser(document);
  checkedLikeABrowser(document);
  const q = (sel: string) => document.querySelector(sel) as unknown as Control | null;
  /** By data-testid, else by id (the number fields have only an id). */
  const byId = (testid: string) => q(`[data-testid="${testid}"]`) ?? (document.getElementById(testid) as unknown as Control | null);
  /** A person ticks or unticks a box: the browser flips it, then fires change. */
  const check = (sel: string, on: boolean) => {
    const el = q(sel)!;
    el.checked = on;
    el.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const choose = (sel: string, value: string) => {
    (q(`${sel} option[value="${value}"]`) as unknown as { selected: boolean }).selected = true;
    q(sel)!.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const type = (sel: string, text: string) => {
    const el = q(sel)!;
    el.value = text;
    el.dispatchEvent(new window.Event('input', { bubbles: true }));
    el.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const selectValue = (sel: string) => q(sel)!.value;
  return { window, document: document as unknown as Document, q, byId, check, choose, type, selectValue };
}

export type Command = { name?: string; shortcut?: string; description?: string };

/** The whole options page, with its later sections (break behaviour, shortcuts, routines, sounds, own routines, data) loaded. */
export async function mountOptionsPage(commands: () => Command[] = () => []) {
  const d = pageDom();
  const { h, render } = await import('preact');
  const { browser } = await import('wxt/browser');
  Object.assign(browser.commands, { getAll: async () => commands() });
  const { App } = await import('../../entrypoints/options/App');
  const root = d.document.getElementById('app')!;
  render(h(App, {}), root);
  onUnmount(() => render(null, root));
  const later = ['position-seated', 'own-weight', 'test-sound', 'shortcut-settings', 'strict'];
  await until(() => later.every((id) => d.q(`[data-testid="${id}"]`) !== null) && d.byId('stretch.lengthMin') !== null, 'the options page with its later sections');
  await tick(30);
  return d;
}

/** The stored settings once they satisfy `ok` (a page's save runs after the event that asked for it). */
export async function storedUntil(ok: (s: Settings) => boolean, label: string): Promise<Settings> {
  const { loadSettings } = await import('../../lib/storage/settings-items');
  for (let i = 0; i < 400; i++) {
    const s = await loadSettings();
    if (ok(s)) return s;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${label}`);
}

/** The whole options page with two own routines listed: Desk reset (`a`) and Chin tucks (`b`), both short posture checks. */
export async function mountWithTwoRoutines() {
  const p = await mountOptionsPage();
  const { saveOwnRoutines, storedOwnRoutines } = await import('../../lib/storage/own-routines');
  const routine = (id: string, name: string) => ({ id, name, kind: 'posture' as const, areas: ['neck' as const], position: 'seated' as const, equipment: ['none' as const], steps: [{ text: 'Sit tall', seconds: 30 }] });
  const a = routine('own-aaaa0001', 'Desk reset');
  const b = routine('own-bbbb0002', 'Chin tucks');
  await saveOwnRoutines([a, b]);
  await until(() => p.q(`[data-testid="own-item-${b.id}"]`) !== null, 'the two routines');
  return { p, a, b, storedOwnRoutines };
}
