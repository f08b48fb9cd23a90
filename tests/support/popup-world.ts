/**
 * The popup and the weekly review as a person uses them, for unit tests: pages rendered with
 * linkedom's document (as entrypoints/break/FreeBreak.test.ts does), the English catalogue read
 * from disk, the fake browser. The popup talks to the real background (lib/engine handleMessage
 * over fake storage and fake-indexeddb), kept awake by its watchdog tick every 4 minutes as the
 * alarm does. Time: the page's and the engine's clock are the same faked Date (only Date and
 * setInterval are faked; IndexedDB's timers stay real); the machine's zone is UTC.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { effectsSurviveTimerSwitches, speakEnglish, tick, until } from './linkedom-page';
import { clock } from '../../lib/platform/clock';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { saveSettings } from '../../lib/storage/items';
import { closeHistory, recordBreak } from '../../lib/storage/history';

export const MIN = 60_000;
export const DAY = 86_400_000;
/** Monday 2 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
/** Stretch breaks only, no heads-up, no wait for a pause in typing: one thing at a time. */
export const STRETCH_ONLY: Settings = { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, headsUpSec: 0, pauseWaitMin: 0 };

let uiLanguage = 'en-US';
/** The browser's UI language from now until the test ends. */
export function setUiLanguage(l: string): void {
  uiLanguage = l;
}
let restoreIntl = () => undefined as unknown;
/** Run when the test ends (before the pages are unmounted's mocks are restored). */
export function onCleanup(fn: () => unknown): void {
  restoreIntl = fn;
}
const mounted: Array<() => void> = [];

/** Registers the world's set-up and tear-down in the calling test file. */
export function usePopupWorld(): void {
// Tests here fake setTimeout and switch back: Preact's effects must not wait on the fake clock.
effectsSurviveTimerSwitches();
beforeEach(() => {
  uiLanguage = 'en-US';
  // The English catalogue (also what Chrome gives a browser language Limber has no catalogue for: default_locale en).
  speakEnglish();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => uiLanguage);
  vi.spyOn(clock, 'now').mockImplementation(() => Date.now());
  vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
  // The fake browser has no idle API; the break window opens as window 7.
  Object.assign(browser, { idle: { setDetectionInterval: vi.fn(), queryState: vi.fn(async () => 'active'), onStateChanged: fakeBrowser.alarms.onAlarm } });
  vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 7 } as never);
});
afterEach(async () => {
  while (mounted.length) mounted.pop()!();
  vi.useRealTimers();
  restoreIntl();
  restoreIntl = () => undefined;
  await tick(20);
  vi.restoreAllMocks();
  await closeHistory();
});
}

export function dom() {
  const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div><div id="app2"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
  Object.assign(window, { close: vi.fn() });
  const q = (sel: string) => document.querySelector(sel) as unknown as HTMLElement | null;
  const text = (id: string) => q(`[data-testid="${id}"]`)?.textContent ?? null;
  return { window, document, q, text };
}

/** The background from T0 (its first wake), its watchdog ticking every 4 minutes until `openAt`. */
export async function background(settings: Settings, openAt: number, from = T0) {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: from });
  await saveSettings(settings);
  const { wake, dispatch } = await import('../../lib/engine');
  await wake();
  for (let t = from + 4 * MIN; t < openAt; t += 4 * MIN) {
    vi.setSystemTime(t);
    await dispatch({ type: 'tick' });
  }
  vi.setSystemTime(openAt);
}

/**
 * The popup, opened now, its messages answered by the background after `delay` ms (the round
 * trip to the worker: a message, a state saved, a history row written).
 */
export async function openPopup(delay = 0) {
  const { handleMessage } = await import('../../lib/engine');
  const sent: Array<{ type: string }> = [];
  let pending = 0;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    sent.push(m as { type: string });
    pending++;
    try {
      if (delay) await tick(delay);
      return await handleMessage(m);
    } finally {
      pending--;
    }
  });
  const d = dom();
  const { h, render } = await import('preact');
  const { App } = await import('../../entrypoints/popup/App');
  const { startPopupLoad } = await import('../../components/hooks/use-popup-data');
  const root = d.document.getElementById('app')!;
  render(h(App, { load: startPopupLoad(Date.now()), initial: null }), root);
  mounted.push(() => render(null, root));
  await until(() => d.q('main')?.getAttribute('data-source') === 'fresh', 'the background\'s answer');
  const click = (id: string) => (d.q(`[data-testid="${id}"]`) as unknown as { click(): void }).click();
  /** The popup's clock moves on by `ms` (its once-a-second tick runs), then the page settles. */
  const wait = async (ms: number) => {
    vi.advanceTimersByTime(ms);
    await tick(60);
  };
  /** Until every request sent has its answer and the page has drawn it. */
  const answered = async () => {
    await until(() => pending === 0, 'the answers');
    await tick(20);
  };
  return { ...d, click, sent, wait, answered };
}

export async function openReview() {
  const d = dom();
  const { h, render } = await import('preact');
  const { App } = await import('../../entrypoints/review/App');
  const root = d.document.getElementById('app2')!;
  render(h(App, {}), root);
  mounted.push(() => render(null, root));
  await until(() => d.q('main.review')?.getAttribute('aria-busy') === 'false', 'the review');
  return d;
}

/** A completed stretch break ending at `end`. */
export const completed = (id: string, end: number) =>
  recordBreak({ id, kind: 'stretch', outcome: 'completed', dueAt: end - 3 * MIN, promptedAt: end - 3 * MIN, startedAt: end - 3 * MIN, endedAt: end, routineId: null, deskMs: 50 * MIN, snoozes: 0, manual: false }, 'UTC');
