/**
 * The right moment, part two (hold.ts is part one):
 * - Sitting still is still sitting: an idle report while the person watches or listens (sound in
 *   the tab in view, a fullscreen window, a call) is not time away; desk time goes on and no
 *   natural break is credited. At every later event the env is looked at again; once nothing
 *   plays, away starts then, never retroactively. 'locked' always means away.
 * - A natural stopping point: a break due while the person is active waits (at most
 *   `settings.pauseWaitMin`) for a pause in input, marked by the browser's idle event at the
 *   lowered detection interval (LOW_IDLE_SEC), or for a tab switch, seen when the worker looks
 *   (due.ts: once a minute while it waits; no tab listener). That idle is a pause, not away: it
 *   becomes away (from when input stopped) only if it outlasts the real "away after" threshold.
 */
import type { Settings } from '../settings';
import { accrue } from './desk-time';
import { LOW_IDLE_SEC, type Env, type TrackerState } from './state';

/** The person watches or listens: an idle report then is not time away. */
export function watching(env: Env): boolean {
  return env.fullscreen || env.sound || env.call;
}

/** Whether breaks wait for a pause in input at all (lowering needs room below "away after"). */
export function pauseWaitOn(settings: Settings): boolean {
  return settings.pauseWaitMin > 0 && settings.idleSec > LOW_IDLE_SEC;
}

/** The idle detection interval the browser should use now: lowered while a pause is waited for or being judged. */
export function idleDetectionSec(s: TrackerState, settings: Settings): number {
  return (s.pauseFrom !== null || s.lowIdleAt !== null) && settings.idleSec > LOW_IDLE_SEC ? LOW_IDLE_SEC : settings.idleSec;
}

/**
 * The latest instant a break waiting for a pause is prompted. No wait follows a hold now (pauseDue);
 * a state saved mid-wait by an older version still ends by its hold's bound.
 */
export function pauseUntil(s: TrackerState, settings: Settings): number | null {
  if (s.pauseFrom === null) return null;
  const own = s.pauseFrom + settings.pauseWaitMin * 60_000;
  return s.deferredSince === null ? own : Math.min(own, s.deferredSince + settings.hold.maxMin * 60_000);
}

/** Input has paused: the idle event at the lowered interval came, or the person sits still watching. */
export function inputPaused(s: TrackerState): boolean {
  return s.lowIdleAt !== null || s.still;
}

/**
 * A tab switch while the break waits: another tab in view than the one in view when it fell due.
 * Unknown on either side (no browser window in focus, or not asked) is no switch.
 */
export function tabSwitched(s: TrackerState, env: Env): boolean {
  return s.pauseTab !== null && env.tab !== undefined && env.tab !== null && env.tab !== s.pauseTab;
}

/**
 * A break is due at `now` and no hold keeps it: the state while it waits for a pause, or null
 * when it is to be prompted now (a pause came, a tab switch, the bound is reached, a hold's bound
 * ran out, or there is nothing to wait for). Something that holds a break meanwhile (a switch to a
 * call, a video made fullscreen) makes the wait a hold instead (hold.ts holdDue, looked at first).
 * The tab in view when it falls due is noted; with
 * none (another app in focus) no switch can end this wait, and nothing looks for one (due.ts).
 */
export function pauseDue(s: TrackerState, now: number, settings: Settings, env: Env): TrackerState | null {
  if (!pauseWaitOn(settings) || inputPaused(s) || s.activity !== 'active') return null;
  if (s.pauseFrom !== null) return now < pauseUntil(s, settings)! && !tabSwitched(s, env) ? s : null;
  // After a hold, no further wait: its bound is final, and its settle (a minute to wrap up once what
  // held it ended) was the stopping point, so the break comes within a minute or two of the call's end.
  if (s.deferredSince !== null) return null;
  // Just back from a short absence (a locked screen, away for less than the break) with the break
  // due: the absence was the pause, so it comes now rather than after a new wait.
  if (s.activeSince === now) return null;
  return { ...s, pauseFrom: now, pauseTab: env.tab ?? null, heldBy: null, settleAt: null };
}

/**
 * The browser reports idle. Returns the state, or null when the ordinary rule applies (away,
 * with the idle delay taken back): watching keeps the person at the desk; at the lowered
 * interval it is a pause (nothing taken back yet).
 */
export function idleReported(s: TrackerState, now: number, env: Env, settings: Settings): TrackerState | null {
  if (s.activity !== 'active') return null;
  if (watching(env)) return { ...s, still: true };
  if (s.pauseFrom === null || settings.idleSec <= LOW_IDLE_SEC) return null;
  const awaySince = Math.max(now - LOW_IDLE_SEC * 1000, s.activeSince);
  return { ...s, activity: 'idle', awaySince: Math.min(awaySince, now), lowIdleAt: now, still: false };
}

/**
 * Back from an idle that came at the lowered interval, before it outlasted "away after": a
 * pause. The time since the idle report is desk time after all, and nothing is credited.
 */
export function pauseEnded(s: TrackerState, now: number, settings: Settings, tz: string): TrackerState | null {
  if (s.lowIdleAt === null || s.activity === 'active') return null;
  const back = accrue({ ...s, activity: 'active', asOf: Math.min(s.lowIdleAt, now) }, now, settings, tz);
  return { ...back, awaySince: null, activeSince: now, lowIdleAt: null, lastSeen: now };
}

/**
 * Catching up (advance.ts): a pause that outlasted "away after" is time away from when input
 * stopped, with the desk time since then taken back as the ordinary rule does; sitting still
 * ends when nothing plays any more: away from now, unless the event is input itself (`inputNow`,
 * the browser's idle -> active), which says the person never left: a held break then settles
 * as after any hold, not prompted in the second the person touches the keyboard.
 */
export function judgeQuiet(s: TrackerState, now: number, settings: Settings, env: Env, inputNow = false): TrackerState {
  if (s.lowIdleAt !== null && s.awaySince !== null && now >= s.awaySince + settings.idleSec * 1000) s = pauseWasAway(s);
  if (s.still && s.activity === 'active' && !watching(env)) s = inputNow ? { ...s, still: false } : { ...s, still: false, activity: 'idle', awaySince: now };
  return s;
}

/** A pause seen at the lowered interval was time away after all (it outlasted "away after", or the screen locked). */
export function pauseWasAway(s: TrackerState): TrackerState {
  if (s.lowIdleAt === null) return s;
  const over = Math.max(0, s.lowIdleAt - (s.awaySince ?? s.lowIdleAt));
  return {
    ...s,
    lowIdleAt: null,
    desk: { micro: Math.max(0, s.desk.micro - over), stretch: Math.max(0, s.desk.stretch - over) },
    today: { ...s.today, deskMs: Math.max(0, s.today.deskMs - over) },
  };
}
