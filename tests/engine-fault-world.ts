/**
 * A world for stopping the worker at every await (lib/engine/stop-every-await.test.ts): the
 * browser's parts that outlive a worker (storage.local, the history, notifications, session
 * storage, break windows, alarms that repeat until set anew) are shared; each worker life gets its
 * own ports, which can be made to stop (never resolve again) before their k-th call. Alarms fire
 * as the browser fires them, and each alarm heard after a quiet spell wakes a new worker (Chrome
 * stops an idle one after 30 s).
 */
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import type { PendingRecord } from '../lib/storage/items';
import type { StatusSnapshot } from '../lib/storage/status-cache';
import type { BreakRecord, TrackerState } from '../lib/tracker/tracker';
import type { Platform, Store } from '../lib/engine/ports';
import { lifecycle } from '../lib/engine/lifecycle';
import { messageHandler } from '../lib/engine/handlers';
import { createRuntime } from '../lib/engine/runtime';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const MIN = 60_000;
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };

const hang = () => new Promise<never>(() => undefined);
const TOLERANCE_MS = 1000;

export function faultWorld(settings: Settings = SETTINGS) {
  const clock = { now: T0 };
  let stored: { state: TrackerState | null; outbox: PendingRecord[] } = { state: null, outbox: [] };
  let snapshot: StatusSnapshot | null = null;
  /** The history as lib/storage/history.ts keeps it: one row per id, the first write stands. */
  const history = new Map<string, BreakRecord>();
  /** Every record write, in order (id and outcome). */
  const writes: string[] = [];
  const notifications = new Set<string>();
  const session: { shown: string | null; win: { windowId: number; breakId: string; finished?: boolean; dismissed?: boolean } | null } = { shown: null, win: null };
  /** Open break windows: window id -> the break it was opened for. */
  const windows = new Map<number, string>();
  let nextWindowId = 100;
  const alarms = new Map<string, { at: number; period: number }>();
  const failSave = { n: 0 };
  /** What the person saw, in order: `prompt <id> @<minutes after T0>`, `window <id> @...`. */
  const seen: string[] = [];
  const at = () => `@${Math.round((clock.now - T0) / 1000)}s`;

  const store: Store = {
    settings: async () => settings,
    loadTracker: async () => structuredClone(stored),
    saveTracker: async (state, outbox) => {
      if (failSave.n > 0) {
        failSave.n--;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      stored = { state: structuredClone(state), outbox: [...outbox] };
    },
    recordBreak: async (entry) => {
      writes.push(`${entry.id} ${entry.outcome}`);
      if (!history.has(entry.id)) history.set(entry.id, structuredClone(entry));
    },
    summary: async () => null,
    readSnapshot: async () => snapshot,
    writeSnapshot: async (s) => void (snapshot = s),
    firstWelcome: async () => true,
    noteUpdate: async () => undefined,
  };

  const platform: Platform = {
    now: () => clock.now,
    timeZone: () => 'Europe/Berlin',
    focusedWindow: async () => ({ fullscreen: false, sound: false, tab: 1 }),
    callAudible: async () => false,
    configureIdle: async () => undefined,
    queryActivity: async () => 'active',
    showPrompt: async (brk) => {
      seen.push(`prompt ${brk.id} ${at()}`);
      notifications.add(brk.id);
      session.shown = brk.id;
      return true;
    },
    promptShowing: async (brk) => notifications.has(brk.id),
    promptOnScreen: async (id) => notifications.has(id),
    promptShownThisSession: async (id) => session.shown === id,
    clearPrompt: async (id) => {
      notifications.delete(id);
      if (session.shown === id) session.shown = null;
    },
    showNotice: async () => undefined,
    clearNotice: async () => undefined,
    showHeadsUp: async () => undefined,
    clearHeadsUp: async () => undefined,
    // As lib/platform/windows.ts, with the record in session storage.
    openBreakWindow: async (breakId) => {
      const w = session.win;
      if (w && windows.has(w.windowId)) {
        if (w.breakId === breakId) return;
        session.win = null;
        windows.delete(w.windowId);
      }
      const id = nextWindowId++;
      windows.set(id, breakId);
      seen.push(`window ${breakId} ${at()}`);
      session.win = { windowId: id, breakId };
    },
    breakWindowFinished: async (breakId) => {
      if (session.win && session.win.breakId === breakId && !session.win.finished) session.win = { ...session.win, finished: true };
    },
    breakWindowState: async (breakId) => {
      const w = session.win;
      if (!w || w.breakId !== breakId) return 'none';
      if (w.dismissed) return 'dismissed';
      return windows.has(w.windowId) ? 'open' : { closed: w.windowId };
    },
    breakWindowClosed: async (windowId) => {
      const w = session.win;
      if (!w || w.windowId !== windowId) return null;
      session.win = null;
      return w.finished ? null : w.breakId;
    },
    breakWindowDismissed: async (windowId, breakId) => void (session.win = { windowId, breakId, dismissed: true }),
    // As lib/platform/alarms.ts.
    reconcileNextAlarm: async (when, now, minDelayMs) => {
      const existing = alarms.get('next');
      if (when === null) return void alarms.delete('next');
      if (existing && Math.abs(existing.at - when) <= TOLERANCE_MS) return;
      const a = Math.max(when, now + minDelayMs);
      if (existing && Math.abs(existing.at - a) <= TOLERANCE_MS) return;
      if (existing && a > when && existing.at >= when && existing.at <= a) return;
      alarms.set('next', { at: a, period: Math.max(minDelayMs, 1000) });
    },
    reconcileWatchdog: async (a, now) => {
      const existing = alarms.get('watchdog');
      if (a === null) return void alarms.delete('watchdog');
      const when = Math.max(a, now + 30_000);
      if (existing && Math.abs(existing.at - when) <= TOLERANCE_MS) return;
      if (existing && when > a && existing.at <= when) return;
      alarms.set('watchdog', { at: when, period: 5 * MIN });
    },
    setBadge: async () => undefined,
    openTab: async () => undefined,
  };

  /**
   * Ports for one worker life: they stop (never resolve) from their `stopAt`-th call on (0: the
   * first), or from the call after the first call of the port named `stopAt`.
   */
  const ports = (stopAt: number | string = Infinity) => {
    let calls = 0;
    let stopped = false;
    const names: string[] = [];
    const wrap = <T extends object>(o: T, sync: string[]): T => {
      const out = {} as Record<string, unknown>;
      for (const [k, f] of Object.entries(o)) {
        out[k] = sync.includes(k)
          ? f
          : (...args: unknown[]) => {
              if (stopped || (typeof stopAt === 'number' && calls >= stopAt)) return hang();
              calls++;
              names.push(k);
              if (k === stopAt) stopped = true;
              return (f as (...a: unknown[]) => unknown)(...args);
            };
      }
      return out as T;
    };
    return { platform: wrap(platform, ['now', 'timeZone']), store: wrap(store, []), calls: () => calls, names };
  };

  const worker = (stopAt: number | string = Infinity) => {
    const p = ports(stopAt);
    const rt = createRuntime(p.platform, p.store);
    return { ...p, rt, life: lifecycle(rt), message: messageHandler(rt) };
  };

  /**
   * The browser fires its next alarm (the clock moves on to it, not back), heard by a new worker:
   * its start, then the tick. Returns false when no alarm is set before `until`.
   */
  const fireNext = async (until: number): Promise<boolean> => {
    const next = [...alarms.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (!next || next[1].at > until) return false;
    const [name, a] = next;
    clock.now = Math.max(clock.now, a.at);
    alarms.set(name, { ...a, at: a.at + a.period });
    const w = worker();
    await w.life.wake();
    await w.life.dispatch({ type: 'tick' });
    return true;
  };

  /** A break that is due is in front of the person: its notification, or its window. */
  const promptVisible = (): boolean => {
    const p = stored.state?.phase;
    if (!p || p.name !== 'due') return true;
    const w = session.win;
    return notifications.has(p.brk.id) || (w !== null && w.breakId === p.brk.id && windows.has(w.windowId));
  };

  return { clock, store, platform, history, writes, notifications, session, windows, alarms, failSave, seen, worker, fireNext, promptVisible, stored: () => stored };
}
