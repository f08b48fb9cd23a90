/**
 * Property-based tests: random sequences of what the world can do to the tracker, with the
 * invariants a user relies on checked after every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorking } from '../schedule';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, nextWake, transition, wantsWatchdog, WATCHDOG_MS, type Effect, type Env, type TrackerEvent, type TrackerState } from './tracker';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 27, 6); // Friday before the Berlin DST change
const DAY9 = [{ from: 9 * 60, to: 17 * 60 }];

const VARIANTS: Settings[] = [
  { ...DEFAULT_SETTINGS, remindAfterSec: 120 },
  { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, stretch: { enabled: true, everySec: 600, lengthSec: 60 } },
  { ...DEFAULT_SETTINGS, strict: true, snoozeLimit: 3, stretch: { enabled: true, everySec: 900, lengthSec: 120 } },
  {
    ...DEFAULT_SETTINGS,
    schedule: { enabled: true, days: [DAY9, DAY9, DAY9, DAY9, DAY9, [], [{ from: 22 * 60, to: 2 * 60 }]] },
    stretch: { enabled: true, everySec: 1200, lengthSec: 120 },
  },
  { ...DEFAULT_SETTINGS, snoozeLimit: 0, dailyLimit: { enabled: true, minutes: 60 }, fullscreen: { defer: true, maxMin: 5 } },
];

type Step =
  | { kind: 'wait'; ms: number }
  | { kind: 'activity'; state: 'active' | 'idle' | 'locked' }
  | { kind: 'sleep'; ms: number }
  | { kind: 'clock'; ms: number }
  | { kind: 'start' | 'snooze' | 'skip'; valid: boolean }
  | { kind: 'finish'; outcome: 'completed' | 'partial' | 'skipped'; valid: boolean }
  | { kind: 'manual' }
  | { kind: 'pause'; ms: number | null }
  | { kind: 'resume' }
  | { kind: 'settings'; variant: number }
  | { kind: 'fullscreen'; on: boolean }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1000, max: 90 * MIN }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('activity' as const), state: fc.constantFrom('active' as const, 'idle' as const, 'locked' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: 10 * MIN, max: 3 * 24 * 60 * MIN }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clock' as const), ms: fc.integer({ min: -3 * 60 * MIN, max: 3 * 60 * MIN }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('start' as const, 'snooze' as const, 'skip' as const), valid: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('finish' as const), outcome: fc.constantFrom('completed' as const, 'partial' as const, 'skipped' as const), valid: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'manual' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.option(fc.integer({ min: -MIN, max: 4 * 60 * MIN })) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fullscreen' as const), on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

interface Trace {
  effects: Array<Effect & { at: number }>;
  states: TrackerState[];
}

/** Plays the steps like the background would, delivering the alarms the tracker asks for. */
function play(steps: Step[], firstVariant: number, withRestarts: boolean, check?: (s: TrackerState, settings: Settings, env: Env, at: number, fx: Effect[]) => void): Trace {
  let settings = VARIANTS[firstVariant]!;
  const env: Env = { timeZone: 'Europe/Berlin', fullscreen: false };
  let now = T0;
  let state = initialState(now, env.timeZone);
  const trace: Trace = { effects: [], states: [] };
  const send = (e: TrackerEvent) => {
    const r = transition(state, e, now, settings, env);
    state = r.state;
    trace.effects.push(...r.effects.map((x) => ({ ...x, at: now })));
    trace.states.push(state);
    check?.(state, settings, env, now, r.effects);
  };
  /** Time passes with the worker answering its alarms (and the watchdog while counting). */
  const pass = (ms: number) => {
    const until = now + ms;
    for (let guard = 0; guard < 2000; guard++) {
      const wake = nextWake(state, settings, env) ?? Infinity;
      const at = Math.min(wake, wantsWatchdog(state, settings, env) ? now + WATCHDOG_MS : Infinity);
      if (at > until) break;
      now = Math.max(at, now);
      send({ type: 'tick' });
    }
    now = until;
  };
  const openId = () => (state.phase.name === 'working' ? 'stretch-1' : state.phase.brk.id);
  for (const s of steps) {
    switch (s.kind) {
      case 'wait':
        pass(s.ms);
        break;
      case 'activity':
        send({ type: 'activity', state: s.state });
        break;
      case 'sleep':
        now += s.ms; // nothing is delivered while asleep; then the missed alarm fires once
        send({ type: 'tick' });
        break;
      case 'clock':
        now += s.ms;
        send({ type: 'tick' });
        break;
      case 'start':
      case 'snooze':
      case 'skip':
        send({ type: s.kind, breakId: s.valid ? openId() : 'micro-42' });
        break;
      case 'finish':
        send({ type: 'finish', breakId: s.valid ? openId() : 'micro-42', outcome: s.outcome });
        break;
      case 'manual':
        send({ type: 'start' });
        break;
      case 'pause':
        send({ type: 'pause', until: s.ms === null ? null : now + s.ms });
        break;
      case 'resume':
        send({ type: 'resume' });
        break;
      case 'settings':
        settings = VARIANTS[s.variant]!;
        send({ type: 'settingsChanged' });
        break;
      case 'fullscreen':
        env.fullscreen = s.on;
        break;
      case 'restart':
        // The worker is stopped and started: state comes back from storage (JSON).
        if (withRestarts) state = JSON.parse(JSON.stringify(state)) as TrackerState;
        send({ type: 'tick' });
        break;
    }
  }
  return trace;
}

const sequences = fc.record({ variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }), steps: fc.array(step, { minLength: 1, maxLength: 30 }) });

describe('tracker properties (10,000 random sequences)', () => {
  it('keeps its promises under any sequence of events', () => {
    fc.assert(
      fc.property(sequences, ({ variant, steps }) => {
        const showing = new Set<string>();
        const prompted = new Set<string>();
        const recorded = new Map<string, number>();
        let wallElapsed = 0;
        let lastAt = T0;
        const trace = play(steps, variant, true, (s, settings, env, at, fx) => {
          wallElapsed += Math.max(0, at - lastAt);
          lastAt = at;
          for (const e of fx) {
            if (e.type === 'prompt') {
              // No prompt outside working hours or while paused.
              expect(s.paused).toBeNull();
              if (settings.schedule.enabled) expect(isWorking(settings.schedule, at, env.timeZone)).toBe(true);
              showing.add(e.brk.id);
              prompted.add(e.brk.id);
            }
            if (e.type === 'clearPrompt') showing.delete(e.breakId);
            if (e.type === 'record') recorded.set(e.entry.id, (recorded.get(e.entry.id) ?? 0) + 1);
          }
          // At most one open prompt at a time.
          expect(showing.size).toBeLessThanOrEqual(1);
          // Snoozes never exceed the limit in force when they were taken.
          if (s.phase.name !== 'working') expect(s.phase.brk.snoozes).toBeLessThanOrEqual(Math.max(...VARIANTS.map((v) => v.snoozeLimit)));
          // Desk time is never negative, nor more than the wall time that has passed.
          for (const k of ['micro', 'stretch'] as const) {
            expect(s.desk[k]).toBeGreaterThanOrEqual(0);
            expect(s.desk[k]).toBeLessThanOrEqual(wallElapsed);
          }
          expect(s.today.deskMs).toBeGreaterThanOrEqual(0);
        });
        // Every prompted break ends in exactly one recorded outcome (or is still open).
        const last = trace.states[trace.states.length - 1];
        const stillOpen = last && last.phase.name !== 'working' ? last.phase.brk.id : null;
        for (const id of prompted) {
          if (id === stillOpen) expect(recorded.get(id) ?? 0).toBe(0);
          else expect(recorded.get(id)).toBe(1);
        }
        for (const n of recorded.values()) expect(n).toBe(1);
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
  }, 180_000);

  it('a restart (state reloaded from storage) never changes what happens next', () => {
    fc.assert(
      fc.property(sequences, ({ variant, steps }) => {
        const a = play(steps, variant, false);
        const b = play(steps, variant, true);
        expect(b.effects).toEqual(a.effects);
        expect(b.states).toEqual(a.states);
      }),
      { numRuns: 2_000, seed: 7 },
    );
  }, 120_000);

  it('snoozes respect the limit of the settings in force', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const settings = VARIANTS[2]!; // strict: one snooze
        play(steps.filter((s) => s.kind !== 'settings'), 2, true, (s) => {
          if (s.phase.name !== 'working') expect(s.phase.brk.snoozes).toBeLessThanOrEqual(Math.min(1, settings.snoozeLimit));
        });
      }),
      { numRuns: 2_000, seed: 11 },
    );
  }, 60_000);
});
