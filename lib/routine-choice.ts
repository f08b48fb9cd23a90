/**
 * The break page's choice of routine for a break (the background keeps the choice, not the
 * library: the worker does not carry the routines). Deterministic for a break: every window of
 * the same break, and a reload, picks the same routine from the same history and settings.
 * It picks among the library's routines and the user's own (lib/storage/own-routines.ts).
 */
import { pickPrefsFor, pickRoutine, withoutScreened } from '../content/picker';
import { breakKindOf, type Routine } from '../content/types';
import { loadHealthAnswer } from './storage/health';
import { healthScreenPutOff } from './storage/health-later';
import { recentRoutines } from './storage/history';
import { loadSettings, retrySettingsSync } from './storage/settings-items';
import { loadRoutineLibrary } from './storage/own-routines';
import { loadOwnRoutines, retryOwnSync } from './storage/own-routines-synced';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A routine for this break: fitting the settings, the break's length and the safety answer, not
 * one done lately (the history back to a whole round of the break's kind), and not `avoid` (the one "Another routine"
 * replaces, or every one passed over in the window, latest first: none comes back before the
 * rest have had their turn). `unscreened`: none that needs the safety screen: it was put off with "Not now"
 * in this window (entrypoints/break/App.tsx asks so only then, or after "One of these applies"). While the
 * screen is unanswered, that puts it off until the next day (lib/storage/health-later.ts): until then
 * every break's choice leaves those routines out, so the screen does not come at each stretch break.
 * `screenNow`: neither (the person asks for the screen now, from the free break those left it at).
 */
export async function chooseRoutine(kind: 'micro' | 'stretch', breakId: string, avoid: string | readonly string[] | null, opts: { unscreened?: boolean; screenNow?: boolean } = {}): Promise<Routine | undefined> {
  // Settings and own routines an earlier save left off sync (a passing quota error) go there
  // now, not only when the options page next opens: until then this computer would ignore the
  // other computers' changes, and then replace them with its older ones.
  await Promise.allSettled([retrySettingsSync(), retryOwnSync()]);
  // Own routines synced from another computer are checked and taken over first, so the choice sees them.
  await loadOwnRoutines().catch(() => undefined);
  // The history back to as many routines of this kind as the library holds (a whole round of them),
  // with the other kind's between: not a fixed count of both kinds, which posture checks filled.
  const library = await loadRoutineLibrary();
  const round = library.filter((r) => breakKindOf(r) === kind).length;
  const [settings, health, recent] = await Promise.all([loadSettings(), loadHealthAnswer(), recentRoutines(round, kind).catch(() => [] as string[])]);
  // "Not now" while the screen is unanswered puts it off until the next day, for every break until then.
  const unscreened = !opts.screenNow && ((health === 'ask' && (await healthScreenPutOff(opts.unscreened).catch(() => false))) || opts.unscreened);
  const avoided = ([] as string[]).concat(avoid ?? []);
  const prefs = pickPrefsFor(settings.routines, health, settings[kind].lengthSec);
  return pickRoutine(library, kind, unscreened ? withoutScreened(prefs) : prefs, [...avoided, ...recent], hash(breakId + avoided.join('')));
}
