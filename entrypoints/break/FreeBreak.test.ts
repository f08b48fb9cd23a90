/**
 * The free break (no routine fits the settings): one ending at a time. A held Esc repeats its
 * keydown, and Done can be clicked twice; a second ending would be refused (the break is over)
 * and shown as Limber not answering. Rendered with linkedom's document.
 */
import { describe, expect, it, vi } from 'vitest';
import { speakEnglish } from '../../tests/support/linkedom-page';
import { parseHTML } from 'linkedom';

async function mount(strict = false, lengthSec = 180, kind: 'micro' | 'stretch' = 'stretch') {
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
  render(h(FreeBreak, { breakId: `${kind}-1`, kind, strict, lengthSec, onDone: ending('done'), onSkip: ending('skip') }), document.getElementById('app')!);
  const key = (k: string) => {
    const e = new window.Event('keydown');
    Object.defineProperty(e, 'key', { value: k });
    window.dispatchEvent(e);
  };
  const click = (testId: string) => (document.querySelector(`[data-testid="${testId}"]`) as unknown as { click(): void }).click();
  return { document, calls, key, click, answer: (ok: boolean) => answer(ok) };
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

describe('strict mode: the break ends by itself at its length; Done only if that fails, and then said to a screen reader, once', () => {
  it('when the break\'s length has passed, the break is ended as done by itself (it waited for Done: a window closed then was recorded as cut short); if that fails, Done comes and a live region there from the start says it can be used, once', async () => {
    speakEnglish();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: Date.UTC(2026, 2, 2, 9, 0) });
    try {
      const m = await mount(true, 20);
      // Preact runs effects after a frame (100 ms without one here): the countdown's interval is
      // set up then. Wait for it on the real clock, or a loaded machine advances time before it.
      for (let i = 0; i < 200 && vi.getTimerCount() === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const said = () => Array.from(m.document.querySelectorAll('[role="status"], [aria-live]:not([aria-live="off"])')).map((r) => r.textContent);
      const before = said();
      const regionsBefore = m.document.querySelectorAll('[role="status"]').length;
      const texts: string[][] = [];
      const step = async () => {
        vi.advanceTimersByTime(1000);
        await tick();
        texts.push(said());
      };
      for (let s = 0; s < 19; s++) await step();
      expect(m.calls).toEqual([]);
      for (let s = 0; s < 3; s++) await step();
      // At 20 s: ended as done, once, with nothing said of Done (the end screen says what came of it).
      expect({ calls: m.calls, after: said() }).toEqual({ calls: ['done'], after: ['', ''] });
      // The ending failed (no answer): Done is there, and its coming is said.
      m.answer(false);
      for (let s = 0; s < 3; s++) await step();
      const done = m.document.querySelector('[data-testid="done"]');
      const canEnd = 'Time is up: you can finish the break now with Done.';
      expect({ done: done !== null, before, regions: m.document.querySelectorAll('[role="status"]').length, after: said(), calls: m.calls }).toEqual({ done: true, before: ['', ''], regions: regionsBefore, after: ['', canEnd], calls: ['done'] });
      // The countdown is not read out: the regions change once, when Done is offered.
      const changes = texts.filter((t, i) => JSON.stringify(t) !== JSON.stringify(i ? texts[i - 1] : before));
      expect(changes).toEqual([['', canEnd]]);
      m.click('done');
      expect(m.calls).toEqual(['done', 'done']);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});

// Without strict mode the free break said "for 3 min" and showed no time, and never ended: a person
// who took the break for its length and closed the window had it recorded as cut short (as one left
// open 15 minutes past it), where a routine ends by itself, completed, at its end.
describe('without strict mode: the time left is shown and the break ends by itself at its length, as a routine does', () => {
  it('Done from the start; the time left shown; at the break\'s length, ended as done once', async () => {
    speakEnglish();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: Date.UTC(2026, 2, 2, 9, 0) });
    try {
      const m = await mount(false, 20);
      for (let i = 0; i < 200 && vi.getTimerCount() === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(m.document.querySelector('[data-testid="done"]')).not.toBeNull();
      expect(m.document.querySelector('[data-testid="break-remaining"]')).not.toBeNull();
      for (let s = 0; s < 19; s++) {
        vi.advanceTimersByTime(1000);
        await tick();
      }
      expect(m.calls).toEqual([]);
      for (let s = 0; s < 3; s++) {
        vi.advanceTimersByTime(1000);
        await tick();
      }
      expect(m.calls).toEqual(['done']);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});

// A posture check's prompt says "sit tall, relax your shoulders, look away from the screen"; with no
// routine fitting, the free break after it said "stand up, move around" (the stretch break's words).
describe('the free break\'s words fit the break\'s kind', () => {
  it('a posture check: the posture prompt\'s words, for its length; a stretch break: stand up and move around', async () => {
    speakEnglish();
    try {
      const micro = (await mount(false, 20, 'micro')).document.querySelector('[data-testid="break-free"]')!.textContent!;
      expect(micro).toContain('Take 20 seconds: sit tall, relax your shoulders, look away from the screen.');
      expect(micro).not.toContain('stand up');
      const stretch = (await mount(false, 180, 'stretch')).document.querySelector('[data-testid="break-free"]')!.textContent!;
      expect(stretch).toContain('stand up, move around and look away from the screen for 3 min');
      expect(stretch).not.toContain('sit tall');
    } finally {
      vi.restoreAllMocks();
    }
  });
});
