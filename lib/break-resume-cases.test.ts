/**
 * The break window reloaded (F5, or the browser restoring it) and the end of its routine
 * (entrypoints/break/App.tsx, Player.tsx, End.tsx, resume.ts), from a review. Pages are rendered
 * with linkedom's document and the English catalogue (tests/support/linkedom-page.ts); the
 * background is the stub of tests/support/break-background.ts; a reload is the page unmounted and
 * rendered again in a new document, with the window's sessionStorage kept. The clock and the
 * player's 250 ms tick are vitest's fake timers (Date, setInterval), from a fixed T0. Expected
 * values come from the routine's step seconds, the keys and the clock, never from the player.
 * The chime is recorded (components/sound.ts chime, replaced); speech as the page asks for it.
 *
 * describe('bugs found in review'): each test failed on the code as reviewed and passes with its fix.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { effectsOnNextTurn, PAINT, ROUTINE, T0, TICK } from '../tests/support/player-clock';
import { englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { stubBreakBackground } from '../tests/support/break-background';
import { ROUTINES } from '../content/routines';
import { stepKey, titleKey } from '../content/keys';
import type { Routine } from '../content/types';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/settings-items';
import { saveHealthAnswer } from './storage/health';
import type { BreakSession } from './protocol/messages';

/** The chimes the page played, by tone. */
const chimes = vi.hoisted(() => [] as string[]);
vi.mock('../components/sound', async (original) => ({
  ...(await original<typeof import('../components/sound')>()),
  chime: async (_volume: number, tone = 'step') => (chimes.push(tone), true),
}));

useEnglishPages();
effectsOnNextTurn();
const N = ROUTINE.steps.length;
const SESSION: BreakSession = { breakId: `stretch-${T0}`, kind: 'stretch', manual: false, routineId: ROUTINE.id, lengthSec: 600, strict: false, canPostpone: false, started: true };

const stepWords = (r: Routine, i: number) => englishMessage(stepKey(r, i));
/** What the voice says first in a page: the routine's title, then the step. */
const firstWords = (r: Routine, i: number) => `${englishMessage(titleKey(r))}. ${stepWords(r, i)}`;

/** The window's sessionStorage (its items read and written as properties): kept across a reload, new for each test. */
const windowStorage = (): Record<string, string> => ({});

beforeEach(async () => {
  chimes.length = 0;
  await saveSettings({ ...DEFAULT_SETTINGS, sound: { chime: true, volume: 0.6, voice: true } });
  await saveHealthAnswer('screened'); // no safety screen in the way
});

/** The break window playing SESSION's break, with `reload(ms)`: F5, the page back `ms` later. */
async function breakWindow(finishAs?: 'completed' | 'partial' | 'skipped', session: BreakSession = SESSION) {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: T0 });
  const storage = windowStorage();
  vi.stubGlobal('sessionStorage', storage);
  vi.stubGlobal('SpeechSynthesisUtterance', class { constructor(public text: string) {} });
  const { kept, sent } = stubBreakBackground(session, { next: 0 }, finishAs);
  const { h, render } = await import('preact');
  const { App } = await import('../entrypoints/break/App');
  /** What the page asked the speech synthesizer to say, since it was last loaded. */
  const spoken: string[] = [];
  let doc: Document;
  let root: Element;
  let win: Window;
  const q = (testId: string) => doc.querySelector(`[data-testid="${testId}"]`) as unknown as (HTMLElement & { click(): void }) | null;
  const load = async () => {
    const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
    spoken.length = 0;
    Object.assign(window, { close: () => undefined, speechSynthesis: { cancel: () => undefined, speak: (u: { text: string }) => spoken.push(u.text) } });
    doc = document as unknown as Document;
    win = window as unknown as Window;
    root = doc.getElementById('app')!;
    render(h(App, { breakId: session.breakId }), root);
    await until(() => q('step-index') !== null || q('break-free') !== null, 'the player or the free break');
    await tick(PAINT);
  };
  onUnmount(() => {
    render(null, root);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  await load();
  return {
    kept,
    sent,
    spoken,
    storage,
    q,
    step: () => q('step-index')!.textContent,
    /** The step's time left as the ring shows it, in seconds ("0:30" -> 30). */
    shownSec: () => {
      const [min, sec] = q('step-remaining')!.textContent!.split(':').map(Number);
      return min! * 60 + sec!;
    },
    key: async (k: string) => {
      const e = new (win as unknown as typeof globalThis).Event('keydown', { bubbles: true });
      Object.defineProperty(e, 'key', { value: k });
      Object.defineProperty(e, 'repeat', { value: false });
      win.dispatchEvent(e);
      await tick(PAINT);
    },
    /** Key `k` pressed, and only the render it causes waited for (a microtask): no effect has run yet. */
    keyRendered: async (k: string) => {
      const e = new (win as unknown as typeof globalThis).Event('keydown', { bubbles: true });
      Object.defineProperty(e, 'key', { value: k });
      Object.defineProperty(e, 'repeat', { value: false });
      win.dispatchEvent(e);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    advance: async (ms: number) => {
      vi.advanceTimersByTime(ms);
      await tick(PAINT);
    },
    reload: async (ms: number) => {
      render(null, root);
      vi.setSystemTime(Date.now() + ms);
      await load();
    },
  };
}

describe('bugs found in review', () => {
  // The player kept its place in memory only: F5, or the browser restoring the window, started
  // the routine again at step 1 (nothing was recorded twice, but the person lost their place).
  it('reloaded mid-routine, the player takes up the step it was on, less the time the reload took, and says where it is', async () => {
    const w = await breakWindow();
    await w.advance(3_000);
    await w.key('ArrowRight'); // step 2 (30 s) from 3 s
    await w.advance(12_000); // 18 s left
    expect(w.step()).toBe(`Step 2 of ${N}`);
    expect(w.shownSec()).toBe(18);
    const chimed = chimes.length;
    await w.reload(2_000);
    expect(w.step()).toBe(`Step 2 of ${N}`);
    expect(w.shownSec(), 'the step\'s time left, the reload\'s 2 s counted').toBe(16);
    expect(w.q('pause')!.textContent).toBe(englishMessage('actionPause'));
    expect(w.spoken, 'the voice says the routine and the step it is on').toEqual([firstWords(ROUTINE, 1)]);
    expect(chimes.slice(chimed), 'no step chime for a page coming back').toEqual([]);
    // And it runs on from there: the step ends when its 30 s have run.
    await w.advance(16_000 - TICK);
    expect(w.step()).toBe(`Step 2 of ${N}`);
    await w.advance(TICK);
    expect(w.step()).toBe(`Step 3 of ${N}`);
    expect(w.sent.filter((m) => m.type === 'break/finish')).toEqual([]);
  });

  it('a step whose time ran out while the page reloaded has moved on, as the timer would have', async () => {
    const first = ROUTINE.steps[0]!.seconds; // 10 s
    const w = await breakWindow();
    await w.advance(4_000);
    await w.reload(8_000); // 12 s in: 2 s into step 2
    expect(w.step()).toBe(`Step 2 of ${N}`);
    expect(w.shownSec()).toBe(ROUTINE.steps[1]!.seconds - (12 - first));
    expect(w.spoken).toEqual([firstWords(ROUTINE, 1)]);
  });

  it('reloaded while paused, the player stays paused with the time the step had left, silent until Resume', async () => {
    const w = await breakWindow();
    await w.advance(3_000);
    await w.key('ArrowRight'); // step 2 (30 s) from 3 s
    await w.advance(5_000);
    await w.key(' '); // paused with 25 s left
    expect(w.shownSec()).toBe(25);
    await w.reload(60_000);
    expect(w.step()).toBe(`Step 2 of ${N}`);
    expect(w.q('pause')!.textContent).toBe(englishMessage('actionResume'));
    expect(w.shownSec()).toBe(25);
    expect(w.spoken, 'nothing said while paused (words spoken and cut off at once are not heard)').toEqual([]);
    await w.advance(10_000);
    expect(w.shownSec()).toBe(25);
    await w.key(' ');
    expect(w.q('pause')!.textContent).toBe(englishMessage('actionPause'));
    expect(w.shownSec()).toBeLessThanOrEqual(25);
    expect(w.spoken, 'resumed: the routine and its step said').toEqual([firstWords(ROUTINE, 1)]);
    await w.advance(25_000);
    expect(w.step()).toBe(`Step 3 of ${N}`);
  });

  // The place was kept by an effect, which runs after the next frame: a reload in between (the
  // page showing "Resume", the person pressing F5 at once) took the routine up running.
  it('reloaded the moment after a pause shows, the player is still paused', async () => {
    const w = await breakWindow();
    await w.key('ArrowRight');
    await w.advance(5_000);
    await w.keyRendered(' ');
    expect(w.q('pause')!.textContent, 'the page shows the pause').toBe(englishMessage('actionResume'));
    const left = w.shownSec();
    await w.reload(30_000);
    expect(w.q('pause')!.textContent).toBe(englishMessage('actionResume'));
    expect(w.shownSec()).toBe(left);
  });

  it('"Another routine" starts at its step 1, and a reload then takes up that routine, not the place in the one before', async () => {
    const w = await breakWindow();
    await w.advance(3_000);
    await w.key('ArrowRight');
    await w.key('ArrowRight'); // step 3 of ROUTINE
    w.q('another')!.click();
    await until(() => w.kept.routineId !== ROUTINE.id && w.q('step-index') !== null && doc().querySelector('article.player')?.getAttribute('data-routine-id') === w.kept.routineId, 'another routine');
    const other = ROUTINES.find((r) => r.id === w.kept.routineId)!;
    expect(w.step()).toBe(`Step 1 of ${other.steps.length}`);
    await w.advance(2_000);
    await w.reload(1_000);
    expect(doc().querySelector('article.player')!.getAttribute('data-routine-id')).toBe(other.id);
    expect(w.step()).toBe(`Step 1 of ${other.steps.length}`);
    expect(w.shownSec()).toBe(other.steps[0]!.seconds - 3);
  });

  it('the place is forgotten when the break ends', async () => {
    const w = await breakWindow();
    await w.key('ArrowRight');
    expect(Object.keys(w.storage).sort(), 'a place kept while the routine plays, and the break\'s start').toEqual(['breakFrom', 'player']);
    await w.key('Enter');
    await until(() => w.q('break-end') !== null, 'the end');
    expect(Object.keys(w.storage)).toEqual([]);
  });

  // Player.tsx played the end chime as the routine ended, before the background answered: a break
  // the background recorded as cut short (the machine slept through it, or it was left open 15 min
  // past its length) chimed "done" under an end screen saying "cut short".
  it('no end chime for a routine that ran to its end but was recorded as cut short', async () => {
    const total = ROUTINE.steps.reduce((n, s) => n + s.seconds * 1000, 0);
    const w = await breakWindow('partial');
    await w.advance(total);
    await until(() => w.q('break-end') !== null, 'the end');
    await tick(PAINT);
    expect(doc().querySelector('[data-testid="break-end"] h1')!.textContent).toBe(englishMessage('endPartial'));
    expect(chimes.filter((c) => c === 'end'), 'end chimes for a break cut short').toEqual([]);
  });

  it('the end chime sounds once for a routine recorded as completed (Done)', async () => {
    const w = await breakWindow();
    await w.advance(1_000);
    await w.key('Enter');
    await until(() => w.q('break-end') !== null, 'the end');
    await tick(PAINT);
    expect(doc().querySelector('[data-testid="break-end"] h1')!.textContent).toBe(englishMessage('endCompleted'));
    expect(chimes.filter((c) => c === 'end')).toEqual(['end']);
  });

  // End.tsx chimed only after a routine ("a free break has none"): with no routine fitting the
  // settings, Done said "Nice work. Break done." aloud (voice on) but stayed silent with the chime
  // on, though Options promises a "Soft chime between steps and at the end".
  it('a free break (no routine fits) ended with Done chimes at its end, as a routine does', async () => {
    const w = await breakWindow(undefined, { ...SESSION, routineId: 'no-such-routine' });
    expect(w.q('break-free'), 'the free break').not.toBeNull();
    w.q('done')!.click();
    await until(() => w.q('break-end') !== null, 'the end');
    await tick(PAINT);
    expect(doc().querySelector('[data-testid="break-end"] h1')!.textContent).toBe(englishMessage('endCompleted'));
    expect(w.spoken).toEqual([englishMessage('endCompleted')]);
    expect(chimes, 'the end chime, once').toEqual(['end']);
  });

  it('a free break skipped, or recorded as cut short, does not chime', async () => {
    const w = await breakWindow('partial', { ...SESSION, routineId: 'no-such-routine' });
    w.q('done')!.click();
    await until(() => w.q('break-end') !== null, 'the end');
    await tick(PAINT);
    expect(doc().querySelector('[data-testid="break-end"] h1')!.textContent).toBe(englishMessage('endPartial'));
    expect(chimes).toEqual([]);
  });
});

describe('strict mode: a reload does not give back the break\'s time', () => {
  /** The break's time left as its timer shows it, in seconds (none shown: null). */
  const breakLeftSec = () => {
    const text = doc().querySelector(`[role="timer"][aria-label="${englishMessage('breakTimeLeft')}"] .ring-text`)?.textContent;
    if (!text) return null;
    const [min, sec] = text.split(':').map(Number);
    return min! * 60 + sec!;
  };
  const finishes = (w: { sent: Array<{ type: string }> }) => w.sent.filter((m) => m.type === 'break/finish');

  // FreeBreak.tsx counted the break's length from when it was shown: F5 near the end of a strict
  // free break started it again, and Done came only a whole break's length after the reload.
  it('a strict free break reloaded keeps its time: the time left goes on from where it was, and the break ends as done at its length from its start', async () => {
    const w = await breakWindow(undefined, { ...SESSION, routineId: 'no-such-routine', strict: true, lengthSec: 60 });
    expect(w.q('break-free'), 'the free break').not.toBeNull();
    expect(w.q('done')).toBeNull();
    await w.advance(40_000);
    expect(breakLeftSec()).toBe(20);
    await w.reload(5_000);
    expect(w.q('break-free'), 'the free break, reloaded').not.toBeNull();
    expect(breakLeftSec(), 'the time left after the reload: 60 s less the 45 s gone').toBe(15);
    expect(w.q('done')).toBeNull();
    await w.advance(14_000);
    expect(finishes(w)).toEqual([]);
    await w.advance(1_000 + TICK);
    await until(() => w.q('break-end') !== null, 'the end, 60 s after the break began');
    expect(finishes(w).map((m) => (m as unknown as { outcome: string }).outcome)).toEqual(['completed']);
  });

  it('a strict routine paged to its last step and reloaded keeps the break\'s time: no Done before it has passed, and the break ends as done then', async () => {
    const total = ROUTINE.steps.reduce((n, s) => n + s.seconds * 1000, 0);
    const w = await breakWindow(undefined, { ...SESSION, strict: true });
    for (let i = 1; i < N; i++) await w.key('ArrowRight');
    expect(w.step()).toBe(`Step ${N} of ${N}`);
    await w.advance(10_000);
    await w.reload(5_000);
    expect(w.step()).toBe(`Step ${N} of ${N}`);
    expect(breakLeftSec(), 'the time left after the reload').toBe((total - 15_000) / 1000);
    await w.key('Enter');
    expect(w.q('done')).toBeNull();
    expect(finishes(w)).toEqual([]);
    await w.advance(total - 15_000 - 1_000);
    expect(finishes(w)).toEqual([]);
    await w.advance(1_000 + TICK);
    await until(() => w.q('break-end') !== null, 'the end');
    expect(finishes(w).map((m) => (m as unknown as { outcome: string }).outcome)).toEqual(['completed']);
  });

  // A strict routine ends by itself at its end (Player.tsx); the strict free break showed Done once
  // its time was up and waited: a window then closed instead (its note: closing "before the end"
  // is cut short) was recorded as cut short, though the whole break had been taken.
  it('a strict free break ends by itself as done once its time is up, as a routine does (it waited for Done, and closing the window then recorded it as cut short)', async () => {
    const w = await breakWindow(undefined, { ...SESSION, routineId: 'no-such-routine', strict: true, lengthSec: 60 });
    expect(w.q('break-free'), 'the free break').not.toBeNull();
    await w.advance(59_000);
    expect(finishes(w)).toEqual([]);
    await w.advance(1_000 + TICK);
    await until(() => w.q('break-end') !== null, 'the end');
    await tick(PAINT);
    expect(finishes(w).map((m) => (m as unknown as { outcome: string }).outcome)).toEqual(['completed']);
    expect(doc().querySelector('[data-testid="break-end"] h1')!.textContent).toBe(englishMessage('endCompleted'));
    expect(chimes.filter((c) => c === 'end'), 'the end chime, once').toEqual(['end']);
  });

  it('the break\'s start is forgotten when the break ends: another break in the window has its own time', async () => {
    const w = await breakWindow(undefined, { ...SESSION, routineId: 'no-such-routine', strict: true, lengthSec: 60 });
    await w.advance(60_000 + TICK);
    // The free break ends by itself then (below).
    await until(() => w.q('break-end') !== null, 'the end');
    expect(Object.keys(w.storage)).toEqual([]);
  });
});

/** The page's document now (a reload makes a new one). */
const doc = () => globalThis.document;
