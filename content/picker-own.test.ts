/**
 * The picker with the user's own routines (content/picker.ts, `mine`): they pass the same filters
 * as the library's; 'equal' treats them like any routine, 'half' gives them about half of the
 * breaks one fits, 'only' every break one fits; with none fitting, the library's are used.
 * Shares are counted over 1,000 fixed seeds (deterministic: no wall clock, no Math.random).
 */
import { describe, expect, it } from 'vitest';
import { anyRoutineLeft, DEFAULT_PICK_PREFS, pickPrefsFor, pickRoutine, type PickPrefs } from './picker';
import { ROUTINES } from './routines';
import { asRoutine, type OwnRoutine } from '../lib/own-routines';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { parseSettings } from '../lib/settings-parse';
import type { Routine } from './types';

const own = (id: string, over: Partial<OwnRoutine> = {}): Routine =>
  asRoutine({ id, name: id, kind: 'stretch', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: 'Move', seconds: 90 }], ...over });

const MINE = [own('own-a'), own('own-b', { areas: ['hips'] })];
const CATALOGUE = [...ROUTINES, ...MINE];
const SEEDS = Array.from({ length: 1000 }, (_, i) => (i * 2654435761) >>> 0);
const prefs = (over: Partial<PickPrefs> = {}): PickPrefs => ({ ...DEFAULT_PICK_PREFS, ...over });

/** The share of picks that are own routines, over the seeds, with no history. */
function ownShare(catalogue: readonly Routine[], kind: 'micro' | 'stretch', p: PickPrefs): number {
  let n = 0;
  for (const seed of SEEDS) if (pickRoutine(catalogue, kind, p, [], seed)?.own) n++;
  return n / SEEDS.length;
}

describe('own routines in the picker', () => {
  it("'equal': an own routine is as likely as any other eligible one", () => {
    const eligible = CATALOGUE.filter((r) => r.kind === 'stretch' && r.equipment.every((e) => e === 'none' || DEFAULT_PICK_PREFS.equipment.includes(e))).length;
    const expected = MINE.length / eligible;
    const share = ownShare(CATALOGUE, 'stretch', prefs({ mine: 'equal' }));
    expect(share).toBeGreaterThan(expected * 0.6);
    expect(share).toBeLessThan(expected * 1.4);
  });

  it("'half': about half of the breaks", () => {
    const share = ownShare(CATALOGUE, 'stretch', prefs({ mine: 'half' }));
    expect(share).toBeGreaterThan(0.42);
    expect(share).toBeLessThan(0.58);
  });

  it("'only': every break one fits, still varied among them; a break kind none fits takes the library's", () => {
    expect(ownShare(CATALOGUE, 'stretch', prefs({ mine: 'only' }))).toBe(1);
    const picked = new Set(SEEDS.slice(0, 50).map((s) => pickRoutine(CATALOGUE, 'stretch', prefs({ mine: 'only' }), [], s)!.id));
    expect(picked).toEqual(new Set(['own-a', 'own-b']));
    // No repeats until exhausted holds for them as for the library.
    expect(pickRoutine(CATALOGUE, 'stretch', prefs({ mine: 'only' }), ['own-a'], 7)!.id).toBe('own-b');
    // Posture checks: none of these fits, so the library plays.
    expect(ownShare(CATALOGUE, 'micro', prefs({ mine: 'only' }))).toBe(0);
    expect(pickRoutine(CATALOGUE, 'micro', prefs({ mine: 'only' }), [], 1)).toBeDefined();
  });

  it('own routines pass the same filters: left out, needing equipment one lacks, self-massage before the safety screen', () => {
    const only = prefs({ mine: 'only' });
    expect(ownShare([...ROUTINES, own('own-a')], 'stretch', { ...only, excluded: ['own-a'] })).toBe(0);
    expect(ownShare([...ROUTINES, own('own-a', { equipment: ['foam-roller'] })], 'stretch', only)).toBe(0);
    expect(ownShare([...ROUTINES, own('own-a', { kind: 'self-massage' })], 'stretch', { ...only, allowSelfMassage: false })).toBe(0);
    expect(ownShare([...ROUTINES, own('own-a', { kind: 'self-massage' })], 'stretch', { ...only, allowSelfMassage: true })).toBe(1);
    // A micro-kind own routine fills posture checks, not stretch breaks.
    const eyes = own('own-e', { kind: 'eyes', steps: [{ text: 'Look away', seconds: 20 }] });
    expect(ownShare([...ROUTINES, eyes], 'micro', only)).toBe(1);
    expect(ownShare([...ROUTINES, eyes], 'stretch', only)).toBe(0);
  });

  it('the weight comes from the settings, and is "equal" by default', () => {
    expect(DEFAULT_SETTINGS.routines.mine).toBe('equal');
    expect(pickPrefsFor({ ...DEFAULT_SETTINGS.routines, mine: 'only' }, 'ask').mine).toBe('only');
  });

  it('with no own routines, the weight changes no pick', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      const equal = pickRoutine(ROUTINES, 'stretch', prefs({ mine: 'equal' }), [], seed);
      expect(pickRoutine(ROUTINES, 'stretch', prefs({ mine: 'half' }), [], seed)).toBe(equal);
      expect(pickRoutine(ROUTINES, 'stretch', prefs({ mine: 'only' }), [], seed)).toBe(equal);
    }
  });

  it("left out in the options' list (settings.routines.excluded), an own routine is never picked, whatever the weight", () => {
    // The id the options page stores is the routine's own: the settings accept it.
    const excluded = ['own-a'];
    const settings = { ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, excluded } };
    expect(parseSettings(settings).ok).toBe(true);
    for (const mine of ['equal', 'half', 'only'] as const) {
      const p = pickPrefsFor({ ...settings.routines, mine }, 'ask');
      const picked = new Set(SEEDS.slice(0, 300).map((s) => pickRoutine(CATALOGUE, 'stretch', p, [], s)?.id));
      expect(picked.has('own-a'), mine).toBe(false);
      // The other own routine still comes (it is not left out).
      expect(picked.has('own-b'), mine).toBe(true);
    }
    // Nothing else left for the break kind: the left-out own routine does not come back either.
    const onlyOwn = [own('own-a')];
    const p = pickPrefsFor({ ...settings.routines, mine: 'only' }, 'ask');
    expect(pickRoutine(onlyOwn, 'stretch', p, [], 1)).toBeUndefined();
    expect(anyRoutineLeft(onlyOwn, 'stretch', p)).toBe(false);
    expect(anyRoutineLeft(onlyOwn, 'stretch', pickPrefsFor({ ...settings.routines, excluded: [] }, 'ask'))).toBe(true);
  });
});
