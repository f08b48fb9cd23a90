/**
 * Messages between the pages and the background (lib/protocol, lib/engine/handlers), from a
 * review of the promise "every message between pages is validated; bad input gets a clear error
 * and loses nothing (previous data stays intact)". Malformed and hostile requests, replays, ids
 * of breaks that do not exist or already ended, and requests in a phase they do not belong to,
 * sent through the handler map the background answers runtime.onMessage with. Expected behaviour
 * comes from README ("Prompts", "History, streaks and your data") and the pages that send them
 * (entrypoints/break, entrypoints/popup), never from the handlers themselves.
 *
 * describe('bugs'): each test failed before its fix (a Done or "cut short" for a break that was
 * never started was recorded; the break window said "Break done" for a break recorded as cut
 * short; a Start naming another break was answered "started").
 * describe('holds'): sequences checked and found to keep the promise.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { parseHTML } from 'linkedom';
import { messageHandler } from './engine/handlers';
import { lifecycle } from './engine/lifecycle';
import { createRuntime } from './engine/runtime';
import type { Platform } from './engine/ports';
import { DEFAULT_SETTINGS } from './settings';
import { ABANDON_AFTER_MS } from './tracker/state';
import { MIN, SETTINGS, T0, promptedWorker, world } from '../tests/engine-stop-world';
import { speakEnglish, until } from '../tests/support/linkedom-page';

// The break page below plays no routine (the free break): the picker, which reads the routine
// library and the history, is not what these cases are about.
vi.mock('./routine-choice', () => ({ chooseRoutine: async () => null }));

/** A worker of `w` with the handler it answers the pages' messages with. */
function worker(w: ReturnType<typeof world>, p: Platform = w.platform()) {
  const rt = createRuntime(p, w.store);
  return { platform: p, ...lifecycle(rt), ask: messageHandler(rt) };
}

/** The stretch break at T0 + 50 min prompted, with the worker that prompted it and its message handler. */
async function prompted(w = world()) {
  const { platform, worker: lc, id } = await promptedWorker(w);
  const rt = createRuntime(platform, w.store);
  return { w, platform, lc, id, ask: messageHandler(rt) };
}

/** A break started by hand ("Take a break now") in a fresh worker of `w`, with its id. */
async function startedByHand(w = world()) {
  const a = worker(w);
  await a.wake();
  expect(await a.ask({ type: 'break/start' })).toMatchObject({ ok: true });
  const phase = w.stored().state!.phase;
  return { w, a, id: phase.name === 'onBreak' ? phase.brk.id : '' };
}

/** What a refused request must leave as it was: the state (but for the clock), the waiting records, the history. */
function kept(w: ReturnType<typeof world>) {
  const { state, outbox } = structuredClone(w.stored());
  const history = structuredClone([...w.history.values()]);
  return () => {
    const now = w.stored();
    expect({ ...now.state, asOf: 0, lastSeen: 0, desk: null, today: null }).toEqual({ ...state, asOf: 0, lastSeen: 0, desk: null, today: null });
    expect(now.outbox).toEqual(outbox);
    expect([...w.history.values()]).toEqual(history);
  };
}

describe('bugs found in review (a title may name what was wrong; each test holds its fix)', () => {
  // The break window sends 'completed' (Done, or the routine's last step) and nothing sends
  // 'partial' from a page: both say a break was under way. A prompt that was never started is
  // answered by Start, Postpone or Skip; a "done" for it is a stale or forged request, and
  // recording it would count a break nobody took toward today's breaks and the streak.
  describe('a finish saying the break was taken, for a break that was only prompted', () => {
    it.each([
      ['completed', 'due'],
      ['partial', 'due'],
      ['completed', 'snoozed'],
      ['partial', 'snoozed'],
    ] as const)('"%s" while the break is %s is refused as no such break, and records nothing', async (outcome, phase) => {
      const { w, id, ask } = await prompted();
      if (phase === 'snoozed') expect(await ask({ type: 'break/snooze', breakId: id, minutes: 15 })).toMatchObject({ ok: true });
      w.clock.now += MIN;
      const same = kept(w);
      expect(await ask({ type: 'break/finish', breakId: id, outcome, routineId: null })).toEqual({ ok: false, error: 'noSuchBreak' });
      same();
      expect(w.stored().state!.phase.name).toBe(phase);
      // Started, the same finish is what it says.
      expect(await ask({ type: 'break/start', breakId: id })).toMatchObject({ ok: true });
      w.clock.now += 3 * MIN;
      expect(await ask({ type: 'break/finish', breakId: id, outcome, routineId: null })).toMatchObject({ ok: true });
      expect(w.history.get(id)).toMatchObject({ outcome, startedAt: expect.any(Number) });
    });
  });

  // README: "a window left open while the computer sleeps is a break cut short then, on that
  // day, whatever its timer says on waking". The page's timer ran on through the sleep, so on
  // waking its routine is over and the page sends "completed" itself (Player: the last step
  // ends). The history rightly says cut short; the reply must say so too, or the page cannot.
  describe('a break window left open through a sleep, its "completed" heard first on waking', () => {
    async function sleptThrough() {
      const { w, a, id } = await startedByHand();
      // Lid closed for the night; on waking, the page's message comes before any alarm.
      w.clock.now = T0 + 10 * 60 * MIN;
      return { w, a, id };
    }

    it('the reply says the break was recorded as cut short, as the history does', async () => {
      const { w, a, id } = await sleptThrough();
      const reply = await a.ask({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });
      expect(w.history.get(id)).toMatchObject({ outcome: 'partial', endedAt: T0 + SETTINGS.stretch.lengthSec * 1000 + ABANDON_AFTER_MS });
      expect(reply).toMatchObject({ ok: true, data: { outcome: 'partial' } });
      // A break done in time is answered as done.
      w.clock.now += MIN;
      expect(await a.ask({ type: 'break/start' })).toMatchObject({ ok: true });
      const again = w.stored().state!.phase;
      w.clock.now += 3 * MIN;
      expect(await a.ask({ type: 'break/finish', breakId: again.name === 'onBreak' ? again.brk.id : '', outcome: 'completed', routineId: null })).toMatchObject({ ok: true, data: { outcome: 'completed' } });
    });

    describe('the break page', () => {
      afterEach(() => vi.restoreAllMocks());

      it('does not say "Nice work. Break done." for a break the history records as cut short', async () => {
        const { w, a, id } = await sleptThrough();
        const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
        Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement });
        speakEnglish();
        // The page's messages reach this worker, as runtime.sendMessage reaches the background.
        vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((m: unknown) => a.ask(m)) as never);
        const { h, render } = await import('preact');
        const { App } = await import('../entrypoints/break/App');
        const root = document.getElementById('app')!;
        render(h(App, { breakId: id }), root);
        try {
          const q = (sel: string) => document.querySelector(sel) as unknown as (HTMLElement & { click(): void }) | null;
          await until(() => q('[data-testid="done"]') !== null, 'the free break');
          q('[data-testid="done"]')!.click();
          await until(() => q('[data-testid="break-end"] h1') !== null, 'the end screen');
          expect(w.history.get(id)?.outcome).toBe('partial');
          const heading = q('[data-testid="break-end"] h1')!.textContent;
          expect(heading).not.toBe('Nice work. Break done.');
          expect(heading).toBe('Break recorded as cut short.');
        } finally {
          render(null, root);
        }
      });
    });
  });

  // The popup's Start names the break it shows; a notification's Start and a break window
  // opened as the prompt name theirs. A Start naming a break that is not the open one is refused
  // in every other phase; while another break is under way it was answered "started".
  it('a Start naming a break that has ended, while another break is under way, is refused (it was answered "started")', async () => {
    const { w, id, ask, platform } = await prompted();
    w.clock.now += MIN;
    expect(await ask({ type: 'break/skip', breakId: id })).toMatchObject({ ok: true });
    w.clock.now += MIN;
    expect(await ask({ type: 'break/start' })).toMatchObject({ ok: true });
    const under = w.stored().state!.phase;
    expect(under.name).toBe('onBreak');
    vi.mocked(platform.openBreakWindow).mockClear();
    const same = kept(w);
    for (const stale of [id, 'stretch-1', 'manual-1']) {
      expect(await ask({ type: 'break/start', breakId: stale })).toEqual({ ok: false, error: 'noSuchBreak' });
    }
    same();
    expect(platform.openBreakWindow).not.toHaveBeenCalled();
    // Its own id (the popup's "Back to the break") still brings its window back.
    expect(await ask({ type: 'break/start', breakId: under.name === 'onBreak' ? under.brk.id : '' })).toMatchObject({ ok: true });
    expect(platform.openBreakWindow).toHaveBeenCalledTimes(1);
  });
});

describe('holds', () => {
  it('malformed and hostile requests get "badRequest" and change nothing: state, waiting records, history', async () => {
    const { w, id, ask } = await prompted();
    // A record waiting to be written (the history was unavailable), which must not be lost.
    const waiting = { entry: { id: 'stretch-1', kind: 'stretch' as const, outcome: 'skipped' as const, dueAt: T0, promptedAt: T0, startedAt: null, endedAt: T0, routineId: null, deskMs: 0, snoozes: 0, manual: false }, timeZone: 'Europe/Berlin' };
    await w.store.saveTracker(w.stored().state!, [waiting]);
    const recordBreak = vi.spyOn(w.store, 'recordBreak').mockRejectedValue(new Error('disk full'));
    w.clock.now += MIN;
    const same = kept(w);
    const bad: unknown[] = [
      undefined,
      null,
      42,
      'break/finish',
      [],
      [{ type: 'status/get' }],
      {},
      { type: 'break/finish' },
      { type: 'BREAK/FINISH', breakId: id, outcome: 'completed', routineId: null },
      { type: 'break/finish', breakId: id, outcome: 'natural', routineId: null },
      { type: 'break/finish', breakId: id, outcome: 'completed' },
      { type: 'break/finish', breakId: id, outcome: 'completed', routineId: 7 },
      { type: 'break/finish', breakId: 12345, outcome: 'skipped', routineId: null },
      { type: 'break/finish', breakId: `${id} `, outcome: 'skipped', routineId: null },
      { type: 'break/finish', breakId: id.toUpperCase(), outcome: 'skipped', routineId: null },
      { type: 'break/finish', breakId: '../../etc', outcome: 'skipped', routineId: null },
      { type: 'break/skip', breakId: 'x'.repeat(81) },
      { type: 'break/skip', breakId: '' },
      { type: 'break/skip', breakId: null },
      { type: 'break/skip', breakId: [id] },
      { type: 'break/skip', breakId: { id } },
      ...[0, -5, 5.5, 10, 1e308, Infinity, -Infinity, NaN, '5', null, true].map((minutes) => ({ type: 'break/snooze', breakId: id, minutes })),
      { type: 'break/start', kind: 'posture' },
      { type: 'break/start', breakId: 'stretch-1', kind: 'stretch ' },
      { type: 'break/routine', breakId: id, routineId: 'cat-cow' },
      { type: 'break/routine', breakId: id, routineId: 'cat-cow', replace: 'yes' },
      { type: 'pause/set' },
      { type: 'pause/set', choice: '3h' },
      { type: 'pause/set', choice: 30 },
      { type: 'pause/set', choice: 'Indefinite' },
      { type: 'status/refresh', replaced: 'true' },
      { type: 'status/refresh', replaced: 1 },
    ];
    for (const m of bad) expect(await ask(m), JSON.stringify(m) ?? String(m)).toEqual({ ok: false, error: 'badRequest' });
    same();
    expect(w.stored().state!.phase.name).toBe('due');
    expect(recordBreak).not.toHaveBeenCalled();
  });

  it('unknown keys are dropped: a pause or a status read with extra fields is only that', async () => {
    const { w, ask } = await prompted();
    w.clock.now += MIN;
    expect(await ask({ type: 'status/get', replaced: true, breakId: 'x' })).toMatchObject({ ok: true, data: { now: w.clock.now } });
    expect(await ask({ type: 'pause/set', choice: '30m', until: 0, since: -1 })).toEqual({ ok: true, data: { until: w.clock.now + 30 * MIN } });
    expect(w.stored().state!.paused).toEqual({ since: w.clock.now, until: w.clock.now + 30 * MIN, timed: true });
  });

  it('replayed requests: a second skip, snooze or finish of the same break is refused, and the break is recorded once', async () => {
    const { w, id, ask } = await prompted();
    w.clock.now += MIN;
    expect(await ask({ type: 'break/snooze', breakId: id, minutes: 5 })).toEqual({ ok: true, data: { until: w.clock.now + 5 * MIN } });
    expect(await ask({ type: 'break/snooze', breakId: id, minutes: 5 })).toEqual({ ok: false, error: 'noSuchBreak' });
    expect(await ask({ type: 'break/start', breakId: id })).toMatchObject({ ok: true });
    w.clock.now += 3 * MIN;
    expect(await ask({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: 'cat-cow' })).toMatchObject({ ok: true });
    for (const m of [
      { type: 'break/finish', breakId: id, outcome: 'completed', routineId: 'cat-cow' },
      { type: 'break/finish', breakId: id, outcome: 'skipped', routineId: null },
      { type: 'break/skip', breakId: id },
      { type: 'break/snooze', breakId: id },
      { type: 'break/start', breakId: id },
      { type: 'break/routine', breakId: id, routineId: 'neck-tilts', replace: true },
    ]) {
      expect(await ask(m), m.type).toEqual({ ok: false, error: 'noSuchBreak' });
    }
    expect(await ask({ type: 'break/session', breakId: id })).toEqual({ ok: true, data: null });
    expect(w.log.filter((l) => l.startsWith('record '))).toEqual([`record ${id} completed`]);
    expect(w.history.get(id)).toMatchObject({ outcome: 'completed', routineId: 'cat-cow', snoozes: 1 });
  });

  it('refusals by the rules are clear and change nothing: snooze past the limit, skip in strict mode, a postpone of a break started by hand', async () => {
    const strict = world({ ...SETTINGS, strict: true, snoozeLimit: 3 });
    const s = await prompted(strict);
    expect(await s.ask({ type: 'break/skip', breakId: s.id })).toEqual({ ok: false, error: 'strict' });
    expect(await s.ask({ type: 'break/finish', breakId: s.id, outcome: 'skipped', routineId: null })).toEqual({ ok: false, error: 'strict' });
    expect(await s.ask({ type: 'break/snooze', breakId: s.id })).toMatchObject({ ok: true });
    strict.clock.now += 6 * MIN;
    await s.lc.dispatch({ type: 'tick' }); // prompted again
    const same = kept(strict);
    expect(await s.ask({ type: 'break/snooze', breakId: s.id, minutes: 15 })).toEqual({ ok: false, error: 'snoozeLimit' });
    same();

    const { w, a, id: manual } = await startedByHand();
    expect(await a.ask({ type: 'break/snooze', breakId: manual, minutes: 5 })).toEqual({ ok: false, error: 'noSuchBreak' });
    expect(w.stored().state!.phase.name).toBe('onBreak');
  });

  it('a request that fails inside the background is answered "internal", never left as a rejected promise', async () => {
    const w = world();
    const a = worker(w);
    await a.wake();
    const failing = vi.spyOn(w.store, 'settings').mockRejectedValue(new Error('storage unavailable'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const m of [{ type: 'status/get' }, { type: 'popup/get' }, { type: 'break/start' }, { type: 'pause/set', choice: '1h' }, { type: 'break/session', breakId: 'manual-1' }]) {
      await expect(a.ask(m), m.type).resolves.toEqual({ ok: false, error: 'internal' });
    }
    // And the queue goes on: the next request is answered.
    failing.mockRestore();
    await expect(a.ask({ type: 'status/get' })).resolves.toMatchObject({ ok: true });
  });

  it('a Start while reminders are paused or outside working hours starts a break ("starts a break at any time"); pause and resume answer what they did', async () => {
    const w = world({ ...SETTINGS, schedule: { ...DEFAULT_SETTINGS.schedule, enabled: true } });
    const a = worker(w);
    w.clock.now = Date.UTC(2026, 2, 2, 21, 0); // Monday 22:00 in Berlin: after the default hours
    await a.wake();
    expect(w.stored().state!.offHours).toBe(true);
    expect(await a.ask({ type: 'break/start' })).toMatchObject({ ok: true });
    expect(w.stored().state!.phase.name).toBe('onBreak');
    expect(await a.ask({ type: 'pause/set', choice: 'indefinite' })).toEqual({ ok: true, data: { until: null } });
    expect(w.stored().state!.phase.name).toBe('onBreak'); // a break under way goes on through a pause
    expect(await a.ask({ type: 'pause/resume' })).toEqual({ ok: true, data: { resumed: true } });
    expect(await a.ask({ type: 'pause/resume' })).toEqual({ ok: true, data: { resumed: true } });
    expect(w.stored().state!.paused).toBeNull();
  });
});
