/**
 * The picker's basics (content/picker.ts): the default preferences, eligibility by break kind, a
 * pick that follows its seed, and no repeats until every eligible routine has been used.
 */
import { describe, it, expect } from 'vitest';
import { DEFAULT_PICK_PREFS, eligibleRoutines, pickRoutine } from './picker';
import { ROUTINES } from './routines';
import { breakKindOf } from './types';
import { mk, prefs, SEEDS, simulate } from '../tests/support/picker';

describe('DEFAULT_PICK_PREFS', () => {
  it('has the documented defaults', () => {
    expect([...DEFAULT_PICK_PREFS.equipment]).toEqual(['none', 'chair', 'wall']);
    expect([...DEFAULT_PICK_PREFS.focusAreas]).toEqual([]);
    expect([...DEFAULT_PICK_PREFS.positions].sort()).toEqual(['seated', 'standing', 'wall']);
    expect([...DEFAULT_PICK_PREFS.excluded]).toEqual([]);
    expect(DEFAULT_PICK_PREFS.allowSelfMassage).toBe(true);
  });

  it('finds routines for both break kinds in the real catalogue', () => {
    expect(eligibleRoutines(ROUTINES, 'stretch', DEFAULT_PICK_PREFS).length).toBeGreaterThan(5);
    expect(eligibleRoutines(ROUTINES, 'micro', DEFAULT_PICK_PREFS).length).toBeGreaterThan(5);
  });
});

describe('eligibleRoutines', () => {
  it('keeps only the break kind asked for', () => {
    for (const kind of ['micro', 'stretch'] as const) {
      const got = eligibleRoutines(ROUTINES, kind, DEFAULT_PICK_PREFS);
      expect(got.length, kind).toBeGreaterThan(0);
      expect(got.every((r) => breakKindOf(r) === kind)).toBe(true);
    }
  });

  it('does not relax anything', () => {
    const cat = [mk('a', { position: 'standing' })];
    expect(eligibleRoutines(cat, 'stretch', prefs({ positions: ['seated'] }))).toEqual([]);
  });
});

describe('pickRoutine', () => {
  it('is deterministic: the same seed gives the same pick', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const a = pickRoutine(ROUTINES, 'stretch', DEFAULT_PICK_PREFS, ['cat-cow'], seed);
      const b = pickRoutine(ROUTINES, 'stretch', DEFAULT_PICK_PREFS, ['cat-cow'], seed);
      expect(a?.id).toBeDefined();
      expect(a?.id).toBe(b?.id);
    }
  });

  it('uses the seed: different seeds spread over the candidates', () => {
    const picks = new Set(SEEDS.map((s) => pickRoutine(ROUTINES, 'stretch', DEFAULT_PICK_PREFS, [], s)?.id));
    expect(picks.size).toBeGreaterThan(3);
  });

  it('accepts any number as a seed', () => {
    for (const seed of [0, -1, 0.5, 2 ** 40, Number.NaN, Infinity]) {
      expect(pickRoutine(ROUTINES, 'micro', DEFAULT_PICK_PREFS, [], seed)).toBeDefined();
    }
  });

  it('does not repeat a routine until every eligible one has been used', () => {
    for (const kind of ['micro', 'stretch'] as const) {
      const n = eligibleRoutines(ROUTINES, kind, DEFAULT_PICK_PREFS).length;
      for (const seed0 of [1, 2, 3]) {
        const picks = simulate(ROUTINES, kind, DEFAULT_PICK_PREFS, 3 * n, seed0);
        expect(new Set(picks.slice(0, n)).size).toBe(n);
        // and it keeps cycling: any n consecutive picks are distinct
        for (let i = 0; i + n <= picks.length; i++) expect(new Set(picks.slice(i, i + n)).size).toBe(n);
      }
    }
  });

  it('does not repeat even when other break kinds are mixed into the history', () => {
    const recent: string[] = [];
    const stretches: string[] = [];
    const n = eligibleRoutines(ROUTINES, 'stretch', DEFAULT_PICK_PREFS).length;
    for (let i = 0; stretches.length < n; i++) {
      // three posture checks between stretch breaks, as in a real day
      const kind = i % 4 === 3 ? 'stretch' : 'micro';
      const r = pickRoutine(ROUTINES, kind, DEFAULT_PICK_PREFS, recent, i);
      expect(r).toBeDefined();
      recent.unshift(r!.id);
      if (kind === 'stretch') stretches.push(r!.id);
    }
    expect(new Set(stretches).size).toBe(n);
  });

  it('avoids the routine just shown (the "another one" button)', () => {
    const cat = [mk('a', { areas: ['neck'] }), mk('b', { areas: ['neck'] })];
    for (const seed of SEEDS) {
      expect(pickRoutine(cat, 'stretch', DEFAULT_PICK_PREFS, ['a'], seed)?.id).toBe('b');
      expect(pickRoutine(cat, 'stretch', DEFAULT_PICK_PREFS, ['b', 'a'], seed)?.id).toBe('a');
    }
  });

  it('ignores unknown ids in the history', () => {
    const cat = [mk('a'), mk('b')];
    const got = pickRoutine(cat, 'stretch', DEFAULT_PICK_PREFS, ['gone', 'also-gone', 'a'], 3);
    expect(got?.id).toBe('b');
  });

  it('returns the only routine even if it was just used', () => {
    const cat = [mk('a')];
    expect(pickRoutine(cat, 'stretch', DEFAULT_PICK_PREFS, ['a', 'a'], 9)?.id).toBe('a');
  });

  it('returns undefined only when nothing of the kind can be offered', () => {
    expect(pickRoutine([], 'stretch', DEFAULT_PICK_PREFS, [], 1)).toBeUndefined();
    expect(pickRoutine([mk('a')], 'micro', DEFAULT_PICK_PREFS, [], 1)).toBeUndefined();
    expect(pickRoutine([mk('a', { kind: 'posture' })], 'micro', prefs({ positions: [], equipment: [] }), [], 1)?.id).toBe('a');
  });
});
