/**
 * The own-routine editor's rules (lib/own-routines.ts), measured against the limits the issue
 * and the settings set (a posture check lasts 10-120 s, a stretch break 1-30 min), not against
 * the module's own constants alone; the stored/imported schema agrees with the form; and the
 * adapter gives the player the user's own words.
 */
import { describe, expect, it } from 'vitest';
import { asRoutine, draftTotalSec, emptyDraft, newOwnId, OWN_LIMITS, OwnRoutineSchema, parseOwnRoutines, validateOwnRoutine, type OwnDraft, type OwnRoutine } from './own-routines';
import { FIELDS } from './settings-fields';
import { routineSummary, routineTitle, stepText } from '../content/text';
import { breakKindOf } from '../content/types';
import { mulberry32 } from './prng';
import * as v from 'valibot';

const draft = (over: Partial<OwnDraft> = {}): OwnDraft => ({ ...emptyDraft(), name: 'Desk reset', areas: ['neck'], steps: [{ text: 'Roll the shoulders', seconds: '60' }], ...over });
const errorsOf = (d: OwnDraft) => {
  const r = validateOwnRoutine(d, 'own-a1');
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.key}`);
};
const steps = (...secs: number[]) => secs.map((s, i) => ({ text: `Step ${i + 1}`, seconds: String(s) }));

describe('a draft is checked field by field', () => {
  it('a good draft gives the routine, with names and texts trimmed and inner white space collapsed', () => {
    const r = validateOwnRoutine(draft({ name: '  Desk \n reset ', steps: [{ text: ' Roll\tthe  shoulders ', seconds: ' 60 ' }], equipment: ['wall', 'chair'], areas: ['shoulders', 'neck'] }), 'own-a1');
    expect(r).toEqual({
      ok: true,
      value: { id: 'own-a1', name: 'Desk reset', kind: 'stretch', areas: ['neck', 'shoulders'], position: 'seated', equipment: ['chair', 'wall'], steps: [{ text: 'Roll the shoulders', seconds: 60 }] },
    });
    // A control character pasted into a text is taken as a space, not refused at the save with a
    // "try again" that cannot help.
    expect(validateOwnRoutine(draft({ name: 'Desk\u0007reset', steps: [{ text: 'Roll \u0000 the\u001bshoulders\u007f', seconds: '60' }] }), 'own-a1')).toMatchObject({
      ok: true,
      value: { name: 'Desk reset', steps: [{ text: 'Roll the shoulders', seconds: 60 }] },
    });
    // Needing nothing is stored the library's way.
    expect(validateOwnRoutine(draft(), 'own-a1')).toMatchObject({ ok: true, value: { equipment: ['none'] } });
  });

  it('names: required, at most 60 characters', () => {
    expect(errorsOf(draft({ name: '   ' }))).toEqual(['name:ownErrNameRequired']);
    expect(errorsOf(draft({ name: 'x'.repeat(60) }))).toEqual([]);
    expect(errorsOf(draft({ name: 'x'.repeat(61) }))).toEqual(['name:ownErrTooLong']);
  });

  it('at least one body area; at least one and at most 20 steps, each with text of at most 200 characters', () => {
    expect(errorsOf(draft({ areas: [] }))).toEqual(['areas:ownErrAreas']);
    expect(errorsOf(draft({ steps: [] }))).toEqual(['steps:ownErrNoSteps']);
    expect(errorsOf(draft({ steps: steps(...Array<number>(20).fill(60)) }))).toEqual([]);
    expect(errorsOf(draft({ steps: steps(...Array<number>(21).fill(60)) }))).toContain('steps:ownErrTooManySteps');
    expect(errorsOf(draft({ steps: [{ text: ' ', seconds: '60' }] }))).toEqual(['step0.text:ownErrStepRequired']);
    expect(errorsOf(draft({ steps: [{ text: 'y'.repeat(200), seconds: '60' }] }))).toEqual([]);
    expect(errorsOf(draft({ steps: [{ text: 'y'.repeat(201), seconds: '60' }] }))).toEqual(['step0.text:ownErrTooLong']);
  });

  it('step seconds: a whole number from 5 to 600, each problem its own message', () => {
    const sec = (s: string) => errorsOf(draft({ steps: [{ text: 'a', seconds: s }, { text: 'b', seconds: '60' }] }));
    expect(sec('')).toEqual(['step0.seconds:errRequired']);
    expect(sec('ten')).toEqual(['step0.seconds:errNotNumber']);
    // A sign or a leading point is a number, read as the settings' number fields read it (lib/settings-fields.ts:
    // validateField): "-5" is too small, not "not a number"; "+30" is 30 seconds; ".5" is not whole.
    expect(sec('-5')).toEqual(['step0.seconds:errTooSmall']);
    expect(sec('+30')).toEqual([]);
    expect(sec('.5')).toEqual(['step0.seconds:errNotWhole']);
    expect(sec('--5')).toEqual(['step0.seconds:errNotNumber']);
    expect(sec('7.5')).toEqual(['step0.seconds:errNotWhole']);
    expect(sec('4')).toEqual(['step0.seconds:errTooSmall']);
    expect(sec('5')).toEqual([]);
    expect(sec('600')).toEqual([]);
    expect(sec('601')).toEqual(['step0.seconds:errTooLarge']);
  });

  it('the total fits the break the kind is played at: a posture check 10-120 s, a stretch break 1-30 min (the settings\' own limits)', () => {
    // The settings' limits for a break's length, in seconds: the reference the totals must match.
    const micro = { min: FIELDS['micro.lengthSec'].min, max: FIELDS['micro.lengthSec'].max };
    const stretch = { min: FIELDS['stretch.lengthMin'].min * 60, max: FIELDS['stretch.lengthMin'].max * 60 };
    for (const kind of ['posture', 'eyes'] as const) {
      expect(errorsOf(draft({ kind, steps: steps(5, micro.min - 5) }))).toEqual([]);
      expect(errorsOf(draft({ kind, steps: steps(5) }))).toEqual(['total:ownErrTotalMicro']);
      expect(errorsOf(draft({ kind, steps: steps(60, micro.max - 60) }))).toEqual([]);
      expect(errorsOf(draft({ kind, steps: steps(60, micro.max - 59) }))).toEqual(['total:ownErrTotalMicro']);
    }
    for (const kind of ['stretch', 'self-massage'] as const) {
      expect(errorsOf(draft({ kind, steps: steps(30, stretch.min - 30) }))).toEqual([]);
      expect(errorsOf(draft({ kind, steps: steps(30, stretch.min - 31) }))).toEqual(['total:ownErrTotalStretch']);
      expect(errorsOf(draft({ kind, steps: steps(600, 600, stretch.max - 1200) }))).toEqual([]);
      expect(errorsOf(draft({ kind, steps: steps(600, 600, stretch.max - 1205, 6) }))).toEqual(['total:ownErrTotalStretch']);
    }
    // The message names the limits in the unit it speaks of, and the steps' sum.
    const r = validateOwnRoutine(draft({ kind: 'stretch', steps: steps(30) }), 'own-a1');
    expect(!r.ok && r.errors[0]).toEqual({ field: 'total', key: 'ownErrTotalStretch', count: 30, subs: [1, 30, 30] });
  });

  it('every field in error is reported at once, in the form\'s order', () => {
    expect(errorsOf({ ...emptyDraft(), steps: [{ text: '', seconds: 'x' }, { text: 'ok', seconds: '1000' }] })).toEqual([
      'name:ownErrNameRequired',
      'areas:ownErrAreas',
      'step0.text:ownErrStepRequired',
      'step0.seconds:errNotNumber',
      'step1.seconds:errTooLarge',
    ]);
  });

  it('the form and the stored shape agree: 2,000 random drafts pass the form exactly when their routine passes the schema', () => {
    const random = mulberry32(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const text = (max: number) => 'a'.repeat(Math.floor(random() * max));
    for (let n = 0; n < 2000; n++) {
      const d: OwnDraft = {
        name: text(70),
        kind: pick(['stretch', 'self-massage', 'posture', 'eyes'] as const),
        areas: random() < 0.1 ? [] : ['neck'],
        position: 'standing',
        equipment: random() < 0.5 ? [] : ['chair'],
        steps: Array.from({ length: Math.floor(random() * 23) }, () => ({ text: text(210), seconds: String(Math.floor(random() * 700)) })),
      };
      const form = validateOwnRoutine(d, 'own-x');
      const candidate = { id: 'own-x', name: d.name, kind: d.kind, areas: d.areas, position: d.position, equipment: d.equipment.length ? d.equipment : ['none'], steps: d.steps.map((s) => ({ text: s.text, seconds: Number(s.seconds) })) };
      expect(form.ok, JSON.stringify(d).slice(0, 200)).toBe(v.safeParse(OwnRoutineSchema, candidate).success);
    }
  });
});

const ROUTINE: OwnRoutine = { id: 'own-a1', name: 'Desk reset', kind: 'stretch', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: 'Roll the shoulders', seconds: 40 }, { text: 'Look far away', seconds: 30 }] };

describe("the form's running total", () => {
  it('reads each step as the check does: a decimal comma, spaces, an unreadable step as 0', () => {
    const d: OwnDraft = { ...emptyDraft(), steps: [{ text: 'a', seconds: '30,0' }, { text: 'b', seconds: ' 45 ' }, { text: 'c', seconds: 'x' }, { text: 'd', seconds: '7.5' }] };
    expect(draftTotalSec(d)).toBe(75);
  });

  it('reads full-width digits (a Japanese input method) as the check does: ３０ is 30 seconds', () => {
    const d: OwnDraft = { ...emptyDraft(), name: 'Desk reset', steps: [{ text: 'a', seconds: '３０' }, { text: 'b', seconds: '４５' }] };
    expect(draftTotalSec(d)).toBe(75);
  });
});

describe('stored, synced and imported lists', () => {
  it('accept what the editor makes, and name the first routine that breaks a rule', () => {
    expect(parseOwnRoutines([ROUTINE])).toEqual({ ok: true, value: [ROUTINE] });
    expect(parseOwnRoutines([])).toEqual({ ok: true, value: [] });
    const bad: Array<[string, unknown]> = [
      ['an untrimmed name', { ...ROUTINE, name: ' Desk' }],
      ['a control character', { ...ROUTINE, steps: [{ text: 'a\u0007b', seconds: 60 }] }],
      ['"none" with a chair', { ...ROUTINE, equipment: ['none', 'chair'] }],
      ['an unknown kind', { ...ROUTINE, kind: 'yoga' }],
      ['an id not of its own kind', { ...ROUTINE, id: 'cat-cow' }],
      ['a field of no routine', { ...ROUTINE, cautions: [] }],
      ['a 70-second stretch of 10-second steps... too short', { ...ROUTINE, steps: [{ text: 'a', seconds: 50 }] }],
      ['a 3-second step', { ...ROUTINE, steps: [{ text: 'a', seconds: 3 }, { text: 'b', seconds: 60 }] }],
    ];
    for (const [name, r] of bad) expect(parseOwnRoutines([ROUTINE, { ...ROUTINE, id: 'own-b' }, r]), name).toMatchObject({ ok: false, index: 2 });
  });

  it('refuse repeated ids and more than 30 routines as a whole list', () => {
    expect(parseOwnRoutines([ROUTINE, ROUTINE])).toMatchObject({ ok: false, index: null });
    const many = Array.from({ length: OWN_LIMITS.routines + 1 }, (_, i) => ({ ...ROUTINE, id: `own-${i}` }));
    expect(parseOwnRoutines(many.slice(0, 30)).ok).toBe(true);
    expect(parseOwnRoutines(many)).toMatchObject({ ok: false, index: null });
    expect(parseOwnRoutines({})).toMatchObject({ ok: false });
  });

  it('new ids are own ids and never one already taken', () => {
    const fixed = [0.5, 0.5, 0.25];
    const id = newOwnId([newOwnId([], () => 0.5)], () => fixed.shift()!);
    expect(id).toMatch(/^own-[a-z0-9]+$/);
    expect(id).not.toBe(newOwnId([], () => 0.5));
  });
});

describe('the adapter', () => {
  it('gives the player and the picker a routine with the user\'s words, timing and break kind', () => {
    const r = asRoutine({ ...ROUTINE, kind: 'eyes', steps: [{ text: 'Close your eyes', seconds: 20 }, { text: 'Open them slowly', seconds: 10 }] });
    expect(routineTitle(r)).toBe('Desk reset');
    expect([stepText(r, 0), stepText(r, 1)]).toEqual(['Close your eyes', 'Open them slowly']);
    expect(routineSummary(r)).toBe('ownRoutineSummary'); // the fake browser answers with the key
    expect(r.durationSec).toBe(30);
    expect(r.steps.map((s) => s.seconds)).toEqual([20, 10]);
    expect(breakKindOf(r)).toBe('micro');
    expect(r.cautions).toEqual([]);
  });
});
