/**
 * The break page's choice of routine for a break (the background keeps the choice, not the
 * library: the worker does not carry the routines). Deterministic for a break: every window of
 * the same break, and a reload, picks the same routine from the same history and settings.
 * It picks among the library's routines and the user's own (lib/storage/own-routines.ts).
 */
import { pickPrefsFor, pickRoutine } from '../content/picker';
import type { Routine } from '../content/types';
import { loadHealthAnswer } from './storage/health';
import { recentRoutines } from './storage/history';
import { loadSettings } from './storage/settings-items';
import { loadRoutineLibrary } from './storage/own-routines';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A routine for this break: fitting the settings and the safety answer, not one done lately
 * (the last 30 in the history), and not `avoid` (the one "Another routine" replaces).
 */
export async function chooseRoutine(kind: 'micro' | 'stretch', breakId: string, avoid: string | null): Promise<Routine | undefined> {
  const [settings, health, recent] = await Promise.all([loadSettings(), loadHealthAnswer(), recentRoutines(30).catch(() => [] as string[])]);
  const avoidList = avoid ? [avoid, ...recent] : recent;
  return pickRoutine(await loadRoutineLibrary(), kind, pickPrefsFor(settings.routines, health), avoidList, hash(breakId + (avoid ?? '')));
}
