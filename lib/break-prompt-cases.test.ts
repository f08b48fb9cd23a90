/**
 * The break window opened as the prompt (entrypoints/break/App.tsx, BreakPrompt.tsx),
 * from a review of the break window. Pages are rendered with linkedom's
 * document and the English catalogue (tests/support/linkedom-page.ts); the background is a stub
 * (tests/support/break-background.ts). The test failed on the code as reviewed.
 */
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { options } from 'preact';
import { parseHTML } from 'linkedom';
import { englishMessage, onUnmount, polyfillDialog, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/settings-items';
import { saveHealthAnswer, type HealthAnswer } from './storage/health';
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

// The window as the prompt, its break postponed elsewhere (the notification's or the popup's
// Postpone; a pause in strict mode): the page said "No break waiting" and stopped looking. The
// break keeps its id, so when it came back due (or was started from the notification) the
// background focused this same window, which still said "No break waiting"; its "Start a break now"
// then started the break, the background focused this window for it, the page closed itself, and
// the break just started was recorded as cut short.
describe('a prompt window whose break was postponed elsewhere', () => {
  const due: BreakSession = { breakId: `stretch-${NOW}`, kind: 'stretch', manual: false, routineId: null, lengthSec: 180, strict: false, canPostpone: true, started: false };
  async function postponedPage() {
    await saveSettings(DEFAULT_SETTINGS);
    await saveHealthAnswer('screened');
    const page = await breakPage(due);
    const { browser } = await import('wxt/browser');
    const { statusSnapshotItem } = await import('./storage/status-cache');
    // The background as it is now: the break's session (null: postponed, none open).
    const bg = { session: due as BreakSession | null };
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; routineId?: string }) => {
      page.sent.push(m);
      if (m.type === 'break/session') return { ok: true, data: bg.session && { ...bg.session } };
      if (m.type === 'break/routine') return { ok: true, data: { ...bg.session!, routineId: m.routineId } };
      return { ok: false, error: 'noSuchBreak' };
    }) as never);
    await until(() => page.q('[data-testid="break-prompt"]') !== null, 'the prompt');
    /** The background's picture written again after an event (lib/engine/runtime.ts publishStatus). */
    const published = async () => {
      const now = Date.now();
      await statusSnapshotItem.setValue({ data: { status: { now, tracker: {} }, history: null, validUntil: now + 60_000 }, day: '2026-04-08' } as never);
    };
    bg.session = null;
    await published();
    await until(() => page.q('[data-testid="break-gone"]') !== null, '"No break waiting" once postponed');
    await tick(50); // the postpone's minutes
    /** The background brings this window to the front (lib/platform/windows.ts openBreakWindow, the same break). */
    const focused = () => void (globalThis.window as unknown as EventTarget).dispatchEvent(new (globalThis.window as unknown as typeof globalThis).Event('focus'));
    return { page, bg, published, focused, done: () => statusSnapshotItem.setValue(null) };
  }

  it('due again: the window brought to the front is the prompt again, not "No break waiting"', async () => {
    const { page, bg, published, focused, done } = await postponedPage();
    try {
      bg.session = { ...due };
      await published();
      focused();
      await tick(100);
      expect(page.q('[data-testid="break-gone"]')).toBeNull();
      expect(page.q('[data-testid="break-prompt"]')).not.toBeNull();
    } finally {
      await done();
    }
  });

  it('started from the notification meanwhile: the window brought to the front plays the break', async () => {
    const { page, bg, published, focused, done } = await postponedPage();
    try {
      bg.session = { ...due, started: true };
      await published();
      focused();
      await tick(100);
      await until(() => page.q('article.player') !== null || page.q('[data-testid="free-break"]') !== null || page.q('[data-testid="break-gone"]') !== null, 'the page');
      await tick(50);
      expect(page.q('[data-testid="break-gone"]')).toBeNull();
      expect(page.q('article.player')).not.toBeNull();
    } finally {
      await done();
    }
  });
});

// Options lets every stretch routine be left out ("they will have no guided routine"), and the
// safety answer can rule out the rest; the prompt (this window, and the notification, which the
// worker writes without the routine library) still said "A short guided stretch is ready", and Start
// then opened the break with no routine ("No routine fits your settings").
describe('a stretch break with no routine that fits: the prompt promises none', () => {
  const due: BreakSession = { breakId: `stretch-${NOW}`, kind: 'stretch', manual: false, routineId: null, lengthSec: 180, strict: false, canPostpone: false, started: false };
  const cases: Array<[string, HealthAnswer, (r: { id: string; kind: string; cautions: readonly string[] }) => boolean]> = [
    ['every stretch routine left out in Options', 'screened', (r) => r.kind === 'stretch' || r.kind === 'self-massage'],
    ['the safety answer ("One of these applies") rules out the ones not left out', 'hidden', (r) => r.kind === 'stretch' && !r.cautions.includes('spineCondition')],
  ];
  it.each(cases)('%s: no "guided stretch is ready"; Start gives the plain break, which says why and where to change it', async (_, health, leftOut) => {
    const { ROUTINES } = await import('../content/routines');
    await saveSettings({ ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, excluded: ROUTINES.filter(leftOut).map((r) => r.id) } });
    await saveHealthAnswer(health);
    const page = await breakPage(due);
    await until(() => page.q('[data-testid="break-prompt"]') !== null, 'the prompt');
    const said = page.q('[data-testid="break-prompt"]')!.textContent!;
    expect(said).not.toMatch(/guided|ready/i);
    expect(said).toContain(englishMessage('promptStretchBody'));
    page.q('[data-testid="prompt-start"]')!.click();
    await until(() => page.q('[data-testid="break-free"]') !== null || page.q('article.player') !== null, 'the break after Start');
    expect(page.q('article.player')).toBeNull();
    expect(page.q('[data-testid="break-free"] h1')!.textContent).toBe(englishMessage('freeBreakTitle'));
    expect(page.q('[data-testid="break-free"]')!.textContent).toContain(englishMessage('freeBreakBody', '3 min'));
  });
});
