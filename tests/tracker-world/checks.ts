/**
 * The checks the simulated world makes on every effect the tracker returns and after every
 * delivery: each names the promise it holds (README "How the timer decides"), compares with the
 * reference model (tests/tracker-model.ts), and throws a `Violation` at the first broken one.
 */
import { currentInterval, isWorking } from '../../lib/schedule';
import type { BreakKind } from '../../lib/settings';
import type { Effect, Result, TrackerEvent, TrackerState } from '../../lib/tracker/tracker';
import { SimulatedEngine } from './engine';
import { ALARM_FLOOR_MS, fmt, FULLSCREEN_RECHECK_MS, HOLD_SETTLE_MS, SLACK_MS, WATCHDOG_PERIOD_MS, type KnownBug } from './promises';

const MIN = 60_000;

export abstract class CheckedWorld extends SimulatedEngine {
  fullscreenOffAt: number | null = null;
  // What was seen
  open: string | null = null;
  firstPrompts = new Map<string, number>();
  reminders = new Map<string, number>();
  snoozes = new Map<string, number>();
  /** Strict mode: how many times a pause withdrew each prompt (each brings it once more). */
  pauseWaits = new Map<string, number>();
  records = new Map<string, number>();
  pauseNotices = 0;
  dailyNotices = new Map<string, number>();
  /**
   * The person's local day (README "Daily sitting limit": one notice per day): a later date in the
   * zone in force starts a new one. After travel the day goes on while the date there is not later
   * than the day's date (a flight west), read from then on in the new zone; so Berlin's 25 October
   * and, a day later, New York's are two days. An earlier date in the same zone can only be the
   * clock set back across midnight: that date, as the clock now shows it, is a day of its own (the
   * day it was when first seen, if it was), and the later date it left is the same day again when
   * the clock reaches it (its notice still counts): so Sunday 02:15 set back to Saturday 22:59 has
   * Saturday's notice at its midnight and Sunday's an hour later. Kept up at every event (`handle`).
   */
  private day: { tz: string; date: string; n: number } | null = null;
  /** The day each date seen in a zone belonged to (`${date} in ${tz}`: `day ${n}`). */
  private dates = new Map<string, string>();

  private dayNow(): string {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: this.tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(this.now);
    const key = `${date} in ${this.tz}`;
    const d = this.day;
    if (d === null || date > d.date) this.day = { tz: this.tz, date, n: (d?.n ?? -1) + 1 };
    else if (d.tz !== this.tz) this.day = { tz: this.tz, date, n: d.n };
    else if (date < d.date) return this.dates.get(key) ?? key;
    const day = `day ${this.day!.n}`;
    this.dates.set(key, day);
    return day;
  }

  /** The last daily-limit notice: when, and on which day it was counted. */
  lastDailyNotice: { at: number; day: string } | null = null;
  zoneChangedAt: number | null = null;
  clockBacks = 0;
  /** How many clock set-backs there had been when each id was first prompted (see `effect`). */
  promptedAt = new Map<string, number>();

  // --- checks on each effect ----------------------------------------------------------------------

  /** `shown`: the effect was carried out (false: the worker died before it could show anything). */
  protected override effect(fx: Effect, cause: TrackerEvent, shown: boolean): void {
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
          // Held as a break falling due is (README "Holds"): not into a fullscreen window before
          // its bound, which counts from no sooner than its moment.
          const r = this.remind;
          if (this.settings.hold.enabled && this.fullscreen && r?.id === id && now < r.dueAt + this.settings.hold.maxMin * MIN) this.fail('a reminder waits while held', `reminder ${id} into fullscreen`);
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
          this.pauseWaits.delete(id);
          this.records.delete(id);
        }
        if (!this.firstPrompts.has(id)) this.promptedAt.set(id, this.clockBacks);
        const n = (this.firstPrompts.get(id) ?? 0) + 1;
        this.firstPrompts.set(id, n);
        const allowed = 1 + (this.snoozes.get(id) ?? 0) + (this.pauseWaits.get(id) ?? 0);
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
        // Strict mode: no Skip, by any door (README "Strict mode", "Pause").
        // A prompt closed because its working hours have ended (the event that reveals it, after
        // travel into the time off, happens to be a pause or a skip) is not skipped by that event.
        const hoursOver = this.settings.schedule.enabled && !isWorking(this.settings.schedule, now, this.tz);
        if (this.settings.strict && (cause.type === 'pause' || cause.type === 'skip') && !hoursOver) this.fail('strict: no skip', `${id} recorded ${fx.entry.outcome} by a ${cause.type}`);
        const n = (this.records.get(id) ?? 0) + 1;
        this.records.set(id, n);
        if (n > 1) this.fail('one record per break', `${id} recorded ${n} times`);
        if (this.open === id) this.open = null;
        if (this.rePrompt?.id === id) this.rePrompt = null;
        if (this.remind?.id === id) this.remind = null;
        // Closed at the start of the working range under way (the range the event reveals starts
        // fresh): ended then, or before it (a break postponed earlier, whose postpone's end it
        // keeps). Either way it ended before the range's desk time, which counts toward the next.
        const rangeStart = this.settings.schedule.enabled ? currentInterval(this.settings.schedule, now, this.tz)?.start : undefined;
        m.breakEnded(id, fx.entry.kind, now, rangeStart !== undefined && fx.entry.endedAt <= rangeStart ? rangeStart : now);
        break;
      }
      case 'notice':
        if (fx.notice === 'pauseEnded') {
          this.pauseNotices++;
          if (this.pauseNotices > this.pauses) this.fail('one notice per pause', `${this.pauseNotices} "pause ended" notices after ${this.pauses} pauses`);
          this.pauseEnd = null;
        } else {
          const day = this.dayNow();
          const n = (this.dailyNotices.get(day) ?? 0) + 1;
          this.dailyNotices.set(day, n);
          this.lastDailyNotice = { at: now, day };
          const excused =
            (this.accepts('dayEndKeptAcrossZones') && this.zoneChangedAt !== null) || (this.accepts('todayNotRolledAtMidnight') && this.midnightNotice);
          if (n > 1 && !excused) this.fail('one daily-limit notice per day', `${n} on ${day} (${this.day?.date ?? ''} in ${this.tz})`);
        }
        break;
    }
  }

  protected override waitsOutPause(id: string): void {
    if (!this.settings.strict) this.fail('strict: no skip', `${id} waits out a pause outside strict mode`);
    this.pauseWaits.set(id, (this.pauseWaits.get(id) ?? 0) + 1);
  }

  protected override snoozed(id: string, until: number, chosenMin?: number): void {
    const n = (this.snoozes.get(id) ?? 0) + 1;
    this.snoozes.set(id, n);
    const limit = this.settings.strict ? Math.min(1, this.settings.snoozeLimit) : this.settings.snoozeLimit;
    if (n > limit) this.fail('snoozes within the limit in force', `snooze ${n} of ${id} with a limit of ${limit}`);
    const at = this.now + (chosenMin === undefined ? this.settings.snoozeSec * 1000 : chosenMin * 60_000);
    if (until > at) this.fail('snoozes within the limit in force', `snoozed ${id} until ${fmt(until)}, past ${fmt(at)}`);
    this.rePrompt = { id, what: `the prompt again after snoozing ${id}`, dueAt: at, deadline: at + SLACK_MS, extra: 0 };
    this.remind = null;
  }

  /** The tracker's desk time stays within the model's bounds. */
  protected override checkDesk(s: TrackerState): void {
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

  /**
   * README: a daily-limit notice that came after the person had left, before the browser reported
   * idle ("away after" later), is taken back with that desk time and comes again when the limit is
   * really passed: it does not count as the day's one.
   */
  protected override handle(e: TrackerEvent, carry?: { effects: boolean; alarms: boolean }): Result {
    this.dayNow();
    const last = this.lastDailyNotice;
    if (e.type === 'activity' && e.state === 'idle' && this.model.activity === 'active' && last && last.at > this.now - this.settings.idleSec * 1000) {
      this.dailyNotices.set(last.day, (this.dailyNotices.get(last.day) ?? 1) - 1);
      this.lastDailyNotice = null;
    }
    return super.handle(e, carry);
  }

  /** After a whole delivery: what must come next, and when. */
  protected override afterEvent(): void {
    const m = this.model;
    // A break that falls due while nothing is open must be prompted within the slack.
    if (this.open !== null || !m.counting()) this.due = null;
    else {
      const at = m.surelyDueAt(this.settings, this.tz);
      if (at === null) this.due = null;
      else if (!this.due || at > this.due.dueAt + 1000) {
        const dueAt = Math.max(at, this.now);
        // An overdue break's due time moves on with each event (`at` is then now): a hold seen
        // before, or one under way (the world forgets `due` on travel or a settings change), still holds it.
        this.due = { what: 'a break', dueAt, deadline: dueAt + SLACK_MS, extra: 0, fsSeen: this.due?.fsSeen === true || this.state().deferredSince !== null, exact: m.desk.micro.lo === m.desk.micro.hi && m.desk.stretch.lo === m.desk.stretch.hi };
      }
    }
    // A postponed break comes back as a break falls due: not while the person is away (their
    // return is its moment), and held as one falling due is (noteFullscreen). An unanswered
    // prompt's reminder likewise waits for the return, and is held so (transition.ts tick).
    for (const ob of [this.rePrompt, this.remind]) {
      if (ob && !m.counting()) ob.deadline = Infinity;
      else if (ob && ob.deadline === Infinity) {
        ob.dueAt = Math.max(ob.dueAt, this.now);
        ob.deadline = ob.dueAt + SLACK_MS + ob.extra;
      }
    }
    for (const ob of [this.rePrompt, this.remind]) if (ob && this.state().deferredSince !== null) ob.fsSeen = true;
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

  /**
   * Fullscreen (with deferral on) may hold a due prompt: up to maxMin, or until 120 s after it ends
   * (recheck + settle). README "Holds": while the person sits still in it (the browser said idle),
   * Limber looks every five minutes (the watchdog), not every minute: then up to that much later.
   */
  protected noteFullscreen(): void {
    // A break falling due, a postponed one once its postpone has ended, and an unanswered prompt's
    // reminder once its moment came (not while either waits for the person's return: `Infinity`).
    for (const d of [this.due, this.rePrompt, this.remind]) {
      if (!d || !this.settings.hold.enabled || d.deadline === Infinity) continue;
      if (this.fullscreen && (d === this.due || this.now >= d.dueAt)) d.fsSeen = true;
      if (!d.fsSeen) continue;
      const bound = d.dueAt + SLACK_MS + d.extra + this.settings.hold.maxMin * MIN;
      const look = this.activity === 'active' ? FULLSCREEN_RECHECK_MS : WATCHDOG_PERIOD_MS;
      const afterOff = this.fullscreen ? Infinity : Math.max(this.fullscreenOffAt ?? -Infinity, d.dueAt) + look + HOLD_SETTLE_MS + SLACK_MS + d.extra;
      d.deadline = Math.min(bound, afterOff);
    }
  }

  protected finalChecks(): void {
    const s = this.state();
    const stillOpen = s.phase.name === 'working' ? null : s.phase.brk.id;
    for (const id of this.firstPrompts.keys()) {
      const n = this.records.get(id) ?? 0;
      if (id === stillOpen ? n !== 0 : n !== 1) this.fail('every prompted break ends in one record', `${id}: ${n} records`);
    }
  }
}
