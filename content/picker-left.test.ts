/**
 * anyRoutineLeft (the options page's "no routine left" notice) against the picker itself: on
 * many generated preferences and safety answers, it says a routine is left exactly when
 * pickRoutine finds one.
 */
import { describe, expect, it } from 'vitest';
import { anyRoutineLeft, pickPrefsFor, pickRoutine } from './picker';
import { ROUTINES } from './routines';
import { BODY_AREAS, EQUIPMENT, POSITIONS } from './types';
import { mulberry32 } from '../lib/prng';
import type { RoutinePrefs } from '../lib/settings';
import type { HealthAnswer } from '../lib/storage/health';

const HEALTH: HealthAnswer[] = ['ask', 'allowed', 'hidden'];
const IDS = ROUTINES.map((r) => r.id);

/** A random subset of `items`, each kept with probability `p`. */
function subset<T>(rand: () => number, items: readonly T[], p: number): T[] {
  return items.filter(() => rand() < p);
}

/** Routine preferences as a person might leave them: anywhere from nothing excluded to nearly everything. */
function generated(seed: number): { prefs: RoutinePrefs; health: HealthAnswer } {
  const rand = mulberry32(seed);
  const prefs: RoutinePrefs = {
    equipment: subset(rand, EQUIPMENT, rand()),
    focusAreas: subset(rand, BODY_AREAS, rand()),
    positions: subset(rand, POSITIONS, rand()),
    excluded: subset(rand, IDS, rand() ** 0.1), // often nearly all, so that sometimes nothing is left
  } as RoutinePrefs;
  return { prefs, health: HEALTH[Math.floor(rand() * HEALTH.length)]! };
}

describe('anyRoutineLeft', () => {
  it('agrees with the picker on 3,000 generated preferences, for both break kinds', () => {
    const seen = { left: 0, none: 0 };
    for (let seed = 1; seed <= 3000; seed++) {
      const { prefs, health } = generated(seed);
      const p = pickPrefsFor(prefs, health);
      for (const kind of ['micro', 'stretch'] as const) {
        const left = anyRoutineLeft(ROUTINES, kind, p);
        const picked = pickRoutine(ROUTINES, kind, p, [], seed);
        expect(left, `seed ${seed}, ${kind}, ${health}, ${JSON.stringify(prefs)}`).toBe(picked !== undefined);
        seen[left ? 'left' : 'none']++;
      }
    }
    // Both answers occur often, so a notice that is always or never shown cannot pass.
    expect(seen.left).toBeGreaterThan(1000);
    expect(seen.none).toBeGreaterThan(1000);
  });

  it('ignores equipment and positions (the picker relaxes them) but not exclusions or the self-massage gate', () => {
    const none = { equipment: [], focusAreas: [], positions: [], excluded: [] } as unknown as RoutinePrefs;
    expect(anyRoutineLeft(ROUTINES, 'stretch', pickPrefsFor(none, 'ask'))).toBe(true);
    const onlyMassage = ROUTINES.filter((r) => r.kind !== 'self-massage' && r.kind !== 'posture' && r.kind !== 'eyes').map((r) => r.id);
    const massageLeft = { ...none, excluded: onlyMassage };
    expect(anyRoutineLeft(ROUTINES, 'stretch', pickPrefsFor(massageLeft, 'ask'))).toBe(false);
    expect(anyRoutineLeft(ROUTINES, 'stretch', pickPrefsFor(massageLeft, 'allowed'))).toBe(true);
  });
});
