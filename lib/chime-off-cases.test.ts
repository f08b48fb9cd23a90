/**
 * Options' "Soft chime" switch off: the break window plays no chime, neither between steps nor at
 * the end, while the spoken steps (voice on) still sound; with it on, both chimes sound (control).
 * Rendered as lib/break-resume-cases.test.ts renders the break window (linkedom, the background
 * stub, fake timers from a fixed T0); the chime is recorded (components/sound.ts chime, replaced).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { effectsOnNextTurn, PAINT, ROUTINE, T0 } from '../tests/support/player-clock';
import { tick, until, useEnglishPages, onUnmount } from '../tests/support/linkedom-page';
import { stubBreakBackground } from '../tests/support/break-background';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/settings-items';
import { saveHealthAnswer } from './storage/health';
import type { BreakSession } from './protocol/messages';

const chimes = vi.hoisted(() => [] as string[]);
vi.mock('../components/sound', async (original) => ({
  ...(await original<typeof import('../components/sound')>()),
  chime: async (_volume: number, tone = 'step') => (chimes.push(tone), true),
}));

useEnglishPages();
effectsOnNextTurn();
const SESSION: BreakSession = { breakId: `stretch-${T0}`, kind: 'stretch', manual: false, routineId: ROUTINE.id, lengthSec: 600, strict: false, canPostpone: false, started: true };

beforeEach(async () => {
  chimes.length = 0;
  await saveHealthAnswer('screened');
});

/** Audio contexts the page made (Web Audio, stubbed). */
let contexts = 0;

/** Plays SESSION's routine to its end (recorded as completed), after a click in the window; returns what was spoken. */
async function playToEnd(): Promise<string[]> {
  vi.stubGlobal('AudioContext', class { state = 'running'; constructor() { contexts++; } resume = async () => undefined; });
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: T0 });
  vi.stubGlobal('sessionStorage', {});
  vi.stubGlobal('SpeechSynthesisUtterance', class { constructor(public text: string) {} });
  stubBreakBackground(SESSION, { next: 0 });
  const { h, render } = await import('preact');
  const { App } = await import('../entrypoints/break/App');
  const spoken: string[] = [];
  const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
  Object.assign(window, { close: () => undefined, speechSynthesis: { cancel: () => undefined, speak: (u: { text: string }) => spoken.push(u.text) } });
  const root = document.getElementById('app')!;
  onUnmount(() => {
    render(null, root);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  render(h(App, { breakId: SESSION.breakId }), root);
  await until(() => q('step-index') !== null, 'the player');
  await tick(PAINT);
  window.dispatchEvent(new window.Event('pointerdown'));
  for (const step of ROUTINE.steps) {
    vi.advanceTimersByTime(step.seconds * 1000);
    await tick(PAINT);
  }
  await until(() => q('break-end') !== null, 'the end');
  await tick(PAINT);
  return spoken;
}

describe('the chime switch', () => {
  it('off, with the voice on: no chime between steps or at the end, the steps still spoken, no audio made ready', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sound: { chime: false, volume: 0.6, voice: true } });
    const spoken = await playToEnd();
    expect(spoken.length, 'the voice still speaks').toBeGreaterThan(ROUTINE.steps.length - 1);
    expect(chimes).toEqual([]);
    expect(contexts, 'no audio context while the chime is off').toBe(0);
  });

  it('on (control): a chime for each new step after the first, and one at the end', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sound: { chime: true, volume: 0.6, voice: false } });
    await playToEnd();
    expect(chimes).toEqual([...ROUTINE.steps.slice(1).map(() => 'step'), 'end']);
    expect(contexts, 'the click made the audio ready').toBe(1);
  });
});
