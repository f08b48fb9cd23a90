/**
 * What the picker's tests share (content/picker*.test.ts): a made-up routine with only the fields a
 * test sets, preferences over the defaults, a run of picks fed back as history, and fixed seeds.
 */
import { DEFAULT_PICK_PREFS, pickRoutine, type PickPrefs } from '../../content/picker';
import type { Routine } from '../../content/types';

/** A stretch routine `id`: seated, for the neck, no equipment, 120 s; `over` changes any of it. */
export function mk(id: string, over: Partial<Routine> = {}): Routine {
  return {
    id,
    kind: 'stretch',
    areas: ['neck'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 120,
    steps: [{ seconds: 120, actionSec: 110 }],
    cautions: [],
    sources: ['article-lasting-relief'],
    illustration: `${id}.svg`,
    ...over,
  };
}

export function prefs(over: Partial<PickPrefs> = {}): PickPrefs {
  return { ...DEFAULT_PICK_PREFS, ...over };
}

/** Picks `n` times, feeding each pick back as the most recent routine. */
export function simulate(catalogue: readonly Routine[], kind: 'micro' | 'stretch', p: PickPrefs, n: number, seed0 = 1): string[] {
  const recent: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = pickRoutine(catalogue, kind, p, recent, seed0 * 7919 + i * 104729);
    if (!r) throw new Error('nothing picked');
    recent.unshift(r.id);
  }
  return [...recent].reverse();
}

export const SEEDS = Array.from({ length: 200 }, (_, i) => i * 2654435761);
