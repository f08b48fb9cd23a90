/**
 * A simulated world and engine around the pure tracker, for the property tests in lib/tracker/.
 *
 * The engine part behaves like lib/engine.ts and lib/platform/alarms.ts: every event is loaded,
 * transitioned, saved (as JSON, as storage does), its effects carried out, then the alarms
 * reconciled: one alarm at max(nextWake, now + 30 s) (kept when one exists within 1 s of the
 * wanted time), and a 5-minute periodic watchdog while `wantsWatchdog`. The worker stops after
 * 30 s without events; the next event then runs `wake()` first (activity query, a tick, and the
 * prompt shown again if the browser lost it). The world part: time passing, idle changes, sleeps
 * (nothing delivered; missed alarms fire once on waking), a browser restart (the browser closed
 * for a while, notifications and session storage gone, alarms sometimes gone too), the clock set
 * forward or back, the time zone changing (travel), fullscreen, and a person answering prompts.
 *
 * `runWorld` plays one scenario, feeds the same world to the reference model (tests/tracker-model.ts)
 * and throws a `Violation` naming the broken promise at the first one it sees.
 */
import fc from 'fast-check';
import { isWorking, localParts } from '../lib/schedule';
import { DEFAULT_SETTINGS, type BreakKind, type Settings, type TimeRange } from '../lib/settings';
import { initialState, nextWake, transition, wantsWatchdog, type Effect, type Env, type Result, type TrackerEvent, type TrackerState } from '../lib/tracker/tracker';
import { ReferenceModel, type Activity } from './tracker-model';

const MIN = 60_000;
const H = 60 * MIN;

// ---------------------------------------------------------------------------------------------
// What the engine does, restated for the simulation (not imported: lib/engine.ts needs a browser).

/** lib/platform/alarms.ts MIN_ALARM_MS: no alarm is set sooner than this ahead (packed Chrome's floor). */
export const ALARM_FLOOR_MS = 30_000;
/** lib/platform/alarms.ts TOLERANCE_MS: an existing alarm this close to the wanted time is kept. */
const ALARM_KEEP_MS = 1_000;
/** The watchdog's period (lib/tracker WATCHDOG_MS, restated: a mutant must not move it). */
const WATCHDOG_PERIOD_MS = 5 * MIN;
/** Chrome stops an idle service worker after about this long. */
const WORKER_IDLE_STOP_MS = 30_000;
/** While a due prompt waits for fullscreen to end, the tracker looks again this often (README). */
const FULLSCREEN_RECHECK_MS = 60_000;

/**
 * The slack of "prompted on time", derived:
 * - the alarm floor: the alarm for a due time D is set at max(D, t + 30 s), t the last event the
 *   worker handled before D (an event, or a restart's wake, less than 30 s before D): <= D + 30 s;
 * - the alarm tolerance: an existing alarm within 1 s of the wanted time is kept: + 1 s;
 * - a sleep or a closed browser delivers nothing: obligations falling due in one are due on
 *   waking (missed alarms fire once then), again plus the floor;
 * - fullscreen (when deferral is on): the prompt waits while the focused window is fullscreen,
 *   at most the setting's `maxMin` from when the tracker first saw it due (<= D + 30 s), and it is
 *   checked again every 60 s, so it comes at most 60 s after fullscreen ends.
 * Nothing else may delay a prompt: restarts re-run wake() (a tick at once) and lost alarms are
 * put back by its reconcile, both within the floor.
 */
export const SLACK_MS = ALARM_FLOOR_MS + ALARM_KEEP_MS;

// ---------------------------------------------------------------------------------------------
// The settings the world switches between (all within the options form's limits).

const DAY9: TimeRange[] = [{ from: 9 * 60, to: 17 * 60 }];
const SPLIT: TimeRange[] = [{ from: 8 * 60, to: 12 * 60 }, { from: 12 * 60 + 30, to: 18 * 60 }];
/** Saturday 22:00 to Sunday 04:00: across both of Berlin's DST nights. */
const NIGHT: TimeRange[] = [{ from: 22 * 60, to: 4 * 60 }];

export const VARIANTS: readonly Settings[] = [
  { ...DEFAULT_SETTINGS, remindAfterSec: 120 },
  { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, stretch: { enabled: true, everySec: 600, lengthSec: 60 } },
  { ...DEFAULT_SETTINGS, strict: true, snoozeLimit: 3, stretch: { enabled: true, everySec: 900, lengthSec: 120 } },
  {
    ...DEFAULT_SETTINGS,
    schedule: { enabled: true, days: [DAY9, DAY9, DAY9, DAY9, DAY9, NIGHT, [{ from: 22 * 60, to: 2 * 60 }]] },
    stretch: { enabled: true, everySec: 1200, lengthSec: 120 },
  },
  { ...DEFAULT_SETTINGS, snoozeLimit: 0, dailyLimit: { enabled: true, minutes: 60 }, fullscreen: { defer: true, maxMin: 5 } },
  {
    ...DEFAULT_SETTINGS,
    strict: true,
    remindAfterSec: 0,
    snoozeSec: 60,
    micro: { enabled: true, everySec: 300, lengthSec: 10 },
    stretch: { enabled: true, everySec: 600, lengthSec: 60 },
    schedule: { enabled: true, days: [SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, NIGHT, SPLIT] },
    fullscreen: { defer: true, maxMin: 2 },
  },
  { ...DEFAULT_SETTINGS, fullscreen: { defer: false, maxMin: 15 }, micro: { enabled: true, everySec: 600, lengthSec: 20 }, stretch: { enabled: true, everySec: 660, lengthSec: 180 } },
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

export type Answer = 'start' | 'snooze' | 'skip' | 'completed' | 'partial' | 'skipped';

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
    arbitrary: fc.record({ k: fc.constant('answer' as const), answer: fc.constantFrom<Answer>('start', 'snooze', 'snooze', 'skip', 'completed', 'partial', 'skipped'), valid: fc.boolean() }),
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

// ---------------------------------------------------------------------------------------------

/** The tracker functions the world drives; the mutant tests pass broken ones. */
export interface TrackerImpl {
  transition: typeof transition;
  nextWake: typeof nextWake;
  wantsWatchdog: typeof wantsWatchdog;
}

export const REAL_TRACKER: TrackerImpl = { transition, nextWake, wantsWatchdog };

/** Engine behaviours a mutant test may switch off. */
export interface EngineOptions {
  /** wake() puts back a prompt the browser lost (lib/engine.ts). */
  reshowOnWake?: boolean;
  /** Tracker bugs to accept (so that the other promises can be checked): see KNOWN_BUGS. */
  accept?: readonly KnownBug[];
}

/**
 * Tracker bugs these properties found (issue #13), all fixed since. The names stay so that a test
 * can accept one while studying a regression (`accept`); the suite accepts none, and
 * lib/tracker/tracker.property.test.ts keeps each one's minimal world as a regression test.
 */
export const KNOWN_BUGS = {
  /**
   * After an open prompt's one reminder (or at once, with reminders off) `nextWake` is null, so
   * `wantsWatchdog` is false although desk time is still counting: nothing wakes the worker, and
   * the next event more than 6.5 min later is taken for a sleep (the prompt is closed as a natural
   * break, both counts reset, the person's answer is refused). Accepted: no "checks in every five
   * minutes" promise.
   */
  silentWhilePromptOpen: 'silentWhilePromptOpen',
  /**
   * A sleep (or a clock set forward) that begins while the tracker is not counting (paused, on a
   * break, outside working hours) is not noticed: once counting resumes (the pause runs out, the
   * working range it slept through) the rest of the sleep is counted as desk time.
   */
  sleepUnseenWhenNotCounting: 'sleepUnseenWhenNotCounting',
  /**
   * The first event after a sleep across midnight (the return from away sets `asOf` to now, and
   * `accrue` then returns early with nothing to add) does not start the new day: yesterday's
   * desk time counts for the daily limit, whose notice can then come on waking and again when
   * today's own desk time reaches it.
   */
  todayNotRolledAtMidnight: 'todayNotRolledAtMidnight',
  /**
   * The engine's side (lib/platform/alarms.ts reconcileWatchdog): alarms keep wall-clock times,
   * and a watchdog that exists is kept, so after the clock is set back by hours the watchdog
   * stays hours away; the tracker then hears nothing for longer than the sleep gap and takes
   * desk time for a sleep (a natural break, the counts reset).
   */
  watchdogAfterClockBack: 'watchdogAfterClockBack',
  /** Issue #13 defect 3: today's end stays in the zone it began in, so a day can have two daily-limit notices after travel. */
  dayEndKeptAcrossZones: 'dayEndKeptAcrossZones',
  /** Ids are `kind-dueAt`: after the clock is set back past a due time anchored by working hours, a new break reuses an old break's id (one history row for two breaks). */
  idRepeatsAfterClockBack: 'idRepeatsAfterClockBack',
} as const;
export type KnownBug = keyof typeof KNOWN_BUGS;
export const ALL_KNOWN_BUGS = Object.keys(KNOWN_BUGS) as KnownBug[];

export class Violation extends Error {
  constructor(
    readonly promise: string,
    detail: string,
  ) {
    super(`${promise}: ${detail}`);
  }
}

export interface WorldStats {
  prompts: number;
  onTime: number;
  /** How late prompts came after the model's due time (ms), for each obligation met. */
  lateness: number[];
  restarts: number;
  reshows: number;
  crashes: number;
  zoneChanges: number;
  /** Events reached with desk time counting since the previous one across a change of UTC offset (DST). */
  countedAcrossDst: number;
}

interface Obligation {
  what: string;
  dueAt: number;
  deadline: number;
  /** Slack added on the way (a killed worker). */
  extra: number;
}

const fmt = (t: number) => new Date(t).toISOString();

/** Plays one scenario; throws a Violation at the first broken promise. */
export function runWorld(sc: Scenario, impl: TrackerImpl = REAL_TRACKER, opts: EngineOptions = {}): WorldStats {
  return new World(sc, impl, { reshowOnWake: true, ...opts }).run();
}

class World {
  now: number;
  tz: string = 'Europe/Berlin';
  fullscreen = false;
  fullscreenOffAt: number | null = null;
  activity: Activity = 'active';
  settings: Settings;
  stored: string;
  private storedState: TrackerState | null = null;
  model: ReferenceModel;
  // The browser
  nextAlarm: number | null = null;
  watchdog: number | null = null;
  workerUp = false;
  /** The worker is killed while handling the next alarm: after saving (true) or before (false). */
  crash: boolean | null = null;
  lastEventAt = -Infinity;
  notifications = new Set<string>();
  sessionShown: string | null = null;
  // What was seen
  open: string | null = null;
  firstPrompts = new Map<string, number>();
  reminders = new Map<string, number>();
  snoozes = new Map<string, number>();
  records = new Map<string, number>();
  pauseNotices = 0;
  pauses = 0;
  dailyNotices = new Map<string, number>();
  zoneChangedAt: number | null = null;
  midnightNotice = false;
  clockBacks = 0;
  /** How many clock set-backs there had been when each id was first prompted (see `effect`). */
  promptedAt = new Map<string, number>();
  // Obligations
  due: (Obligation & { fsSeen: boolean; exact: boolean }) | null = null;
  rePrompt: (Obligation & { id: string }) | null = null;
  remind: (Obligation & { id: string }) | null = null;
  pauseEnd: Obligation | null = null;
  stats: WorldStats = { prompts: 0, onTime: 0, lateness: [], restarts: 0, reshows: 0, crashes: 0, zoneChanges: 0, countedAcrossDst: 0 };

  constructor(
    readonly sc: Scenario,
    readonly impl: TrackerImpl,
    readonly opts: EngineOptions,
  ) {
    this.now = sc.start;
    this.settings = VARIANTS[sc.variant]!;
    this.stored = JSON.stringify(initialState(this.now, this.tz));
    this.model = new ReferenceModel(this.now, this.settings, this.tz);
  }

  run(): WorldStats {
    this.wake();
    for (const s of this.sc.steps) this.play(s);
    // Every run ends with a quiet hour, so that what fell due near the end is checked too.
    this.advanceTo(this.now + H);
    this.finalChecks();
    return this.stats;
  }

  private accepts(bug: KnownBug): boolean {
    return this.opts.accept?.includes(bug) === true;
  }

  private fail(promise: string, detail: string): never {
    throw new Violation(promise, `${detail} (at ${fmt(this.now)}, ${this.tz}, variant ${this.sc.variant})`);
  }

  /** The stored state, read only (`handle` parses its own copy, as a load from storage). */
  private state(): TrackerState {
    return (this.storedState ??= JSON.parse(this.stored) as TrackerState);
  }

  private env(): Env {
    return { timeZone: this.tz, fullscreen: this.settings.fullscreen.defer ? this.fullscreen : false };
  }

  // --- time -------------------------------------------------------------------------------------

  /** Time passes with the machine awake: alarms fire when due (missed ones at once). */
  private advanceTo(until: number): void {
    for (let guard = 0; guard < 10_000; guard++) {
      const next = Math.min(this.nextAlarm ?? Infinity, this.watchdog ?? Infinity);
      if (next > until) break;
      const at = Math.max(next, this.now);
      this.checkDeadlines(at);
      this.now = at;
      const isNext = this.nextAlarm !== null && this.nextAlarm <= (this.watchdog ?? Infinity);
      // The next-break alarm repeats every 30 s until set anew (lib/platform/alarms.ts).
      if (isNext) this.nextAlarm = at + ALARM_FLOOR_MS;
      else this.watchdog = this.now + WATCHDOG_PERIOD_MS;
      if (isNext && this.crash !== null) {
        // The worker is killed while it handles this alarm: before the state is saved (nothing
        // of it happened) or after (the state saved, the effects and the alarms not done).
        const afterSave = this.crash;
        this.crash = null;
        this.stats.crashes++;
        // A killed worker costs one repeat of the alarm: what was due gets 30 s more.
        for (const ob of [this.due, this.rePrompt, this.remind, this.pauseEnd]) {
          if (!ob) continue;
          ob.deadline += ALARM_FLOOR_MS;
          ob.extra += ALARM_FLOOR_MS;
        }
        this.workerUp = false;
        if (afterSave) {
          if (!this.workerUpFor(this.now)) this.wake();
          this.handle({ type: 'tick' }, { effects: false, alarms: false });
          this.workerUp = false;
        }
        continue;
      }
      this.deliver({ type: 'tick' });
    }
    this.checkDeadlines(until);
    this.now = Math.max(this.now, until);
  }

  /**
   * A silence until `to` that the tracker cannot tell from an awake machine: it was not counting
   * (no watchdog) and no wake it asked for fell due within it (an indefinite pause, say). The
   * model then accepts either reading (Dead.blind). Otherwise it must be noticed.
   */
  private unnoticeable(to: number): boolean {
    return this.accepts('sleepUnseenWhenNotCounting') || !(this.nextAlarm !== null && this.nextAlarm + 90_000 < to);
  }

  /** Nothing is delivered in [now, now + ms]; obligations falling due then are due on waking. */
  private deadFor(ms: number): void {
    const from = this.now;
    const to = from + ms;
    this.checkDeadlines(from);
    this.model.deadTime(from, to, this.unnoticeable(to));
    this.now = to;
    this.workerUp = false;
    for (const ob of [this.due, this.rePrompt, this.remind, this.pauseEnd]) if (ob && ob.deadline > from) ob.deadline = Math.max(ob.deadline, to + SLACK_MS);
  }

  private checkDeadlines(t: number): void {
    for (const ob of [this.due, this.rePrompt, this.remind, this.pauseEnd]) {
      if (ob && t > ob.deadline) this.fail('on time', `${ob.what} due at ${fmt(ob.dueAt)} did not come by ${fmt(ob.deadline)}`);
    }
  }

  // --- the engine --------------------------------------------------------------------------------

  /** lib/engine.ts wake(): on every worker start. */
  private wake(): void {
    this.workerUp = true;
    const before = this.state();
    if (this.activity !== before.activity) this.handle({ type: 'activity', state: this.activity });
    this.handle({ type: 'tick' });
    const p = this.state().phase;
    if (this.opts.reshowOnWake && p.name === 'due' && this.settings.prompts.notification && !this.notifications.has(p.brk.id) && this.sessionShown !== p.brk.id) {
      this.notifications.add(p.brk.id);
      this.sessionShown = p.brk.id;
      this.stats.reshows++;
    }
    this.afterEvent();
  }

  private workerUpFor(now: number): boolean {
    return this.workerUp && now - this.lastEventAt < WORKER_IDLE_STOP_MS;
  }

  /** An event for a worker that may be stopped. */
  private deliver(e: TrackerEvent): Result {
    if (!this.workerUpFor(this.now)) this.wake();
    const r = this.handle(e);
    this.afterEvent();
    return r;
  }

  /** lib/engine.ts handleNow: load, transition, save, effects, alarms. */
  private handle(e: TrackerEvent, carry = { effects: true, alarms: true }): Result {
    const now = this.now;
    const settings = this.settings;
    const model = this.model;
    if (model.counting() && now > model.lastHeard && offset(model.lastHeard, this.tz) !== offset(now, this.tz)) this.stats.countedAcrossDst++;
    model.catchUp(now, settings, this.tz);
    if (e.type === 'activity') model.activityChanged(now, e.state, settings);
    if (e.type === 'pause') model.pause(now, e.until);
    if (e.type === 'resume') model.resume(now, settings);
    const before = JSON.parse(this.stored) as TrackerState;
    const r = this.impl.transition(before, e, now, settings, this.env());
    // A notice given while the tracker's day had already ended (todayNotRolledAtMidnight).
    if (r.state.today.end <= now && r.effects.some((x) => x.type === 'notice' && x.notice === 'dailyLimit')) this.midnightNotice = true;
    for (const fx of r.effects) this.effect(fx, e, carry.effects);
    if (e.type === 'snooze' && !r.refused && r.state.phase.name === 'snoozed') this.snoozed(e.breakId, r.state.phase.until);
    if (e.type === 'pause' && !r.refused) {
      if (!before.paused) this.pauses++;
      this.pauseEnd = e.until === null ? null : { what: 'the "pause ended" notice', dueAt: e.until, deadline: e.until + SLACK_MS, extra: 0 };
    }
    if (e.type === 'resume') this.pauseEnd = null;
    this.stored = JSON.stringify(r.state);
    this.storedState = null;
    this.lastEventAt = now;
    this.checkDesk(r.state);
    if (carry.alarms) this.reconcileAlarms(r.state);
    return r;
  }

  private reconcileAlarms(s: TrackerState): void {
    const when = this.impl.nextWake(s, this.settings, this.env());
    if (when === null) this.nextAlarm = null;
    else if (this.nextAlarm === null || Math.abs(this.nextAlarm - when) > ALARM_KEEP_MS) {
      const at = Math.max(when, this.now + ALARM_FLOOR_MS);
      if (this.nextAlarm === null || Math.abs(this.nextAlarm - at) > ALARM_KEEP_MS) this.nextAlarm = at;
    }
    const wanted = this.impl.wantsWatchdog(s, this.settings, this.env());
    // As reconcileWatchdog: made again when missing, or further away than a period (the clock went back).
    if (wanted && (this.watchdog === null || this.watchdog > this.now + WATCHDOG_PERIOD_MS + 1000)) this.watchdog = this.now + WATCHDOG_PERIOD_MS;
    else if (!wanted) this.watchdog = null;
  }

  // --- checks on each effect ----------------------------------------------------------------------

  /** `shown`: the effect was carried out (false: the worker died before it could show anything). */
  private effect(fx: Effect, cause: TrackerEvent, shown: boolean): void {
    const now = this.now;
    const m = this.model;
    switch (fx.type) {
      case 'prompt': {
        const id = fx.brk.id;
        this.stats.prompts++;
        // Never while paused, outside working hours, or during a break.
        if (m.paused) this.fail('no prompt while paused', `prompt ${id}`);
        if (this.settings.schedule.enabled && !isWorking(this.settings.schedule, now, this.tz)) this.fail('no prompt outside working hours', `prompt ${id}`);
        if (m.onBreak !== null) this.fail('no prompt during a break', `prompt ${id} during ${m.onBreak}`);
        if (fx.reminder) {
          const n = (this.reminders.get(id) ?? 0) + 1;
          this.reminders.set(id, n);
          if (n > (this.firstPrompts.get(id) ?? 0)) this.fail('one reminder per prompt', `${n} reminders for ${id} after ${this.firstPrompts.get(id) ?? 0} prompts`);
          if (this.remind?.id === id) this.remind = null;
          break;
        }
        // Lenient: ids are `kind-dueAt`, so a clock set back past a due time (working hours
        // anchor it) can give a new break an old break's id. Counted afresh then.
        const first = this.promptedAt.get(id);
        if (this.accepts('idRepeatsAfterClockBack') && first !== undefined && this.clockBacks > first && this.records.has(id) && this.open !== id) {
          this.firstPrompts.delete(id);
          this.reminders.delete(id);
          this.snoozes.delete(id);
          this.records.delete(id);
        }
        if (!this.firstPrompts.has(id)) this.promptedAt.set(id, this.clockBacks);
        const n = (this.firstPrompts.get(id) ?? 0) + 1;
        this.firstPrompts.set(id, n);
        const allowed = 1 + (this.snoozes.get(id) ?? 0);
        if (n > allowed) this.fail('never twice for one break', `prompt ${id} shown ${n} times with ${allowed - 1} snoozes`);
        if (n === 1) {
          // A new break: only when nothing else is open, the person is at the desk, and it is due.
          if (this.open !== null && this.open !== id) this.fail('one break at a time', `prompt ${id} while ${this.open} is open`);
          if (m.activity !== 'active') this.fail('no prompt while away', `prompt ${id} while ${m.activity}`);
          if (!m.mayPrompt(fx.brk.kind, this.settings, 1)) {
            this.fail('not before it is due', `${fx.brk.kind} prompt ${id} with desk time <= ${Math.round(m.desk[fx.brk.kind].hi / 1000)} s of ${this.settings[fx.brk.kind].everySec} s`);
          }
          if (this.due) {
            this.stats.onTime++;
            // Lateness is measured where the model's bounds agree (its due time is then exact).
            if (this.due.exact) this.stats.lateness.push(now - this.due.dueAt);
          }
          this.due = null;
        } else if (this.rePrompt?.id === id) this.rePrompt = null;
        this.open = id;
        if (this.settings.prompts.notification && shown) {
          this.notifications.add(id);
          this.sessionShown = id;
        }
        if (this.settings.remindAfterSec > 0) {
          const at = now + this.settings.remindAfterSec * 1000;
          this.remind = { id, what: `the reminder for ${id}`, dueAt: at, deadline: at + SLACK_MS, extra: 0 };
        } else this.remind = null;
        break;
      }
      case 'clearPrompt':
        if (shown) this.notifications.delete(fx.breakId);
        if (this.remind?.id === fx.breakId) this.remind = null;
        if (this.rePrompt?.id === fx.breakId && cause.type !== 'snooze') this.rePrompt = null;
        break;
      case 'openBreak':
        if (this.open !== null && this.open !== fx.brk.id) this.fail('one break at a time', `break ${fx.brk.id} opened while ${this.open} is open`);
        this.open = fx.brk.id;
        m.breakStarted(fx.brk.id);
        this.due = null;
        break;
      case 'record': {
        const id = fx.entry.id;
        const n = (this.records.get(id) ?? 0) + 1;
        this.records.set(id, n);
        if (n > 1) this.fail('one record per break', `${id} recorded ${n} times`);
        if (this.open === id) this.open = null;
        if (this.rePrompt?.id === id) this.rePrompt = null;
        if (this.remind?.id === id) this.remind = null;
        m.breakEnded(id, fx.entry.kind, now);
        break;
      }
      case 'notice':
        if (fx.notice === 'pauseEnded') {
          this.pauseNotices++;
          if (this.pauseNotices > this.pauses) this.fail('one notice per pause', `${this.pauseNotices} "pause ended" notices after ${this.pauses} pauses`);
          this.pauseEnd = null;
        } else {
          const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
          const n = (this.dailyNotices.get(day) ?? 0) + 1;
          this.dailyNotices.set(day, n);
          const excused =
            (this.accepts('dayEndKeptAcrossZones') && this.zoneChangedAt !== null) || (this.accepts('todayNotRolledAtMidnight') && this.midnightNotice);
          if (n > 1 && !excused) this.fail('one daily-limit notice per day', `${n} on ${day}`);
        }
        break;
    }
  }

  private snoozed(id: string, until: number): void {
    const n = (this.snoozes.get(id) ?? 0) + 1;
    this.snoozes.set(id, n);
    const limit = this.settings.strict ? Math.min(1, this.settings.snoozeLimit) : this.settings.snoozeLimit;
    if (n > limit) this.fail('snoozes within the limit in force', `snooze ${n} of ${id} with a limit of ${limit}`);
    const at = this.now + this.settings.snoozeSec * 1000;
    if (until > at) this.fail('snoozes within the limit in force', `snoozed ${id} until ${fmt(until)}, past ${fmt(at)}`);
    this.rePrompt = { id, what: `the prompt again after snoozing ${id}`, dueAt: at, deadline: at + SLACK_MS, extra: 0 };
    this.remind = null;
  }

  /** The tracker's desk time stays within the model's bounds. */
  private checkDesk(s: TrackerState): void {
    // Outside working hours the count means nothing (the next range starts it afresh), but for
    // a range slept through (sleepUnseenWhenNotCounting): accepted, it is not compared there.
    if (!this.model.inHours && this.accepts('sleepUnseenWhenNotCounting')) return;
    for (const k of ['micro', 'stretch'] as const satisfies readonly BreakKind[]) {
      const b = this.model.desk[k];
      if (s.desk[k] < b.lo - 1 || s.desk[k] > b.hi + 1) {
        this.fail('desk time as the model counts it', `${k} desk ${s.desk[k]} ms, model [${b.lo}, ${b.hi}]`);
      }
    }
  }

  /** After a whole delivery: what must come next, and when. */
  private afterEvent(): void {
    const m = this.model;
    // A break that falls due while nothing is open must be prompted within the slack.
    if (this.open !== null || !m.counting()) this.due = null;
    else {
      const at = m.surelyDueAt(this.settings, this.tz);
      if (at === null) this.due = null;
      else if (!this.due || at > this.due.dueAt + 1000) {
        const dueAt = Math.max(at, this.now);
        this.due = { what: 'a break', dueAt, deadline: dueAt + SLACK_MS, extra: 0, fsSeen: false, exact: m.desk.micro.lo === m.desk.micro.hi && m.desk.stretch.lo === m.desk.stretch.hi };
      }
    }
    this.noteFullscreen();
    // "Limber checks in every five minutes while it is counting": an alarm is set within that.
    const next = Math.min(this.nextAlarm ?? Infinity, this.watchdog ?? Infinity);
    if (m.counting() && next > this.now + WATCHDOG_PERIOD_MS + ALARM_FLOOR_MS) {
      const bug: KnownBug = this.watchdog === null ? 'silentWhilePromptOpen' : 'watchdogAfterClockBack';
      if (!this.accepts(bug)) this.fail('checks in every five minutes while counting', `next alarm ${Number.isFinite(next) ? fmt(next) : 'none'}`);
    }
    // A snooze or an unanswered prompt only re-prompts inside working hours and unpaused.
    if (m.paused || !m.inHours) {
      this.rePrompt = null;
      this.remind = null;
    }
    // A prompt the browser lost is back after any wake, unless the person closed it.
    const p = this.state().phase;
    if (p.name === 'due' && this.settings.prompts.notification && !this.notifications.has(p.brk.id) && this.sessionShown !== p.brk.id) {
      this.fail('a lost prompt is shown again', `${p.brk.id} is due but not showing after a wake`);
    }
  }

  /** Fullscreen (with deferral on) may hold a due prompt: up to maxMin, or until 60 s after it ends. */
  private noteFullscreen(): void {
    const d = this.due;
    if (!d || !this.settings.fullscreen.defer) return;
    if (this.fullscreen) d.fsSeen = true;
    if (!d.fsSeen) return;
    const bound = d.dueAt + SLACK_MS + d.extra + this.settings.fullscreen.maxMin * MIN;
    const afterOff = this.fullscreen ? Infinity : Math.max(this.fullscreenOffAt ?? -Infinity, d.dueAt) + FULLSCREEN_RECHECK_MS + SLACK_MS + d.extra;
    d.deadline = Math.min(bound, afterOff);
  }

  private finalChecks(): void {
    const s = this.state();
    const stillOpen = s.phase.name === 'working' ? null : s.phase.brk.id;
    for (const id of this.firstPrompts.keys()) {
      const n = this.records.get(id) ?? 0;
      if (id === stillOpen ? n !== 0 : n !== 1) this.fail('every prompted break ends in one record', `${id}: ${n} records`);
    }
  }

  // --- the world -------------------------------------------------------------------------------

  private play(s: Step): void {
    switch (s.k) {
      case 'wait':
        this.advanceTo(this.now + s.ms);
        break;
      case 'activity':
        this.activity = s.state;
        this.deliver({ type: 'activity', state: s.state });
        break;
      case 'sleep':
        this.deadFor(s.ms);
        this.advanceTo(this.now);
        break;
      case 'clock': {
        // The clock is set: alarms keep their wall-clock times. Something (the person opening
        // the popup) reaches the worker at once: a clock change itself is not an event.
        const from = this.now;
        const to = from + s.ms;
        this.checkDeadlines(from);
        const m = this.model;
        if (s.ms > 0 && !(m.counting() && to - m.lastHeard <= 6.5 * MIN)) m.deadTime(from, to, this.unnoticeable(to));
        m.clockSet(from, to);
        if (s.ms < 0) this.clockBacks++;
        this.now = to;
        this.due = this.rePrompt = this.remind = this.pauseEnd = null;
        this.deliver({ type: 'tick' });
        this.advanceTo(this.now);
        break;
      }
      case 'answer': {
        const p = this.state().phase;
        const breakId = s.valid && p.name !== 'working' ? p.brk.id : 'micro-42';
        if (s.answer === 'start' || s.answer === 'snooze' || s.answer === 'skip') this.deliver({ type: s.answer, breakId });
        else this.deliver({ type: 'finish', breakId, outcome: s.answer });
        break;
      }
      case 'manual':
        this.deliver({ type: 'start' });
        break;
      case 'pause':
        this.deliver({ type: 'pause', until: s.ms === null ? null : this.now + s.ms });
        break;
      case 'resume':
        this.deliver({ type: 'resume' });
        break;
      case 'settings':
        this.settings = VARIANTS[s.variant]!;
        this.due = null;
        this.deliver({ type: 'settingsChanged' });
        break;
      case 'fullscreen':
        if (this.fullscreen && !s.on) this.fullscreenOffAt = this.now;
        this.fullscreen = s.on;
        this.noteFullscreen();
        break;
      case 'restart':
        this.stats.restarts++;
        if (!s.browser) {
          this.workerUp = false; // the worker is stopped; the next event starts it
          break;
        }
        if (s.downMs > 0) this.deadFor(s.downMs);
        this.notifications.clear();
        this.sessionShown = null;
        if (!s.keepAlarms) this.nextAlarm = this.watchdog = null;
        this.wake(); // runtime.onStartup
        this.advanceTo(this.now);
        break;
      case 'zone':
        if (s.tz !== this.tz) {
          this.stats.zoneChanges++;
          this.zoneChangedAt = this.now;
        }
        this.tz = s.tz;
        this.due = null;
        break;
      case 'crash':
        this.crash = s.afterSave;
        break;
      case 'dismiss': {
        const p = this.state().phase;
        if (p.name === 'due') this.notifications.delete(p.brk.id);
        break;
      }
    }
  }
}

const offsets = new Map<string, number>();
/** The zone's UTC offset in the hour of an instant, in minutes (these zones change on the hour). */
function offset(t: number, tz: string): number {
  const hour = Math.floor(t / H) * H;
  const key = `${tz}|${hour}`;
  let o = offsets.get(key);
  if (o === undefined) {
    const p = localParts(hour, tz);
    o = Math.round((Date.UTC(p.year, p.month - 1, p.day, 0, p.minute, p.second) - hour) / 60_000);
    offsets.set(key, o);
  }
  return o;
}
