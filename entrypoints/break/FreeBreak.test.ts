/**
 * The free break (no routine fits the settings): one ending at a time. A held Esc repeats its
 * keydown, and Done can be clicked twice; a second ending would be refused (the break is over)
 * and shown as Limber not answering. Rendered with linkedom's document.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';

async function mount(strict = false) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement });
  const { h, render } = await import('preact');
  const { FreeBreak } = await import('./FreeBreak');
  const calls: string[] = [];
  let answer: (ok: boolean) => void = () => undefined;
  const ending = (name: string) => () => {
    calls.push(name);
    return new Promise<boolean>((resolve) => (answer = resolve));
  };
  render(h(FreeBreak, { strict, lengthSec: 180, onDone: ending('done'), onSkip: ending('skip') }), document.getElementById('app')!);
  const key = (k: string) => {
    const e = new window.Event('keydown');
    Object.defineProperty(e, 'key', { value: k });
    window.dispatchEvent(e);
  };
  const click = (testId: string) => (document.querySelector(`[data-testid="${testId}"]`) as unknown as { click(): void }).click();
  return { calls, key, click, answer: (ok: boolean) => answer(ok) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the free break ends once', () => {
  it('a held Esc, then Done: one skip is sent', async () => {
    const m = await mount();
    m.key('Escape');
    m.key('Escape'); // held: the browser repeats keydown
    m.click('done');
    expect(m.calls).toEqual(['skip']);
  });

  it('after a request that failed, Done and Skip work again', async () => {
    const m = await mount();
    m.click('done');
    m.click('done');
    expect(m.calls).toEqual(['done']);
    m.answer(false);
    await tick();
    m.click('done');
    expect(m.calls).toEqual(['done', 'done']);
  });
});
