/**
 * Migrations of the stored tracker state: version 1 -> 2 -> 3 -> 4 -> 5 -> 6 -> 7 (the current one). Storage
 * (lib/storage/items.ts) runs them on a state stored by an older Limber.
 */
import { TRACKER_VERSION, type TrackerState } from './state';

/** Version 6's state (before a tab switch ended a wait for a pause). */
export type V6 = Omit<TrackerState, 'v' | 'pauseTab'> & { v: 6 };

/** Version 5's state (before the heads-up). */
export type V5 = Omit<V6, 'v' | 'headsUp'> & { v: 5 };

/** Version 4's state (before sitting still and waiting for a pause in input). */
export type V4 = Omit<V5, 'v' | 'still' | 'pauseFrom' | 'lowIdleAt'> & { v: 4 };

/** Version 3's state (before holds other than fullscreen and the settle). */
export type V3 = Omit<V4, 'v' | 'heldBy' | 'settleAt'> & { v: 3 };

type V2 = Omit<V3, 'v' | 'today' | 'lastDueAt'> & { v: 2; today: { end: number; deskMs: number; limitNotified: boolean } };
/** Version 1's state (before pauses, working hours, today's count, deferral and manual ids). */
type V1 = Omit<V2, 'v' | 'paused' | 'offHours' | 'today' | 'deferredSince' | 'lastManualAt'> & { v: 1 };

/** Brings a stored state of an older version up to date (storage migrations call these). */
export function migrateV1(old: V1): V2 {
  return { ...old, v: 2, paused: null, offHours: false, today: { end: old.asOf, deskMs: 0, limitNotified: false }, deferredSince: null, lastManualAt: null };
}

/**
 * v3 stores the start of today and its zone (v2 assumed 24-hour days). The start is an estimate
 * and the zone unknown (''), so the next event sets both for the zone then in force, keeping
 * today's count (see dayAt).
 */
export function migrateV2(old: V2): V3 {
  const start = Math.min(old.asOf, old.today.end - 86_400_000);
  const { limitNotified, ...rest } = old.today;
  return { ...old, v: 3, lastDueAt: null, today: { ...rest, start, tz: '', notifiedAt: limitNotified ? Math.min(old.asOf, old.today.end - 1) : null } };
}

/** v4: holds have a reason and a settle; a fullscreen hold in progress carries on as one. */
export function migrateV3(old: V3): V4 {
  return { ...old, v: 4, heldBy: old.deferredSince === null ? null : 'fullscreen', settleAt: null };
}

/** v5: sitting still and the wait for a pause in input; neither is under way in an older state. */
export function migrateV4(old: V4): V5 {
  return { ...old, v: 5, still: false, pauseFrom: null, lowIdleAt: null };
}

/** v6: the heads-up before a stretch break; none was shown by an older state. */
export function migrateV5(old: V5): V6 {
  return { ...old, v: 6, headsUp: null };
}

/** v7: the tab in view while a break waits for a pause; a wait under way has none noted, so it ends by a pause or its bound, as before. */
export function migrateV6(old: V6): TrackerState {
  return { ...old, v: TRACKER_VERSION, pauseTab: null };
}

const num = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);

/**
 * Whether a stored state of the current version has what every transition reads (the clock
 * marks, the counters, the activity, today's bounds, the phase and its break). One that has not
 * (a hand edit, a bug in an older version, a disk error) is not used: the tracker starts afresh
 * rather than fail every event from then on.
 */
export function readableState(s: Partial<Record<keyof TrackerState, unknown>>): boolean {
  const desk = s.desk as Record<string, unknown> | undefined;
  const today = s.today as Record<string, unknown> | undefined;
  const p = s.phase as { name?: unknown; brk?: { id?: unknown; kind?: unknown; dueAt?: unknown } } | undefined;
  const paused = s.paused as { since?: unknown } | null | undefined;
  return (
    s.v === TRACKER_VERSION &&
    [s.asOf, s.lastSeen, s.activeSince, desk?.micro, desk?.stretch, today?.start, today?.end, today?.deskMs].every(num) &&
    ['active', 'idle', 'locked'].includes(s.activity as string) &&
    (paused === null || num(paused?.since)) &&
    (p?.name === 'working' || (['due', 'snoozed', 'onBreak'].includes(p?.name as string) && typeof p?.brk?.id === 'string' && (p.brk.kind === 'micro' || p.brk.kind === 'stretch') && num(p.brk.dueAt)))
  );
}
