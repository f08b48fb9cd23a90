/**
 * The heads-up announced a second time, and the prompt's reminder, against README.md ("A heads-up
 * before a stretch break": at most once per break, never while a break would be held; "A prompt
 * you do not answer reminds you once after three minutes"). Fixed instants, Berlin.
 *
 * The heads-up's checks are only as good as the env they are made in: the worker asks the browser
 * what the person is in only at a decision moment (lib/engine/asks.ts), so `AskingSim` gives the
 * tracker the env exactly as the runtime does (lib/engine/runtime.ts env): the browser's answer
 * when asksBrowser says so, else "in nothing".
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from './settings';
import { asksBrowser } from './engine/asks';
import { nextWake, type TrackerEvent } from './tracker/tracker';
import { BASE, MIN, MON_0800, Sim } from '../tests/tracker-rules-sim';

class AskingSim extends Sim {
  /** What the browser would answer if asked. */
  world = { fullscreen: false, sound: false, call: false };
  override send(e: TrackerEvent, at = this.now) {
    const asked = asksBrowser(this.state, this.settings, at, e);
    this.env = { timeZone: this.env.timeZone, ...(asked ? this.world : { fullscreen: false, sound: false, call: false }) };
    return super.send(e, at);
  }
}

const at = (sim: Sim, type: 'headsUp' | 'clearHeadsUp') => sim.effects.filter((e) => e.type === type).map((e) => e.at);

describe('the heads-up shown again', () => {
  it('the snooze limit set to 0 while "Stretch break in 1 min" is out, during a call: not shown again in the call', () => {
    const sim = new AskingSim({ ...BASE, headsUpSec: 60 }, MON_0800); // stretch every 50 min, heads-up at 49:00
    sim.runUntil(MON_0800 + 49 * MIN + 10_000);
    expect(at(sim, 'headsUp')).toEqual([MON_0800 + 49 * MIN]);
    sim.world.call = true; // joins a call (an allowed call site, audible)
    sim.settings = { ...sim.settings, snoozeLimit: 0 };
    sim.send({ type: 'settingsChanged' }, MON_0800 + 49 * MIN + 20_000);
    // The one with a Postpone button that no longer works is taken back; none comes during the call.
    expect(at(sim, 'clearHeadsUp')).toEqual([MON_0800 + 49 * MIN + 20_000]);
    expect(at(sim, 'headsUp')).toEqual([MON_0800 + 49 * MIN]);
    // Not in a call: shown again at once, without the button (README).
    const free = new AskingSim({ ...BASE, headsUpSec: 60 }, MON_0800);
    free.runUntil(MON_0800 + 49 * MIN + 10_000);
    free.settings = { ...free.settings, snoozeLimit: 0 };
    free.send({ type: 'settingsChanged' }, MON_0800 + 49 * MIN + 20_000);
    expect(free.effects.filter((e) => e.type === 'headsUp').map((e) => [e.at, e.type === 'headsUp' && e.postpone])).toEqual([
      [MON_0800 + 49 * MIN, true],
      [MON_0800 + 49 * MIN + 20_000, false],
    ]);
  });

  it('the lead changed from 2 min to 1 min while "Stretch break in 2 min" is out: kept, not announced a second time', () => {
    const sim = new Sim({ ...BASE, headsUpSec: 120 }, MON_0800);
    sim.runUntil(MON_0800 + 48 * MIN + 10_000);
    expect(at(sim, 'headsUp')).toEqual([MON_0800 + 48 * MIN]);
    sim.settings = { ...sim.settings, headsUpSec: 60 };
    sim.send({ type: 'settingsChanged' }, MON_0800 + 48 * MIN + 30_000); // 90 s before the break
    sim.runUntil(MON_0800 + 50 * MIN);
    expect(at(sim, 'headsUp')).toEqual([MON_0800 + 48 * MIN]);
    expect(at(sim, 'clearHeadsUp')).toEqual([MON_0800 + 50 * MIN]); // with the prompt
    expect(sim.prompts().map((e) => e.at)).toEqual([MON_0800 + 50 * MIN]);
  });

  it('the lead changed from 1 min to 2 min, or the interval lengthened: as before (kept; taken back, its own heads-up later)', () => {
    const longer = new Sim({ ...BASE, headsUpSec: 60 }, MON_0800);
    longer.runUntil(MON_0800 + 49 * MIN + 10_000);
    longer.settings = { ...longer.settings, headsUpSec: 120 };
    longer.send({ type: 'settingsChanged' }, MON_0800 + 49 * MIN + 20_000);
    longer.runUntil(MON_0800 + 50 * MIN);
    expect(at(longer, 'headsUp')).toEqual([MON_0800 + 49 * MIN]);
    const moved = new Sim({ ...BASE, headsUpSec: 120 }, MON_0800);
    moved.runUntil(MON_0800 + 48 * MIN + 10_000);
    moved.settings = { ...moved.settings, stretch: { ...moved.settings.stretch, everySec: 55 * 60 } };
    moved.send({ type: 'settingsChanged' }, MON_0800 + 48 * MIN + 30_000);
    moved.runUntil(MON_0800 + 55 * MIN);
    expect(at(moved, 'clearHeadsUp')[0]).toBe(MON_0800 + 48 * MIN + 30_000);
    expect(at(moved, 'headsUp')).toEqual([MON_0800 + 48 * MIN, MON_0800 + 53 * MIN]);
  });
});

describe("the prompt's reminder", () => {
  // A 5-min stretch break, prompted at 50:00; the person leaves then (the browser says idle a
  // minute later, "away after" 1 min): the reminder at 53:00 would come to an empty desk.
  const S: Settings = { ...BASE, remindAfterSec: 180, headsUpSec: 0, stretch: { ...BASE.stretch, lengthSec: 300 } };
  const prompts = (sim: Sim) => sim.prompts().map((e) => [e.at, e.type === 'prompt' && e.reminder]);

  it('away for less than the break: no reminder while away; it comes as they return', () => {
    const sim = new Sim(S, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    sim.send({ type: 'activity', state: 'idle' }, MON_0800 + 51 * MIN);
    sim.runUntil(MON_0800 + 53 * MIN + 30_000);
    expect(prompts(sim)).toEqual([[MON_0800 + 50 * MIN, false]]);
    expect(nextWake(sim.state, S, sim.env)).toBeNull(); // no wake while away: the return is the moment
    sim.send({ type: 'activity', state: 'active' }, MON_0800 + 54 * MIN); // away 4 min of the 5
    expect(prompts(sim)).toEqual([
      [MON_0800 + 50 * MIN, false],
      [MON_0800 + 54 * MIN, true],
    ]);
  });

  it('away for the break\'s length: no reminder at all, the break was taken', () => {
    const sim = new Sim(S, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    sim.send({ type: 'activity', state: 'locked' }, MON_0800 + 50 * MIN + 30_000);
    sim.runUntil(MON_0800 + 56 * MIN);
    sim.send({ type: 'activity', state: 'active' }, MON_0800 + 56 * MIN);
    expect(prompts(sim)).toEqual([[MON_0800 + 50 * MIN, false]]);
    expect(sim.records().map((r) => r.outcome)).toEqual(['natural']);
  });

  it('at the desk: the reminder comes 3 min after the prompt, once', () => {
    const sim = new Sim(S, MON_0800);
    sim.runUntil(MON_0800 + 60 * MIN);
    expect(prompts(sim)).toEqual([
      [MON_0800 + 50 * MIN, false],
      [MON_0800 + 53 * MIN, true],
    ]);
  });
});

describe("the prompt's reminder during a call that began after the prompt", () => {
  // Prompted at 50:00 (reminder due at 53:00); the person takes it as a hint and joins a call at
  // 51:00 (an allowed call site, audible). README "Holds": a due break waits while in a call;
  // its reminder waits the same way, up to the same bound, and comes once, a minute or two after.
  const S: Settings = { ...BASE, remindAfterSec: 180, headsUpSec: 0 };
  const reminders = (sim: Sim) => sim.prompts().filter((e) => e.type === 'prompt' && e.reminder).map((e) => e.at);
  const inCall = (settings: Settings) => {
    const sim = new AskingSim(settings, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    expect(sim.prompts().map((e) => e.at)).toEqual([MON_0800 + 50 * MIN]);
    sim.world.call = true;
    sim.send({ type: 'activity', state: 'active' }, MON_0800 + 51 * MIN);
    return sim;
  };

  it('no reminder during the call; it comes within two minutes of its end, once', () => {
    const sim = inCall(S);
    sim.runUntil(MON_0800 + 70 * MIN);
    expect(reminders(sim)).toEqual([]);
    sim.world.call = false; // the call ends at 70:00: no event, the worker looks again
    sim.runUntil(MON_0800 + 90 * MIN);
    const [one, ...more] = reminders(sim);
    expect(more).toEqual([]);
    expect(one).toBeGreaterThan(MON_0800 + 70 * MIN);
    expect(one).toBeLessThanOrEqual(MON_0800 + 72 * MIN);
    expect(nextWake(sim.state, S, sim.env)).toBeNull(); // then it waits: nothing more to ring
  });

  it('a call that never ends: the reminder comes at the hold bound (30 min from 53:00), once', () => {
    const sim = inCall(S);
    sim.runUntil(MON_0800 + 120 * MIN);
    expect(reminders(sim)).toEqual([MON_0800 + 83 * MIN]);
  });

  it('"never hold" (the hold unticked): the reminder comes at 53:00 as before', () => {
    const sim = inCall({ ...S, hold: { ...S.hold, enabled: false } });
    sim.runUntil(MON_0800 + 120 * MIN);
    expect(reminders(sim)).toEqual([MON_0800 + 53 * MIN]);
  });

  it('answered while the reminder waits: no reminder afterwards', () => {
    const sim = inCall(S);
    sim.runUntil(MON_0800 + 60 * MIN);
    const p = sim.state.phase;
    if (p.name !== 'due') throw new Error(p.name);
    sim.send({ type: 'snooze', breakId: p.brk.id }, MON_0800 + 60 * MIN);
    sim.world.call = false;
    sim.runUntil(MON_0800 + 64 * MIN); // the postpone (5 min) still runs
    expect(reminders(sim)).toEqual([]);
    expect(sim.prompts().map((e) => e.at)).toEqual([MON_0800 + 50 * MIN]);
  });
});
