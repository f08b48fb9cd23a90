/**
 * The tracker's rules about days, with fixed times and explicit zones: the daily sitting limit,
 * today's desk time across daylight saving and travel, and the cases found in review.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { dayKey } from '../days';
import { BASE, H, MIN, MON_0800, Sim } from '../../tests/tracker-rules-sim';

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
  it("a prompt left open when working hours end at 24:00 is the working day's skipped break, not the next day's", () => {
    const EVENING = [{ from: 18 * 60, to: 24 * 60 }];
    const s: Settings = { ...BASE, micro: { ...BASE.micro, enabled: false }, schedule: { enabled: true, days: [EVENING, EVENING, EVENING, EVENING, EVENING, [], []] } };
    const at = (iso: string) => Date.parse(iso);
    const day = (t: number) => dayKey(t, 'Europe/Berlin');
    const sim = new Sim(s, at('2026-03-02T17:00:00Z'), 'Europe/Berlin'); // Monday 18:00 in Berlin
    sim.send({ type: 'tick' });
    // Every prompt before 23:30 is taken; the one after is left open until the hours end.
    for (let t = at('2026-03-02T17:00:00Z'); t <= at('2026-03-02T23:10:00Z'); t += 10 * MIN) {
      sim.runUntil(t);
      if (sim.state.phase.name === 'due' && t < at('2026-03-02T22:30:00Z')) sim.complete();
    }
    const recs = sim.records();
    expect(recs.some((r) => r.outcome === 'skipped' && r.promptedAt! >= at('2026-03-02T22:30:00Z'))).toBe(true);
    expect(recs.map((r) => day(r.endedAt))).toEqual(recs.map(() => '2026-03-02'));
  });

  it("travelling west across the date line: the day goes on to midnight there, though the date there is the day before", () => {
    const s: Settings = { ...BASE, stretch: { ...BASE.stretch, enabled: false }, micro: { ...BASE.micro, enabled: false }, dailyLimit: { enabled: true, minutes: 20 * 60 } };
    const at = (iso: string) => Date.parse(iso);
    const sim = new Sim(s, at('2026-03-02T22:00:00Z'), 'Asia/Tokyo'); // 07:00 on Tuesday the 3rd in Tokyo
    sim.runUntil(at('2026-03-03T00:00:00Z')); // 09:00 in Tokyo
    expect(sim.state.today.deskMs).toBe(2 * H);
    sim.env = { ...sim.env, timeZone: 'Pacific/Honolulu' }; // 14:00 on Monday the 2nd in Honolulu
    sim.runUntil(at('2026-03-03T00:30:00Z'));
    expect(sim.state.today.deskMs).toBe(2.5 * H); // the traveller's day goes on
    sim.runUntil(at('2026-03-03T10:30:00Z')); // 00:30 on the 3rd in Honolulu: a new day there
    expect(sim.state.today.deskMs).toBe(30 * MIN);
  });

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

const at = (iso: string) => Date.parse(iso);

describe("today's desk time after flying west (README: when you travel, today goes on until midnight where you are now)", () => {
  // Breaks off, so every active minute is desk time; the daily sitting limit at 8 hours.
  const LIMIT: Settings = {
    ...BASE,
    stretch: { ...BASE.stretch, enabled: false },
    micro: { ...BASE.micro, enabled: false },
    dailyLimit: { enabled: true, minutes: 8 * 60 },
  };

  it('Berlin 08:00-14:00, screen locked for the flight, back at 19:00 the same Monday in New York: the 6 hours still count and the limit comes at 21:00 New York time', () => {
    // Monday 2 March 2026, 08:00 in Berlin (07:00 UTC).
    const sim = new Sim(LIMIT, at('2026-03-02T07:00:00Z'), 'Europe/Berlin');
    sim.runUntil(at('2026-03-02T13:00:00Z')); // 14:00 in Berlin: six hours at the desk
    expect(sim.state.today.deskMs).toBe(6 * H);
    // Lid closed for the flight (Chrome reports the screen locked).
    sim.send({ type: 'activity', state: 'locked' }, at('2026-03-02T13:00:00Z'));
    // Landed: the machine's zone is now New York. Opened at 19:00 on Monday the 2nd there
    // (00:00 UTC on the 3rd, 01:00 on Tuesday in Berlin: past Berlin's midnight).
    sim.env = { ...sim.env, timeZone: 'America/New_York' };
    const back = at('2026-03-03T00:00:00Z');
    expect(dayKey(back, 'America/New_York')).toBe('2026-03-02'); // still Monday where the person is
    sim.send({ type: 'activity', state: 'active' }, back);
    // The traveller's Monday goes on: the morning's six hours are still today's.
    expect(sim.state.today.deskMs).toBe(6 * H);
    // Two more hours at the desk in New York: 8 hours today, the limit's notice at 21:00 there.
    sim.runUntil(at('2026-03-03T02:30:00Z'));
    expect(sim.effects.filter((e) => e.type === 'notice' && e.notice === 'dailyLimit').map((e) => e.at)).toEqual([at('2026-03-03T02:00:00Z')]);
  });
});
