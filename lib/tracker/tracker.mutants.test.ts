/**
 * Broken trackers (mutants) the property checker must reject. Each wraps the real `transition`
 * (or `nextWake`, or the simulated engine) in a small fault and runs the same property as
 * lib/tracker/tracker.property.test.ts with `fc.check`; the checker must report a failure, and
 * for the promise the fault breaks. A checker that passed these would prove nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { REAL_TRACKER, runWorld, scenarioArb, Violation, type EngineOptions, type TrackerImpl } from '../../tests/tracker-world';
import type { DueBreak, Effect, Result, TrackerEvent } from './tracker';

type Transition = TrackerImpl['transition'];

const mapEffects = (f: (e: Effect) => Effect[]): Transition => (s, e, now, settings, env) => {
  const r: Result = REAL_TRACKER.transition(s, e, now, settings, env);
  return { ...r, effects: r.effects.flatMap(f) };
};
/** Adds effects computed from the state before, the event and the real result. */
const add = (f: (s: Parameters<Transition>[0], e: TrackerEvent, r: Result, now: number) => Effect[]): Transition => (s, e, now, settings, env) => {
  const r = REAL_TRACKER.transition(s, e, now, settings, env);
  return r.refused ? r : { ...r, effects: [...r.effects, ...f(s, e, r, now)] };
};
const fresh = (now: number): DueBreak => ({ id: `micro-${now}-x`, kind: 'micro', dueAt: now, deskMs: 0, snoozes: 0, manual: false, promptedAt: now });
const withSettings = (f: (s: Settings) => Settings): Transition => (s, e, now, settings, env) => REAL_TRACKER.transition(s, e, now, f(settings), env);

interface Mutant {
  name: string;
  impl: Partial<TrackerImpl>;
  engine?: EngineOptions;
  /** The promise the checker must report broken. */
  breaks: string | string[];
}

const MUTANTS: Mutant[] = [
  { name: 'never prompts (every prompt effect dropped)', impl: { transition: mapEffects((e) => (e.type === 'prompt' ? [] : [e])) }, breaks: 'on time' },
  { name: 'prompts twice (every prompt effect emitted twice)', impl: { transition: mapEffects((e) => (e.type === 'prompt' ? [e, e] : [e])) }, breaks: 'never twice for one break' },
  {
    name: 'prompts a new break twice (first prompts repeated; reminders left alone)',
    impl: { transition: mapEffects((e) => (e.type === 'prompt' && !e.reminder && e.brk.snoozes === 0 ? [e, { ...e }] : [e])) },
    breaks: 'never twice for one break',
  },
  { name: 'ignores working hours', impl: { transition: withSettings((s) => ({ ...s, schedule: { ...s.schedule, enabled: false } })) }, breaks: 'no prompt outside working hours' },
  {
    name: 'asks for no alarm while working (only the watchdog wakes it: up to 5 min late)',
    impl: { nextWake: (s, settings, env) => (s.phase.name === 'working' && !s.paused ? null : REAL_TRACKER.nextWake(s, settings, env)), wantsWatchdog: (s, settings, env) => REAL_TRACKER.wantsWatchdog(s, settings, env) || (s.phase.name === 'working' && s.activity === 'active' && !s.paused && !s.offHours) },
    breaks: 'on time',
  },
  {
    name: 'asks for its alarm two minutes late',
    impl: { nextWake: (s, settings, env) => { const w = REAL_TRACKER.nextWake(s, settings, env); return w === null ? null : w + 2 * 60_000; } },
    breaks: 'on time',
  },
  { name: 'prompts a minute early (intervals a minute shorter)', impl: { transition: withSettings((s) => ({ ...s, micro: { ...s.micro, everySec: s.micro.everySec - 60 }, stretch: { ...s.stretch, everySec: s.stretch.everySec - 60 } })) }, breaks: 'not before it is due' },
  { name: 'ignores the snooze limit (and strict mode)', impl: { transition: withSettings((s) => ({ ...s, strict: false, snoozeLimit: 10 })) }, breaks: ['snoozes within the limit in force', 'strict: no skip'] },
  {
    name: 'a pause skips a strict prompt (strict mode forgotten for pauses)',
    impl: { transition: (s, e, now, settings, env) => REAL_TRACKER.transition(s, e, now, e.type === 'pause' ? { ...settings, strict: false } : settings, env) },
    breaks: 'strict: no skip',
  },
  { name: 'says twice that a pause ended', impl: { transition: mapEffects((e) => (e.type === 'notice' && e.notice === 'pauseEnded' ? [e, e] : [e])) }, breaks: 'one notice per pause' },
  { name: 'gives the daily-limit notice twice', impl: { transition: mapEffects((e) => (e.type === 'notice' && e.notice === 'dailyLimit' ? [e, e] : [e])) }, breaks: 'one daily-limit notice per day' },
  {
    name: 'never takes back the idle delay (idle reported as locked)',
    impl: { transition: (s, e, now, settings, env) => REAL_TRACKER.transition(s, e.type === 'activity' && e.state === 'idle' ? { ...e, state: 'locked' } : e, now, settings, env) },
    breaks: 'desk time as the model counts it',
  },
  { name: 'reminds twice', impl: { transition: mapEffects((e) => (e.type === 'prompt' && e.reminder ? [e, e] : [e])) }, breaks: 'one reminder per prompt' },
  { name: 'records a break twice', impl: { transition: mapEffects((e) => (e.type === 'record' ? [e, e] : [e])) }, breaks: 'one record per break' },
  { name: 'loses the record of a skipped prompt', impl: { transition: mapEffects((e) => (e.type === 'record' && e.entry.outcome === 'skipped' && e.entry.startedAt === null ? [] : [e])) }, breaks: ['every prompted break ends in one record', 'desk time as the model counts it'] },
  {
    name: 'reminds of the open prompt as it pauses',
    impl: {
      transition: (s, e, now, settings, env) => {
        const r = REAL_TRACKER.transition(s, e, now, settings, env);
        return e.type === 'pause' && !r.refused && s.phase.name === 'due' ? { ...r, effects: [...r.effects, { type: 'prompt', brk: s.phase.brk, reminder: true }] } : r;
      },
    },
    breaks: 'no prompt while paused',
  },
  { name: 'prompts as a break starts', impl: { transition: add((s, e, r) => (e.type === 'start' && r.effects.some((x) => x.type === 'openBreak') && s.phase.name === 'due' ? [{ type: 'prompt', brk: s.phase.brk, reminder: true }] : [])) }, breaks: 'no prompt during a break' },
  { name: 'prompts as the person goes idle', impl: { transition: add((s, e, _r, now) => (e.type === 'activity' && e.state === 'idle' && s.phase.name === 'working' && !s.paused && !s.offHours ? [{ type: 'prompt', brk: fresh(now), reminder: false }] : [])) }, breaks: 'no prompt while away' },
  { name: 'prompts a second break while one is open', impl: { transition: add((s, e, _r, now) => (e.type === 'tick' && s.phase.name === 'due' && !s.paused && !s.offHours ? [{ type: 'prompt', brk: fresh(now), reminder: false }] : [])) }, breaks: 'one break at a time' },
  {
    name: 'takes idle while a video plays for away (ignores what plays at an idle report)',
    impl: { transition: (s, e, now, settings, env) => REAL_TRACKER.transition(s, e, now, settings, env && e.type === 'activity' ? { ...env, fullscreen: false, sound: false, call: false } : env) },
    breaks: 'desk time as the model counts it',
  },
  { name: 'the engine does not show a lost prompt again on waking', impl: {}, engine: { reshowOnWake: false }, breaks: 'a lost prompt is shown again' },
];

describe('the property checker rejects broken trackers', () => {
  for (const m of MUTANTS) {
    it(`rejects a tracker that ${m.name}`, () => {
      const impl: TrackerImpl = { ...REAL_TRACKER, ...m.impl };
      const r = fc.check(
        fc.property(scenarioArb, (sc) => {
          runWorld(sc, impl, { accept: [], ...m.engine });
        }),
        // Stop at the first failure (no shrinking): the point is that there is one.
        { numRuns: 1_500, seed: 20261130, endOnFailure: true },
      );
      expect(r.failed).toBe(true);
      expect(r.errorInstance).toBeInstanceOf(Violation);
      // The promise it breaks first (a lost record also leaves the model's desk time unreset).
      expect([m.breaks].flat()).toContain((r.errorInstance as Violation).promise);
    });
  }
});
