/**
 * Alarms: one for the next moment that matters (created with `when`, recreated only if missing
 * or wrong, so a wake never postpones it), and a watchdog that only wakes the worker to notice
 * sleep and reconcile, one period after the machine was last heard from (so any other event puts
 * it back). The watchdog period stays >= 30 s so packed builds are not clamped.
 */
import { browser } from 'wxt/browser';
import { WATCHDOG_MS } from '../tracker/tracker';

export const NEXT_ALARM = 'limber-next';
export const WATCHDOG_ALARM = 'limber-watchdog';
/** How far an existing alarm may be from the wanted time before it is recreated. */
const TOLERANCE_MS = 1000;

/** Packed Chrome builds clamp alarms to 30 s: never ask for less (but see `minDelayMs`). */
export const MIN_ALARM_MS = 30_000;

/**
 * `minDelayMs`: how soon a new alarm may fire. MIN_ALARM_MS for real settings; only the developer
 * switch's sub-minute timing (lib/dev-timing.ts) goes lower.
 *
 * The alarm repeats every `minDelayMs` after its time until it is set anew. Handling it sets it
 * anew (for the next moment that matters, or clears it), so normally it fires once; but a worker
 * stopped at any instant while it handles the alarm (a crash, a killed process) has not used it
 * up: it fires again moments later and the start's catch-up does the work. There is no instant
 * at which the next break has no alarm (a one-shot alarm is gone the moment it fires).
 */
export async function reconcileNextAlarm(when: number | null, now: number, minDelayMs = MIN_ALARM_MS): Promise<void> {
  const existing = await browser.alarms.get(NEXT_ALARM);
  if (when === null) {
    if (existing) await browser.alarms.clear(NEXT_ALARM);
    return;
  }
  // An existing alarm at the wanted time stays (recreating it on every wake would postpone it).
  if (existing && Math.abs(existing.scheduledTime - when) <= TOLERANCE_MS) return;
  const at = Math.max(when, now + minDelayMs);
  if (existing && Math.abs(existing.scheduledTime - at) <= TOLERANCE_MS) return;
  // Closer than the floor: one already due between the wanted time and the floor is kept (made
  // again, it would come later: each event inside the floor would postpone it).
  if (existing && at > when && existing.scheduledTime >= when && existing.scheduledTime <= at) return;
  await browser.alarms.create(NEXT_ALARM, { when: at, periodInMinutes: Math.max(minDelayMs, 1000) / 60_000 });
}

/**
 * The watchdog at `at` (lib/tracker watchdogAt: one period after the machine was last heard
 * from), or none. Made again whenever `at` moved, which also covers a clock set back since it
 * was made (alarms keep wall-clock times: it would otherwise stay silent for hours). It repeats
 * every period, so a worker stopped while handling it is woken again. When `at` is closer than
 * the 30 s floor, one due no later than the floor allows is kept: made again, it would come
 * later than `at` (an event that does not move `at`, a status read, must never postpone it).
 */
export async function reconcileWatchdog(at: number | null, now: number): Promise<void> {
  const existing = await browser.alarms.get(WATCHDOG_ALARM);
  if (at === null) {
    if (existing) await browser.alarms.clear(WATCHDOG_ALARM);
    return;
  }
  const when = Math.max(at, now + MIN_ALARM_MS);
  if (existing && Math.abs(existing.scheduledTime - when) <= TOLERANCE_MS) return;
  if (existing && when > at && existing.scheduledTime <= when) return;
  await browser.alarms.create(WATCHDOG_ALARM, { when, periodInMinutes: WATCHDOG_MS / 60_000 });
}
