/**
 * The safety screen and the picker (content/picker.ts): "one of these applies" keeps self-massage
 * and every routine with the spinal-condition caution out, never relaxed; before an answer such a
 * routine comes only after every other, "Not now" skips them, "none apply" lets them in.
 */
import { describe, it, expect } from 'vitest';
import { eligibleRoutines, needsScreening, pickPrefsFor, pickRoutine, withoutScreened, type PickPrefs } from './picker';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { ROUTINES } from './routines';
import { SEEDS, simulate } from '../tests/support/picker';

describe('the safety screen steers the picker', () => {
  // "One of these applies" (pickPrefsFor): no self-massage, and no routine that carries
  // the spinal-condition caution (every stretch that bends or twists the back), over many seeds and every setting of
  // equipment and positions; the break still gets a routine when one is left.
  const flagged: PickPrefs = pickPrefsFor({ ...DEFAULT_SETTINGS.routines, equipment: ['none', 'chair', 'wall', 'tennis-ball', 'massage-ball', 'foam-roller'] }, 'hidden');
  const spinal = ROUTINES.filter((r) => r.cautions.includes('spineCondition')).map((r) => r.id);
  it('the catalogue has routines the answer concerns (the check below can fail)', () => {
    expect(spinal.length).toBeGreaterThan(0);
    expect(spinal.some((id) => ROUTINES.find((r) => r.id === id)!.kind === 'stretch')).toBe(true);
  });
  it('never picks one of them, and still picks a routine', () => {
    for (const kind of ['micro', 'stretch'] as const) {
      for (let seed = 0; seed < 400; seed++) {
        const r = pickRoutine(ROUTINES, kind, flagged, [], seed);
        expect(r, `${kind} seed ${seed}`).toBeDefined();
        expect(spinal).not.toContain(r!.id);
        expect(r!.kind).not.toBe('self-massage');
      }
    }
  });
  it('not even when the preferences leave nothing else (the filter is never relaxed)', () => {
    const onlySpinal: PickPrefs = { ...flagged, excluded: ROUTINES.filter((r) => !spinal.includes(r.id)).map((r) => r.id) };
    for (let seed = 0; seed < 50; seed++) expect(pickRoutine(ROUTINES, 'stretch', onlySpinal, [], seed)).toBeUndefined();
  });
});

describe('which routines the safety screen comes before (content/screening.ts)', () => {
  // Decided per routine, so that a new stretch must be placed on one side or the other. The rule:
  // every routine whose movement bends the back (arching, rounding, bending sideways) or twists it
  // carries the spinal-condition caution and is screened, like self-massage; a stretch that keeps
  // the back long (a hip hinge, the neck, shoulders, wrists, legs, breathing) is not.
  const BENDS_OR_TWISTS_THE_BACK = ['standing-back-extension', 'seated-spinal-twist', 'cat-cow', 'standing-side-bend', 'knee-to-chest'];
  const KEEPS_THE_BACK_LONG = [
    'hip-flexor-stretch',
    'chest-opener',
    'neck-side-stretch',
    'shoulder-rolls',
    'hamstring-stretch',
    'wrist-forearm-stretch',
    'wall-angels',
    'upper-back-stretch',
    'chin-tucks',
    'seated-figure-four',
    'paced-breathing',
    'walking-break',
  ];
  it('every stretch is placed on one side', () => {
    const stretches = ROUTINES.filter((r) => r.kind === 'stretch').map((r) => r.id).sort();
    expect([...BENDS_OR_TWISTS_THE_BACK, ...KEEPS_THE_BACK_LONG].sort()).toEqual(stretches);
  });
  it.each(BENDS_OR_TWISTS_THE_BACK)('%s bends or twists the back: screened, with the spinal-condition and see-a-professional cautions', (id) => {
    const r = ROUTINES.find((x) => x.id === id)!;
    expect(needsScreening(r)).toBe(true);
    expect(r.cautions).toEqual(expect.arrayContaining(['spineCondition', 'seePro']));
  });
  it.each(KEEPS_THE_BACK_LONG)('%s keeps the back long: played without the screen', (id) => {
    expect(needsScreening(ROUTINES.find((x) => x.id === id)!)).toBe(false);
  });
  it('every self-massage and every micro check is on its side of the rule', () => {
    expect(ROUTINES.filter((r) => r.kind === 'self-massage').every(needsScreening)).toBe(true);
    expect(ROUTINES.filter((r) => r.kind === 'posture' || r.kind === 'eyes').some(needsScreening)).toBe(false);
  });
});

describe('before the safety screen is answered', () => {
  const unanswered = pickPrefsFor(DEFAULT_SETTINGS.routines, 'ask');
  const screenedIds = ROUTINES.filter(needsScreening).map((r) => r.id);
  it('the screen concerns self-massage, back extensions and twists', () => {
    for (const id of ['standing-back-extension', 'seated-spinal-twist', 'hand-massage-sore-spots', 'neck-shoulder-kneading']) expect(screenedIds, id).toContain(id);
    expect(screenedIds).not.toContain('chest-opener');
  });
  it('a routine that needs it comes only once every other eligible one has been done', () => {
    // Feed the picks back as history: the first screened routine comes after all the plain ones.
    const plain = eligibleRoutines(ROUTINES, 'stretch', unanswered).filter((r) => !needsScreening(r));
    expect(plain.length).toBeGreaterThan(3);
    for (const seed0 of [1, 2, 3, 4, 5]) {
      const picks = simulate(ROUTINES, 'stretch', unanswered, plain.length + 2, seed0);
      const first = picks.findIndex((id) => screenedIds.includes(id));
      expect(first, picks.join(' ')).toBe(plain.length);
      expect(new Set(picks.slice(0, first)).size).toBe(plain.length);
    }
  });
  it('"Not now" (withoutScreened): a routine that needs no screening, even when only screened ones are left unused', () => {
    const plain = eligibleRoutines(ROUTINES, 'stretch', unanswered).filter((r) => !needsScreening(r)).map((r) => r.id);
    const put = withoutScreened(unanswered);
    for (const seed of SEEDS) {
      const r = pickRoutine(ROUTINES, 'stretch', put, plain, seed); // every plain one done recently
      expect(r && !needsScreening(r), r?.id).toBe(true);
    }
  });
  it('answered "none apply" (screened): back routines come like any other, self-massage stays off', () => {
    const screened = pickPrefsFor(DEFAULT_SETTINGS.routines, 'screened');
    expect(screened.allowSelfMassage).toBe(false);
    expect(screened.preferUnscreened).toBe(false);
    const picks = simulate(ROUTINES, 'stretch', screened, 40, 3);
    expect(picks.some((id) => id === 'seated-spinal-twist' || id === 'standing-back-extension')).toBe(true);
    expect(picks.filter((id) => ROUTINES.find((r) => r.id === id)!.kind === 'self-massage')).toEqual([]);
    // With self-massage on as well, it comes too.
    const all = simulate(ROUTINES, 'stretch', pickPrefsFor(DEFAULT_SETTINGS.routines, 'allowed'), 40, 3);
    expect(all.some((id) => ROUTINES.find((r) => r.id === id)!.kind === 'self-massage')).toBe(true);
  });
});
