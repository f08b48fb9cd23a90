/**
 * When the worker asks the browser what the person is in (a fullscreen window, sound in the tab
 * in view, a call on an allowed site): only at a decision moment, never on every event and never
 * through a tab listener. Pure; the runtime (./runtime.ts) and the recorded-days bench
 * (scripts/bench/traces-model.ts) both use it, so the bench counts what the worker does.
 */
import type { Settings } from '../settings';
import { headsUpAt, nextBreak, pauseWaitOn, reminderDue, type TrackerEvent, type TrackerState } from '../tracker/tracker';

/**
 * An idle report (is the stillness a video?), any event while the person sits still in something,
 * a break falling due (counting now, or once back from away or a pause) or waiting for a pause in
 * input (which tab is in view: a switch ends the wait), and, with holds on, a break held (a hold
 * is kept while away: the return asks) or at its heads-up (also once back from away, a pause or
 * a break, or as new settings announce one out again: the heads-up never comes while a break
 * would be held); a postponed break likewise once its postpone ended, and an open prompt's
 * reminder at its moment (held too: a call joined after the prompt came).
 */
export function asksBrowser(stored: TrackerState | null, settings: Settings, now: number, event: TrackerEvent): boolean {
  if ((event.type === 'activity' && event.state === 'idle') || stored?.still === true) return true;
  if (stored === null) return false;
  // The state as this event may leave it: the person active, out of a pause (the return is a
  // decision moment too: a call may still be on). New settings may take a heads-up out back and
  // announce it again at once (transition.ts headsUpKept): a heads-up's moment then, too.
  const back: TrackerState = { ...stored, activity: 'active', paused: null, headsUp: event.type === 'settingsChanged' ? null : stored.headsUp };
  const headsUpCame = () => settings.hold.enabled && (headsUpAt({ ...back, phase: { name: 'working' } }, settings) ?? Infinity) <= now;
  // A break whose desk time is reached (or whose postpone ended) falls due now, or at this event.
  const falling = (nextBreak(back, settings)?.at ?? Infinity) <= now;
  const working = stored.phase.name === 'working';
  // A break ended (finished or skipped): back at work, past the heads-up's moment perhaps.
  if (!working && (event.type === 'finish' || event.type === 'skip')) return headsUpCame();
  // Otherwise a prompt open (but at its reminder) or a break under way asks nothing, and a
  // postponed break whose postpone ended (`falling`) is held or waits for a pause as one falling due.
  if (pauseWaitOn(settings) && (stored.pauseFrom !== null || falling)) return true;
  if (!settings.hold.enabled) return false;
  // A prompt's reminder at its moment is held as a break falling due is (transition.ts tick).
  return stored.deferredSince !== null || falling || (working && headsUpCame()) || reminderDue(stored, now);
}
