/**
 * What a simulated world is made of: the settings it switches between, where runs start (around
 * Berlin's DST nights), the zones the person travels to, the steps (time passing, idle changes,
 * sleeps, restarts, answers...) and the fast-check arbitrary that draws scenarios from them.
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS, type Settings, type TimeRange } from '../../lib/settings';
import type { Activity } from '../tracker-model-terms';

const MIN = 60_000;
const H = 60 * MIN;

// ---------------------------------------------------------------------------------------------
// The settings the world switches between (all within the options form's limits).

const DAY9: TimeRange[] = [{ from: 9 * 60, to: 17 * 60 }];
const SPLIT: TimeRange[] = [{ from: 8 * 60, to: 12 * 60 }, { from: 12 * 60 + 30, to: 18 * 60 }];
/** Saturday 22:00 to Sunday 04:00: across both of Berlin's DST nights. */
const NIGHT: TimeRange[] = [{ from: 22 * 60, to: 4 * 60 }];

export const VARIANTS: readonly Settings[] = [
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, remindAfterSec: 120 },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, stretch: { enabled: true, everySec: 600, lengthSec: 60 } },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, strict: true, snoozeLimit: 3, stretch: { enabled: true, everySec: 900, lengthSec: 120 } },
  {
    ...DEFAULT_SETTINGS,
    pauseWaitMin: 0,
    schedule: { enabled: true, days: [DAY9, DAY9, DAY9, DAY9, DAY9, NIGHT, [{ from: 22 * 60, to: 2 * 60 }]] },
    stretch: { enabled: true, everySec: 1200, lengthSec: 120 },
  },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, snoozeLimit: 0, dailyLimit: { enabled: true, minutes: 60 }, hold: { enabled: true, maxMin: 5 } },
  {
    ...DEFAULT_SETTINGS,
    pauseWaitMin: 0,
    strict: true,
    remindAfterSec: 0,
    snoozeSec: 60,
    micro: { enabled: true, everySec: 300, lengthSec: 10 },
    stretch: { enabled: true, everySec: 600, lengthSec: 60 },
    schedule: { enabled: true, days: [SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, NIGHT, SPLIT] },
    hold: { enabled: true, maxMin: 2 },
  },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, hold: { enabled: false, maxMin: 15 }, micro: { enabled: true, everySec: 600, lengthSec: 20 }, stretch: { enabled: true, everySec: 660, lengthSec: 180 } },
];

/** Where runs start: before, on and after Berlin's spring and autumn DST nights. */
export const STARTS: readonly number[] = [
  Date.UTC(2026, 2, 27, 7), // Fri 27 Mar 2026, 08:00 in Berlin
  Date.UTC(2026, 2, 28, 20, 30), // Sat 28 Mar, 21:30: the night clocks go forward (Sun 02:00 -> 03:00)
  Date.UTC(2026, 9, 24, 20, 30), // Sat 24 Oct, 22:30: the night clocks go back (Sun 03:00 -> 02:00)
  Date.UTC(2026, 9, 25, 0, 15), // Sun 25 Oct, 02:15 summer time, 45 min before the hour repeats
  Date.UTC(2026, 9, 26, 7, 30), // Mon 26 Oct, 08:30
];

/** Zones the person travels to: behind, ahead by a half hour, southern DST, and home. */
export const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'] as const;

// ---------------------------------------------------------------------------------------------
// Steps

/** `postpone5` / `postpone15`: a snooze with the minutes chosen (notification, break window). */
export type Answer = 'start' | 'snooze' | 'postpone5' | 'postpone15' | 'skip' | 'completed' | 'partial' | 'skipped';

export type Step =
  | { k: 'wait'; ms: number }
  | { k: 'activity'; state: Activity }
  | { k: 'sleep'; ms: number }
  | { k: 'clock'; ms: number }
  | { k: 'answer'; answer: Answer; valid: boolean }
  | { k: 'manual' }
  | { k: 'pause'; ms: number | null }
  | { k: 'resume' }
  | { k: 'settings'; variant: number }
  | { k: 'fullscreen'; on: boolean }
  | { k: 'restart'; browser: boolean; downMs: number; keepAlarms: boolean }
  | { k: 'zone'; tz: (typeof ZONES)[number] }
  | { k: 'dismiss' }
  | { k: 'crash'; afterSave: boolean };

export interface Scenario {
  start: number;
  variant: number;
  steps: Step[];
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('wait' as const), ms: fc.integer({ min: 1000, max: 90 * MIN }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('activity' as const), state: fc.constantFrom<Activity>('active', 'active', 'idle', 'locked') }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('sleep' as const), ms: fc.integer({ min: 10 * MIN, max: 30 * H }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('clock' as const), ms: fc.integer({ min: -3 * H, max: 3 * H }) }) },
  {
    weight: 5,
    arbitrary: fc.record({ k: fc.constant('answer' as const), answer: fc.constantFrom<Answer>('start', 'snooze', 'postpone5', 'postpone15', 'skip', 'completed', 'partial', 'skipped'), valid: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'manual' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('pause' as const), ms: fc.option(fc.integer({ min: -MIN, max: 3 * H })) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'resume' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('settings' as const), variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('fullscreen' as const), on: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('restart' as const),
      browser: fc.boolean(),
      downMs: fc.oneof(fc.constant(0), fc.integer({ min: 10 * MIN, max: 2 * H })),
      keepAlarms: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('zone' as const), tz: fc.constantFrom(...ZONES) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'dismiss' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('crash' as const), afterSave: fc.boolean() }) },
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  start: fc.constantFrom(...STARTS),
  variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});
