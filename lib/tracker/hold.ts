/**
 * Holds: a due break waits while the user is "in" something (a fullscreen window, sound in the
 * tab in view, a call on a site they allowed), at most `settings.hold.maxMin` from when the hold
 * began; once the hold ends, the prompt comes HOLD_SETTLE_MS later, not in the first second. An
 * open prompt's reminder is held the same way from its moment (transition.ts tick).
 */
import type { Settings } from '../settings';
import { holdSettleMs, type Env, type HoldReason, type TrackerState } from './state';

/** What holds a due break in this env, if holding is on (a call first, then fullscreen, then sound). */
export function holdReason(env: Env, settings: Settings): HoldReason | null {
  if (!settings.hold.enabled) return null;
  if (env.call) return 'call';
  if (env.fullscreen) return 'fullscreen';
  if (env.sound) return 'sound';
  return null;
}

/** The latest instant a held break waits until (the bound, or the settle if sooner); null if not held. */
export function holdUntil(s: TrackerState, settings: Settings): number | null {
  if (s.deferredSince === null) return null;
  const bound = s.deferredSince + settings.hold.maxMin * 60_000;
  return s.settleAt === null ? bound : Math.min(bound, s.settleAt);
}

/**
 * A due break at `now`: the state while it waits, or null when it is to be prompted now (or, while
 * it waits for a pause in input, when nothing holds it: moment.ts decides). A break waiting for a
 * pause that something now holds (the person switched to a call, made a video fullscreen) is held
 * as from when it fell due, not prompted at that "pause" in the call.
 */
export function holdDue(s: TrackerState, now: number, settings: Settings, env: Env): TrackerState | null {
  const reason = holdReason(env, settings);
  if (s.pauseFrom !== null) {
    if (reason === null) return null;
    s = { ...s, deferredSince: s.deferredSince ?? s.pauseFrom, pauseFrom: null, pauseTab: null };
  }
  if (reason === null && s.deferredSince === null) return null;
  const since = s.deferredSince ?? now;
  // The bound: a call that never ends still gets its break.
  if (!settings.hold.enabled || now >= since + settings.hold.maxMin * 60_000) return null;
  if (reason !== null) return { ...s, deferredSince: since, heldBy: reason, settleAt: null };
  const settleAt = s.settleAt ?? now + holdSettleMs(settings);
  return now < settleAt ? { ...s, deferredSince: since, heldBy: null, settleAt } : null;
}
