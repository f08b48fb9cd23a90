/**
 * The runtime with fake ports (no browser, no storage): what it does with each event, in what
 * order, and what it does when a port fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { PendingRecord } from '../storage/items';
import type { StatusSnapshot } from '../storage/status-cache';
import type { TrackerState } from '../tracker/tracker';
import type { Platform, Store } from './ports';
import { callPatterns } from '../call-sites';
import { lifecycle } from './lifecycle';
import { createRuntime } from './runtime';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };

function fakes(opts: { record?: () => Promise<void>; save?: () => Promise<void>; showPrompt?: () => Promise<boolean>; sound?: boolean; settings?: Settings } = {}) {
  const log: string[] = [];
  let now = T0;
  let stored: { state: TrackerState | null; outbox: PendingRecord[] } = { state: null, outbox: [] };
  let snapshot: StatusSnapshot | null = null;
  const platform: Platform = {
    now: () => now,
    timeZone: () => 'Europe/Berlin',
    focusedWindow: vi.fn(async () => ({ fullscreen: false, sound: opts.sound === true, tab: 1 })),
    callAudible: vi.fn(async () => false),
    configureIdle: async (sec) => void log.push(`configureIdle ${sec}`),
    queryActivity: async () => 'active',
    showPrompt: vi.fn(opts.showPrompt ?? (async () => (log.push('showPrompt'), true))),
    promptShowing: async () => false,
    promptOnScreen: async () => false,
    promptShownThisSession: async () => false,
    clearPrompt: async (id) => void log.push(`clearPrompt ${id}`),
    showNotice: async (n) => void log.push(`notice ${n}`),
    clearNotice: async () => undefined,
    showHeadsUp: async (h, postpone) => void log.push(`headsUp ${h.dueAt - now} ${postpone}`),
    clearHeadsUp: async (id) => void log.push(`clearHeadsUp ${id}`),
    openBreakWindow: vi.fn(async (id: string) => void log.push(`openBreakWindow ${id}`)),
    breakWindowFinished: async (id) => void log.push(`breakWindowFinished ${id}`),
    breakWindowState: async () => 'none' as const,
    breakWindowClosed: async () => null,
    breakWindowDismissed: async () => undefined,
    reconcileNextAlarm: async (when) => void log.push(`alarm ${when === null ? 'none' : when - now}`),
    reconcileWatchdog: async () => undefined,
    setBadge: async () => undefined,
    openTab: async (p) => void log.push(`tab ${p}`),
  };
  const store: Store = {
    settings: async () => opts.settings ?? SETTINGS,
    loadTracker: async () => structuredClone(stored),
    saveTracker: async (state, outbox) => {
      await opts.save?.();
      log.push(`save outbox=${outbox.length}`);
      stored = { state: structuredClone(state), outbox: [...outbox] };
    },
    recordBreak: async (entry) => {
      await opts.record?.();
      log.push(`record ${entry.outcome}`);
    },
    summary: async () => null,
    readSnapshot: async () => snapshot,
    writeSnapshot: async (s) => void (snapshot = s),
    firstWelcome: async () => true,
    noteUpdate: async () => undefined,
  };
  return { platform, store, log, stored: () => stored, advance: (ms: number) => (now += ms), now: () => now };
}

/** Moves the clock on by `ms` as a running browser would: the watchdog ticks every few minutes. */
async function workFor(f: ReturnType<typeof fakes>, rt: ReturnType<typeof createRuntime>, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 4 * 60_000) {
    f.advance(Math.min(left, 4 * 60_000));
    await rt.serial(() => rt.handle({ type: 'tick' }));
  }
}

describe('the engine runtime (fake ports)', () => {
  it('prompts when a break falls due, with the next alarm set from the configured interval', async () => {
    const f = fakes();
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    expect(f.log).toContain(`alarm ${SETTINGS.stretch.everySec * 1000}`);
    f.log.length = 0;
    await workFor(f, rt, SETTINGS.stretch.everySec * 1000 - 60_000);
    expect(f.stored().state!.phase.name).toBe('working');
    expect(f.log).not.toContain('showPrompt');
    await workFor(f, rt, 60_000);
    expect(f.stored().state!.phase.name).toBe('due');
    expect(f.log.indexOf('save outbox=0')).toBeLessThan(f.log.indexOf('showPrompt'));
  });

  it('asks what the user is in only when a break is due or held, and holds it while the tab in view plays sound', async () => {
    const f = fakes({ sound: true });
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    await workFor(f, rt, SETTINGS.stretch.everySec * 1000 - 60_000);
    expect(f.platform.focusedWindow).not.toHaveBeenCalled();
    await workFor(f, rt, 60_000);
    expect(f.platform.focusedWindow).toHaveBeenCalled();
    expect(f.log).not.toContain('showPrompt');
    expect(f.stored().state).toMatchObject({ phase: { name: 'working' }, heldBy: 'sound' });
    // At the bound (the configured minutes), the break comes anyway.
    await workFor(f, rt, SETTINGS.hold.maxMin * 60_000);
    expect(f.log).toContain('showPrompt');
  });

  it('writes a finished break before saving the state, and ends the break window', async () => {
    const f = fakes();
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'start' }));
    const id = f.stored().state!.phase.name === 'onBreak' ? (f.stored().state!.phase as { brk: { id: string } }).brk.id : '';
    f.log.length = 0;
    f.advance(60_000);
    await rt.serial(() => rt.handle({ type: 'finish', breakId: id, outcome: 'completed' }));
    expect(f.log.slice(0, 3)).toEqual(['record completed', 'save outbox=0', `breakWindowFinished ${id}`]);
  });

  it('a record that cannot be written waits in the outbox, saved with the state, and is written by a later event', async () => {
    let failing = true;
    const f = fakes({ record: async () => void (failing && (() => { throw new Error('disk full'); })()) });
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'start' }));
    const p = f.stored().state!.phase as { brk: { id: string } };
    await rt.serial(() => rt.handle({ type: 'finish', breakId: p.brk.id, outcome: 'completed' }));
    expect(f.stored().outbox).toHaveLength(1);
    failing = false;
    f.advance(60_000);
    await rt.serial(() => rt.handle({ type: 'tick' }));
    expect(f.stored().outbox).toHaveLength(0);
    expect(f.log.filter((l) => l === 'record completed')).toHaveLength(1);
  });

  it('a state that cannot be saved still prompts and sets the alarm', async () => {
    const f = fakes({ save: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    const rt = createRuntime(f.platform, f.store);
    f.advance(1);
    await rt.serial(() => rt.handle({ type: 'start' }));
    expect(f.log.some((l) => l.startsWith('openBreakWindow'))).toBe(true);
  });

  it('a notification that cannot be shown opens the break window instead', async () => {
    const f = fakes({ showPrompt: async () => false });
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    await workFor(f, rt, SETTINGS.stretch.everySec * 1000);
    expect(f.platform.openBreakWindow).toHaveBeenCalledWith(expect.stringMatching(/^stretch-/));
  });

  it('handles events one at a time, in arrival order', async () => {
    const f = fakes();
    const rt = createRuntime(f.platform, f.store);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => rt.serial(async () => {
      await new Promise((r) => setTimeout(r, 5 - n));
      order.push(n);
    })));
    expect(order).toEqual([1, 2, 3]);
  });

  it('sitting still: asks what plays at the idle report (holds off too) and at every event while still', async () => {
    let sound = true;
    const f = fakes({ settings: { ...SETTINGS, hold: { enabled: false, maxMin: 30 } } });
    f.platform.focusedWindow = vi.fn(async () => ({ fullscreen: false, sound, tab: 1 }));
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    expect(f.platform.focusedWindow).not.toHaveBeenCalled();
    f.advance(60_000);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'idle' }));
    expect(f.platform.focusedWindow).toHaveBeenCalledTimes(1);
    expect(f.stored().state).toMatchObject({ activity: 'active', still: true });
    sound = false;
    f.advance(4 * 60_000);
    await rt.serial(() => rt.handle({ type: 'tick' }));
    expect(f.platform.focusedWindow).toHaveBeenCalledTimes(2);
    expect(f.stored().state).toMatchObject({ activity: 'idle', still: false, awaySince: T0 + 5 * 60_000 });
  });

  it('a natural stopping point: the idle interval is lowered while a break waits for a pause, from the state (also after a restart)', async () => {
    const settings: Settings = { ...SETTINGS, idleSec: 90, pauseWaitMin: 2 };
    const f = fakes({ settings });
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    await workFor(f, rt, settings.stretch.everySec * 1000);
    expect(f.log).not.toContain('showPrompt');
    const lastIdle = () => f.log.filter((l) => l.startsWith('configureIdle')).at(-1);
    expect(lastIdle()).toBe('configureIdle 15');
    // The worker restarts: the lowered interval comes from the stored state.
    f.log.length = 0;
    const again = lifecycle(createRuntime(f.platform, f.store));
    await again.wake();
    expect(f.log.filter((l) => l.startsWith('configureIdle'))).toEqual(['configureIdle 15', 'configureIdle 15']);
    // The pause: the browser's idle report at 15 s brings the prompt.
    f.advance(20_000);
    await again.dispatch({ type: 'activity', state: 'idle' });
    expect(f.log).toContain('showPrompt');
    f.advance(10_000);
    await again.dispatch({ type: 'activity', state: 'active' });
    expect(lastIdle()).toBe('configureIdle 90');
  });

  it('a natural stopping point: a tab switch, seen at the next look, ends the wait (holds off: the wait alone asks)', async () => {
    const settings: Settings = { ...SETTINGS, idleSec: 90, pauseWaitMin: 2, hold: { enabled: false, maxMin: 30 } };
    let tab: number | null = 7;
    const f = fakes({ settings });
    f.platform.focusedWindow = vi.fn(async () => ({ fullscreen: false, sound: false, tab }));
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    await workFor(f, rt, settings.stretch.everySec * 1000);
    const dueAt = f.now();
    expect(f.stored().state).toMatchObject({ pauseFrom: dueAt, pauseTab: 7 });
    // The next wake is the look a minute on, not the bound two minutes on.
    expect(f.log.filter((l) => l.startsWith('alarm')).at(-1)).toBe('alarm 60000');
    // Same tab at the look: the wait goes on, to the bound.
    f.advance(60_000);
    await rt.serial(() => rt.handle({ type: 'tick' }));
    expect(f.log).not.toContain('showPrompt');
    expect(f.log.filter((l) => l.startsWith('alarm')).at(-1)).toBe('alarm 60000');
    // Another tab in view (the person switched) before the bound: the prompt comes at that look.
    tab = 9;
    f.advance(30_000);
    await rt.serial(() => rt.handle({ type: 'tick' }));
    expect(f.log).toContain('showPrompt');
    expect(f.stored().state).toMatchObject({ phase: { name: 'due' }, pauseFrom: null, pauseTab: null });
  });

  it('calls (opt-in): asks only about the chosen sites\' patterns, only at a decision moment, and holds the break', async () => {
    const own = { ...SETTINGS, callSites: { enabled: true, own: ['talk.example.org'] } };
    for (const settings of [SETTINGS, own]) {
      const f = fakes({ settings });
      f.platform.callAudible = vi.fn(async () => true);
      const rt = createRuntime(f.platform, f.store);
      await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
      await workFor(f, rt, settings.stretch.everySec * 1000 - 60_000);
      expect(f.platform.callAudible).not.toHaveBeenCalled();
      await workFor(f, rt, 60_000);
      if (settings.callSites.enabled) {
        expect(f.platform.callAudible).toHaveBeenCalledWith(callPatterns(own.callSites));
        expect(f.stored().state).toMatchObject({ phase: { name: 'working' }, heldBy: 'call' });
      } else {
        expect(f.platform.callAudible).not.toHaveBeenCalled();
        expect(f.stored().state!.phase.name).toBe('due');
      }
    }
  });
});

describe('a postponed break through the runtime (fake ports)', () => {
  it('in a call when its postpone ends: the browser is asked, the break is held, no prompt', async () => {
    const settings = { ...SETTINGS, callSites: { enabled: true, own: ['talk.example.org'] } };
    const f = fakes({ settings });
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    await workFor(f, rt, settings.stretch.everySec * 1000);
    const id = `stretch-${T0 + settings.stretch.everySec * 1000}`;
    expect(f.stored().state!.phase.name).toBe('due');
    await rt.serial(() => rt.handle({ type: 'snooze', breakId: id, minutes: 15 }));
    f.platform.callAudible = vi.fn(async () => true); // joined a call meanwhile
    vi.mocked(f.platform.showPrompt).mockClear();
    await workFor(f, rt, 16 * 60_000);
    expect(f.platform.callAudible).toHaveBeenCalled();
    expect(f.platform.showPrompt).not.toHaveBeenCalled();
    expect(f.stored().state).toMatchObject({ phase: { name: 'snoozed' }, heldBy: 'call' });
  });
});

describe('the heads-up through the runtime (fake ports)', () => {
  const HEADS_UP: Settings = { ...SETTINGS, headsUpSec: 60 };
  const every = SETTINGS.stretch.everySec * 1000;

  it('wakes a minute before the break, shows the notice (with Postpone), and clears it when the prompt comes', async () => {
    const f = fakes({ settings: HEADS_UP });
    const rt = createRuntime(f.platform, f.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    expect(f.log).toContain(`alarm ${every - 60_000}`);
    await workFor(f, rt, every - 60_000);
    expect(f.log).toContain('headsUp 60000 true');
    expect(f.log).not.toContain('showPrompt');
    // Then the alarm for the break itself, a minute on.
    expect(f.log.filter((x) => x.startsWith('alarm')).at(-1)).toBe('alarm 60000');
    f.log.length = 0;
    await workFor(f, rt, 60_000);
    const id = `stretch-${T0 + every}`;
    expect(f.log).toContain(`clearHeadsUp ${id}`);
    expect(f.log).toContain('showPrompt');
  });

  it('asks what the user is in at its moment: no heads-up for a break that would be held; none with notifications off', async () => {
    const held = fakes({ settings: HEADS_UP, sound: true });
    const rt = createRuntime(held.platform, held.store);
    await rt.serial(() => rt.handle({ type: 'activity', state: 'active' }));
    await workFor(held, rt, every - 60_000);
    expect(held.platform.focusedWindow).toHaveBeenCalled();
    expect(held.log.some((x) => x.startsWith('headsUp'))).toBe(false);

    const quiet = fakes({ settings: { ...HEADS_UP, prompts: { notification: false, openWindow: true } } });
    const rt2 = createRuntime(quiet.platform, quiet.store);
    await rt2.serial(() => rt2.handle({ type: 'activity', state: 'active' }));
    await workFor(quiet, rt2, every - 60_000);
    expect(quiet.stored().state!.headsUp).toBeNull(); // none at all: it is a notification (lib/tracker/due.ts headsUpAt)
    expect(quiet.log.some((x) => x.startsWith('headsUp'))).toBe(false);
  });
});
