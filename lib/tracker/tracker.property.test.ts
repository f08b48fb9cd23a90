/**
 * Property-based tests: random sequences of what the world can do to the tracker.
 *
 * The main property plays each sequence in a simulated world and engine (tests/tracker-world.ts:
 * alarms with the 30 s floor, the watchdog, worker stops and kills, browser restarts that lose
 * alarms and notifications, sleeps, clock changes, travel across zones, both of Berlin's DST
 * nights, fullscreen, a person answering) beside an independent reference model of desk time
 * (tests/tracker-model.ts), and checks liveness as well as safety: every break that falls due is
 * prompted within [due, due + slack] and not before, never twice for one id (prompt effects
 * counted), never while away, paused, on a break or outside working hours; snoozes within the
 * limit in force; the "pause ended" and daily-limit notices at most once. The tracker bugs these
 * properties found are accepted by name there and shown failing on their own below.
 * lib/tracker/tracker.mutants.test.ts keeps broken trackers that this checker must reject.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { REAL_TRACKER, runWorld, scenarioArb, SLACK_MS, STARTS, type KnownBug, type Scenario, type Step, type WorldStats } from '../../tests/tracker-world';
import { initialState, nextWake, transition, wantsWatchdog, WATCHDOG_MS, type Effect, type Env, type TrackerEvent, type TrackerState } from './tracker';

const MIN = 60_000;
const H = 60 * MIN;

/** The main property's runs (a fixed seed: the same sequences every time). */
export const WORLD_RUNS = 1_500;
export const WORLD_SEED = 20261130;

describe('tracker in a simulated world, against a reference model', () => {
  it(`keeps every promise, on time, in ${WORLD_RUNS} random worlds`, () => {
    const total: WorldStats = { prompts: 0, onTime: 0, lateness: [], restarts: 0, reshows: 0, crashes: 0, zoneChanges: 0, countedAcrossDst: 0 };
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const s = runWorld(sc, REAL_TRACKER, { accept: [] });
        total.prompts += s.prompts;
        total.onTime += s.onTime;
        total.lateness.push(...s.lateness);
        total.restarts += s.restarts;
        total.reshows += s.reshows;
        total.crashes += s.crashes;
        total.zoneChanges += s.zoneChanges;
        total.countedAcrossDst += s.countedAcrossDst;
      }),
      { numRuns: WORLD_RUNS, seed: WORLD_SEED },
    );
    // The sequences reach what they are meant to (a property that checks nothing passes too).
    // (Measured with this seed: 1,583 due breaks prompted, 628 restarts, 23 re-shown prompts,
    // 199 killed workers, 242 zone changes, 256 events counting across a DST change.)
    expect(total.onTime).toBeGreaterThan(WORLD_RUNS / 2); // breaks the model said were due, prompted
    expect(total.restarts).toBeGreaterThan(300);
    expect(total.reshows).toBeGreaterThan(10); // prompts a browser restart lost, shown again
    expect(total.crashes).toBeGreaterThan(100);
    expect(total.zoneChanges).toBeGreaterThan(100);
    expect(total.countedAcrossDst).toBeGreaterThan(100);
    // Lateness against the model's due time: never early, never past the derived slack.
    const late = [...total.lateness].sort((a, b) => a - b);
    expect(late[0]).toBeGreaterThanOrEqual(0);
    expect(late[late.length - 1]).toBeLessThanOrEqual(SLACK_MS + 15 * MIN); // + fullscreen's longest deferral
  }, 60_000);

  it('keeps every promise across both DST nights and travel, with nothing accepted', () => {
    // A person who answers every prompt at once, working through the night ranges of variant 3
    // (Saturday 22:00 to Sunday 04:00, across each DST change) and travelling mid-range.
    const answering = (n: number): Step[] =>
      Array.from({ length: n }, () => [
        { k: 'wait', ms: 7 * MIN } as const,
        { k: 'answer', answer: 'start', valid: true } as const,
        { k: 'wait', ms: 2 * MIN } as const,
        { k: 'answer', answer: 'completed', valid: true } as const,
      ]).flat();
    const worlds: Scenario[] = [
      { start: STARTS[1]!, variant: 3, steps: answering(60) }, // spring: a 5-hour night range
      { start: STARTS[2]!, variant: 3, steps: answering(60) }, // autumn: a 7-hour night range
      { start: STARTS[0]!, variant: 3, steps: [...answering(12), { k: 'zone', tz: 'America/New_York' }, ...answering(40)] },
      { start: STARTS[4]!, variant: 5, steps: [...answering(10), { k: 'zone', tz: 'Asia/Kolkata' }, ...answering(30), { k: 'zone', tz: 'Europe/Berlin' }, ...answering(20)] },
    ];
    const prompted = worlds.map((sc) => runWorld(sc, REAL_TRACKER, { accept: [] }).onTime);
    // Each world had breaks fall due and prompted on time (spring's range is an hour shorter).
    for (const n of prompted) expect(n).toBeGreaterThan(5);
    expect(prompted[1]).toBeGreaterThan(prompted[0]!);
  });
});

// ---------------------------------------------------------------------------------------------
// Checker limitations other seeds found (lib/tracker/tracker.seeds.test.ts, LIMBER_WORLD_SEEDS),
// each fixed in the checker or the model with its rule stated there: the tracker was right. Each
// world below failed the checker before; the seeds after reach them again among other worlds.

/** Seeds beside WORLD_SEED that reached the checker's limitations fixed below (about 2 s each). */
export const EXTRA_SEEDS = [3, 18];

describe('checker limitations found with other seeds, fixed', () => {
  const plain = STARTS[0]!; // Friday 27 March 2026, 08:00 in Berlin
  const worlds: Array<[string, Scenario]> = [
    // Strict, split hours: a prompt open at 08:05 in Berlin, then New York (03:05, time off): the
    // next event closes it because the hours ended, whatever that event is (here a pause).
    ['strict: a prompt closed by hours ended after travel is not skipped by the event that reveals it', { start: plain, variant: 5, steps: [{ k: 'wait', ms: 5 * MIN }, { k: 'zone', tz: 'America/New_York' }, { k: 'pause', ms: null }, { k: 'wait', ms: 1000 }] }],
    // Fullscreen until the due instant: the hold's settle brings the prompt up to 2 min later.
    ['a hold ending at the due instant: the overdue break keeps its hold', { start: plain, variant: 0, steps: [{ k: 'fullscreen', on: true }, { k: 'wait', ms: 20 * MIN }, { k: 'fullscreen', on: false }, { k: 'wait', ms: 1000 }] }],
    // (Seed 106.) Sitting still (idle) in fullscreen until the due instant: Limber looks every five
    // minutes then, so the prompt may come up to that much after the fullscreen ended.
    ['a hold sat still in ends unseen until the next five-minute look', { start: plain, variant: 0, steps: [{ k: 'fullscreen', on: true }, { k: 'activity', state: 'idle' }, { k: 'wait', ms: 20 * MIN }, { k: 'fullscreen', on: false }] }],
    ['a hold under way is not forgotten when the world travels', { start: plain, variant: 0, steps: [{ k: 'fullscreen', on: true }, { k: 'wait', ms: 20 * MIN }, { k: 'zone', tz: 'Europe/Berlin' }, { k: 'fullscreen', on: false }] }],
    // Berlin's 25 October, then (flown west) New York's 25 October a day later: two days.
    ['daily limit: the same date in two zones, a day apart, is two days', { start: STARTS[2]!, variant: 4, steps: [{ k: 'clock', ms: 4125795 }, { k: 'wait', ms: 2047511 }, { k: 'wait', ms: 2889108 }, { k: 'zone', tz: 'America/New_York' }, { k: 'wait', ms: 4437586 }, { k: 'activity', state: 'active' }] }],
    // (Seed 65.) Sunday 02:15 in Berlin (the autumn night), the clock set back to Saturday 22:59:
    // Saturday's notice comes at its midnight, Sunday's (an hour of desk time after it) at 01:00.
    ['daily limit: the clock set back across midnight, the date it shows is a day of its own', { start: STARTS[3]!, variant: 4, steps: [{ k: 'clock', ms: -1012391 }, { k: 'clock', ms: -10687610 }, { k: 'wait', ms: 3600001 }] }],
    // A 1 ms pause ran out unheard; the next pause ends it (its notice) and starts a new one.
    ['a pause that ran out unheard ends, with its notice, as the next pause starts', { start: plain, variant: 0, steps: [{ k: 'pause', ms: 1 }, { k: 'wait', ms: 1000 }, { k: 'pause', ms: 1 }, { k: 'activity', state: 'active' }] }],
    // On a break from 07:20; the clock jumps 1 ms past the break's give-up time plus the grace:
    // begun uncounted, the silence can be told only from that missed wake (not a stretch's length).
    ['a jump that began on a break is time away from the wake missed', { start: plain, variant: 0, steps: [{ k: 'wait', ms: 20 * MIN }, { k: 'manual' }, { k: 'clock', ms: 1035001 }] }],
    // Working hours switched on 2 ms into a range, an open prompt closed at its start: 2 ms count.
    ['hours switched on 2 ms into a range: what counted since the range began stays', { start: STARTS[1]!, variant: 0, steps: [{ k: 'wait', ms: 1800002 }, { k: 'settings', variant: 3 }, { k: 'wait', ms: 1000 }] }],
    // (Seeds 57, 234.) A break started, or a pause, is a click: the browser says idle only a minute
    // (`idleSec`) later, never reaching back past it (before, the world said idle at once).
    ['an idle report comes only idleSec after a click on Limber: a break started 2 ms into a range', { start: STARTS[4]!, variant: 3, steps: [{ k: 'wait', ms: 1800002 }, { k: 'manual' }, { k: 'activity', state: 'idle' }, { k: 'activity', state: 'active' }, { k: 'wait', ms: 1000 }] }],
    ['an idle report comes only idleSec after a click on Limber: a pause of 1 ms', { start: plain, variant: 0, steps: [{ k: 'wait', ms: 1000 }, { k: 'pause', ms: 1 }, { k: 'wait', ms: 1000 }, { k: 'activity', state: 'idle' }, { k: 'manual' }] }],
    // (Seed 185.) A posture check started from its prompt, the clock set back before the range
    // began, the break postponed from its window: its postpone ends before the range, and it is
    // closed as the range begins (30 s late: a killed worker); the 30 s since count.
    ['a break postponed before a range begins, closed as it begins: the range\'s desk time stays', { start: plain, variant: 5, steps: [{ k: 'wait', ms: 300000 }, { k: 'manual' }, { k: 'clock', ms: -360001 }, { k: 'crash', afterSave: false }, { k: 'answer', answer: 'snooze', valid: true }] }],
    // (Seed 214.) Strict: a prompt waiting out a pause that ran out in the lunch gap, closed as the
    // afternoon range begins (its record ends at its postpone's end, before the range): the 2 ms
    // counted since the range began count toward the next posture check.
    ['a prompt closed as a range begins, its record ending before it: the range\'s desk time stays', { start: plain, variant: 5, steps: [{ k: 'wait', ms: 2197224 }, { k: 'wait', ms: 3957961 }, { k: 'crash', afterSave: false }, { k: 'wait', ms: 712552 }, { k: 'pause', ms: 9302265 }, { k: 'sleep', ms: 4670127 }, { k: 'wait', ms: 4662138 }, { k: 'settings', variant: 0 }] }],
  ];
  for (const [name, sc] of worlds) it(name, () => void runWorld(sc, REAL_TRACKER, { accept: [] }));

  it(`keeps every promise with seeds ${EXTRA_SEEDS.join(', ')} too`, () => {
    for (const seed of EXTRA_SEEDS) fc.assert(fc.property(scenarioArb, (sc) => void runWorld(sc, REAL_TRACKER, { accept: [] })), { numRuns: WORLD_RUNS, seed });
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Tracker defects other seeds found (tracker.seeds.test.ts), each fixed with a unit test that
// failed first: travel-wake.test.ts, pause-into-hours.test.ts, clock-back-away.test.ts.

describe('tracker defects found with other seeds, fixed', () => {
  const worlds: Array<[string, Scenario]> = [
    // (Seeds 138, 233.) A posture break under way, then travel: the new zone's hours ended while
    // the alarm set at home (the break's give-up time) was ahead. No sleep: the stretch count stays.
    ['travel during a break: an hour read in the new zone is no missed wake', { start: STARTS[1]!, variant: 5, steps: [{ k: 'wait', ms: 2361816 }, { k: 'wait', ms: 2115271 }, { k: 'wait', ms: 3702914 }, { k: 'manual' }, { k: 'zone', tz: 'Pacific/Auckland' }, { k: 'wait', ms: 1000 }] }],
    // (Seeds 125, 225.) Outside working hours, off to Auckland, asleep past the alarm set in
    // Berlin: the wake missed is that alarm, and that much sleep is time away.
    ['travel, then asleep past the alarm set at home: that is a sleep', { start: STARTS[0]!, variant: 0, steps: [{ k: 'wait', ms: 300000 }, { k: 'settings', variant: 3 }, { k: 'zone', tz: 'Pacific/Auckland' }, { k: 'sleep', ms: 3390001 }, { k: 'fullscreen', on: false }] }],
    // (Seed 109.) A pause ends 61 s after a range began (read in Kolkata), its alarm 30 s late (a
    // killed worker): desk time counts from the pause's end.
    ['a pause ending just after a range began, heard late within the grace: counted from its end', { start: STARTS[3]!, variant: 5, steps: [{ k: 'pause', ms: 8160001 }, { k: 'zone', tz: 'Asia/Kolkata' }, { k: 'sleep', ms: 4590001 }, { k: 'crash', afterSave: false }] }],
    // (Seed 216.) The clock set back 255 s, 5 min into a range; idle (a minute by real time), back
    // at once: a minute away, the posture check (45 s) was taken.
    ['the clock set back just after a range began: an idle report reaches back its full delay', { start: STARTS[1]!, variant: 3, steps: [{ k: 'wait', ms: 2100000 }, { k: 'clock', ms: -255001 }, { k: 'activity', state: 'idle' }, { k: 'activity', state: 'active' }, { k: 'answer', answer: 'start', valid: false }] }],
  ];
  for (const [name, sc] of worlds) it(name, () => void runWorld(sc, REAL_TRACKER, { accept: [] }));
});

// ---------------------------------------------------------------------------------------------
// Tracker bugs the properties found (issue #13), each fixed: its minimal world, which broke the
// promise named, now keeps every promise with nothing accepted. (Each failed before its fix.)

/** The world keeps every promise, nothing accepted. `promises`: what it broke before the fix (documentation). */
function keeps(sc: Scenario, _bug: KnownBug, ..._promises: string[]): void {
  runWorld(sc, REAL_TRACKER, { accept: [] });
}

const plain = STARTS[0]!; // Friday 27 March 2026, 08:00 in Berlin

describe('tracker bugs found by the properties above, fixed', () => {
  it('silentWhilePromptOpen: after its one reminder, an open prompt leaves nothing to wake the worker while desk time counts', () => {
    // Default settings: the posture check is prompted at 20 min, reminded at 22 min; then no
    // alarm and no watchdog. Answered 10 minutes later, the break is already "natural".
    keeps({ start: plain, variant: 0, steps: [{ k: 'wait', ms: 23 * MIN }] }, 'silentWhilePromptOpen', 'checks in every five minutes while counting');
  });

  it('sleepUnseenWhenNotCounting: a sleep that begins in a pause is counted as desk time once the pause runs out', () => {
    keeps({ start: plain, variant: 0, steps: [{ k: 'pause', ms: MIN }, { k: 'sleep', ms: 40 * MIN }, { k: 'activity', state: 'idle' }] }, 'sleepUnseenWhenNotCounting', 'not before it is due', 'desk time as the model counts it');
  });

  it('sleepUnseenWhenNotCounting: a working day slept through is counted as desk time (and today\'s)', () => {
    // Variant 3: 09:00-17:00. Asleep from 08:00 to 18:00; the tracker counts 8 hours.
    keeps({ start: plain, variant: 3, steps: [{ k: 'sleep', ms: 10 * H }, { k: 'wait', ms: 1000 }] }, 'sleepUnseenWhenNotCounting', 'desk time as the model counts it');
  });

  it('sleepUnseenWhenNotCounting: asleep across a change of zone, the working hours slept through there are counted as desk time', () => {
    // Variant 3: 09:00-17:00. Lid closed at 08:00 in Berlin (12:30 in Kolkata), opened in Kolkata
    // at 17:00: its wake was read in the new zone (tomorrow's start) and missed nothing, and
    // catching up counted 12:30-17:00 there, 4.5 hours (found with another seed).
    keeps({ start: plain, variant: 0, steps: [{ k: 'settings', variant: 3 }, { k: 'zone', tz: 'Asia/Kolkata' }, { k: 'sleep', ms: 4.5 * H }, { k: 'wait', ms: 1000 }] }, 'sleepUnseenWhenNotCounting', 'desk time as the model counts it');
  });

  it('watchdogAfterClockBack: a watchdog set before the clock went back stays that far away', () => {
    keeps({ start: plain, variant: 0, steps: [{ k: 'wait', ms: 2 * MIN }, { k: 'clock', ms: -H }] }, 'watchdogAfterClockBack', 'checks in every five minutes while counting');
  });

  it('idRepeatsAfterClockBack: a clock set back past a due time gives the next break the same id', () => {
    // Variant 5: posture checks every 5 min from 08:00 (working hours). The clock goes back to
    // 07:59:59.999: the open prompt is closed (hours ended), the range starts again, and the
    // next posture check at 08:05 has the first one's id.
    keeps({ start: plain, variant: 5, steps: [{ k: 'wait', ms: 5 * MIN }, { k: 'clock', ms: -5 * MIN - 1 }, { k: 'wait', ms: 1000 }] }, 'idRepeatsAfterClockBack', 'never twice for one break');
  });

  it('dayEndKeptAcrossZones (issue #13 defect 3): after travel, a day gets two daily-limit notices', () => {
    // Variant 4: a 60-minute daily limit. In New York from 03:00; the limit is passed at 04:00
    // (New York); Berlin's midnight (18:00 in New York) starts a "new day", passed again at 19:00.
    const steps: Step[] = [{ k: 'zone', tz: 'America/New_York' }, ...Array.from({ length: 12 }, (): Step => ({ k: 'wait', ms: 90 * MIN })), { k: 'answer', answer: 'skip', valid: true }];
    keeps({ start: plain, variant: 4, steps }, 'dayEndKeptAcrossZones', 'one daily-limit notice per day');
  });

  it('todayNotRolledAtMidnight: the first event after a sleep across midnight does not start the new day', () => {
    // Working hours 09:00-17:00 (variant 3), an hour of desk time; asleep from 10:48 until
    // 00:00 and a millisecond; waking, the daily limit (60 min, variant 4) is switched on: its
    // notice comes at once, for yesterday's hour, and again at 01:00.
    const sc: Scenario = {
      start: plain,
      variant: 3,
      steps: [{ k: 'wait', ms: 2620827 }, { k: 'wait', ms: 3658731 }, { k: 'wait', ms: 920442 }, { k: 'sleep', ms: 50400001 }, { k: 'settings', variant: 4 }, { k: 'wait', ms: 1000 }],
    };
    keeps(sc, 'todayNotRolledAtMidnight', 'one daily-limit notice per day');
  });
});

// ---------------------------------------------------------------------------------------------
// A restart (state reloaded from storage) never changes what happens next: the same steps played
// with and without a JSON round trip of the state give the same effects and states.

const T0 = Date.UTC(2026, 2, 27, 6); // Friday before the Berlin DST change
const DAY9 = [{ from: 9 * 60, to: 17 * 60 }];

const VARIANTS: Settings[] = [
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, remindAfterSec: 120 },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, stretch: { enabled: true, everySec: 600, lengthSec: 60 } },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, strict: true, snoozeLimit: 3, stretch: { enabled: true, everySec: 900, lengthSec: 120 } },
  {
    ...DEFAULT_SETTINGS,
    pauseWaitMin: 0,
    schedule: { enabled: true, days: [DAY9, DAY9, DAY9, DAY9, DAY9, [], [{ from: 22 * 60, to: 2 * 60 }]] },
    stretch: { enabled: true, everySec: 1200, lengthSec: 120 },
  },
  { ...DEFAULT_SETTINGS, pauseWaitMin: 0, snoozeLimit: 0, dailyLimit: { enabled: true, minutes: 60 }, hold: { enabled: true, maxMin: 5 } },
];

type OldStep =
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

const oldStep: fc.Arbitrary<OldStep> = fc.oneof(
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

/** Plays the steps delivering the alarms the tracker asks for; `withRestarts`: reload the state from JSON at each restart. */
function play(steps: OldStep[], firstVariant: number, withRestarts: boolean): Trace {
  let settings = VARIANTS[firstVariant]!;
  const env: Env = { timeZone: 'Europe/Berlin', fullscreen: false, sound: false, call: false };
  let now = T0;
  let state = initialState(now, env.timeZone);
  const trace: Trace = { effects: [], states: [] };
  const send = (e: TrackerEvent) => {
    const r = transition(state, e, now, settings, env);
    state = r.state;
    trace.effects.push(...r.effects.map((x) => ({ ...x, at: now })));
    trace.states.push(state);
  };
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
        if (withRestarts) state = JSON.parse(JSON.stringify(state)) as TrackerState;
        send({ type: 'tick' });
        break;
    }
  }
  return trace;
}

describe('tracker restarts', () => {
  it('a restart (state reloaded from storage) never changes what happens next', () => {
    const sequences = fc.record({ variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }), steps: fc.array(oldStep, { minLength: 1, maxLength: 30 }) });
    fc.assert(
      fc.property(sequences, ({ variant, steps }) => {
        const a = play(steps, variant, false);
        const b = play(steps, variant, true);
        expect(b.effects).toEqual(a.effects);
        expect(b.states).toEqual(a.states);
      }),
      { numRuns: 2_000, seed: 7 },
    );
  }, 60_000);
});
