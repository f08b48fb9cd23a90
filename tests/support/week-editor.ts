/**
 * The week editor (components/ScheduleEditor.tsx) rendered with linkedom, for the schedule tests:
 * `useWeekEditor()` registers English pages and the unmounting in the calling describe block and
 * returns `mount`. Every step runs inside Preact's act (its renders and effects done on return).
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { speakEnglish } from './linkedom-page';
import type { Schedule } from '../../lib/settings';

export function useWeekEditor(ui = 'en-GB') {
  beforeEach(() => speakEnglish(ui));
  const unmount: Array<() => void> = [];
  afterEach(() => {
    while (unmount.length) unmount.pop()!();
    vi.restoreAllMocks();
  });

  return async function mount(value: Schedule) {
    const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
    const { h, render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { ScheduleEditor } = await import('../../components/ScheduleEditor');
    const saved: Schedule[] = [];
    const root = document.getElementById('app')!;
    /** The page gives the editor a new stored week (restore defaults, an import, another window). */
    const show = (v: Schedule) => act(() => render(h(ScheduleEditor, { value: v, onChange: (s: Schedule) => saved.push(s) }), root));
    await show(value);
    unmount.push(() => render(null, root));
    const q = (sel: string) => document.querySelector(sel) as unknown as HTMLInputElement & { click(): void };
    const fire = (sel: string, ...types: string[]) => act(() => types.forEach((type) => q(sel).dispatchEvent(new window.Event(type, { bubbles: type !== 'blur' }))));
    /** What a time field's change event carries: '' while a part of it is cleared (the browser's value then). */
    const setTime = (testId: string, text: string) => {
      q(`[data-testid="${testId}"]`).value = text;
      return fire(`[data-testid="${testId}"]`, 'input', 'change');
    };
    const blur = (testId: string) => fire(`[data-testid="${testId}"]`, 'blur');
    /** A checkbox ticked or cleared (linkedom's click does not toggle one). */
    const check = (sel: string, on: boolean) => {
      q(sel).checked = on;
      return fire(sel, 'change');
    };
    const click = (sel: string) => act(() => q(sel).click());
    return { saved, q, setTime, blur, click, check, show, act, window, document };
  };
}
