/**
 * The break window's promises a mutation hunt found unpinned (entrypoints/break/Player.tsx,
 * FreeBreak.tsx, App.tsx): for each, a broken variant of the code passed every test before these.
 * Pages are rendered with Preact into linkedom's document with the English catalogue; the clock
 * and the player's 250 ms tick are vitest's fake timers from a fixed T0 (UTC). Expected values come
 * from the routine's step seconds, the break's length and the person's keys and clicks, never from
 * the player's own output.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { effectsOnNextTurn, PAINT, ROUTINE, T0, TICK } from '../tests/support/player-clock';
import { englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { stepKey } from '../content/keys';
import { stubBreakBackground } from '../tests/support/break-background';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/settings-items';
import { saveHealthAnswer } from './storage/health';
import type { BreakSession } from './protocol/messages';

useEnglishPages();
effectsOnNextTurn();

const N = ROUTINE.steps.length;
const ms = (from: number, to: number) => ROUTINE.steps.slice(from, to).reduce((t, s) => t + s.seconds * 1000, 0);

/** A page rendered from `node`, with the clock at T0; `key` a keydown on the window, `advance` the clock on by `ms`. */
async function mount(node: (h: typeof import('preact').h, endings: string[]) => Promise<import('preact').ComponentChild>) {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: T0 });
  vi.stubGlobal('sessionStorage', {});
  const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
  // What the page asked the speech synthesizer to say; `speaking` until cancelled or `heard`.
  const spoken: string[] = [];
  const synth = { speaking: false, cancel: () => void (synth.speaking = false), speak: (u: { text: string }) => (spoken.push(u.text), (synth.speaking = true)) };
  Object.assign(window, { close: () => undefined, speechSynthesis: synth });
  vi.stubGlobal('SpeechSynthesisUtterance', class { volume = 1; constructor(public text: string) {} });
  const { h, render } = await import('preact');
  const endings: string[] = [];
  const root = document.getElementById('app')!;
  render(await node(h, endings), root);
  onUnmount(() => {
    render(null, root);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  await tick(PAINT);
  const q = (testId: string) => document.querySelector(`[data-testid="${testId}"]`) as unknown as (HTMLElement & { click(): void }) | null;
  return {
    endings,
    spoken,
    /** What was being said has been said to its end. */
    heard: () => void (synth.speaking = false),
    q,
    key: async (k: string) => {
      const e = new window.Event('keydown', { bubbles: true });
      Object.defineProperty(e, 'key', { value: k });
      Object.defineProperty(e, 'repeat', { value: false });
      window.dispatchEvent(e);
      await tick(PAINT);
    },
    advance: async (t: number) => {
      vi.advanceTimersByTime(t);
      await tick(PAINT);
    },
  };
}

const ending = (endings: string[], name: string) => async () => (endings.push(name), true);

const mountPlayer = (strict: boolean, voice = false) =>
  mount(async (h, endings) =>
    h((await import('../entrypoints/break/Player')).Player, {
      breakId: `stretch-${T0}`,
      routine: ROUTINE,
      sound: { chime: false, volume: 0.6, voice },
      strict,
      onDone: ending(endings, 'done'),
      onSkip: ending(endings, 'skip'),
      onAnother: () => undefined,
    }),
  );

const mountFreeBreak = (strict: boolean, lengthSec: number) =>
  mount(async (h, endings) => h((await import('../entrypoints/break/FreeBreak')).FreeBreak, { breakId: `stretch-${T0}`, kind: 'stretch', strict, lengthSec, onDone: ending(endings, 'done'), onSkip: ending(endings, 'skip') }));

describe('strict mode: Done only at the last step, and only once the break\'s time has passed', () => {
  // Paused at step 1 for longer than the whole routine: the break's time has passed, but the steps
  // have not been played. Done (button or Enter) must wait for the last step; a variant that
  // offered it as soon as the time passed, or one step early, went unseen.
  it('paused at step 1 past the routine\'s length: no Done at step 1, nor at the step before the last; at the last step, Done', async () => {
    const m = await mountPlayer(true);
    await m.key(' ');
    await m.advance(ms(0, N) + 60_000);
    await m.key(' ');
    await m.advance(TICK);
    expect(m.q('step-index')!.textContent).toBe(`Step 1 of ${N}`);
    expect(m.q('done'), 'Done at step 1').toBeNull();
    await m.key('Enter');
    expect(m.endings, 'Enter at step 1').toEqual([]);
    // Played on to the step before the last (its first steps' seconds from the resume).
    await m.advance(ms(0, N - 2) - TICK);
    expect(m.q('step-index')!.textContent).toBe(`Step ${N - 1} of ${N}`);
    expect(m.q('done'), 'Done at the step before the last').toBeNull();
    await m.key('Enter');
    expect(m.endings, 'Enter at the step before the last').toEqual([]);
    await m.advance(ms(N - 2, N - 1));
    expect(m.q('step-index')!.textContent).toBe(`Step ${N} of ${N}`);
    expect(m.q('done'), 'Done at the last step').not.toBeNull();
    await m.key('Enter');
    expect(m.endings).toEqual(['done']);
  });
});

describe('the voice across a pause', () => {
  // A pause cut step 2's words off; → while paused moved to step 3, whose words were said to their
  // end. Resume is on step 3: nothing was cut off there, so nothing is said again (a variant that
  // kept the cut-off mark of step 2 said step 3 twice).
  it('a pause cuts a step\'s words off, → while paused says the next step, heard to its end: Resume says nothing more', async () => {
    const m = await mountPlayer(false, true);
    await m.key('ArrowRight'); // step 2, its words under way
    await m.key(' '); // paused: the words cut off
    await m.key('ArrowRight'); // step 3, said as it is shown
    m.heard();
    await m.key(' ');
    await m.advance(TICK);
    expect(m.spoken.slice(1)).toEqual([englishMessage(stepKey(ROUTINE, 1)), englishMessage(stepKey(ROUTINE, 2))]);
  });
});

describe('strict mode, the free break: Done not a second before the break\'s length', () => {
  it('a 2-min break: no Done at 1:59.75, ended as done at 2:00', async () => {
    const m = await mountFreeBreak(true, 120);
    await m.advance(120_000 - TICK);
    expect(m.q('done'), 'Done a quarter second before the break\'s length').toBeNull();
    expect(m.endings).toEqual([]);
    await m.advance(1000);
    expect(m.endings).toEqual(['done']);
  });
});

describe('the break window records what the person chose', () => {
  const SESSION: BreakSession = { breakId: `stretch-${T0}`, kind: 'stretch', manual: false, routineId: null, lengthSec: 180, strict: false, canPostpone: true, started: false };
  beforeEach(async () => {
    await saveSettings(DEFAULT_SETTINGS);
    await saveHealthAnswer('screened');
  });

  async function breakPage(session: BreakSession) {
    const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
    Object.assign(window, { close: () => undefined, speechSynthesis: { speaking: false, cancel: () => undefined, speak: () => undefined } });
    vi.stubGlobal('sessionStorage', {});
    const { sent } = stubBreakBackground(session);
    const { h, render } = await import('preact');
    const { App } = await import('../entrypoints/break/App');
    const root = document.getElementById('app')!;
    render(h(App, { breakId: session.breakId }), root);
    onUnmount(() => {
      render(null, root);
      vi.unstubAllGlobals();
    });
    const q = (testId: string) => document.querySelector(`[data-testid="${testId}"]`) as unknown as (HTMLElement & { click(): void }) | null;
    return { q, sent };
  }

  it('the prompt\'s Skip asks for the break to be skipped, not postponed', async () => {
    const page = await breakPage(SESSION);
    await until(() => page.q('prompt-skip') !== null, 'the prompt');
    page.q('prompt-skip')!.click();
    await until(() => page.sent.some((m) => m.type !== 'break/session'), 'the Skip sent');
    expect(page.sent.filter((m) => m.type !== 'break/session')).toEqual([{ type: 'break/skip', breakId: SESSION.breakId }]);
  });

  it('each postpone choice asks for its own minutes (5 min, 15 min)', async () => {
    for (const minutes of [5, 15]) {
      const page = await breakPage(SESSION);
      await until(() => page.q(`postpone-${minutes}`) !== null, 'the postpone choices');
      page.q(`postpone-${minutes}`)!.click();
      await until(() => page.sent.some((m) => m.type === 'break/snooze'), 'the postpone sent');
      expect(page.sent.filter((m) => m.type === 'break/snooze')).toEqual([{ type: 'break/snooze', breakId: SESSION.breakId, minutes }]);
    }
  });

  it('strict mode: the prompt offers Start and no Skip', async () => {
    const page = await breakPage({ ...SESSION, strict: true });
    await until(() => page.q('prompt-start') !== null, 'the prompt');
    expect(page.q('prompt-skip')).toBeNull();
  });

  // Skip (the button, or Esc) under way: the break is recorded as skipped, with the routine it was
  // in, or with none in the free break; as completed it counted toward the day and the streak.
  for (const [where, routineId, recorded] of [['the player', ROUTINE.id, ROUTINE.id], ['the free break', 'no-such-routine', null]] as const) {
    it(`${where}: Skip is recorded as skipped, Done as completed`, async () => {
      for (const [button, outcome] of [['skip', 'skipped'], ['done', 'completed']] as const) {
        const page = await breakPage({ ...SESSION, started: true, routineId });
        await until(() => page.q(button) !== null, `the ${button} button`);
        page.q(button)!.click();
        await until(() => page.sent.some((m) => m.type === 'break/finish'), 'the ending sent');
        expect(page.sent.filter((m) => m.type === 'break/finish')).toEqual([{ type: 'break/finish', breakId: SESSION.breakId, outcome, routineId: recorded }]);
      }
    });
  }
});

// "prefers-reduced-motion keeps it still" (components/StepCue.tsx): the break page's one animation
// (the step cue's glow, break.css) and every transition stop when the system asks for less motion.
describe('reduced motion: the break page moves nothing', () => {
  it('the page loads the theme, whose reduced-motion rule stops every animation and transition the page declares', () => {
    const read = (f: string) => readFileSync(path.resolve(__dirname, '..', f), 'utf8');
    expect(read('entrypoints/break/main.tsx')).toMatch(/import '\.\.\/\.\.\/components\/theme\.css'/);
    const theme = read('components/theme.css');
    const block = /@media \(prefers-reduced-motion: reduce\) \{([\s\S]*?)\n\}/.exec(theme)?.[1] ?? '';
    const universal = /\*, \*::before, \*::after \{([^}]*)\}/.exec(block)?.[1] ?? '';
    expect(read('entrypoints/break/break.css')).toMatch(/animation:/); // what there is to stop
    expect(universal.replace(/\s+/g, ' ')).toContain('animation: none !important;');
    expect(universal.replace(/\s+/g, ' ')).toContain('transition: none !important;');
  });
});
