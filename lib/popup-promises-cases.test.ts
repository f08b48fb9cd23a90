/**
 * The PROMISES the popup and the badge make about timing, held against what the tracker
 * then really does. The pure tracker is driven like the background drives it (every wake it asks
 * for, and the watchdog one period after the machine was last heard from: due.ts watchdogAt),
 * and after every event the popup's view and the badge are read and kept. Each promise is then
 * checked against the continued simulation:
 * - "... — at the latest HH:MM" (view.held.until, App.tsx/first-frame.ts with the whyHeld*
 *   messages): the prompt comes by then, within the minute shown (up to 59 s past the instant);
 * - a badge "≤Nm" set at t (README: "at most"): the prompt comes by t + N min;
 * - "<kind> at HH:MM" (view.next, whyNext): with the person active throughout and nothing
 *   to wait for, the prompt comes then, within the minute shown;
 * - the wait's reason in words is the real one.
 * Expected values come from the configured settings, the simulated person's actions and the
 * README's words, never from the code's own output. describe('bugs') holds the cases a review
 * found broken, each failing before its fix: after a hold the break came up to 2 min past "at the
 * latest" (a wait for a pause followed the settle), a short lock restarted the wait for a pause,
 * a wait with no tab noted promised a tab switch, and the popup named breaks after the working
 * hours' end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { speak } from '../tests/support/speak';
import type { Settings } from './settings';
import { badgeFor } from './platform/badge';
import { BASE, berlin, MIN, MON_0800, WEEKDAYS, WokenSim } from '../tests/tracker-rules-sim';
import { nextWake, view, watchdogAt, type TrackerEvent, type TrackerView } from './tracker/tracker';
import { HELD_TEXT } from '../entrypoints/popup/first-frame';
import en from '../public/_locales/en/messages.json';

// The badge's minutes come from the catalogue ("≤5m"): the browser answers in English.
beforeEach(() => speak('en'));
afterEach(() => vi.restoreAllMocks());

/** The minute a time is shown to ("at the latest 08:52" stands for 08:52:00-08:52:59). */
const ROUNDING_MS = 60_000;

interface Shown {
  at: number;
  view: TrackerView;
  badge: string;
}

/** Europe/Berlin wall-clock time of an instant, for messages (the Sim's zone). */
const clock = (t: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(t);

/** A Sim woken as the background wakes it (tests/tracker-rules-sim.ts), every event followed by a look at the popup's view and the badge. */
class Watched extends WokenSim {
  shown: Shown[] = [];
  override send(e: TrackerEvent, at = this.now) {
    const r = super.send(e, at);
    const v = view(this.state, this.settings, this.env);
    this.shown.push({ at, view: v, badge: badgeFor(v, at, true).text });
    return r;
  }
  /** The first prompt at or after t. */
  promptAfter(t: number): number | null {
    return this.promptTimes().find((p) => p >= t) ?? null;
  }
}

/** Every "at the latest" the popup showed (view.held) and every badge upper bound during a wait, against the prompt that followed; distinct promises only. */
function brokenWaitPromises(sim: Watched): string[] {
  const broken = new Set<string>();
  for (const s of sim.shown) {
    // Cut to the end of working hours: "until 17:30", no break after it (checked where it matters).
    if (!s.view.held || s.view.hoursEnd) continue;
    const prompt = sim.promptAfter(s.at);
    const promised = `popup "${s.view.held.reason}, at the latest ${clock(s.view.held.until)}"`;
    if (prompt === null) broken.add(`${promised}: no prompt came`);
    else if (prompt > s.view.held.until + ROUNDING_MS - 1) broken.add(`${promised}: prompt at ${clock(prompt)}`);
    const upTo = /^≤(\d+)m$/.exec(s.badge);
    if (upTo && prompt !== null && prompt > s.at + Number(upTo[1]) * MIN) broken.add(`badge "${s.badge}" at ${clock(s.at)}: prompt at ${clock(prompt)}`);
  }
  return [...broken];
}

/** Every "<kind> at HH:MM" the popup showed (no wait, phase working) that no prompt of that kind kept, to its minute. */
function unkeptNextBreaks(sim: Watched, from = -Infinity, to = Infinity): string[] {
  const unkept = new Set<string>();
  for (const s of sim.shown) {
    if (s.at < from || s.at > to || s.view.phase !== 'working' || s.view.held || !s.view.next) continue;
    const { kind, at } = s.view.next;
    const kept = sim.prompts().some((p) => p.type === 'prompt' && p.at >= at && p.at < at + ROUNDING_MS && p.brk.kind === kind);
    if (!kept) unkept.add(`popup "${kind} at ${clock(at)}": prompts ${JSON.stringify(sim.prompts().map((p) => (p.type === 'prompt' ? `${p.brk.kind} ${clock(p.at)}` : '')))}`);
  }
  return [...unkept];
}

// BASE: a stretch break every 50 min of desk time (3 min long), no posture check, no reminder.
const HOLD_AND_PAUSE: Settings = { ...BASE, idleSec: 60, hold: { enabled: true, maxMin: 30 }, pauseWaitMin: 2 };
const PAUSE_ONLY: Settings = { ...HOLD_AND_PAUSE, hold: { enabled: false, maxMin: 30 } };
const DUE = MON_0800 + 50 * MIN; // active from 08:00 without a pause: 50 min of desk time at 08:50


describe('bugs found in review (a title may name what was wrong; each test holds its fix)', () => {
  it('the settle after a hold promises "at the latest" a minute after the call, and the break then waits up to 2 more minutes for a pause in typing', () => {
    // Defaults: holds on (30 min), a wait for a pause in typing (2 min). A call plays sound in the
    // tab in view from before the break is due (08:50) until 09:00:20; the person types throughout.
    const sim = new Watched(HOLD_AND_PAUSE, MON_0800);
    sim.env = { ...sim.env, sound: true, tab: 1 };
    sim.runUntil(DUE + 10 * MIN + 20_000);
    sim.env = { ...sim.env, sound: false };
    const ended = sim.now;
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.promptTimes()).toHaveLength(1);
    // The end of the call is seen at the next look (09:01): the popup then says "Break in a moment,
    // once you have wrapped up — at the latest 09:02" (README: "the break comes a minute after
    // Limber notices, so within a minute or two"), and the badge "≤1m".
    const settle = sim.shown.find((s) => s.view.held?.reason === 'settle');
    expect(settle!.view.held!.until - ended).toBeLessThanOrEqual(2 * MIN);
    // Every promise made during the wait is kept. (Found: the settle's "at the latest 09:02" and
    // its badge "≤1m" at 09:01, with the prompt at 09:04: a 2-min wait for a pause in typing starts
    // when the settle ends, lib/tracker/moment.ts pauseDue.)
    expect(brokenWaitPromises(sim)).toEqual([]);
  });

  it('the same broken settle promise after a fullscreen video, ended while typing or at the first keystroke after sitting still', () => {
    // (README "Holds": "when what held it ends, the break comes a minute after Limber notices, so
    // within a minute or two"; the popup then says "at the latest" that minute.)
    for (const endsAfter of [3 * MIN + 5_000, 17 * MIN + 40_000]) {
      const sim = new Watched(HOLD_AND_PAUSE, MON_0800);
      sim.env = { ...sim.env, fullscreen: true, tab: 1 };
      sim.runUntil(DUE + endsAfter);
      sim.env = { ...sim.env, fullscreen: false };
      sim.runUntil(DUE + 40 * MIN);
      expect(sim.promptTimes()).toHaveLength(1);
      expect(brokenWaitPromises(sim)).toEqual([]);
    }
    // Watching without input (sitting still), the video ends, the first keystroke comes at 08:58:
    // that looks at once, and the settle says "at the latest 08:59". (Found: the prompt at 09:01.)
    const sim = new Watched(HOLD_AND_PAUSE, MON_0800);
    sim.env = { ...sim.env, fullscreen: true, tab: 1 };
    sim.runUntil(DUE - 5 * MIN);
    sim.send({ type: 'activity', state: 'idle' });
    sim.runUntil(DUE + 7 * MIN);
    sim.env = { ...sim.env, fullscreen: false };
    sim.send({ type: 'activity', state: 'active' }, DUE + 8 * MIN);
    expect(sim.shown.at(-1)!.view.held).toEqual({ reason: 'settle', until: DUE + 9 * MIN });
    sim.runUntil(DUE + 40 * MIN);
    expect(sim.promptTimes()).toHaveLength(1);
    expect(brokenWaitPromises(sim)).toEqual([]);
  });

  it('a short screen lock while the break waits for a pause in typing restarts the wait: "at the latest" is broken', () => {
    // Holds off, so the only wait is the one for a pause in typing (2 min): the popup says
    // "Break at your next pause in typing or tab switch — at the latest 08:52".
    const sim = new Watched(PAUSE_ONLY, MON_0800);
    sim.env = { ...sim.env, tab: 1 };
    sim.runUntil(DUE);
    expect(sim.shown.at(-1)!.view.held).toEqual({ reason: 'pause', until: DUE + 2 * MIN });
    expect(sim.shown.at(-1)!.badge).toBe('≤2m');
    // The person locks the screen for 30 s at 08:51 (a pause in input if anything is, and shorter
    // than the 3-min break, so nothing is credited), then types on without a pause.
    sim.runUntil(DUE + MIN);
    sim.send({ type: 'activity', state: 'locked' }, DUE + MIN);
    sim.send({ type: 'activity', state: 'active' }, DUE + MIN + 30_000);
    sim.runUntil(DUE + 10 * MIN);
    expect(sim.records()).toEqual([]); // no natural break: the lock was shorter than the break
    expect(sim.promptTimes()).toHaveLength(1);
    // README: "waits for your next short pause ... at the latest 2 minutes"; the popup: "at the
    // latest 08:52"; the badge "≤2m". (Found: the prompt at 08:53:30, a new 2-min wait from the return.)
    // (Either fix keeps this: the prompt at the return, the lock being the pause; or the bound kept.)
    expect(sim.promptTimes()[0]!, clock(sim.promptTimes()[0]!)).toBeLessThanOrEqual(DUE + 2 * MIN + ROUNDING_MS - 1);
    expect(brokenWaitPromises(sim)).toEqual([]);
  });

  it('with no tab noted (another app in focus when the break fell due), the popup still says a tab switch brings the break; a switch does not', () => {
    const sim = new Watched(PAUSE_ONLY, MON_0800);
    sim.env = { ...sim.env, tab: null }; // typing in another app as the break falls due
    sim.runUntil(DUE);
    const shown = sim.shown.at(-1)!.view.held!;
    // The words the popup shows for this wait (App.tsx / first-frame.ts HELD_TEXT).
    const words = (en as Record<string, { message: string }>)[HELD_TEXT[shown.reason]]!.message;
    // The person then switches to the browser and to another tab at 08:50:20, and goes on typing.
    sim.env = { ...sim.env, tab: 7 };
    sim.runUntil(DUE + 20_000);
    sim.env = { ...sim.env, tab: 8 };
    sim.runUntil(DUE + 10 * MIN);
    // If the popup says "... or tab switch", the switch brings the prompt within a minute (README:
    // "a switch is seen within a minute"). (Found: it waits for the 2-min bound, as the README's
    // own note on no tab noted says: the popup's words and the rule disagree.)
    expect(words).toMatch(/pause in typing/);
    if (/tab switch/.test(words)) expect(sim.promptTimes()[0]! - (DUE + 20_000), `"${words}"`).toBeLessThanOrEqual(MIN);
  });
});

describe('bugs found in review: the end of working hours (each test holds its fix)', () => {
  // WEEKDAYS: Mon-Fri 09:00-17:30 (Europe/Berlin), a stretch break every 50 min, no wait for a pause.
  it('the popup names a next break after the working hours end, which never comes (README: no prompts outside working hours)', () => {
    // The person starts at 16:50 and is active throughout: 50 min of desk time would be 17:40.
    const sim = new Watched(WEEKDAYS, berlin(16, 50));
    sim.send({ type: 'tick' });
    sim.runUntil(berlin(10, 0, 3)); // to Tuesday 10:00, active throughout
    expect(sim.promptTimes()).toEqual([berlin(9, 50, 3)]); // Monday none; Tuesday 09:00 + 50 min
    // After 17:30 the popup says "Outside working hours until Tue 09:00" (README "Why the next break is when it is").
    expect(sim.shown.find((s) => s.at >= berlin(17, 30))!.view.offHours).toEqual({ until: berlin(9, 0, 3) });
    // Every "Stretch break at HH:MM" the popup showed came true, to its minute. (Found: from
    // 16:50 to 17:25 it said "Stretch break at 17:40", after the hours end.)
    expect(unkeptNextBreaks(sim)).toEqual([]);
    // It says instead that no break comes before the hours end.
    expect(sim.shown.find((x) => x.at >= berlin(17, 0))!.view).toMatchObject({ next: null, hoursEnd: berlin(17, 30) });
  });

  it('a wait whose "at the latest" falls after the working hours end: the popup promises a break that never comes', () => {
    const settings: Settings = { ...WEEKDAYS, hold: { enabled: true, maxMin: 60 } };
    const sim = new Watched(settings, berlin(16, 0));
    sim.env = { ...sim.env, call: true }; // a call from before 16:50 until 18:00
    sim.send({ type: 'tick' });
    sim.runUntil(berlin(17, 10));
    // Held from 16:50, bound 60 min (17:50), past the hours' end: "Waiting: you are in a call —
    // until 17:30" (the break comes before then or not today), and no badge bound.
    expect(sim.shown.at(-1)!.view).toMatchObject({ held: { reason: 'call', until: berlin(17, 30) }, hoursEnd: berlin(17, 30) });
    expect(sim.shown.at(-1)!.badge).toBe('');
    sim.runUntil(berlin(18, 0));
    sim.env = { ...sim.env, call: false };
    sim.runUntil(berlin(9, 40, 3));
    expect(sim.promptTimes()).toEqual([]); // no prompt outside working hours, as the README says
    expect(brokenWaitPromises(sim)).toEqual([]);
  });
});

describe('holds', () => {
  it('a wait for a pause in typing: every "at the latest" and badge "≤Nm" is kept; a tab switch brings the prompt within a minute', () => {
    for (const switchAt of [null, 25_000, 70_000]) {
      const sim = new Watched(PAUSE_ONLY, MON_0800);
      sim.env = { ...sim.env, tab: 1 };
      sim.runUntil(DUE);
      expect(sim.shown.at(-1)!.view.held).toEqual({ reason: 'pause', until: DUE + 2 * MIN });
      if (switchAt !== null) {
        sim.runUntil(DUE + switchAt);
        sim.env = { ...sim.env, tab: 2 };
      }
      sim.runUntil(DUE + 10 * MIN);
      const [prompt] = sim.promptTimes();
      if (switchAt === null) expect(prompt).toBe(DUE + 2 * MIN);
      else expect(prompt! - (DUE + switchAt)).toBeLessThanOrEqual(MIN);
      expect(brokenWaitPromises(sim)).toEqual([]);
    }
  });

  it('the person stops typing during the wait: the browser says so 15 s later and the prompt comes then, within "at the latest"', () => {
    const sim = new Watched(PAUSE_ONLY, MON_0800);
    sim.env = { ...sim.env, tab: 1 };
    sim.runUntil(DUE + 40_000);
    sim.send({ type: 'activity', state: 'idle' }, DUE + 55_000); // input stopped at +40 s
    expect(sim.promptTimes()).toEqual([DUE + 55_000]);
    expect(brokenWaitPromises(sim)).toEqual([]);
  });

  it('a call that never ends, the person sitting still in it (defaults): "at the latest" is the bound, and the prompt comes then', () => {
    const sim = new Watched(HOLD_AND_PAUSE, MON_0800);
    sim.env = { ...sim.env, call: true, tab: 1 };
    sim.runUntil(DUE - 10 * MIN);
    sim.send({ type: 'activity', state: 'idle' }); // listening, no input
    sim.runUntil(DUE + 60 * MIN);
    expect(sim.promptTimes()).toEqual([DUE + 30 * MIN]); // the configured 30-min bound from 08:50
    const reasons = new Set(sim.shown.filter((s) => s.view.held).map((s) => s.view.held!.reason));
    expect([...reasons]).toEqual(['call']);
    expect(brokenWaitPromises(sim)).toEqual([]);
  });

  it('with nothing to wait for, every "<kind> at HH:MM" the popup names is when that kind is prompted (posture checks and stretch breaks, merged within 2 min)', () => {
    // Posture checks every 24 min, stretch breaks every 50; each prompt answered at once (completed).
    const settings: Settings = { ...BASE, micro: { enabled: true, everySec: 24 * 60, lengthSec: 45 }, hold: { enabled: false, maxMin: 30 } };
    const sim = new Watched(settings, MON_0800);
    for (let guard = 0; guard < 1000 && sim.now < MON_0800 + 4 * 60 * MIN; guard++) {
      sim.runUntil(Math.min(nextWake(sim.state, settings, sim.env) ?? Infinity, watchdogAt(sim.state, settings, sim.env) ?? Infinity));
      if (sim.state.phase.name === 'due') sim.complete();
    }
    // From the settings: a posture check at 08:24; at 08:48 one is due with the stretch break 2 min
    // later: only the stretch break (README), which also counts as a posture check; a posture check
    // at 09:12; at 09:36 again one with the stretch break (08:48 + 50 = 09:38) within 2 min.
    expect(sim.prompts().slice(0, 4).map((p) => (p.type === 'prompt' ? [p.brk.kind, clock(p.at)] : null))).toEqual([
      ['micro', 'Mon 08:24:00'],
      ['stretch', 'Mon 08:48:00'],
      ['micro', 'Mon 09:12:00'],
      ['stretch', 'Mon 09:36:00'],
    ]);
    expect(unkeptNextBreaks(sim, -Infinity, sim.now - 60 * MIN)).toEqual([]); // (what was shown before the simulation's last hour)
  });

  it('snoozed: "Snoozed until HH:MM" and the badge "≤Nm" are kept, whether the person stays or steps away (then it comes on their return)', () => {
    for (const away of [false, true]) {
      const sim = new Watched({ ...BASE, snoozeSec: 5 * 60 }, MON_0800);
      sim.runUntil(DUE);
      const p = sim.state.phase;
      expect(p.name).toBe('due');
      sim.send({ type: 'snooze', breakId: p.name === 'due' ? p.brk.id : '' }, DUE + 30_000);
      const shown = sim.shown.at(-1)!;
      expect(shown.view.phase).toBe('snoozed');
      expect(shown.view.next!.at).toBe(DUE + 30_000 + 5 * MIN); // the configured 5 min, on the clock
      expect(shown.badge).toBe('≤5m');
      if (!away) {
        sim.runUntil(DUE + 20 * MIN);
        expect(sim.promptTimes()).toEqual([DUE, DUE + 30_000 + 5 * MIN]);
        continue;
      }
      // Stepped away (no input since 08:54) as the postpone ends (08:55:30): no prompt to no one;
      // back at 08:56, less than the break's 3 min away, it comes then (a postpone's time runs on the clock).
      sim.runUntil(DUE + 5 * MIN);
      sim.send({ type: 'activity', state: 'idle' }, DUE + 5 * MIN);
      sim.runUntil(DUE + 6 * MIN);
      expect(sim.promptTimes()).toEqual([DUE]);
      sim.send({ type: 'activity', state: 'active' }, DUE + 6 * MIN);
      sim.runUntil(DUE + 20 * MIN);
      expect(sim.promptTimes()).toEqual([DUE, DUE + 6 * MIN]);
    }
  });

  it('"Paused until 09:30": the pause ends then, and the next break the popup then names (desk time afresh) is when it comes', () => {
    const sim = new Watched(BASE, MON_0800);
    sim.runUntil(MON_0800 + 30 * MIN);
    sim.send({ type: 'pause', until: MON_0800 + 90 * MIN });
    expect(sim.shown.at(-1)!.view.paused).toEqual({ until: MON_0800 + 90 * MIN });
    expect(sim.shown.at(-1)!.badge).toBe('❚❚');
    sim.runUntil(MON_0800 + 4 * 60 * MIN);
    // A pause longer than a stretch break starts desk time afresh (README): 50 min from 09:30.
    expect(sim.effects.filter((e) => e.type === 'notice').map((e) => e.at)).toEqual([MON_0800 + 90 * MIN]);
    expect(sim.promptTimes()[0]).toBe(MON_0800 + 140 * MIN);
    expect(unkeptNextBreaks(sim, MON_0800 + 90 * MIN, MON_0800 + 140 * MIN)).toEqual([]);
  });

  it('the watchdog: a sleep mid-interval counts as away; after it the popup names "Natural break credited at" the last moment heard from, and the next break from the wake', () => {
    const sim = new Watched(BASE, MON_0800);
    sim.runUntil(MON_0800 + 33 * MIN); // watchdog ticks at 08:05 ... 08:30
    // The laptop sleeps from 08:33 (nothing is heard after the 08:30 tick) until 09:10.
    sim.send({ type: 'tick' }, MON_0800 + 70 * MIN);
    const v = sim.shown.at(-1)!.view;
    expect(v.lastNaturalAt).toBe(MON_0800 + 30 * MIN);
    expect(v.next).toEqual({ kind: 'stretch', at: MON_0800 + 120 * MIN });
    sim.runUntil(MON_0800 + 130 * MIN);
    expect(sim.promptTimes()).toEqual([MON_0800 + 120 * MIN]);
  });
});
