/**
 * The break window opened as the prompt (entrypoints/break/App.tsx, BreakPrompt.tsx),
 * from a review of the break window. Pages are rendered with linkedom's
 * document and the English catalogue (tests/support/linkedom-page.ts); the background is a stub
 * (tests/support/break-background.ts). The test failed on the code as reviewed.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { options } from 'preact';
import { parseHTML } from 'linkedom';
import { onUnmount, polyfillDialog, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/settings-items';
import { saveHealthAnswer } from './storage/health';
import type { BreakSession } from './protocol/messages';
import { stubBreakBackground } from '../tests/support/break-background';

useEnglishPages();
beforeAll(() => void (options.requestAnimationFrame = (cb) => void setTimeout(cb, 0)));
afterAll(() => void delete options.requestAnimationFrame);

const NOW = Date.UTC(2026, 3, 8, 15, 0);

async function breakPage(session: BreakSession, props: Record<string, unknown> = {}) {
  const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
  polyfillDialog(window as never);
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
  Object.assign(window, { close: () => undefined });
  const { kept, sent } = stubBreakBackground(session);
  const { h, render } = await import('preact');
  const { App } = await import('../entrypoints/break/App');
  const root = document.getElementById('app')!;
  render(h(App, { breakId: session.breakId, ...props } as never), root);
  onUnmount(() => render(null, root));
  const q = (sel: string) => document.querySelector(sel) as unknown as (HTMLElement & { click(): void }) | null;
  return { document, q, kept, sent };
}

describe('bugs found in review of the break window', () => {
  // Prompts as the break window: the page sent break/start as it loaded and the routine played to
  // its end by itself: with nobody at the desk, a completed break in the history (and a stretch
  // break completed makes the day count toward the streak). Nobody took it.
  it('a window opened as the prompt starts nothing and plays nothing until its Start', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    await saveHealthAnswer('screened');
    const page = await breakPage({ breakId: `stretch-${NOW}`, kind: 'stretch', manual: false, routineId: null, lengthSec: 180, strict: false, canPostpone: true, started: false }, { prompting: true });
    await until(() => page.q('[data-testid="break-prompt"]') !== null || page.q('article.player') !== null, 'the page');
    await tick(50);
    expect(page.sent.map((m) => m.type), 'nothing but the session asked').not.toContain('break/start');
    expect(page.q('article.player')).toBeNull();
    expect(page.q('h1')!.textContent).toBe('Time for a 3-minute stretch');
    expect(page.q('[data-testid="postpone"]'), 'the postpone choices of a prompted break').not.toBeNull();
    page.q('[data-testid="prompt-start"]')!.click();
    await until(() => page.q('article.player') !== null, 'the routine after Start');
    expect(page.sent.filter((m) => m.type === 'break/start')).toEqual([{ type: 'break/start', breakId: `stretch-${NOW}` }]);
  });
});
