/**
 * The options page's "Your data" section (components/DataPrefs.tsx) mounted on its own in a
 * linkedom page, with what its tests do there: click, press a key, pick a file for import, read
 * the message, and the focus watched (linkedom has no activeElement). Shared by
 * lib/data-audit-cases.test.ts and lib/import-once-cases.test.ts; `useDataWorld` sets the clock and
 * the page's frames for lib/data-focus-cases.test.ts and lib/data-midway-cases.test.ts.
 */
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { clock } from '../../lib/platform/clock';
import { onUnmount } from './linkedom-page';
import { pageDom } from './options-page';

/** The element with the keyboard focus as a browser keeps it (see `focusModel`). */
const focus = { now: null as Element | null };
const modelled = new WeakSet<object>();

/**
 * A browser's focus, as far as these pages need it: focus() on a disabled control does nothing,
 * and a focused control that becomes disabled loses the focus (to the page's body; Chromium 156
 * does so, and does not give it back when the control is enabled again).
 */
function focusModel(document: Document): void {
  for (const tag of ['button', 'input']) {
    const proto = Object.getPrototypeOf(document.createElement(tag)) as object;
    if (modelled.has(proto)) continue;
    modelled.add(proto);
    const d = Object.getOwnPropertyDescriptor(proto, 'disabled')!;
    Object.defineProperty(proto, 'disabled', {
      configurable: true,
      get: d.get,
      set(this: Element, v: boolean) {
        d.set!.call(this, v);
        if (v && focus.now === this) focus.now = null;
      },
    });
  }
}

export async function mountData() {
  const d = pageDom();
  const { h, render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { DataPrefs } = await import('../../components/DataPrefs');
  const root = d.document.getElementById('app')!;
  await act(() => render(h(DataPrefs, {}), root));
  onUnmount(() => render(null, root));
  const focused: Element[] = [];
  focusModel(d.document);
  focus.now = null;
  vi.spyOn(d.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
    focused.push(this);
    if (!(this as HTMLButtonElement).disabled && this.isConnected) focus.now = this;
  });
  const click = (id: string) => act(() => d.byId(id)!.click());
  /** A key pressed in an element (linkedom has no KeyboardEvent: an Event with its `key`; sent at the element whose listener takes it, as linkedom calls a bubbled listener with the wrong `this`). */
  const key = (id: string, k: string) =>
    act(() => {
      const e = new d.window.Event('keydown', { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'key', { value: k });
      d.byId(id)!.dispatchEvent(e);
    });
  const message = () => d.byId('data-message')!.textContent ?? '';
  /** A person picks `name` holding `text` (or those bytes, as another program saved them) in the import's file chooser. */
  const choose = async (name: string, text: string | Uint8Array<ArrayBuffer>) => {
    const input = d.byId('import-file')!;
    const file = new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => void input.dispatchEvent(new d.window.Event('change', { bubbles: true })));
  };
  /** A person moves the keyboard focus to a control (Tab), then presses Enter on it (a click). */
  const press = async (id: string) => {
    (d.byId(id) as unknown as HTMLElement).focus();
    await click(id);
  };
  /**
   * `focused`: the element focus() was last called on; `focusNow`: the one a browser would have
   * the focus on now (null: the page's body), a disabled control having lost it.
   */
  return { ...d, click, press, key, message, choose, focused: () => focused.at(-1) ?? null, focusNow: () => (focus.now?.isConnected ? focus.now : null) };
}

/**
 * For a test file's top level: the clock at `now` in Berlin, the page's frames as timers (the
 * export's download waits for one), console warnings and errors quiet, and downloads' blob URLs
 * stubbed.
 */
export function useDataWorld(now: number): void {
  const g = globalThis as { requestAnimationFrame?: (cb: () => void) => unknown; cancelAnimationFrame?: (h: unknown) => void };
  beforeAll(() => {
    g.requestAnimationFrame = (cb) => setTimeout(cb, 0);
    g.cancelAnimationFrame = (h) => clearTimeout(h as ReturnType<typeof setTimeout>);
  });
  afterAll(() => {
    delete g.requestAnimationFrame;
    delete g.cancelAnimationFrame;
  });
  beforeEach(() => {
    vi.spyOn(clock, 'now').mockReturnValue(now);
    vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:limber-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });
}
