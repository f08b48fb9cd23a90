/**
 * The `breakEnded` effect: the tracker says when the person's own finish or skip of a break was
 * accepted (the engine then closes the break window's bookkeeping), from the prompt (due or
 * snoozed) and from a break under way; never for a refused answer, never for any other event,
 * and never for a break the tracker closed by itself (abandoned, away, paused, switched off).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, transition, type Result, type TrackerEvent, type TrackerState } from './tracker';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0); // Monday 09:00 UTC
const MIN = 60_000;
const S: Settings = {
  ...DEFAULT_SETTINGS,
  pauseWaitMin: 0,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  snoozeLimit: 2,
  remindAfterSec: 180,
};
/** When the stretch break falls due: the configured interval of desk time after T0. */
const DUE = T0 + S.stretch.everySec * 1000;

const ended = (r: Result) => r.effects.flatMap((e) => (e.type === 'breakEnded' ? [e.breakId] : []));

/** Plays events (each a minute after the last, from `at`); returns the state and every result. */
function play(events: TrackerEvent[], settings: Settings = S, from: TrackerState = initialState(T0), at = DUE): { state: TrackerState; results: Result[] } {
  let state = from;
  const results: Result[] = [];
  events.forEach((e, i) => {
    const r = transition(JSON.parse(JSON.stringify(state)) as TrackerState, e, at + i * MIN, settings);
    state = r.state;
    results.push(r);
  });
  return { state, results };
}

/** The state with the stretch break prompted (phase `due`), and its id: desk time with the watchdog's ticks up to the interval. */
function due(settings: Settings = S): { state: TrackerState; id: string } {
  let state = initialState(T0);
  for (let at = T0 + 5 * MIN; at <= DUE; at += 5 * MIN) state = play([{ type: 'tick' }], settings, state, at).state;
  if (state.phase.name !== 'due') throw new Error(`expected a due break, got ${state.phase.name}`);
  return { state, id: state.phase.brk.id };
}

/** One event, by default a minute after the state last heard from the machine. */
const after = (state: TrackerState, e: TrackerEvent, settings: Settings = S, at = state.lastSeen + MIN) => play([e], settings, state, at).results[0]!;

describe('breakEnded: an accepted finish or skip', () => {
  const cases: Array<{ name: string; setup: (id: string) => TrackerEvent[]; answer: (id: string) => TrackerEvent; settings?: Settings }> = [
    { name: 'skip from the prompt (due)', setup: () => [], answer: (id) => ({ type: 'skip', breakId: id }) },
    { name: 'finish "skipped" from the prompt (due)', setup: () => [], answer: (id) => ({ type: 'finish', breakId: id, outcome: 'skipped' }) },
    { name: 'skip while snoozed', setup: (id) => [{ type: 'snooze', breakId: id }], answer: (id) => ({ type: 'skip', breakId: id }) },
    { name: 'finish "skipped" while snoozed', setup: (id) => [{ type: 'snooze', breakId: id }], answer: (id) => ({ type: 'finish', breakId: id, outcome: 'skipped' }) },
    { name: 'finish "completed" on a break', setup: (id) => [{ type: 'start', breakId: id }], answer: (id) => ({ type: 'finish', breakId: id, outcome: 'completed', routineId: 'neck-release' }) },
    { name: 'finish "partial" on a break', setup: (id) => [{ type: 'start', breakId: id }], answer: (id) => ({ type: 'finish', breakId: id, outcome: 'partial' }) },
    { name: 'skip on a break', setup: (id) => [{ type: 'start', breakId: id }], answer: (id) => ({ type: 'skip', breakId: id }) },
    {
      name: 'finish "partial" on a break in strict mode (closing the window early)',
      settings: { ...S, strict: true },
      setup: (id) => [{ type: 'start', breakId: id }],
      answer: (id) => ({ type: 'finish', breakId: id, outcome: 'partial' }),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const settings = c.settings ?? S;
      const { state, id } = due(settings);
      const before = play(c.setup(id), settings, state, DUE + MIN).state;
      const r = after(before, c.answer(id), settings);
      expect(r.refused).toBeUndefined();
      // Exactly once, for the break the person answered.
      expect(ended(r)).toEqual([id]);
      expect(r.state.phase.name).toBe('working');
    });
  }

  it('a break started with "take a break now" (no prompt), then finished', () => {
    const { state, results } = play([{ type: 'start' }], S, initialState(T0), T0 + 5 * MIN);
    const p = state.phase;
    if (p.name !== 'onBreak') throw new Error(p.name);
    expect(ended(results[0]!)).toEqual([]);
    expect(ended(after(state, { type: 'finish', breakId: p.brk.id, outcome: 'completed' }, S, T0 + 9 * MIN))).toEqual([p.brk.id]);
  });
});

describe('breakEnded: not for a refused answer', () => {
  it('an answer for another break', () => {
    const { state } = due();
    for (const e of [{ type: 'skip', breakId: 'stretch-1' }, { type: 'finish', breakId: 'stretch-1', outcome: 'completed' }] satisfies TrackerEvent[]) {
      const r = after(state, e);
      expect(r.refused).toBe('noSuchBreak');
      expect(ended(r)).toEqual([]);
    }
  });

  it('a skip in strict mode, from the prompt and from the break window', () => {
    const strict = { ...S, strict: true };
    const { state, id } = due(strict);
    expect(after(state, { type: 'skip', breakId: id }, strict).refused).toBe('strict');
    expect(ended(after(state, { type: 'skip', breakId: id }, strict))).toEqual([]);
    const onBreak = after(state, { type: 'start', breakId: id }, strict).state;
    const r = after(onBreak, { type: 'finish', breakId: id, outcome: 'skipped' }, strict, DUE + 11 * MIN);
    expect(r.refused).toBe('strict');
    expect(ended(r)).toEqual([]);
  });

  it('a finish when no break is open, and a second finish of the same break', () => {
    const r0 = after(initialState(T0), { type: 'finish', breakId: 'manual-1', outcome: 'completed' }, S, T0 + MIN);
    expect(r0.refused).toBe('noSuchBreak');
    expect(ended(r0)).toEqual([]);
    const { state, id } = due();
    const done = after(after(state, { type: 'start', breakId: id }).state, { type: 'finish', breakId: id, outcome: 'completed' }, S, DUE + 11 * MIN);
    expect(ended(done)).toEqual([id]);
    const again = after(done.state, { type: 'finish', breakId: id, outcome: 'completed' }, S, DUE + 12 * MIN);
    expect(again.refused).toBe('noSuchBreak');
    expect(ended(again)).toEqual([]);
  });
});

describe('breakEnded: not for other events, nor for breaks the tracker closes itself', () => {
  it('a whole cycle: only the finish says it', () => {
    const { state, id } = due();
    const { results } = play(
      [
        { type: 'snooze', breakId: id },
        { type: 'tick' },
        { type: 'activity', state: 'idle' },
        { type: 'activity', state: 'active' },
        { type: 'settingsChanged' },
        { type: 'start', breakId: id },
        { type: 'setRoutine', breakId: id, routineId: 'neck-release' },
        { type: 'tick' },
        { type: 'finish', breakId: id, outcome: 'completed' },
        { type: 'pause', until: null },
        { type: 'resume' },
      ],
      S,
      state,
      DUE + MIN,
    );
    expect(results.map(ended)).toEqual([[], [], [], [], [], [], [], [], [id], [], []]);
  });

  it('a prompt closed by a pause, by being away, by its kind switched off; a break left open too long', () => {
    const { state, id } = due();
    const closers: Array<{ e: TrackerEvent; settings?: Settings; from?: TrackerState; at?: number }> = [
      { e: { type: 'pause', until: null } },
      { e: { type: 'activity', state: 'active' }, from: after(state, { type: 'activity', state: 'locked' }, S, DUE + MIN).state, at: DUE + 10 * MIN },
      { e: { type: 'settingsChanged' }, settings: { ...S, stretch: { ...S.stretch, enabled: false }, micro: { ...S.micro, enabled: true } } },
      { e: { type: 'tick' }, from: after(state, { type: 'start', breakId: id }, S, DUE + MIN).state, at: DUE + MIN + S.stretch.lengthSec * 1000 + 16 * MIN },
    ];
    for (const c of closers) {
      const r = after(c.from ?? state, c.e, c.settings ?? S, c.at);
      // The tracker did close the break (one history row for it) ...
      expect(r.effects.filter((x) => x.type === 'record' && x.entry.id === id)).toHaveLength(1);
      // ... but the person did not end it.
      expect(ended(r)).toEqual([]);
    }
  });
});
