import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, nextWake, transition, view, wantsWatchdog, WATCHDOG_MS, type Effect, type Env, type TrackerEvent, type TrackerState } from './tracker';

const MIN = 60_000;
const H = 60 * MIN;
const NINE_TO_FIVE30 = [{ from: 9 * 60, to: 17 * 60 + 30 }];

const BASE: Settings = {
  ...DEFAULT_SETTINGS,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  remindAfterSec: 0,
};
const WEEKDAYS: Settings = {
  ...BASE,
  schedule: { enabled: true, days: [NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []] },
};

/** Drives the tracker like the background: every wake it asks for, the watchdog while counting. */
class Sim {
  state: TrackerState;
  effects: Array<Effect & { at: number }> = [];
  env: Env;
  constructor(public settings: Settings, public now: number, tz = 'Europe/Berlin') {
    this.env = { timeZone: tz, fullscreen: false };
    this.state = initialState(now, tz);
  }
  send(e: TrackerEvent, at = this.now) {
    this.now = at;
    const r = transition(JSON.parse(JSON.stringify(this.state)), e, at, this.settings, this.env);
    this.state = r.state;
    this.effects.push(...r.effects.map((x) => ({ ...x, at })));
    return r;
  }
  runUntil(until: number) {
    for (let guard = 0; guard < 100_000; guard++) {
      const wake = nextWake(this.state, this.settings, this.env) ?? Infinity;
      const at = Math.min(wake, wantsWatchdog(this.state, this.settings, this.env) ? this.now + WATCHDOG_MS : Infinity);
      if (at > until) break;
      this.send({ type: 'tick' }, Math.max(at, this.now));
    }
    this.now = until;
  }
  prompts() {
    return this.effects.filter((e) => e.type === 'prompt');
  }
  records() {
    return this.effects.flatMap((e) => (e.type === 'record' ? [e.entry] : []));
  }
  /** Answers every prompt by completing the break at once. */
  complete() {
    const p = this.state.phase;
    if (p.name !== 'due') throw new Error(`not due: ${p.name}`);
    this.send({ type: 'start', breakId: p.brk.id });
    this.send({ type: 'finish', breakId: p.brk.id, outcome: 'completed' });
  }
}

// Monday 2026-03-02, Europe/Berlin (UTC+1): 08:00 local = 07:00 UTC.
const MON_0800 = Date.UTC(2026, 2, 2, 7);

describe('working hours', () => {
  it('counts nothing before 09:00 and starts fresh at 09:00', () => {
    const sim = new Sim(WEEKDAYS, MON_0800);
    sim.send({ type: 'tick' });
    expect(view(sim.state, WEEKDAYS, sim.env).offHours).toEqual({ until: MON_0800 + H });
    expect(nextWake(sim.state, WEEKDAYS, sim.env)).toBe(MON_0800 + H);
    sim.runUntil(MON_0800 + H + 49 * MIN);
    expect(sim.prompts()).toHaveLength(0);
    sim.runUntil(MON_0800 + H + 50 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });

  it('no prompts after hours; an unanswered prompt is closed as skipped when hours end', () => {
    const sim = new Sim(WEEKDAYS, MON_0800 + 8 * H + 40 * MIN); // 16:40
    sim.runUntil(MON_0800 + 9 * H + 30 * MIN); // 17:30
    const p = sim.prompts();
    expect(p).toHaveLength(0); // 16:40 -> 17:30 is 50 min, due exactly at the end: not prompted
    const sim2 = new Sim(WEEKDAYS, MON_0800 + 8 * H); // 16:00
    sim2.runUntil(MON_0800 + 9 * H); // 17:00: due at 16:50
    expect(sim2.prompts()).toHaveLength(1);
    sim2.runUntil(MON_0800 + 14 * H); // 22:00
    expect(sim2.records()).toEqual([expect.objectContaining({ outcome: 'skipped', endedAt: MON_0800 + 9 * H + 30 * MIN })]);
    expect(sim2.prompts()).toHaveLength(1);
    expect(sim2.state.offHours).toBe(true);
  });

  it('Friday evening -> Monday 09:00, fresh, with the laptop asleep all weekend', () => {
    const fri1700 = MON_0800 + 4 * 24 * H + 9 * H;
    const sim = new Sim(WEEKDAYS, fri1700);
    sim.runUntil(fri1700 + 30 * MIN);
    const monNext = MON_0800 + 7 * 24 * H + H + 5 * MIN; // Monday 09:05, the laptop wakes
    sim.send({ type: 'tick' }, monNext);
    expect(sim.state.offHours).toBe(false);
    // Asleep until 09:05: those five minutes were not desk time either.
    expect(sim.state.desk.stretch).toBe(0);
    expect(view(sim.state, WEEKDAYS, sim.env).next?.at).toBe(monNext + 50 * MIN);
    expect(sim.records()).toEqual([]); // time off is not recorded as a natural break
  });

  it('ranges are local time across a DST change (Berlin, 29 March)', () => {
    const fri = Date.UTC(2026, 2, 27, 8); // Fri 27 March 09:00 CET
    const mon = Date.UTC(2026, 2, 30, 7); // Mon 30 March 09:00 CEST
    const sim = new Sim(WEEKDAYS, fri - 30 * MIN);
    sim.send({ type: 'tick' });
    expect(view(sim.state, WEEKDAYS, sim.env).offHours?.until).toBe(fri);
    const sim2 = new Sim(WEEKDAYS, mon - 30 * MIN);
    sim2.send({ type: 'tick' });
    expect(view(sim2.state, WEEKDAYS, sim2.env).offHours?.until).toBe(mon);
  });

  it('a night shift across midnight counts on through 00:00', () => {
    const night: Settings = { ...BASE, schedule: { enabled: true, days: Array.from({ length: 7 }, () => [{ from: 22 * 60, to: 6 * 60 }]) } };
    const start = Date.UTC(2026, 2, 2, 22, 30); // 22:30 UTC
    const sim = new Sim(night, start, 'UTC');
    sim.runUntil(start + 50 * MIN); // 23:20
    expect(sim.prompts()).toHaveLength(1);
    sim.complete();
    sim.runUntil(start + 100 * MIN); // 00:10: counting went on past midnight
    expect(sim.prompts()).toHaveLength(2);
  });

  it('a working-hours change applies at once', () => {
    const sim = new Sim(BASE, MON_0800 + 10 * H); // 18:00, no schedule
    sim.runUntil(MON_0800 + 10 * H + 20 * MIN);
    sim.settings = WEEKDAYS;
    sim.send({ type: 'settingsChanged' });
    expect(sim.state.offHours).toBe(true);
    expect(view(sim.state, WEEKDAYS, sim.env).next).toBeNull();
  });
});

describe('pause', () => {
  it('pauses for an hour, then resumes by itself and says so', () => {
    const sim = new Sim(BASE, MON_0800);
    sim.runUntil(MON_0800 + 30 * MIN);
    sim.send({ type: 'pause', until: MON_0800 + 90 * MIN });
    expect(view(sim.state, BASE, sim.env)).toMatchObject({ paused: { until: MON_0800 + 90 * MIN }, next: null });
    expect(nextWake(sim.state, BASE, sim.env)).toBe(MON_0800 + 90 * MIN);
    sim.runUntil(MON_0800 + 90 * MIN);
    expect(sim.effects.filter((e) => e.type === 'notice')).toEqual([expect.objectContaining({ notice: 'pauseEnded', at: MON_0800 + 90 * MIN })]);
    expect(sim.state.paused).toBeNull();
    // An hour's pause is longer than a break: desk time starts again from zero.
    expect(view(sim.state, BASE, sim.env).next?.at).toBe(MON_0800 + 140 * MIN);
  });

  it('pausing while a prompt is open closes it as skipped; no prompts while paused', () => {
    const sim = new Sim(BASE, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    sim.send({ type: 'pause', until: null });
    expect(sim.records()).toEqual([expect.objectContaining({ outcome: 'skipped' })]);
    sim.runUntil(MON_0800 + 10 * H);
    expect(sim.prompts()).toHaveLength(1);
    sim.send({ type: 'resume' });
    expect(view(sim.state, BASE, sim.env).next?.at).toBe(MON_0800 + 10 * H + 50 * MIN);
  });

  it('a pause until a time already past is refused', () => {
    const sim = new Sim(BASE, MON_0800);
    expect(sim.send({ type: 'pause', until: MON_0800 - 1 }).refused).toBe('paused');
  });
});

describe('strict mode and snooze limits', () => {
  const strict: Settings = { ...BASE, strict: true, snoozeLimit: 3 };
  it('no skip and at most one snooze', () => {
    const sim = new Sim(strict, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    const id = sim.state.phase.name === 'due' ? sim.state.phase.brk.id : '';
    expect(sim.send({ type: 'skip', breakId: id }).refused).toBe('strict');
    expect(view(sim.state, strict, sim.env).open).toMatchObject({ canSkip: false, canSnooze: true });
    expect(sim.send({ type: 'snooze', breakId: id }).refused).toBeUndefined();
    sim.runUntil(MON_0800 + 55 * MIN);
    expect(sim.send({ type: 'snooze', breakId: id }).refused).toBe('snoozeLimit');
    expect(view(sim.state, strict, sim.env).open).toMatchObject({ canSnooze: false });
  });
  it('no skip from the break window either; an early close is recorded as cut short', () => {
    const sim = new Sim(strict, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    const id = sim.state.phase.name === 'due' ? sim.state.phase.brk.id : '';
    expect(sim.send({ type: 'start', breakId: id }).refused).toBeUndefined();
    expect(sim.send({ type: 'finish', breakId: id, outcome: 'skipped' }).refused).toBe('strict');
    expect(sim.state.phase.name).toBe('onBreak');
    expect(sim.send({ type: 'finish', breakId: id, outcome: 'partial' }).refused).toBeUndefined();
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'partial' })]);
  });
});

describe('daily sitting limit', () => {
  it('prompts once when today passes the limit, again the next day', () => {
    const s: Settings = { ...BASE, stretch: { ...BASE.stretch, enabled: false }, dailyLimit: { enabled: true, minutes: 120 } };
    const sim = new Sim(s, MON_0800);
    sim.runUntil(MON_0800 + 119 * MIN);
    expect(sim.effects.filter((e) => e.type === 'notice')).toHaveLength(0);
    sim.runUntil(MON_0800 + 5 * H);
    expect(sim.effects.filter((e) => e.type === 'notice')).toEqual([expect.objectContaining({ notice: 'dailyLimit', at: MON_0800 + 120 * MIN })]);
    sim.runUntil(MON_0800 + 24 * H + 2 * H + 1);
    expect(sim.effects.filter((e) => e.type === 'notice')).toHaveLength(2);
  });
});

describe('fullscreen deferral', () => {
  const s: Settings = { ...BASE, fullscreen: { defer: true, maxMin: 15 } };
  it('a due prompt waits while fullscreen, and comes when it ends', () => {
    const sim = new Sim(s, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 55 * MIN);
    expect(sim.prompts()).toHaveLength(0);
    expect(view(sim.state, s, sim.env).deferred).toBe(true);
    sim.env = { ...sim.env, fullscreen: false };
    sim.runUntil(MON_0800 + 57 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: MON_0800 + 56 * MIN })]);
  });
  it('prompts anyway at the bound', () => {
    const sim = new Sim(s, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 80 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: MON_0800 + 65 * MIN })]);
  });
  it('does not wait when deferral is off', () => {
    const sim = new Sim({ ...s, fullscreen: { defer: false, maxMin: 15 } }, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 50 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });
});

describe("today's desk time across daylight saving and travel (the local day's own bounds)", () => {
  // Desk time all day and night, no breaks, so every minute counts; the outside reference is the
  // wall clock's own hours: the day's desk time is what the clock shows since local midnight.
  const ALLDAY: Settings = { ...BASE, stretch: { ...BASE.stretch, enabled: false }, micro: { ...BASE.micro, enabled: false }, dailyLimit: { enabled: true, minutes: 20 * 60 } };
  const at = (iso: string) => Date.parse(iso);

  it('the 25-hour autumn day: 01:00 local is one hour of desk time, 23:00 is twenty-four', () => {
    // Sunday 25 October 2026 in Berlin: midnight is 22:00 UTC the day before, 03:00 CEST becomes 02:00 CET.
    const sim = new Sim(ALLDAY, at('2026-10-24T22:00:00Z'));
    sim.runUntil(at('2026-10-24T23:00:00Z')); // 01:00 local
    expect(sim.state.today.deskMs).toBe(1 * H);
    sim.runUntil(at('2026-10-25T22:00:00Z')); // 23:00 local, 24 hours after midnight
    expect(sim.state.today.deskMs).toBe(24 * H);
    expect(sim.state.today.deskMs).toBeGreaterThanOrEqual(0);
    sim.runUntil(at('2026-10-25T23:30:00Z')); // 00:30 on Monday: a new day
    expect(sim.state.today.deskMs).toBe(30 * MIN);
  });

  it('the 23-hour spring day: at 23:00 local, 22 hours of desk time; midnight starts the next day', () => {
    // Sunday 29 March 2026 in Berlin: 02:00 CET becomes 03:00 CEST.
    const sim = new Sim(ALLDAY, at('2026-03-28T23:00:00Z'));
    sim.runUntil(at('2026-03-29T21:00:00Z')); // 23:00 local
    expect(sim.state.today.deskMs).toBe(22 * H);
    sim.runUntil(at('2026-03-29T22:10:00Z')); // 00:10 on Monday
    expect(sim.state.today.deskMs).toBe(10 * MIN);
  });

  it('the daily limit comes once on each day, however long the day', () => {
    const s: Settings = { ...ALLDAY, dailyLimit: { enabled: true, minutes: 16 * 60 } };
    const sim = new Sim(s, at('2026-10-24T22:00:00Z'));
    sim.runUntil(at('2026-10-26T23:00:00Z')); // through the 25-hour Sunday and a 24-hour Monday
    const notices = sim.effects.filter((e) => e.type === 'notice' && e.notice === 'dailyLimit').map((e) => e.at);
    // 16 hours after each local midnight: Sunday's (22:00 UTC, summer time), then Monday's (23:00 UTC).
    expect(notices).toEqual([at('2026-10-25T14:00:00Z'), at('2026-10-26T15:00:00Z')]);
  });

  it('travel while running: the day goes on to the new zone\'s midnight, with one daily-limit notice', () => {
    const s: Settings = { ...ALLDAY, dailyLimit: { enabled: true, minutes: 60 } };
    const sim = new Sim(s, at('2026-03-02T07:00:00Z')); // 08:00 in Berlin
    sim.runUntil(at('2026-03-02T09:00:00Z'));
    expect(sim.effects.filter((e) => e.type === 'notice')).toHaveLength(1);
    sim.env = { ...sim.env, timeZone: 'America/New_York' }; // 04:00 in New York, the same Monday
    sim.runUntil(at('2026-03-03T04:30:00Z')); // 23:30 in New York: past Berlin's midnight
    expect(sim.effects.filter((e) => e.type === 'notice')).toHaveLength(1);
    expect(sim.state.today.deskMs).toBe(21.5 * H); // 07:00-04:30 UTC: the whole traveller's Monday
    sim.runUntil(at('2026-03-03T06:00:00Z')); // 01:00 on Tuesday in New York
    expect(sim.state.today.deskMs).toBe(1 * H);
    expect(sim.effects.filter((e) => e.type === 'notice')).toHaveLength(2);
  });
});

describe('found in review', () => {
  const at = (iso: string) => Date.parse(iso);
  it('travelling east past midnight starts the new date there: its own count; still one notice per local date', () => {
    const s: Settings = { ...BASE, stretch: { ...BASE.stretch, enabled: false }, dailyLimit: { enabled: true, minutes: 60 } };
    const sim = new Sim(s, at('2026-01-07T00:00:00Z'), 'America/New_York'); // 19:00 on the 6th in New York
    sim.runUntil(at('2026-01-07T02:00:00Z'));
    const notices = () => sim.effects.filter((e) => e.type === 'notice').map((e) => e.at);
    expect(notices()).toEqual([at('2026-01-07T01:00:00Z')]); // 20:00 on the 6th in New York: 02:00 on the 7th in Berlin
    sim.env = { ...sim.env, timeZone: 'Europe/Berlin' }; // 03:30 on the 7th in Berlin
    sim.runUntil(at('2026-01-07T02:30:00Z'));
    expect(sim.state.today.deskMs).toBe(30 * MIN); // the 7th's count, not New York's 2.5 h
    // That notice already fell on Berlin's 7th: the next is on the 8th, an hour after its midnight.
    sim.runUntil(at('2026-01-08T00:30:00Z'));
    expect(notices()).toEqual([at('2026-01-07T01:00:00Z'), at('2026-01-08T00:00:00Z')]);
  });
  it('a break under way is not also credited as a natural break when the person steps away or the machine sleeps during it', () => {
    const sim = new Sim(BASE, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    const id = sim.state.phase.name === 'due' ? sim.state.phase.brk.id : '';
    sim.send({ type: 'start', breakId: id });
    sim.send({ type: 'activity', state: 'idle' }, MON_0800 + 51 * MIN);
    sim.send({ type: 'activity', state: 'active' }, MON_0800 + 55 * MIN);
    sim.send({ type: 'finish', breakId: id, outcome: 'completed' }, MON_0800 + 56 * MIN);
    expect(sim.records().map((r) => [r.id, r.outcome])).toEqual([[id, 'completed']]);
    // Asleep through a second break: one record, the break itself (closed as partial).
    sim.runUntil(MON_0800 + 106 * MIN);
    const id2 = sim.state.phase.name === 'due' ? sim.state.phase.brk.id : '';
    sim.send({ type: 'start', breakId: id2 });
    sim.send({ type: 'tick' }, MON_0800 + 4 * H);
    expect(sim.records().filter((r) => r.id !== id).map((r) => [r.id, r.outcome])).toEqual([[id2, 'partial']]);
  });
});
