/**
 * A reference model of desk time, for the tracker's property tests (lib/tracker/*.property and
 * *.mutants tests). It is its own small code: it never calls lib/tracker. It is fed what the
 * simulated world does (events as the engine delivers them, sleeps, a closed browser, the time
 * zone) and integrates desk time from it with the rules the README states under "How the timer
 * decides", then says when a break must fall due.
 *
 * Desk time is kept as a lower and an upper bound per break kind, because two rules leave room:
 * - an idle report takes back "those last seconds" (the idle delay): the truth is the desk time
 *   actually counted since the user left (`hi`); the tracker takes back the whole delay, counted
 *   or not (a pause or a break that ended within it), which can only be more (`lo`);
 * - a sleep is noticed as the gap since the tracker last heard from the machine, so the minutes
 *   between that moment and the real start of the sleep (up to one watchdog period) may be lost
 *   (`lo`) or counted (`hi`).
 * A break must be prompted once `lo` reaches its interval, and must not be before `hi` does.
 *
 * The calendar (working hours across DST and zones) comes from lib/schedule.ts, the oracle the
 * brief allows; day boundaries from Intl.
 */
import { currentInterval, workingIntervals } from '../lib/schedule';
import type { BreakKind, Settings } from '../lib/settings';
import { cut, KINDS, RULES, type Activity, type Bound, type Dead, type Pause } from './tracker-model-terms';

export class ReferenceModel {
  asOf: number;
  /** The last instant any event reached the tracker. */
  lastHeard: number;
  activity: Activity = 'active';
  /** Idle reported while watching (fullscreen): still at the desk, desk time goes on (README "Sitting still"). */
  still = false;
  activeSince: number;
  awaySince: number | null = null;
  paused: Pause | null = null;
  /** Id of the break under way (from its start until its record). */
  onBreak: string | null = null;
  inHours = true;
  desk: Record<BreakKind, Bound> = { micro: { lo: 0, hi: 0 }, stretch: { lo: 0, hi: 0 } };
  /** Desk time counted in the last few minutes, as [from, to] pieces (for the idle take-back). */
  private recent: Array<[number, number]> = [];
  private dead: Dead[] = [];

  constructor(now: number, settings: Settings, tz: string) {
    this.asOf = now;
    this.lastHeard = now;
    this.activeSince = now;
    if (settings.schedule.enabled) this.inHours = currentInterval(settings.schedule, now, tz) !== null;
  }

  /** Desk time is counting: active, not paused, not on a break, inside working hours. */
  counting(): boolean {
    return this.activity === 'active' && !this.paused && this.onBreak === null && this.inHours;
  }

  /**
   * The machine delivered nothing in [from, to] (sleep, browser closed). `lenient`: accept the
   * known bug described at `Dead.blind`.
   */
  deadTime(from: number, to: number, lenient: boolean, wakeAt: number | null = null): void {
    const blind = lenient && this.activity === 'active' && !this.counting();
    // Begun while not counting (no watchdog), it can be told only from the first wake it missed.
    const seenFrom = !this.counting() && wakeAt !== null ? Math.min(to, Math.max(from, wakeAt)) : from;
    if (to > from) this.dead.push({ from, to, blind, seenFrom });
  }

  /** The clock was set from `from` to `to`: a set-back pulls the recorded dead time back with it. */
  clockSet(from: number, to: number): void {
    if (to >= from) return;
    this.dead = this.dead.map((d) => ({ ...d, from: Math.min(d.from, to), to: Math.min(d.to, to), seenFrom: Math.min(d.seenFrom, to) }));
  }

  private reset(kind: BreakKind | 'all', bound: 'lo' | 'both' = 'both'): void {
    // A stretch break is also a posture check; a posture check resets only its own count.
    for (const k of KINDS) {
      if (kind !== 'all' && kind !== 'stretch' && k !== kind) continue;
      this.desk[k].lo = 0;
      if (bound === 'both') this.desk[k].hi = 0;
    }
  }

  /** Adds the desk time of [asOf, to] (working, awake and countable pieces), then asOf = to. */
  private integrate(to: number, settings: Settings, tz: string): void {
    const from = this.asOf;
    if (to <= from) return;
    this.asOf = to;
    // Outside working hours as last heard: hours that began unheard (read in a zone changed
    // meanwhile) count only from when they are heard of (catchUp), as a range heard of late does.
    if (!this.counting()) return;
    const working: Array<[number, number]> = settings.schedule.enabled
      ? workingIntervals(settings.schedule, from, to, tz).map((iv) => [Math.max(from, iv.start), Math.min(to, iv.end)] as [number, number])
      : [[from, to]];
    let awake = working;
    let seen = working; // what the tracker can tell apart from being awake
    for (const d of this.dead) {
      awake = awake.flatMap(([a, b]) => cut(a, b, d.from, d.to));
      if (!d.blind) seen = seen.flatMap(([a, b]) => cut(a, b, d.from, d.to));
    }
    const sum = (ps: Array<[number, number]>) => ps.reduce((n, [a, b]) => n + Math.max(0, b - a), 0);
    const lo = sum(awake);
    const hi = sum(seen);
    for (const k of KINDS) {
      this.desk[k].lo += lo;
      this.desk[k].hi += hi;
    }
    for (const [a, b] of awake) if (b > a) this.recent.push([a, b]);
  }

  /**
   * Any event reaches the tracker at `now`: bring the model up to now (before the event's own
   * rule, see `activity`, `pause`, `resume`).
   */
  catchUp(now: number, settings: Settings, tz: string): void {
    if (now < this.asOf || now < this.lastHeard) {
      // A clock set back: nothing is counted twice; times in the future are moved back to now.
      // The moment the person became active moves back with the clock (by the jump): an idle
      // report measures real time without input, and reaches back to that moment as it really was.
      const jump = Math.max(this.asOf, this.lastHeard) - now;
      this.asOf = now;
      this.lastHeard = now;
      this.activeSince = Math.min(this.activeSince - jump, now);
      if (this.awaySince !== null) this.awaySince = Math.min(this.awaySince, now);
      if (this.paused) this.paused = { ...this.paused, since: Math.min(this.paused.since, now) };
      this.recent = [];
      this.dead = [];
    }
    // Sleep, or the browser closed, while active: away from when it began (the truth, both
    // bounds). The tracker itself only sees silence: nothing heard for longer than the sleep gap
    // while counting is taken for time away since it last heard (the README's rule, `lo` only:
    // when nothing slept, the person may well have been at the desk all along).
    const dead = this.dead.find((d) => d.to <= now && d.to > this.lastHeard) ?? null;
    const silent = this.counting() && now - this.lastHeard > RULES.sleepGapMs;
    if (this.activity === 'active' && dead?.blind && !silent) {
      // The tracker cannot notice this one (lenient): only the lower bound takes it as time away.
      for (const k of ['stretch', 'micro'] as const) if (now - dead.from >= settings[k].lengthSec * 1000) this.reset(k, 'lo');
    } else if (this.activity === 'active' && (dead || silent)) {
      const end = dead ? dead.from : now;
      this.integrate(end, settings, tz);
      if (silent) {
        const lost = this.countedIn(this.lastHeard, end);
        for (const k of KINDS) this.desk[k].lo = Math.max(0, this.desk[k].lo - lost);
        for (const k of ['stretch', 'micro'] as const) if (now - this.lastHeard >= settings[k].lengthSec * 1000) this.reset(k, 'lo');
      }
      // A break's length away by the truth resets the lower bound; the upper one only when the
      // tracker could tell that much (from the wake it missed, when the sleep began uncounted).
      if (dead) for (const k of ['stretch', 'micro'] as const) if (now - dead.from >= settings[k].lengthSec * 1000) this.reset(k, now - dead.seenFrom >= settings[k].lengthSec * 1000 ? 'both' : 'lo');
      this.asOf = Math.max(this.asOf, now);
      this.activeSince = now;
    }
    this.dead = this.dead.filter((d) => d.to > now);

    // A timed pause that has run out ended at its end; a long one starts desk time afresh.
    const p = this.paused;
    let pauseEnd = -Infinity;
    if (p && p.until !== null && now >= p.until) {
      pauseEnd = p.until;
      this.integrate(p.until, settings, tz);
      this.paused = null;
      // Heard of only well after it ran out (the README: a clock set forward, or a sleep, is
      // time away): the machine was not awake then; count from now, and a gap as long as a
      // break is that break.
      const missed = this.activity === 'active' && now - p.until > RULES.rangeGraceMs;
      this.asOf = Math.max(this.asOf, missed ? now : p.until);
      if (p.until - p.since >= settings.stretch.lengthSec * 1000) this.reset('all');
      if (missed) for (const k of ['stretch', 'micro'] as const) if (now - p.until >= settings[k].lengthSec * 1000) this.reset(k);
    }

    // Working hours: none outside them; each working range starts fresh.
    if (settings.schedule.enabled) {
      const iv = currentInterval(settings.schedule, now, tz);
      if (!iv) {
        // Away when the hours ended (their last instant, or now if they end later than heard):
        // a break's length away by then was that break taken, as on a return.
        if (this.inHours && this.activity !== 'active' && this.awaySince !== null) {
          const was = workingIntervals(settings.schedule, this.asOf, now, tz)[0];
          const away = (was && was.end <= now ? was.end - 1 : now) - this.awaySince;
          for (const k of ['stretch', 'micro'] as const) if (away >= settings[k].lengthSec * 1000) this.reset(k);
        }
        this.integrate(now, settings, tz);
        this.inHours = false;
      } else if (!this.inHours || this.asOf < iv.start) {
        this.integrate(iv.start, settings, tz);
        this.reset('all');
        this.inHours = true;
        // Heard of only well after it began: the machine was not awake then; count from now.
        // Begun during a pause that ended since, the wake asked for was the pause's end (its
        // alarm): its lateness counts from there (counting starts at that end, as above).
        this.asOf = Math.max(this.asOf, now - Math.max(iv.start, pauseEnd) > RULES.rangeGraceMs ? now : iv.start);
      }
    } else {
      if (!this.inHours) this.asOf = Math.max(this.asOf, now);
      this.inHours = true;
    }
    this.integrate(now, settings, tz);
    this.lastHeard = now;
    this.recent = this.recent.filter(([, b]) => b > now - 3_600_000);
  }

  private countedIn(from: number, to: number): number {
    let sum = 0;
    for (const [a, b] of this.recent) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
    return sum;
  }

  /**
   * What the person is in, as the tracker sees it at every event (after catchUp): once nothing
   * plays, sitting still ends and away starts then, nothing taken back.
   */
  watch(now: number, watching: boolean): void {
    if (!this.still || watching) return;
    this.still = false;
    this.activity = 'idle';
    this.awaySince = now;
  }

  /** The machine reports a new activity state (after catchUp); `watching`: a video or a call plays. */
  activityChanged(now: number, state: Activity, settings: Settings, watching = false): void {
    if (state === 'active') this.still = false;
    if (state === 'idle' && this.activity === 'active' && watching) {
      this.still = true;
      return;
    }
    if (state === 'locked') this.still = false;
    if (state === this.activity) return;
    if (state === 'active') {
      // Away at least a break's length: that break taken naturally, its count starts again.
      const away = now - (this.awaySince ?? now);
      for (const k of ['stretch', 'micro'] as const) if (away >= settings[k].lengthSec * 1000) this.reset(k);
      this.activity = 'active';
      this.activeSince = now;
      this.awaySince = null;
      this.asOf = now;
      return;
    }
    if (this.activity === 'active') {
      // "idle" is reported only after the idle delay without input: the user left then.
      const leftAt = state === 'idle' ? Math.max(now - settings.idleSec * 1000, this.activeSince) : now;
      if (this.counting()) {
        const truth = this.countedIn(leftAt, now);
        for (const k of KINDS) {
          this.desk[k].hi = Math.max(0, this.desk[k].hi - truth);
          this.desk[k].lo = Math.max(0, this.desk[k].lo - (now - leftAt));
        }
      }
      this.awaySince = leftAt;
    }
    this.activity = state;
  }

  /** A pause asked for at `now` (refused when it would end at once). */
  pause(now: number, until: number | null): void {
    if (until !== null && until <= now) return;
    this.paused = { since: this.paused?.since ?? now, until };
  }

  resume(now: number, settings: Settings): void {
    if (!this.paused) return;
    if (now - this.paused.since >= settings.stretch.lengthSec * 1000) this.reset('all');
    this.paused = null;
    this.asOf = now;
  }

  /** A break window opened for a break now under way. */
  breakStarted(id: string): void {
    this.onBreak = id;
  }

  /** A prompted break postponed from its window: no outcome, its count goes on from now. */
  breakPostponed(id: string, now: number): void {
    if (this.onBreak !== id) return;
    this.onBreak = null;
    this.asOf = Math.max(this.asOf, now);
  }

  /** A break ended with an outcome (any): its count starts again; a stretch break's resets both. */
  breakEnded(id: string, kind: BreakKind, now: number, endedAt = now): void {
    if (this.onBreak === id) {
      this.onBreak = null;
      this.asOf = Math.max(this.asOf, now);
    }
    this.reset(kind);
    // Ended earlier than it is heard of (a prompt closed at the start of a working range the event
    // reveals): the desk time counted since it ended counts toward the next one.
    const after = endedAt < now ? this.countedIn(endedAt, now) : 0;
    for (const k of KINDS) {
      if (after <= 0 || (kind !== 'stretch' && k !== kind)) continue;
      this.desk[k].lo += after;
      this.desk[k].hi += after;
    }
  }

  /**
   * When some enabled break surely falls due, if desk time keeps counting from now: the earliest
   * instant a lower bound reaches its interval, within the current working range. Null when
   * nothing is counting or nothing falls due in this range.
   */
  surelyDueAt(settings: Settings, tz: string): number | null {
    if (!this.counting()) return null;
    const end = settings.schedule.enabled ? (currentInterval(settings.schedule, this.asOf, tz)?.end ?? this.asOf) : Infinity;
    let best: number | null = null;
    for (const k of KINDS) {
      if (!settings[k].enabled) continue;
      const at = this.asOf + Math.max(0, settings[k].everySec * 1000 - this.desk[k].lo);
      if (at < end && (best === null || at < best)) best = at;
    }
    return best;
  }

  /**
   * Whether a prompt for `kind` may come now: its upper bound has reached its interval, or it is
   * a stretch break swallowing a due posture check with its own interval less than two minutes away.
   */
  mayPrompt(kind: BreakKind, settings: Settings, tol: number): boolean {
    const reached = (k: BreakKind, early = 0) => this.desk[k].hi + tol + early >= settings[k].everySec * 1000;
    if (!settings[kind].enabled) return false;
    if (reached(kind)) return true;
    return kind === 'stretch' && settings.micro.enabled && reached('micro') && reached('stretch', RULES.mergeMs);
  }
}
