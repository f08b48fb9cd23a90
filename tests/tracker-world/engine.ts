/**
 * The simulated browser and engine around the pure tracker (the base of the world in
 * tests/tracker-world.ts). It behaves like lib/engine.ts and lib/platform/alarms.ts: every event is
 * loaded, transitioned, saved (as JSON, as storage does), its effects handed to the checks, then
 * the alarms reconciled: one alarm at max(nextWake, now + 30 s) (kept when one exists within 1 s
 * of the wanted time), and while `wantsWatchdog` a watchdog 5 minutes after the last event (it
 * repeats every 5 minutes until set anew). The worker stops after 30 s without events; the next
 * event then runs `wake()` first. Time passes here too: alarms fire when due, a sleep or a closed
 * browser delivers nothing, a killed worker costs one repeat.
 */
import { currentInterval, localParts } from '../../lib/schedule';
import type { Settings } from '../../lib/settings';
import { initialState, type Effect, type Env, type Result, type TrackerEvent, type TrackerState } from '../../lib/tracker/tracker';
import { ReferenceModel } from '../tracker-model';
import type { Activity } from '../tracker-model-terms';
import {
  ALARM_FLOOR_MS,
  ALARM_KEEP_MS,
  fmt,
  SLACK_MS,
  Violation,
  WATCHDOG_PERIOD_MS,
  WORKER_IDLE_STOP_MS,
  type EngineOptions,
  type KnownBug,
  type Obligation,
  type TrackerImpl,
  type WorldStats,
} from './promises';
import { VARIANTS, type Scenario } from './scenario';

const H = 60 * 60_000;

export abstract class SimulatedEngine {
  now: number;
  tz: string = 'Europe/Berlin';
  fullscreen = false;
  activity: Activity = 'active';
  settings: Settings;
  stored: string;
  protected storedState: TrackerState | null = null;
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
  // What was seen (by the engine itself; the checks keep the rest)
  pauses = 0;
  midnightNotice = false;
  // Obligations
  due: (Obligation & { fsSeen: boolean; exact: boolean }) | null = null;
  /** `fsSeen`: a hold may keep it, as it may a break falling due (checks.ts noteFullscreen). */
  rePrompt: (Obligation & { id: string; fsSeen?: boolean }) | null = null;
  /** `fsSeen`: a hold may keep an unanswered prompt's reminder too (README "Holds"; checks.ts noteFullscreen). */
  remind: (Obligation & { id: string; fsSeen?: boolean }) | null = null;
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

  // --- what the checks do (tests/tracker-world/checks.ts) ---------------------------------------

  /** `shown`: the effect was carried out (false: the worker died before it could show anything). */
  protected abstract effect(fx: Effect, cause: TrackerEvent, shown: boolean): void;
  /** `chosenMin`: the postpone length the person chose (else the snooze setting's). */
  protected abstract snoozed(id: string, until: number, chosenMin?: number): void;
  /** Strict mode: a pause withdrew this prompt, whose break waits out the pause (it may be prompted once more). */
  protected abstract waitsOutPause(id: string): void;
  /** The tracker's desk time stays within the model's bounds. */
  protected abstract checkDesk(s: TrackerState): void;
  /** After a whole delivery: what must come next, and when. */
  protected abstract afterEvent(): void;

  protected accepts(bug: KnownBug): boolean {
    return this.opts.accept?.includes(bug) === true;
  }

  protected fail(promise: string, detail: string): never {
    throw new Violation(promise, `${detail} (at ${fmt(this.now)}, ${this.tz}, variant ${this.sc.variant})`);
  }

  /** The stored state, read only (`handle` parses its own copy, as a load from storage). */
  protected state(): TrackerState {
    return (this.storedState ??= JSON.parse(this.stored) as TrackerState);
  }

  protected env(): Env {
    // The facts: holds look at `settings.hold.enabled` themselves; sitting still does not depend on it.
    return { timeZone: this.tz, fullscreen: this.fullscreen, sound: false, call: false };
  }

  // --- time -------------------------------------------------------------------------------------

  /** Time passes with the machine awake: alarms fire when due (missed ones at once). */
  protected advanceTo(until: number): void {
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
  protected unnoticeable(to: number): boolean {
    return this.accepts('sleepUnseenWhenNotCounting') || !(this.nextAlarm !== null && this.nextAlarm + 90_000 < to);
  }

  /** Nothing is delivered in [now, now + ms]; obligations falling due then are due on waking. */
  protected deadFor(ms: number): void {
    const from = this.now;
    const to = from + ms;
    this.checkDeadlines(from);
    this.model.deadTime(from, to, this.unnoticeable(to), this.nextAlarm);
    this.now = to;
    this.workerUp = false;
    for (const ob of [this.due, this.rePrompt, this.remind, this.pauseEnd]) if (ob && ob.deadline > from) ob.deadline = Math.max(ob.deadline, to + SLACK_MS);
  }

  protected checkDeadlines(t: number): void {
    for (const ob of [this.due, this.rePrompt, this.remind, this.pauseEnd]) {
      if (ob && t > ob.deadline) this.fail('on time', `${ob.what} due at ${fmt(ob.dueAt)} did not come by ${fmt(ob.deadline)}`);
    }
  }

  // --- the engine --------------------------------------------------------------------------------

  /** lib/engine.ts wake(): on every worker start. */
  protected wake(): void {
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

  protected workerUpFor(now: number): boolean {
    return this.workerUp && now - this.lastEventAt < WORKER_IDLE_STOP_MS;
  }

  /** An event for a worker that may be stopped. */
  protected deliver(e: TrackerEvent): Result {
    if (!this.workerUpFor(this.now)) this.wake();
    const r = this.handle(e);
    this.afterEvent();
    return r;
  }

  /** lib/engine.ts handleNow: load, transition, save, effects, alarms. */
  protected handle(e: TrackerEvent, carry = { effects: true, alarms: true }): Result {
    const now = this.now;
    const settings = this.settings;
    const model = this.model;
    if (model.counting() && now > model.lastHeard && offset(model.lastHeard, this.tz) !== offset(now, this.tz)) this.stats.countedAcrossDst++;
    model.catchUp(now, settings, this.tz);
    model.watch(now, this.fullscreen);
    if (e.type === 'activity') model.activityChanged(now, e.state, settings, this.fullscreen);
    if (e.type === 'pause') model.pause(now, e.until);
    if (e.type === 'resume') model.resume(now, settings);
    const before = JSON.parse(this.stored) as TrackerState;
    const r = this.impl.transition(before, e, now, settings, this.env());
    // A notice given while the tracker's day had already ended (todayNotRolledAtMidnight).
    if (r.state.today.end <= now && r.effects.some((x) => x.type === 'notice' && x.notice === 'dailyLimit')) this.midnightNotice = true;
    for (const fx of r.effects) this.effect(fx, e, carry.effects);
    if (e.type === 'snooze' && !r.refused && r.state.phase.name === 'snoozed') {
      if (before.phase.name === 'onBreak') model.breakPostponed(e.breakId, now);
      this.snoozed(e.breakId, r.state.phase.until, e.minutes);
    }
    if (e.type === 'pause' && !r.refused) {
      // A new pause: none before, or the one before had run out (it ends, with its notice, as this event is caught up).
      if (!before.paused || (before.paused.until !== null && before.paused.until <= now)) this.pauses++;
      if (before.phase.name === 'due' && r.state.phase.name === 'snoozed') this.waitsOutPause(before.phase.brk.id);
      this.pauseEnd = e.until === null ? null : { what: 'the "pause ended" notice', dueAt: e.until, deadline: e.until + SLACK_MS, extra: 0 };
    }
    if (e.type === 'resume') this.pauseEnd = null;
    // A pause that ends outside working hours ends quietly: Limber is not counting desk time then.
    // So does one heard only in later hours (asleep across the end of those it ended in): they start fresh.
    const hours = currentInterval(settings.schedule, now, this.tz);
    if (before.paused && !r.state.paused && !(hours && before.paused.until !== null && hours.start <= before.paused.until)) this.pauseEnd = null;
    this.stored = JSON.stringify(r.state);
    this.storedState = null;
    this.lastEventAt = now;
    this.checkDesk(r.state);
    if (carry.alarms) this.reconcileAlarms(r.state);
    return r;
  }

  protected reconcileAlarms(s: TrackerState): void {
    const when = this.impl.nextWake(s, this.settings, this.env());
    if (when === null) this.nextAlarm = null;
    else if (this.nextAlarm === null || Math.abs(this.nextAlarm - when) > ALARM_KEEP_MS) {
      const at = Math.max(when, this.now + ALARM_FLOOR_MS);
      if (this.nextAlarm === null || Math.abs(this.nextAlarm - at) > ALARM_KEEP_MS) this.nextAlarm = at;
    }
    const wanted = this.impl.wantsWatchdog(s, this.settings, this.env());
    // As reconcileWatchdog: one period after the machine was last heard from (every event here is
    // saved), made again whenever that moved (which covers a clock set back), not sooner than the floor.
    if (!wanted) this.watchdog = null;
    else {
      const at = Math.max(s.lastSeen + WATCHDOG_PERIOD_MS, this.now + ALARM_FLOOR_MS);
      if (this.watchdog === null || Math.abs(this.watchdog - at) > ALARM_KEEP_MS) this.watchdog = at;
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
