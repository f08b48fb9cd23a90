/**
 * Fake ports for a worker stopped at any instant (lib/engine/stopped-worker.test.ts): one shared store
 * (it survives a stop), the browser's shared parts (notifications, session storage, break
 * windows), and a platform per worker life.
 */
import { vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import type { PendingRecord } from '../lib/storage/items';
import type { StatusSnapshot } from '../lib/storage/status-cache';
import type { BreakRecord, TrackerState } from '../lib/tracker/tracker';
import type { Platform, Store } from '../lib/engine/ports';
import { lifecycle } from '../lib/engine/lifecycle';
import { createRuntime } from '../lib/engine/runtime';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const MIN = 60_000;
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };

export function world(settings: Settings = SETTINGS) {
  const log: string[] = [];
  const clock = { now: T0 };
  let stored: { state: TrackerState | null; outbox: PendingRecord[] } = { state: null, outbox: [] };
  let snapshot: StatusSnapshot | null = null;
  /** The history as lib/storage/history.ts keeps it: one row per id, the first write stands. */
  const history = new Map<string, BreakRecord>();
  const notifications = new Set<string>();
  const session = { shown: null as string | null };
  /** The breaks whose window is open. */
  const windows = new Set<string>();
  const failSave = { n: 0, always: false };
  const store: Store = {
    settings: async () => settings,
    loadTracker: async () => structuredClone(stored),
    saveTracker: async (state, outbox) => {
      if (failSave.always || failSave.n > 0) {
        failSave.n = Math.max(0, failSave.n - 1);
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      log.push(`save ${state.phase.name} outbox=${outbox.length}`);
      stored = { state: structuredClone(state), outbox: [...outbox] };
    },
    recordBreak: async (entry) => {
      log.push(`record ${entry.id} ${entry.outcome}`);
      if (!history.has(entry.id)) history.set(entry.id, structuredClone(entry));
    },
    summary: async () => null,
    readSnapshot: async () => snapshot,
    writeSnapshot: async (s) => void (snapshot = s),
    firstWelcome: async () => true,
    noteUpdate: async () => undefined,
  };
  /** A platform for one worker's life (notifications and session storage are the browser's: shared). */
  const platform = (): Platform => ({
    now: () => clock.now,
    timeZone: () => 'Europe/Berlin',
    focusedWindow: async () => ({ fullscreen: false, sound: false, tab: 1 }),
    callAudible: async () => false,
    configureIdle: async () => undefined,
    queryActivity: async () => 'active',
    showPrompt: vi.fn(async (brk) => {
      log.push(`showPrompt ${brk.id}`);
      notifications.add(brk.id);
      session.shown = brk.id;
      return true;
    }),
    promptShowing: async (brk) => notifications.has(brk.id),
    promptOnScreen: async (id) => notifications.has(id),
    promptShownThisSession: async (id) => session.shown === id,
    // As lib/platform/notify.ts: taken away by Limber, a prompt shown again is a new showing.
    clearPrompt: async (id) => {
      log.push(`clearPrompt ${id}`);
      notifications.delete(id);
      if (session.shown === id) session.shown = null;
    },
    showNotice: async (n) => void log.push(`notice ${n}`),
    clearNotice: async () => void log.push('clearNotice'),
    showHeadsUp: async () => undefined,
    clearHeadsUp: async () => undefined,
    openBreakWindow: vi.fn(async (id: string) => {
      log.push(`openBreakWindow ${id}`);
      windows.add(id);
    }),
    breakWindowState: async (id) => (windows.has(id) ? 'open' : 'none'),
    breakWindowFinished: async (id) => void log.push(`breakWindowFinished ${id}`),
    breakWindowClosed: async () => null,
    breakWindowDismissed: async () => undefined,
    reconcileNextAlarm: async (when) => void log.push(`alarm ${when === null ? 'none' : when - clock.now}`),
    reconcileWatchdog: async () => undefined,
    setBadge: async () => undefined,
    openTab: async () => undefined,
  });
  return { log, clock, store, platform, history, notifications, session, windows, failSave, stored: () => stored, snapshot: () => snapshot };
}

/** Lets queued microtasks and short timers run. */
export const settle = () => new Promise((r) => setTimeout(r, 20));

/** Desk time up to just before the stretch break falls due (T0 + 50 min): a tick every 4 minutes, as the watchdog would. */
export async function workUntilDue(w: { clock: { now: number } }, worker: { wake(): Promise<void>; dispatch(e: { type: 'tick' }): Promise<unknown> }): Promise<void> {
  await worker.wake();
  for (let t = 4; t < 50; t += 4) {
    w.clock.now = T0 + t * MIN;
    await worker.dispatch({ type: 'tick' });
  }
}

/** A new worker after a stop: its start, then the alarm firing again 30 s later (it repeats until handled). */
export async function nextWorker(w: ReturnType<typeof world>): Promise<{ platform: ReturnType<ReturnType<typeof world>['platform']>; worker: ReturnType<typeof lifecycle> }> {
  const platform = w.platform();
  const worker = lifecycle(createRuntime(platform, w.store));
  await worker.wake();
  w.clock.now += 30_000;
  await worker.dispatch({ type: 'tick' });
  return { platform, worker };
}

/** A worker that has worked up to the stretch break and prompted it (T0 + 50 min): its platform, itself, and the break's id. */
export async function promptedWorker(w: ReturnType<typeof world>): Promise<{ platform: ReturnType<ReturnType<typeof world>['platform']>; worker: ReturnType<typeof lifecycle>; id: string }> {
  const platform = w.platform();
  const worker = lifecycle(createRuntime(platform, w.store));
  await workUntilDue(w, worker);
  w.clock.now = T0 + 50 * MIN;
  await worker.dispatch({ type: 'tick' });
  return { platform, worker, id: `stretch-${T0 + 50 * MIN}` };
}
