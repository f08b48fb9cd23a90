/**
 * The options page's "Your data" section (components/DataPrefs.tsx) mounted on its own in a
 * linkedom page, with what its tests do there: click, press a key, pick a file for import, read
 * the message, and the focus watched (linkedom has no activeElement). Shared by
 * lib/data-audit-cases.test.ts and lib/import-once-cases.test.ts.
 */
import { vi } from 'vitest';
import { onUnmount } from './linkedom-page';
import { pageDom } from './options-page';

export async function mountData() {
  const d = pageDom();
  const { h, render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { DataPrefs } = await import('../../components/DataPrefs');
  const root = d.document.getElementById('app')!;
  await act(() => render(h(DataPrefs, {}), root));
  onUnmount(() => render(null, root));
  const focused: Element[] = [];
  vi.spyOn(d.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
    focused.push(this);
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
  /** A person picks `name` holding `text` in the import's file chooser. */
  const choose = async (name: string, text: string) => {
    const input = d.byId('import-file')!;
    const file = new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => void input.dispatchEvent(new d.window.Event('change', { bubbles: true })));
  };
  return { ...d, click, key, message, choose, focused: () => focused.at(-1) ?? null };
}
