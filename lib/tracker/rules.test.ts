/** The tracker's rules with fixed times and explicit zones: working hours, pause, strict mode and snoozes, fullscreen. */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings';
import { nextWake, view } from './tracker';
import { BASE, H, MIN, MON_0800, Sim, WEEKDAYS } from '../../tests/tracker-rules-sim';

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
    // At the last instant of working hours (17:30 is already off), though heard of only at 22:00.
    expect(sim2.records()).toEqual([expect.objectContaining({ outcome: 'skipped', endedAt: MON_0800 + 9 * H + 30 * MIN - 1 })]);
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

describe('fullscreen deferral', () => {
  const s: Settings = { ...BASE, hold: { enabled: true, maxMin: 15 } };
  it('a due prompt waits while fullscreen, and comes when it ends', () => {
    const sim = new Sim(s, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 55 * MIN);
    expect(sim.prompts()).toHaveLength(0);
    expect(view(sim.state, s, sim.env).held).toEqual({ reason: 'fullscreen', until: MON_0800 + 65 * MIN });
    sim.env = { ...sim.env, fullscreen: false };
    sim.runUntil(MON_0800 + 58 * MIN);
    // Seen ended at the 56-minute look, then the settle (a minute).
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: MON_0800 + 57 * MIN })]);
  });
  it('prompts anyway at the bound', () => {
    const sim = new Sim(s, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 80 * MIN);
    expect(sim.prompts()).toEqual([expect.objectContaining({ at: MON_0800 + 65 * MIN })]);
  });
  it('does not wait when deferral is off', () => {
    const sim = new Sim({ ...s, hold: { enabled: false, maxMin: 15 } }, MON_0800);
    sim.env = { ...sim.env, fullscreen: true };
    sim.runUntil(MON_0800 + 50 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });
});

describe('strict mode: a pause is no Skip', () => {
  const strict: Settings = { ...BASE, strict: true };
  const strictHours: Settings = { ...WEEKDAYS, strict: true };
  /** A strict prompt open at 08:50 (no working hours) or 09:50 (weekdays 09:00-17:30). */
  function prompted(settings: Settings, start = MON_0800) {
    const sim = new Sim(settings, start);
    sim.runUntil(start + (settings.schedule.enabled ? H : 0) + 50 * MIN);
    const p = sim.state.phase;
    if (p.name !== 'due') throw new Error(`not due: ${p.name}`);
    return { sim, id: p.brk.id, at: sim.now };
  }

  it('pause then resume 10 s later: nothing is recorded, and the prompt comes again', () => {
    const { sim, id, at } = prompted(strict);
    const r = sim.send({ type: 'pause', until: null });
    expect(r.refused).toBeUndefined();
    expect(r.effects).toContainEqual({ type: 'clearPrompt', breakId: id });
    expect(sim.records()).toEqual([]);
    expect(view(sim.state, strict, sim.env)).toMatchObject({ paused: { until: null }, open: { id, canSkip: false }, next: null });
    sim.runUntil(at + 10 * MIN);
    expect(sim.prompts()).toHaveLength(1); // none while paused
    sim.send({ type: 'resume' }, at + 10 * MIN + 10_000);
    expect(sim.prompts().at(-1)).toMatchObject({ at: at + 10 * MIN + 10_000, brk: { id, snoozes: 0, promptedAt: at } });
    expect(sim.prompts()).toHaveLength(2);
    expect(sim.records()).toEqual([]);
    expect(sim.send({ type: 'skip', breakId: id }).refused).toBe('strict');
  });

  it('a timed pause longer than a stretch break: the break still comes when it ends (desk time afresh does not drop it)', () => {
    const { sim, id, at } = prompted(strict);
    sim.send({ type: 'pause', until: at + H });
    sim.runUntil(at + H);
    expect(sim.prompts().map((p) => [p.at, p.type === 'prompt' && p.brk.id])).toEqual([
      [at, id],
      [at + H, id],
    ]);
    expect(sim.records()).toEqual([]);
    expect(sim.state.phase).toMatchObject({ name: 'due', brk: { id } });
  });

  it('a pause spends no postpone: the one postpone is still there when the prompt comes again', () => {
    const { sim, id } = prompted({ ...strict, snoozeLimit: 3 });
    sim.send({ type: 'pause', until: null });
    sim.send({ type: 'resume' }, sim.now + 60_000);
    expect(view(sim.state, { ...strict, snoozeLimit: 3 }, sim.env).open).toMatchObject({ id, canSnooze: true });
  });

  it('a postponed break is not skipped by a pause either: it comes at the pause end', () => {
    const { sim, id, at } = prompted(strict);
    sim.send({ type: 'snooze', breakId: id });
    sim.send({ type: 'pause', until: at + 30 * MIN }, at + MIN);
    sim.runUntil(at + 30 * MIN);
    expect(sim.records()).toEqual([]);
    expect(sim.prompts().at(-1)).toMatchObject({ at: at + 30 * MIN, brk: { id, snoozes: 1 } });
  });

  it('away for the break during the pause: taken naturally, not prompted again', () => {
    const { sim, id, at } = prompted(strict);
    sim.send({ type: 'pause', until: at + 30 * MIN });
    sim.send({ type: 'activity', state: 'locked' }, at + MIN);
    sim.send({ type: 'activity', state: 'active' }, at + 10 * MIN);
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'natural', endedAt: at + MIN + 180_000 })]);
    sim.runUntil(at + 31 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });

  it('a pause that outlasts the working hours: closed at their end as any open prompt is, not brought into the next day', () => {
    const { sim, id, at } = prompted(strictHours, MON_0800 + 7 * H); // due 16:50
    sim.send({ type: 'pause', until: at + 2 * H }); // until 18:50
    sim.runUntil(at + 18 * H); // Tuesday 10:50
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'skipped', endedAt: MON_0800 + 9 * H + 30 * MIN - 1 })]);
    expect(sim.prompts().filter((p) => p.type === 'prompt' && p.brk.id === id)).toHaveLength(1);
    // Until tomorrow (Tuesday 09:00), nothing heard overnight: closed, the new hours start fresh.
    const night = prompted(strictHours, MON_0800 + 7 * H);
    night.sim.send({ type: 'pause', until: MON_0800 + 25 * H });
    night.sim.runUntil(MON_0800 + 25 * H + 30 * MIN);
    expect(night.sim.records()).toEqual([expect.objectContaining({ id: night.id, outcome: 'skipped' })]);
    expect(night.sim.records()[0]!.endedAt).toBeLessThan(MON_0800 + 9 * H + 30 * MIN);
    expect(night.sim.prompts()).toHaveLength(1);
    expect(view(night.sim.state, strictHours, night.sim.env).next?.at).toBe(MON_0800 + 25 * H + 50 * MIN);
  });

  it('outside strict mode a pause still closes the prompt as skipped', () => {
    const { sim, id } = prompted(BASE);
    sim.send({ type: 'pause', until: null });
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'skipped' })]);
    expect(sim.state.phase.name).toBe('working');
  });
});
