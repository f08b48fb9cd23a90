/**
 * A simulated world and engine around the pure tracker, for the property tests in lib/tracker/.
 *
 * The engine part (tests/tracker-world/engine.ts) behaves like lib/engine.ts and
 * lib/platform/alarms.ts; the checks (tests/tracker-world/checks.ts) hold every effect to the
 * promises, with the reference model (tests/tracker-model.ts) for desk time. The world part, here:
 * time passing, idle changes, sleeps (nothing delivered; missed alarms fire once on waking), a
 * browser restart (the browser closed for a while, notifications and session storage gone, alarms
 * sometimes gone too), the clock set forward or back, the time zone changing (travel),
 * fullscreen, and a person answering prompts. What a scenario is made of:
 * tests/tracker-world/scenario.ts; the promises' names and timing: tests/tracker-world/promises.ts.
 *
 * `runWorld` plays one scenario, feeds the same world to the reference model and throws a
 * `Violation` naming the broken promise at the first one it sees. This file is the world's one
 * entry point for the tests.
 */
import { CheckedWorld } from './tracker-world/checks';
import { REAL_TRACKER, type EngineOptions, type TrackerImpl, type WorldStats } from './tracker-world/promises';
import { VARIANTS, type Scenario, type Step } from './tracker-world/scenario';

export {
  ALARM_FLOOR_MS,
  ALL_KNOWN_BUGS,
  KNOWN_BUGS,
  REAL_TRACKER,
  SLACK_MS,
  Violation,
  type EngineOptions,
  type KnownBug,
  type TrackerImpl,
  type WorldStats,
} from './tracker-world/promises';
export { scenarioArb, STARTS, VARIANTS, ZONES, type Answer, type Scenario, type Step } from './tracker-world/scenario';

const MIN = 60_000;
const H = 60 * MIN;

/** Plays one scenario; throws a Violation at the first broken promise. */
export function runWorld(sc: Scenario, impl: TrackerImpl = REAL_TRACKER, opts: EngineOptions = {}): WorldStats {
  return new World(sc, impl, { reshowOnWake: true, ...opts }).run();
}

class World extends CheckedWorld {
  /** When the person last clicked on Limber (input, as far as the browser's idle state goes). */
  private clickedAt: number | null = null;

  run(): WorldStats {
    this.wake();
    for (const s of this.sc.steps) this.play(s);
    // Every run ends with a quiet hour, so that what fell due near the end is checked too.
    this.advanceTo(this.now + H);
    this.finalChecks();
    return this.stats;
  }

  // --- the world -------------------------------------------------------------------------------

  protected play(s: Step): void {
    switch (s.k) {
      case 'wait':
        this.advanceTo(this.now + s.ms);
        break;
      case 'activity':
        // The browser says idle only after `idleSec` without input, and a click on Limber (an
        // answer, a break started, a pause, a resume) is input: not sooner than that after one.
        if (s.state === 'idle' && this.clickedAt !== null) this.advanceTo(Math.max(this.now, this.clickedAt + this.settings.idleSec * 1000));
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
        if (s.ms > 0 && !(m.counting() && to - m.lastHeard <= 6.5 * MIN)) m.deadTime(from, to, this.unnoticeable(to), this.nextAlarm);
        m.clockSet(from, to);
        if (s.ms < 0) this.clockBacks++;
        // The last click stays as long ago in real time as it was.
        if (this.clickedAt !== null) this.clickedAt += s.ms;
        this.now = to;
        this.due = this.rePrompt = this.remind = this.pauseEnd = null;
        this.deliver({ type: 'tick' });
        this.advanceTo(this.now);
        break;
      }
      case 'answer': {
        this.clickedAt = this.now;
        const p = this.state().phase;
        const breakId = s.valid && p.name !== 'working' ? p.brk.id : 'micro-42';
        if (s.answer === 'postpone5' || s.answer === 'postpone15') this.deliver({ type: 'snooze', breakId, minutes: s.answer === 'postpone5' ? 5 : 15 });
        else if (s.answer === 'start' || s.answer === 'snooze' || s.answer === 'skip') this.deliver({ type: s.answer, breakId });
        else this.deliver({ type: 'finish', breakId, outcome: s.answer });
        break;
      }
      case 'manual':
        this.clickedAt = this.now;
        this.deliver({ type: 'start' });
        break;
      case 'pause':
        this.clickedAt = this.now;
        this.deliver({ type: 'pause', until: s.ms === null ? null : this.now + s.ms });
        break;
      case 'resume':
        this.clickedAt = this.now;
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
