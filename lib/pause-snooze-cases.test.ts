/**
 * Review of pausing, snoozing/postponing and the notification buttons, end to end at the unit
 * level. Expected behaviour is taken from README.md ("How the timer decides": Pause, Postpone,
 * the heads-up, "It survives restarts") and the English message catalogue, never from the code.
 *
 * describe('bugs'): each test failed before its fix (lifecycle's shortcut, the prompt's buttons
 * after a change of settings, nextWake during a pause or after hours, the pause-ended notice
 * after hours, "until tomorrow" after midnight in hours that began the day before) and states
 * what the promise requires.
 * describe('holds'): sequences checked and found to keep the promise.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { isWorking } from './schedule';
import { lifecycle } from './engine/lifecycle';
import { createRuntime } from './engine/runtime';
import { pauseHandlers } from './engine/handlers/pause';
import { breakHandlers } from './engine/handlers/breaks';
import type { Platform } from './engine/ports';
import { MIN, SETTINGS, T0, world, workUntilDue } from '../tests/engine-stop-world';
import { secondButton } from './platform/notify';
import { transition } from './tracker/tracker';
import { BASE, H, MON_0800, Sim, WEEKDAYS } from '../tests/tracker-rules-sim';

/** A world whose settings can be changed in place (the store reads the same object). */
function mutableWorld(settings: Settings) {
  const s = { ...settings };
  return { w: world(s), settings: s };
}

/**
 * Runs the fake worker as the browser would: its one alarm fires at the time the last reconcile
 * asked for (never sooner than the 30 s floor, lib/platform/alarms.ts), the watchdog likewise.
 * Returns how many times the worker was woken before `until`.
 */
function alarmDriven(w: ReturnType<typeof world>, p: Platform) {
  let next: number | null = null;
  let dog: number | null = null;
  p.reconcileNextAlarm = async (when, now) => void (next = when === null ? null : Math.max(when, now + 30_000));
  p.reconcileWatchdog = async (at, now) => void (dog = at === null ? null : Math.max(at, now + 30_000));
  return async (worker: ReturnType<typeof lifecycle>, until: number): Promise<number> => {
    let wakes = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const at = Math.min(next ?? Infinity, dog ?? Infinity);
      if (at > until) break;
      w.clock.now = Math.max(at, w.clock.now);
      wakes++;
      await worker.dispatch({ type: 'tick' });
    }
    w.clock.now = until;
    return wakes;
  };
}

/** A worker started at T0, paused for 30 minutes from the popup at T0 + 10 min. */
async function pausedAt10Min() {
  const w = world();
  const rt = createRuntime(w.platform(), w.store);
  const worker = lifecycle(rt);
  await worker.wake();
  w.clock.now = T0 + 10 * MIN;
  await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: '30m' });
  return { w, rt, worker };
}

describe('bugs found in review (a title may name what was wrong; each test holds its fix)', () => {
  it('the pause shortcut pressed after a timed pause ran out (its alarm not handled yet) pauses, not "resumes"', async () => {
    // README "Pause": "A timed pause ends by itself"; the shortcut is "Pause or resume reminders"
    // (messages.json cmdTogglePause). Once 30 minutes are over the person is no longer paused, so
    // the shortcut must pause. The alarm for the pause's end may be late (a machine waking from
    // sleep, Chrome's alarm grace) and the shortcut can be the first event heard.
    const { w, worker } = await pausedAt10Min();
    expect(w.stored().state!.paused).toEqual({ since: T0 + 10 * MIN, until: T0 + 40 * MIN, timed: true });
    w.clock.now = T0 + 41 * MIN; // the pause ended a minute ago; Alt+Shift+P
    await worker.command('toggle-pause');
    expect(w.stored().state!.paused).not.toBeNull();
  });

  it('the pause shortcut says what it did (its badge is out of sight until the button is pinned): "paused" when it pauses, "back on" when it resumes, one notification', async () => {
    // Chrome and Firefox put a new extension's button in their extensions menu, where no badge
    // shows: Alt+Shift+P paused reminders indefinitely (or resumed them) without a word.
    const w = world();
    const rt = createRuntime(w.platform(), w.store);
    const worker = lifecycle(rt);
    await worker.wake();
    w.clock.now = T0 + 10 * MIN;
    w.log.length = 0;
    await worker.command('toggle-pause');
    expect(w.stored().state!.paused).not.toBeNull();
    expect(w.log.filter((l) => l.startsWith('notice'))).toEqual(['notice paused']);
    w.clock.now = T0 + 11 * MIN;
    w.log.length = 0;
    await worker.command('toggle-pause');
    expect(w.stored().state!.paused).toBeNull();
    expect(w.log.filter((l) => l.startsWith('notice'))).toEqual(['notice pauseEnded']);
    // From the popup, which says so itself: no notice.
    w.log.length = 0;
    await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: 'indefinite' });
    await pauseHandlers(rt)['pause/resume']({ type: 'pause/resume' });
    expect(w.log.filter((l) => l.startsWith('notice'))).toEqual([]);
  });

  it('the pause shortcut\'s notice is taken back when the pause changes another way: no "Reminders paused" once resumed, no "back on" once paused again', async () => {
    // "Reminders paused / Paused until you resume" left in the notification centre after Resume in
    // the popup said the opposite of the state (and "Reminders are back on" after a pause).
    const w = world();
    const rt = createRuntime(w.platform(), w.store);
    const worker = lifecycle(rt);
    const popup = pauseHandlers(rt);
    await worker.wake();
    const notices = () => w.log.filter((l) => l.startsWith('notice') || l === 'clearNotice');
    w.clock.now = T0 + 10 * MIN;
    await worker.command('toggle-pause');
    w.log.length = 0;
    await popup['pause/resume']({ type: 'pause/resume' });
    expect(notices()).toEqual(['clearNotice']);
    await worker.command('toggle-pause');
    await worker.command('toggle-pause'); // "back on"
    w.log.length = 0;
    await popup['pause/set']({ type: 'pause/set', choice: 'indefinite' });
    expect(notices()).toEqual(['clearNotice']);
    // A timed pause over the shortcut's ("until you resume" no longer true).
    await popup['pause/resume']({ type: 'pause/resume' });
    await worker.command('toggle-pause');
    w.log.length = 0;
    await popup['pause/set']({ type: 'pause/set', choice: '30m' });
    expect(notices()).toEqual(['clearNotice']);
    // Resume with nothing paused changes nothing, and takes nothing back.
    await popup['pause/resume']({ type: 'pause/resume' });
    w.log.length = 0;
    await popup['pause/resume']({ type: 'pause/resume' });
    expect(notices()).toEqual([]);
  });

  it('the pause shortcut outside working hours: "paused", and on resuming "back on", "Outside working hours" (never "counting desk time again": nothing counts then)', async () => {
    // The shortcut is a toggle whose badge is often out of sight: resumed without a word, the
    // person could not tell which way Alt+Shift+P went (pressed again, it paused once more).
    const w = world({ ...SETTINGS, schedule: { ...SETTINGS.schedule, enabled: true } });
    const worker = lifecycle(createRuntime(w.platform(), w.store));
    w.clock.now = T0 + 10 * H; // 20:00 in Berlin, after the default hours
    await worker.wake();
    expect(w.stored().state!.offHours).toBe(true);
    w.log.length = 0;
    await worker.command('toggle-pause');
    await worker.command('toggle-pause');
    expect(w.stored().state!.paused).toBeNull();
    // "Reminders paused" is taken back and "Reminders are back on / Outside working hours" said.
    expect(w.log.filter((l) => l.startsWith('notice') || l === 'clearNotice')).toEqual(['clearNotice', 'notice paused', 'clearNotice', 'notice whyOffHoursNoEnd']);
  });

  it('the clock set back during a 30-minute pause: it ends when its 30 minutes have run, not an hour later; a pause until tomorrow keeps its instant', async () => {
    // README "Pause" ("for 30 minutes, 1 or 2 hours, until tomorrow ...") and "the clock jumps":
    // a pause of so many minutes lasts those minutes by the person's watch, as a postpone does.
    const { w, rt, worker } = await pausedAt10Min();
    w.clock.now = T0 + 20 * MIN; // 10 of its 30 minutes run (the popup opened)
    await worker.dispatch({ type: 'tick' });
    const back = T0 + 20 * MIN - 60 * MIN; // then the clock is set back an hour: 20 minutes are left
    w.clock.now = back;
    await worker.dispatch({ type: 'tick' });
    expect(w.stored().state!.paused?.until).toBe(back + 20 * MIN);
    w.clock.now = back + 20 * MIN;
    await worker.dispatch({ type: 'tick' });
    expect(w.stored().state!.paused).toBeNull();

    w.clock.now = back + 30 * MIN;
    const { data } = (await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: 'tomorrow' })) as { data: { until: number } };
    w.clock.now = back + 40 * MIN;
    await worker.dispatch({ type: 'tick' });
    w.clock.now = back - 20 * MIN;
    await worker.dispatch({ type: 'tick' });
    expect(w.stored().state!.paused?.until).toBe(data.until);
  });

  it('strict mode: Pause then Resume 10 s later is no Skip: nothing recorded, the prompt comes back', async () => {
    // README "Strict mode": never Skip. The popup's Pause (or the shortcut) over an open prompt
    // used to record it as skipped and start desk time afresh.
    const w = world({ ...SETTINGS, strict: true });
    const rt = createRuntime(w.platform(), w.store);
    const worker = lifecycle(rt);
    await workUntilDue(w, worker);
    w.clock.now = T0 + 50 * MIN;
    await worker.dispatch({ type: 'tick' });
    const id = `stretch-${T0 + 50 * MIN}`;
    expect(w.notifications.has(id)).toBe(true);
    w.clock.now = T0 + 51 * MIN;
    expect((await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: 'indefinite' })).ok).toBe(true);
    expect(w.notifications.has(id)).toBe(false); // withdrawn for the pause
    w.clock.now = T0 + 51 * MIN + 10_000;
    await pauseHandlers(rt)['pause/resume']({ type: 'pause/resume' });
    expect(w.log.filter((l) => l.startsWith('record'))).toEqual([]);
    expect([...w.history.values()]).toEqual([]);
    expect(w.notifications.has(id)).toBe(true); // prompted again
    expect(w.stored().state!.phase).toMatchObject({ name: 'due', brk: { id, snoozes: 0 } });
    const skip = await breakHandlers(rt)['break/skip']({ type: 'break/skip', breakId: id });
    expect(skip.ok).toBe(false);
  });

  describe('notification buttons follow a settings change', () => {
    it('strict mode switched on while a prompt shows Skip: the notification no longer offers Skip', async () => {
      // README: "Strict mode ... never Skip (Chrome's notification shows only the buttons that will
      // work)"; lib/platform/notify.ts: "a second button only for what the tracker will accept now".
      const { w, settings } = mutableWorld({ ...SETTINGS, snoozeLimit: 0 });
      const p = w.platform();
      const worker = lifecycle(createRuntime(p, w.store));
      await workUntilDue(w, worker);
      w.clock.now = T0 + 50 * MIN;
      await worker.dispatch({ type: 'tick' });
      const st = w.stored().state!;
      if (st.phase.name !== 'due') throw new Error('not due');
      const brk = st.phase.brk;
      // On screen: Start and Skip (no snooze allowed, not strict).
      let onScreen: string | null = secondButton(brk, settings);
      expect(onScreen).toBe('skip');
      // What the platform does to the notification from here on.
      p.showPrompt = vi.fn(async (b, s: Settings) => ((onScreen = secondButton(b, s)), true));
      p.clearPrompt = async () => void (onScreen = null);
      p.promptShowing = async (b, s: Settings) => onScreen === secondButton(b, s);
      p.promptOnScreen = async () => onScreen !== null;
      // The person turns strict mode on in Options while the prompt waits.
      Object.assign(settings, { strict: true });
      w.clock.now += 20_000;
      await worker.settingsChanged();
      // Whatever is on screen now must be accepted by the tracker: no Skip button left.
      if (onScreen === 'skip') {
        const r = transition(w.stored().state!, { type: 'skip', breakId: brk.id }, w.clock.now, settings);
        expect(r.refused, 'the Skip button still on screen is refused by the tracker').toBeUndefined();
      }
      expect(onScreen).not.toBe('skip');
      expect(onScreen).toBe('none');
      // One the person closed stays closed through the next change of settings.
      onScreen = null;
      Object.assign(settings, { strict: false });
      w.clock.now += 20_000;
      await worker.settingsChanged();
      expect(onScreen).toBeNull();
    });
  });

  describe('a postpone from the break window while reminders are paused or outside working hours', () => {
    it('paused: the worker is not woken every 30 s until the pause ends', async () => {
      // README "It survives restarts": "one alarm is set for the next moment that matters". During
      // a pause nothing can be prompted (README "Pause"), so the next moment is the pause's end.
      const w = world();
      const p = w.platform();
      const rt = createRuntime(p, w.store);
      const worker = lifecycle(rt);
      const run = alarmDriven(w, p);
      await workUntilDue(w, worker);
      w.clock.now = T0 + 50 * MIN;
      await worker.dispatch({ type: 'tick' });
      const id = `stretch-${T0 + 50 * MIN}`;
      // Start from the notification; the window is open; the person pauses for 2 hours from the
      // popup, then chooses "Postpone 5 min" in the still open break window.
      w.clock.now = T0 + 51 * MIN;
      await worker.dispatch({ type: 'start', breakId: id });
      w.clock.now = T0 + 52 * MIN;
      await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: '2h' });
      w.clock.now = T0 + 53 * MIN;
      const reply = await breakHandlers(rt)['break/snooze']({ type: 'break/snooze', breakId: id, minutes: 5 });
      expect(reply.ok).toBe(true);
      const saves = () => w.log.filter((l) => l.startsWith('save')).length;
      const before = saves();
      // Up to a minute before the pause ends (T0 + 172 min).
      const wakes = await run(worker, T0 + 171 * MIN);
      expect(wakes, `woken ${wakes} times, the state saved ${saves() - before} times`).toBeLessThanOrEqual(3);
      // The pause over (T0 + 172 min), the postponed break comes.
      await run(worker, T0 + 173 * MIN);
      const after = w.stored().state!.phase;
      expect(after.name === 'due' && after.brk.id).toBe(id);
    });

    it('after hours: the worker is not woken every 30 s all night', async () => {
      // The same through working hours: the break window of a break prompted just before 17:30,
      // postponed after 17:30. Nothing can be prompted until 09:00 (README "Working hours").
      const settings: Settings = { ...SETTINGS, schedule: WEEKDAYS.schedule };
      const w = world(settings);
      const p = w.platform();
      const rt = createRuntime(p, w.store);
      const worker = lifecycle(rt);
      const run = alarmDriven(w, p);
      // Berlin: T0 is Monday 10:00; 16:35 is T0 + 6 h 35 min. Desk time from 16:35: due at 17:25.
      const t1635 = T0 + 6 * H + 35 * MIN;
      w.clock.now = t1635;
      await worker.wake();
      await run(worker, t1635 + 50 * MIN);
      const st = w.stored().state!;
      if (st.phase.name !== 'due') throw new Error(`not due: ${st.phase.name}`);
      const id = st.phase.brk.id;
      w.clock.now = t1635 + 53 * MIN; // 17:28: Start
      await worker.dispatch({ type: 'start', breakId: id });
      w.clock.now = t1635 + 56 * MIN; // 17:31, after hours: "Postpone 5 min" in the window
      const reply = await breakHandlers(rt)['break/snooze']({ type: 'break/snooze', breakId: id, minutes: 5 });
      expect(reply.ok).toBe(true);
      // 17:31 to 08:00 the next morning.
      const wakes = await run(worker, T0 + 22 * H);
      expect(wakes).toBeLessThanOrEqual(3);
    });
  });

  it('"Until tomorrow" at 00:30 inside evening hours that began the day before pauses until the next evening, not a day later', async () => {
    // README "Pause": "until tomorrow's first working hour"; README "Working hours": hours that
    // cross midnight belong to the day they began on. Every evening 20:00-02:00 Berlin: at Tuesday
    // 00:30 the person is in Monday's hours, and tomorrow's first working hour is Tuesday 20:00.
    const evenings = Array.from({ length: 7 }, () => [{ from: 20 * 60, to: 2 * 60 }]);
    const w = world({ ...SETTINGS, schedule: { enabled: true, days: evenings } });
    const rt = createRuntime(w.platform(), w.store);
    w.clock.now = Date.UTC(2026, 2, 2, 23, 30); // Tuesday 00:30 CET
    await lifecycle(rt).wake();
    const r = await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: 'tomorrow' });
    expect(r).toEqual({ ok: true, data: { until: Date.UTC(2026, 2, 3, 19, 0) } }); // Tuesday 20:00 CET, not Wednesday's
    expect(w.snapshot()?.data.status.tracker.paused).toEqual({ until: Date.UTC(2026, 2, 3, 19, 0) });
  });

  it('"Until tomorrow" with working hours all day on weekdays pauses until the next midnight, not until next Monday', async () => {
    // README "Pause": "until tomorrow (the start of your first working hours after midnight)".
    // Monday to Friday 00:00-24:00 in Berlin: at Wednesday 15:00, Thursday's hours start at
    // Thursday 00:00. The touching days made one range from Monday to Saturday, and the pause ran
    // until the Monday after: no reminder on Thursday or Friday.
    const allDay = [{ from: 0, to: 24 * 60 }];
    const w = world({ ...SETTINGS, schedule: { enabled: true, days: [allDay, allDay, allDay, allDay, allDay, [], []] } });
    const rt = createRuntime(w.platform(), w.store);
    w.clock.now = Date.UTC(2026, 2, 4, 14); // Wednesday 15:00 CET
    await lifecycle(rt).wake();
    const r = await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: 'tomorrow' });
    expect(r).toEqual({ ok: true, data: { until: Date.UTC(2026, 2, 4, 23) } }); // Thursday 00:00 CET
    expect(w.snapshot()?.data.status.tracker.paused).toEqual({ until: Date.UTC(2026, 2, 4, 23) });
  });

  it('a timed pause that runs out after working hours does not announce "counting desk time again"', () => {
    // messages.json noticePauseEndedBody: "Your pause has ended. Limber is counting desk time
    // again." README "Working hours": "there is no desk time and there are no prompts outside
    // working hours". A notice that comes while Limber is not counting says what is not true.
    const sim = new Sim(WEEKDAYS, MON_0800 + 8 * H); // Berlin: MON_0800 is Monday 08:00; this is 16:00
    sim.runUntil(MON_0800 + 8 * H + 10 * MIN);
    sim.send({ type: 'pause', until: MON_0800 + 10 * H + 10 * MIN }); // "For 2 hours" at 16:10: ends 18:10
    sim.runUntil(MON_0800 + 25 * H); // to Tuesday 09:00
    const notices = sim.effects.filter((e) => e.type === 'notice' && e.notice === 'pauseEnded');
    const offHoursNotices = notices.filter((n) => !isWorking(WEEKDAYS.schedule, n.at, 'Europe/Berlin'));
    expect(offHoursNotices.map((n) => new Date(n.at).toISOString())).toEqual([]);
  });
});

describe('holds', () => {
  it('a pause that ends while the machine sleeps: the sleep is not desk time, the notice comes on waking', () => {
    const sim = new Sim(BASE, MON_0800);
    sim.runUntil(MON_0800 + 20 * MIN);
    sim.send({ type: 'pause', until: MON_0800 + 50 * MIN }); // 30 minutes
    // Asleep from 08:25 to 10:00: nothing is delivered; the first event is on waking.
    sim.send({ type: 'tick' }, MON_0800 + 2 * H);
    expect(sim.state.paused).toBeNull();
    expect(sim.state.desk.stretch).toBe(0);
    expect(sim.effects.filter((e) => e.type === 'notice')).toEqual([expect.objectContaining({ notice: 'pauseEnded', at: MON_0800 + 2 * H })]);
    expect(sim.records()).toEqual([]); // nothing credited for a paused time
    sim.runUntil(MON_0800 + 2 * H + 50 * MIN - 1);
    expect(sim.prompts()).toHaveLength(0);
    sim.runUntil(MON_0800 + 2 * H + 50 * MIN);
    expect(sim.prompts()).toHaveLength(1);
  });

  it('pause then resume: a short pause keeps desk time, a long one starts afresh', () => {
    const short = new Sim(BASE, MON_0800);
    short.runUntil(MON_0800 + 40 * MIN);
    short.send({ type: 'pause', until: null });
    short.send({ type: 'resume' }, MON_0800 + 42 * MIN);
    short.runUntil(MON_0800 + 52 * MIN - 1);
    expect(short.prompts()).toHaveLength(0);
    short.runUntil(MON_0800 + 52 * MIN);
    expect(short.prompts()).toHaveLength(1);
    const long = new Sim(BASE, MON_0800);
    long.runUntil(MON_0800 + 40 * MIN);
    long.send({ type: 'pause', until: null });
    long.send({ type: 'resume' }, MON_0800 + 45 * MIN);
    long.runUntil(MON_0800 + 95 * MIN - 1);
    expect(long.prompts()).toHaveLength(0);
    long.runUntil(MON_0800 + 95 * MIN);
    expect(long.prompts()).toHaveLength(1);
  });

  it('pause while a break window is open: the break goes on and is recorded once, as completed', () => {
    const sim = new Sim(BASE, MON_0800);
    sim.runUntil(MON_0800 + 50 * MIN);
    const id = sim.state.phase.name === 'due' ? sim.state.phase.brk.id : '';
    sim.send({ type: 'start', breakId: id }, MON_0800 + 51 * MIN);
    sim.send({ type: 'pause', until: MON_0800 + 111 * MIN }, MON_0800 + 52 * MIN);
    expect(sim.records()).toEqual([]);
    sim.send({ type: 'finish', breakId: id, outcome: 'completed' }, MON_0800 + 54 * MIN);
    expect(sim.records()).toEqual([expect.objectContaining({ id, outcome: 'completed' })]);
  });

  it('pause across midnight ("until tomorrow", no schedule): the new day starts fresh, nothing counted in the pause', () => {
    const sim = new Sim(BASE, Date.UTC(2026, 2, 2, 22, 0)); // 23:00 Berlin
    sim.runUntil(Date.UTC(2026, 2, 2, 22, 30));
    sim.send({ type: 'pause', until: Date.UTC(2026, 2, 2, 23, 0) }); // Berlin midnight
    sim.runUntil(Date.UTC(2026, 2, 2, 23, 10));
    expect(sim.state.paused).toBeNull();
    expect(sim.state.today.deskMs).toBe(10 * MIN);
    expect(sim.state.desk.stretch).toBe(10 * MIN);
  });

  it('heads-up Postpone, then the prompt: 5 min after the moment it would have come, one postpone used, one left', () => {
    const S: Settings = { ...BASE, headsUpSec: 60 };
    const sim = new Sim(S, MON_0800);
    sim.runUntil(MON_0800 + 49 * MIN + 10_000);
    const hu = sim.effects.find((e) => e.type === 'headsUp');
    if (hu?.type !== 'headsUp') throw new Error('no heads-up');
    expect(hu.postpone).toBe(true);
    expect(sim.send({ type: 'snooze', breakId: hu.headsUp.id, minutes: 5 }).refused).toBeUndefined();
    sim.runUntil(MON_0800 + 55 * MIN - 1);
    expect(sim.prompts()).toHaveLength(0);
    sim.runUntil(MON_0800 + 55 * MIN);
    const [p1] = sim.prompts();
    if (p1?.type !== 'prompt') throw new Error('no prompt');
    expect(secondButton(p1.brk, S)).toBe('snooze'); // 1 of 2 used
    sim.send({ type: 'snooze', breakId: p1.brk.id, minutes: 5 }, MON_0800 + 56 * MIN);
    sim.runUntil(MON_0800 + 61 * MIN);
    const p2 = sim.prompts()[1];
    if (p2?.type !== 'prompt') throw new Error('no second prompt');
    expect(secondButton(p2.brk, S)).toBe('skip'); // limit reached: Skip, no Postpone
    expect(sim.send({ type: 'snooze', breakId: p2.brk.id, minutes: 5 }).refused).toBe('snoozeLimit');
    expect(sim.send({ type: 'skip', breakId: p2.brk.id }).refused).toBeUndefined();
    expect(sim.records()).toEqual([expect.objectContaining({ id: p1.brk.id, outcome: 'skipped', snoozes: 2 })]);
  });

  it('strict mode: the heads-up Postpone is the one postpone; the prompt then offers none, nor does its window', async () => {
    const S: Settings = { ...BASE, headsUpSec: 60, strict: true };
    const sim = new Sim(S, MON_0800);
    sim.runUntil(MON_0800 + 49 * MIN + 10_000);
    const hu = sim.effects.find((e) => e.type === 'headsUp');
    if (hu?.type !== 'headsUp') throw new Error('no heads-up');
    sim.send({ type: 'snooze', breakId: hu.headsUp.id, minutes: 5 });
    sim.runUntil(MON_0800 + 55 * MIN);
    const p = sim.state.phase;
    if (p.name !== 'due') throw new Error('not due');
    expect(secondButton(p.brk, S)).toBe('none');
    sim.send({ type: 'start', breakId: p.brk.id });
    expect(sim.send({ type: 'snooze', breakId: p.brk.id, minutes: 5 }).refused).toBe('snoozeLimit');
  });

  it('a postpone survives a worker restart: the prompt comes back once, at the chosen minutes', async () => {
    const w = world();
    const a = lifecycle(createRuntime(w.platform(), w.store));
    await workUntilDue(w, a);
    w.clock.now = T0 + 50 * MIN;
    await a.dispatch({ type: 'tick' });
    const id = `stretch-${T0 + 50 * MIN}`;
    w.clock.now = T0 + 51 * MIN;
    await a.dispatch({ type: 'snooze', breakId: id, minutes: 15 });
    expect(w.notifications.has(id)).toBe(false);
    // The worker is stopped; a new one is started by the watchdog (desk time counts during a
    // postpone), and keeps being woken by it until the postpone's alarm.
    const pB = w.platform();
    const b = lifecycle(createRuntime(pB, w.store));
    w.clock.now = T0 + 55 * MIN;
    await b.wake();
    for (const m of [59, 63]) {
      w.clock.now = T0 + m * MIN;
      await b.dispatch({ type: 'tick' });
    }
    expect(pB.showPrompt).not.toHaveBeenCalled();
    w.clock.now = T0 + 66 * MIN;
    await b.dispatch({ type: 'tick' });
    w.clock.now += 30_000;
    await b.dispatch({ type: 'tick' });
    expect(pB.showPrompt).toHaveBeenCalledTimes(1);
    expect(w.stored().state!.phase).toMatchObject({ name: 'due', brk: { id, snoozes: 1 } });
  });

  it('"Until tomorrow" on a Friday afternoon pauses until Monday 09:00 local time, shown as such', async () => {
    const settings: Settings = { ...SETTINGS, schedule: WEEKDAYS.schedule };
    const w = world(settings);
    const rt = createRuntime(w.platform(), w.store);
    w.clock.now = Date.UTC(2026, 2, 6, 13, 0); // Friday 14:00 Berlin
    await lifecycle(rt).wake();
    const r = await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: 'tomorrow' });
    expect(r).toEqual({ ok: true, data: { until: Date.UTC(2026, 2, 9, 8, 0) } }); // Monday 09:00 CET
    expect(w.snapshot()?.data.status.tracker.paused).toEqual({ until: Date.UTC(2026, 2, 9, 8, 0) });
  });

  it('a pause closes an open prompt as skipped and takes its notification away', async () => {
    const w = world();
    const rt = createRuntime(w.platform(), w.store);
    const a = lifecycle(rt);
    await workUntilDue(w, a);
    w.clock.now = T0 + 50 * MIN;
    await a.dispatch({ type: 'tick' });
    const id = `stretch-${T0 + 50 * MIN}`;
    expect(w.notifications.has(id)).toBe(true);
    w.clock.now = T0 + 51 * MIN;
    await pauseHandlers(rt)['pause/set']({ type: 'pause/set', choice: '1h' });
    expect(w.notifications.has(id)).toBe(false);
    expect(w.history.get(id)).toMatchObject({ outcome: 'skipped' });
    // Clicking Start on a notification that was still somewhere is refused, nothing counted twice.
    await a.dispatch({ type: 'start', breakId: id });
    expect(w.stored().state!.phase.name).toBe('working');
    expect(w.history.size).toBe(1);
  });

  describe('Firefox: no buttons', () => {
    beforeEach(() => {
      vi.stubEnv('BROWSER', 'firefox');
      vi.resetModules();
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
      vi.restoreAllMocks();
    });

    it('the prompt has no buttons and says a click starts; the heads-up says it can be postponed when it comes', async () => {
      const { browser: b } = await import('wxt/browser');
      const notify = await import('./platform/notify');
      const headsUp = await import('./platform/heads-up');
      vi.spyOn(b.i18n, 'getMessage').mockImplementation((k: string) => k);
      const create = vi.spyOn(b.notifications, 'create');
      const brk = { id: 'stretch-1', kind: 'stretch' as const, dueAt: T0, deskMs: 0, snoozes: 0, manual: false, promptedAt: T0 };
      await notify.showPrompt(brk, DEFAULT_SETTINGS, false, T0);
      const [, opts] = create.mock.calls.at(-1) as unknown as [string, { buttons?: unknown[]; message: string }];
      expect(opts.buttons).toBeUndefined();
      expect(opts.message).toContain('promptClickToStart');
      await headsUp.showHeadsUp({ id: 'stretch-1', at: T0, dueAt: T0 + MIN }, true, T0);
      const [, hu] = create.mock.calls.at(-1) as unknown as [string, { buttons?: unknown[]; message: string }];
      expect(hu.buttons).toBeUndefined();
      expect(hu.message).toBe('headsUpBodyPostponeLater');
    });
  });
});
