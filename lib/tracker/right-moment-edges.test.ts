/**
 * Edges of the right-moment rules (holds, the heads-up) a review found broken, each test measured
 * against README.md "How the timer decides" or the code's own doc comments: the heads-up on the
 * return from a lock during a call (the runtime asks the browser), once per stretch break across
 * a posture check, and a hold with no kind of break left on.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { PendingRecord } from '../storage/items';
import type { Platform, Store } from '../engine/ports';
import { createRuntime } from '../engine/runtime';
import { nextWake, view, type TrackerState } from './tracker';
import { BASE, MON_0800, Sim, WEEKDAYS } from '../../tests/tracker-rules-sim';
import { MIN, S, T0, world } from '../../tests/heads-up-world';

/** The runtime with fake ports whose focused window's tab in view always plays sound. */
function soundWorld(settings: Settings) {
  const log: string[] = [];
  let now = T0;
  let stored: { state: TrackerState | null; outbox: PendingRecord[] } = { state: null, outbox: [] };
  const platform: Platform = {
    now: () => now,
    timeZone: () => 'UTC',
    focusedWindow: vi.fn(async () => ({ fullscreen: false, sound: true, tab: 1 })),
    callAudible: vi.fn(async () => false),
    configureIdle: async () => undefined,
    queryActivity: async () => 'active',
    showPrompt: vi.fn(async () => (log.push('showPrompt'), true)),
    promptShowing: async () => false,
    promptOnScreen: async () => false,
    promptShownThisSession: async () => false,
    clearPrompt: async () => undefined,
    showNotice: async () => undefined,
    clearNotice: async () => undefined,
    showHeadsUp: async (h) => void log.push(`headsUp ${h.id}`),
    clearHeadsUp: async () => undefined,
    openBreakWindow: vi.fn(async () => undefined),
    breakWindowFinished: async () => undefined,
    breakWindowState: async () => 'none' as const,
    breakWindowClosed: async () => null,
    breakWindowDismissed: async () => undefined,
    reconcileNextAlarm: async () => undefined,
    reconcileWatchdog: async () => undefined,
    setBadge: async () => undefined,
    openTab: async () => undefined,
  };
  const store: Store = {
    settings: async () => settings,
    loadTracker: async () => structuredClone(stored),
    saveTracker: async (state, outbox) => void (stored = { state: structuredClone(state), outbox: [...outbox] }),
    recordBreak: async () => undefined,
    summary: async () => null,
    readSnapshot: async () => null,
    writeSnapshot: async () => undefined,
    firstWelcome: async () => true,
    noteUpdate: async () => undefined,
  };
  const rt = createRuntime(platform, store);
  const at = (t: number, e: Parameters<typeof rt.handle>[0]) => {
    now = t;
    return rt.serial(() => rt.handle(e));
  };
  return { at, log, state: () => stored.state! };
}

describe('the heads-up', () => {
  // README: "A heads-up before a stretch break ... It comes at most once per break, never while a
  // break would be held (fullscreen, sound, a call)".
  it('never while the tab in view plays sound: not on the return from a 20-s screen lock either (runtime)', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, pauseWaitMin: 0, headsUpSec: 60 };
    const w = soundWorld(settings);
    await w.at(T0, { type: 'activity', state: 'active' });
    // The watchdog every 4 min, then the heads-up's own alarm at 49:00 (sound plays: none, rightly).
    for (let t = T0 + 4 * MIN; t < T0 + 49 * MIN; t += 4 * MIN) await w.at(t, { type: 'tick' });
    await w.at(T0 + 49 * MIN, { type: 'tick' });
    expect(w.log.filter((x) => x.startsWith('headsUp'))).toEqual([]);
    // Still in the call, the person locks the screen for 20 s and comes back: 50 s of desk time left.
    await w.at(T0 + 49 * MIN + 10_000, { type: 'activity', state: 'locked' });
    await w.at(T0 + 49 * MIN + 30_000, { type: 'activity', state: 'active' });
    expect(w.state().activity).toBe('active');
    // The tab in view still plays sound: the break would be held, so no heads-up.
    expect(w.log.filter((x) => x.startsWith('headsUp'))).toEqual([]);
  });

  it('never while the tab in view plays sound: not at the end of a posture check taken across its moment either (runtime)', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, pauseWaitMin: 0, headsUpSec: 60 };
    const w = soundWorld(settings);
    await w.at(T0, { type: 'activity', state: 'active' });
    for (let t = T0 + 4 * MIN; t < T0 + 49 * MIN; t += 4 * MIN) await w.at(t, { type: 'tick' });
    await w.at(T0 + 49 * MIN, { type: 'tick' }); // its moment: sound plays, none (rightly)
    // A posture check by hand at 49:05, finished at 49:25 (desk time stands still meanwhile).
    await w.at(T0 + 49 * MIN + 5_000, { type: 'start', kind: 'micro' });
    const p = w.state().phase;
    if (p.name !== 'onBreak') throw new Error('no break');
    await w.at(T0 + 49 * MIN + 25_000, { type: 'finish', breakId: p.brk.id, outcome: 'completed' });
    expect(w.state().phase.name).toBe('working');
    // The tab in view still plays sound: the break would be held, so no heads-up.
    expect(w.log.filter((x) => x.startsWith('headsUp'))).toEqual([]);
  });

  // heads-up.ts: "At most once per break: `state.headsUp` remembers it until that break is
  // prompted, postponed, started or credited". A posture check taken in between is none of these.
  it('at most once per stretch break: a posture check started by hand in its last minute does not bring a second one', () => {
    // Posture checks on (every 60 min: none falls due before the stretch break at 50 min of desk time).
    const w = world({ ...S, micro: { enabled: true, everySec: 60 * 60, lengthSec: 20 } });
    const due = T0 + 50 * MIN;
    w.runUntil(due - MIN + 5_000);
    expect(w.of('headsUp').map((x) => x.at)).toEqual([due - MIN]);
    // A posture check by hand ("take a break now" of that kind), 20 s, then back to work.
    w.send({ type: 'start', kind: 'micro' }, due - MIN + 10_000);
    const manual = w.state.phase;
    if (manual.name !== 'onBreak') throw new Error('no manual break');
    w.send({ type: 'finish', breakId: manual.brk.id, outcome: 'completed' }, due - MIN + 30_000);
    // The same stretch break (its counter untouched) comes 20 s later than it would have.
    w.runUntil(due + 20_000);
    expect(w.of('prompt').map((x) => [x.at, x.e.brk.kind])).toEqual([[due + 20_000, 'stretch']]);
    expect(w.of('headsUp')).toHaveLength(1);
  });
});

describe('holds', () => {
  // README: "Two kinds of break, each on or off"; "It waits at most 30 minutes ... then comes
  // anyway"; the invariant: every bounded wait ends, a hold never outlasts its bound.
  it('a hold never outlasts its bound: with both kinds switched off during a hold, no wait is left behind', () => {
    const s: Settings = { ...BASE, idleSec: 60, hold: { enabled: true, maxMin: 30 }, pauseWaitMin: 0 };
    const due = MON_0800 + 50 * MIN;
    const sim = new Sim(s, MON_0800);
    sim.env = { ...sim.env, sound: true };
    sim.runUntil(due + 5 * MIN);
    expect(view(sim.state, s).held).toEqual({ reason: 'sound', until: due + 30 * MIN });
    // Annoyed in the call, the person switches stretch breaks off (posture checks are off already).
    sim.settings = { ...s, stretch: { ...s.stretch, enabled: false } };
    sim.send({ type: 'settingsChanged' }, due + 6 * MIN);
    sim.send({ type: 'tick' }, due + 40 * MIN);
    // Long past the bound, nothing waits any more, and no wake is asked for in the past (an alarm
    // in the past fires every 30 s for ever).
    expect(view(sim.state, sim.settings).held).toBeNull();
    expect(nextWake(sim.state, sim.settings, sim.env) ?? Infinity).toBeGreaterThan(sim.now);
  });
});

describe('the heads-up and the end of working hours', () => {
  // README: the heads-up says a stretch break is coming; a break that would fall after the working
  // hours end never comes (desk time starts again with the next hours), so it is not announced,
  // and a notice whose break will not come that day does not stay on screen overnight.
  const END = MON_0800 + 9 * 60 * MIN + 30 * MIN; // Monday 17:30 in Berlin
  const effectsOf = (sim: Sim, type: string) => sim.effects.filter((e) => e.type === type).map((e) => e.at);

  it('announces no break that would fall after the working hours end', () => {
    const start = END - 50 * MIN + 30_000; // desk time from 16:40:30: the break would be due at 17:30:30
    const sim = new Sim(WEEKDAYS, start);
    sim.send({ type: 'activity', state: 'active' }, start);
    sim.runUntil(END + 5 * MIN);
    expect(effectsOf(sim, 'headsUp')).toEqual([]);
    expect(effectsOf(sim, 'prompt')).toEqual([]);
  });

  it('takes back a notice when the working hours end before its break', () => {
    const start = END - 50 * MIN - 30_000; // the break would be due at 17:29:30, its notice at 17:28:30
    const sim = new Sim(WEEKDAYS, start);
    sim.send({ type: 'activity', state: 'active' }, start);
    sim.runUntil(END - 90_000);
    expect(effectsOf(sim, 'headsUp')).toEqual([END - 90_000]);
    // The person steps away at 17:29: the break is not due before the hours end.
    sim.send({ type: 'activity', state: 'idle' }, END - 60_000);
    sim.runUntil(END + 5 * MIN);
    expect(effectsOf(sim, 'prompt')).toEqual([]);
    expect(effectsOf(sim, 'clearHeadsUp')).toEqual([END]);
  });
});
