/**
 * The picker and the person's preferences (content/picker.ts): equipment, positions, exclusions,
 * self-massage, focus areas, variety between the areas worked, what is relaxed (and in which order)
 * when nothing fits, and the break's length.
 */
import { describe, it, expect } from 'vitest';
import { DEFAULT_PICK_PREFS, eligibleRoutines, pickPrefsFor, pickRoutine } from './picker';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { ROUTINES } from './routines';
import { mk, prefs, SEEDS } from '../tests/support/picker';

describe('pickRoutine', () => {
  it('respects the equipment the user has', () => {
    const noKit = prefs({ equipment: ['none'] });
    for (const seed of SEEDS) {
      const r = pickRoutine(ROUTINES, 'stretch', noKit, [], seed);
      expect(r?.equipment.every((e) => e === 'none')).toBe(true);
    }
    // default prefs: no balls or rollers
    for (const seed of SEEDS) {
      const r = pickRoutine(ROUTINES, 'stretch', DEFAULT_PICK_PREFS, [], seed);
      expect(r?.equipment.every((e) => ['none', 'chair', 'wall'].includes(e))).toBe(true);
    }
    // a routine needing two items needs both
    const cat = [mk('ball-wall', { equipment: ['tennis-ball', 'wall'] }), mk('plain')];
    expect(eligibleRoutines(cat, 'stretch', prefs({ equipment: ['tennis-ball'] })).map((r) => r.id)).toEqual(['plain']);
    expect(eligibleRoutines(cat, 'stretch', prefs({ equipment: ['tennis-ball', 'wall'] })).map((r) => r.id)).toEqual(['ball-wall', 'plain']);
    // with a tennis ball, the tennis ball routine becomes eligible
    const withBall = eligibleRoutines(ROUTINES, 'stretch', prefs({ equipment: ['none', 'chair', 'wall', 'tennis-ball'] }));
    expect(withBall.some((r) => r.equipment.includes('tennis-ball'))).toBe(true);
  });

  it('respects positions', () => {
    const seatedOnly = prefs({ positions: ['seated'] });
    for (const seed of SEEDS) expect(pickRoutine(ROUTINES, 'stretch', seatedOnly, [], seed)?.position).toBe('seated');
  });

  it('never picks an excluded routine', () => {
    const stretchIds = eligibleRoutines(ROUTINES, 'stretch', DEFAULT_PICK_PREFS).map((r) => r.id);
    const keep = stretchIds[0]!;
    const p = prefs({ excluded: stretchIds.slice(1) });
    for (const seed of SEEDS) expect(pickRoutine(ROUTINES, 'stretch', p, [keep], seed)?.id).toBe(keep);
  });

  it('never relaxes exclusions', () => {
    const cat = [mk('a', { position: 'standing', equipment: ['foam-roller'] }), mk('b')];
    const p = prefs({ excluded: ['b'], positions: ['seated'], equipment: ['none'] });
    // 'b' fits everything but is excluded; 'a' is reached only by relaxing
    for (const seed of SEEDS) expect(pickRoutine(cat, 'stretch', p, [], seed)?.id).toBe('a');
    expect(pickRoutine(cat, 'stretch', prefs({ excluded: ['a', 'b'] }), [], 1)).toBeUndefined();
  });

  it('keeps self-massage out when it is not allowed', () => {
    const p = prefs({ allowSelfMassage: false, equipment: ['none', 'chair', 'wall', 'tennis-ball', 'massage-ball', 'foam-roller'] });
    expect(eligibleRoutines(ROUTINES, 'stretch', p).some((r) => r.kind === 'self-massage')).toBe(false);
    for (const seed of SEEDS) expect(pickRoutine(ROUTINES, 'stretch', p, [], seed)?.kind).toBe('stretch');
    // ...even when it is all there is, and relaxing does not bring it back
    const onlyMassage = [mk('m', { kind: 'self-massage', position: 'wall', equipment: ['foam-roller'] })];
    expect(pickRoutine(onlyMassage, 'stretch', prefs({ allowSelfMassage: false }), [], 1)).toBeUndefined();
    expect(pickRoutine(onlyMassage, 'stretch', prefs({ allowSelfMassage: true }), [], 1)?.id).toBe('m');
  });

  it('offers self-massage when allowed', () => {
    const picks = new Set(SEEDS.map((s) => pickRoutine(ROUTINES, 'stretch', DEFAULT_PICK_PREFS, [], s)?.kind));
    expect(picks.has('self-massage')).toBe(true);
  });

  it('prefers routines covering a focus area', () => {
    const p = prefs({ focusAreas: ['wrists'] });
    for (const seed of SEEDS) expect(pickRoutine(ROUTINES, 'stretch', p, [], seed)?.areas).toContain('wrists');
    const cat = [mk('neck', { areas: ['neck'] }), mk('hips', { areas: ['hips'] }), mk('back', { areas: ['lower-back'] })];
    for (const seed of SEEDS) {
      expect(pickRoutine(cat, 'stretch', prefs({ focusAreas: ['hips'] }), [], seed)?.id).toBe('hips');
      expect(['hips', 'neck']).toContain(pickRoutine(cat, 'stretch', prefs({ focusAreas: ['hips', 'neck'] }), [], seed)?.id);
    }
  });

  it('lets no-repeats win over the focus preference', () => {
    const cat = [mk('neck', { areas: ['neck'] }), mk('hips', { areas: ['hips'] }), mk('back', { areas: ['lower-back'] })];
    const p = prefs({ focusAreas: ['hips'] });
    for (const seed of SEEDS) expect(['neck', 'back']).toContain(pickRoutine(cat, 'stretch', p, ['hips'], seed)?.id);
  });

  it('falls back to any routine when no candidate covers a focus area', () => {
    const cat = [mk('neck', { areas: ['neck'] }), mk('hips', { areas: ['hips'] })];
    expect(pickRoutine(cat, 'stretch', prefs({ focusAreas: ['eyes'] }), [], 1)).toBeDefined();
  });

  it('avoids areas the last few routines worked, when it can', () => {
    const cat = [
      mk('neck-1', { areas: ['neck'] }),
      mk('neck-2', { areas: ['neck', 'shoulders'] }),
      mk('hips', { areas: ['hips'] }),
      mk('back', { areas: ['lower-back'] }),
      mk('eyes', { kind: 'eyes', areas: ['eyes', 'shoulders'] }),
    ];
    for (const seed of SEEDS) {
      // neck was just worked: the other neck routine waits
      expect(['hips', 'back']).toContain(pickRoutine(cat, 'stretch', DEFAULT_PICK_PREFS, ['neck-1'], seed)?.id);
      // a micro check counts too (shoulders)
      expect(pickRoutine(cat, 'stretch', DEFAULT_PICK_PREFS, ['eyes', 'hips', 'neck-1'], seed)?.id).toBe('back');
    }
    // only the last 3 routines count
    const cat2 = [
      mk('s-neck', { areas: ['neck'] }),
      mk('s-hips', { areas: ['hips'] }),
      mk('s-back', { areas: ['lower-back'] }),
      mk('s-wrists', { areas: ['wrists'] }),
      mk('p-neck', { kind: 'posture', areas: ['neck'] }),
      mk('p-hips', { kind: 'posture', areas: ['hips'] }),
      mk('p-back', { kind: 'posture', areas: ['lower-back'] }),
      mk('p-wrists', { kind: 'posture', areas: ['wrists'] }),
    ];
    for (const seed of SEEDS) {
      expect(pickRoutine(cat2, 'stretch', DEFAULT_PICK_PREFS, ['p-hips', 'p-back', 'p-wrists', 'p-neck'], seed)?.id).toBe('s-neck');
    }
    // when every candidate overlaps, it still picks one with the fewest overlaps
    const all = [mk('a', { areas: ['neck', 'hips'] }), mk('b', { areas: ['neck'] }), mk('c', { areas: ['hips', 'neck'] })];
    for (const seed of SEEDS) expect(pickRoutine(all, 'stretch', DEFAULT_PICK_PREFS, ['c'], seed)?.id).toBe('b');
  });

  it('relaxes position first, then equipment', () => {
    const cat = [mk('standing-plain', { position: 'standing' }), mk('seated-chair', { position: 'seated', equipment: ['chair'] })];
    // nothing at the wall: position is relaxed, equipment still holds (no chair)
    const p = prefs({ positions: ['wall'], equipment: ['none'] });
    expect(eligibleRoutines(cat, 'stretch', p)).toEqual([]);
    for (const seed of SEEDS) expect(pickRoutine(cat, 'stretch', p, [], seed)?.id).toBe('standing-plain');
    // only equipment-needing routines: equipment is relaxed as well
    const roller = [mk('roller', { position: 'wall', equipment: ['foam-roller', 'wall'] })];
    expect(pickRoutine(roller, 'stretch', prefs({ positions: ['seated'], equipment: ['none'] }), [], 1)?.id).toBe('roller');
  });
});

describe("the break's length", () => {
  const cat = [mk('short', { durationSec: 30, kind: 'posture' }), mk('long', { durationSec: 45, kind: 'posture' })];
  it('only routines that fit the length, when one does', () => {
    for (const seed of SEEDS) expect(pickRoutine(cat, 'micro', prefs({ maxSec: 40 }), [], seed)?.id).toBe('short');
    // no repeats would want 'long' next, but it does not fit
    expect(pickRoutine(cat, 'micro', prefs({ maxSec: 40 }), ['short'], 1)?.id).toBe('short');
    expect(new Set(SEEDS.map((seed) => pickRoutine(cat, 'micro', prefs({ maxSec: 45 }), [], seed)?.id))).toEqual(new Set(['short', 'long']));
  });
  it('relaxes the length first when nothing fits (before position)', () => {
    const p = prefs({ maxSec: 20, positions: ['seated'] });
    const withStanding = [...cat, mk('standing-short', { durationSec: 10, kind: 'posture', position: 'standing' })];
    expect(new Set(SEEDS.map((seed) => pickRoutine(withStanding, 'micro', p, [], seed)?.id))).toEqual(new Set(['short', 'long']));
  });
  it('pickPrefsFor passes the length on', () => {
    expect(pickPrefsFor(DEFAULT_SETTINGS.routines, 'ask', 45).maxSec).toBe(45);
    expect(pickPrefsFor(DEFAULT_SETTINGS.routines, 'ask').maxSec).toBeUndefined();
  });
});
