/**
 * The user's own routines: their shape and the editor's limits. Pure (no storage:
 * lib/storage/own-routines.ts keeps them). What the background needs to play them (the id rule,
 * the adapter to a `Routine`, the sync rule) is in ./own-routine-play.ts, without the schema.
 *
 * An own routine carries its own words (the user's, not translated) instead of message keys.
 * Two layers of checking, as for settings (lib/settings.ts):
 * - `OwnRoutinesSchema` (valibot) checks what is stored, synced or imported, with exactly the
 *   editor's limits, so no file or synced value holds what the editor would refuse;
 * - `validateOwnRoutine` checks the editor's draft field by field, with a message key for each
 *   failure (shown next to the field); an invalid draft is never stored.
 */
import * as v from 'valibot';
import { BODY_AREAS, breakKindOf, EQUIPMENT, POSITIONS, ROUTINE_KINDS, type BodyArea, type Equipment, type Position, type RoutineKind } from '../content/types';
import type { MessageKey, PluralBase } from './i18n';
import { OWN_ID, totalSec } from './own-routine-play';

export { asRoutine, isOwnId, OWN_ID, OWN_SYNC_BUDGET, syncBytes, totalSec } from './own-routine-play';

/** The editor's limits (the schema below and the form share them). */
export const OWN_LIMITS = Object.freeze({
  routines: 30,
  nameChars: 60,
  stepChars: 200,
  steps: 20,
  stepSec: { min: 5, max: 600 },
  /** A routine fills one break kind, so it lasts what that break may last (lib/settings.ts' rules). */
  totalSec: { micro: { min: 10, max: 120 }, stretch: { min: 60, max: 30 * 60 } },
});

const trimmed = (max: number) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(max), v.check((s: string) => s === s.trim() && !/[\u0000-\u001f\u007f]/.test(s), 'not trimmed, or has control characters'));
const unique = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;

const OwnStepSchema = v.strictObject({
  text: trimmed(OWN_LIMITS.stepChars),
  seconds: v.pipe(v.number(), v.integer(), v.minValue(OWN_LIMITS.stepSec.min), v.maxValue(OWN_LIMITS.stepSec.max)),
});

export const OwnRoutineSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(OWN_ID)),
    name: trimmed(OWN_LIMITS.nameChars),
    kind: v.picklist(ROUTINE_KINDS),
    areas: v.pipe(v.array(v.picklist(BODY_AREAS)), v.minLength(1), v.check(unique, 'repeated area')),
    position: v.picklist(POSITIONS),
    /** `['none']`, or the things it needs. */
    equipment: v.pipe(v.array(v.picklist(EQUIPMENT)), v.minLength(1), v.check(unique, 'repeated equipment'), v.check((e) => e.length === 1 || !e.includes('none'), '"none" with equipment')),
    steps: v.pipe(v.array(OwnStepSchema), v.minLength(1), v.maxLength(OWN_LIMITS.steps)),
  }),
  v.check((r) => totalProblem(r.kind, totalSec(r.steps)) === null, 'total length out of range for its break kind'),
);

export const OwnRoutinesSchema = v.pipe(
  v.array(OwnRoutineSchema),
  v.maxLength(OWN_LIMITS.routines),
  v.check((rs) => unique(rs.map((r) => r.id)), 'repeated id'),
);

export type OwnRoutine = v.InferOutput<typeof OwnRoutineSchema>;
export type OwnStep = OwnRoutine['steps'][number];

/** Parses anything (storage, sync, an import) into own routines, or says where it fails. Never throws. */
export function parseOwnRoutines(raw: unknown): { ok: true; value: OwnRoutine[] } | { ok: false; index: number | null; detail: string } {
  const r = v.safeParse(OwnRoutinesSchema, raw, { abortEarly: true });
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const first = issue?.path?.[0]?.key;
  return { ok: false, index: typeof first === 'number' ? first : null, detail: issue ? `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`.slice(0, 300) : '' };
}

function totalProblem(kind: RoutineKind, total: number): 'short' | 'long' | null {
  const range = OWN_LIMITS.totalSec[breakKindOf({ kind })];
  return total < range.min ? 'short' : total > range.max ? 'long' : null;
}

// ---------------------------------------------------------------------------------------------
// The editor's draft: what a person types, checked field by field.

export interface OwnDraft {
  name: string;
  kind: RoutineKind;
  areas: BodyArea[];
  position: Position;
  /** What it needs besides nothing ('none' is implied by an empty list). */
  equipment: Exclude<Equipment, 'none'>[];
  steps: { text: string; seconds: string }[];
}

export type DraftField = 'name' | 'areas' | 'steps' | 'total' | `step${number}.text` | `step${number}.seconds`;
/** A field's error: a message, or a plural set (lib/plural.ts) with the count its form follows. */
export type DraftError = { field: DraftField; key: MessageKey; subs?: Array<string | number> } | { field: DraftField; key: PluralBase; count: number; subs: Array<string | number> };

export const emptyDraft = (): OwnDraft => ({ name: '', kind: 'stretch', areas: [], position: 'seated', equipment: [], steps: [{ text: '', seconds: '30' }] });

export function draftOf(o: OwnRoutine): OwnDraft {
  return {
    name: o.name,
    kind: o.kind,
    areas: [...o.areas],
    position: o.position,
    equipment: o.equipment.filter((e): e is Exclude<Equipment, 'none'> => e !== 'none'),
    steps: o.steps.map((s) => ({ text: s.text, seconds: String(s.seconds) })),
  };
}

/**
 * Collapses runs of white space (a pasted line break) and trims; a control character (pasted from
 * elsewhere: the schema below stores none) counts as a space.
 */
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();

function secondsError(text: string): { key: MessageKey; subs?: Array<string | number> } | number {
  const s = text.normalize('NFKC').trim(); // full-width digits (a Japanese input method) as ASCII
  if (s === '') return { key: 'errRequired' };
  // Signed and leading-point numbers as the settings' number fields read them: "-5" is too small, not "not a number".
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return { key: 'errNotNumber' };
  const n = Number(s.replace(',', '.'));
  if (!Number.isInteger(n)) return { key: 'errNotWhole' };
  if (n < OWN_LIMITS.stepSec.min) return { key: 'errTooSmall', subs: [OWN_LIMITS.stepSec.min] };
  if (n > OWN_LIMITS.stepSec.max) return { key: 'errTooLarge', subs: [OWN_LIMITS.stepSec.max] };
  return n;
}

/** The form's running total: each step's seconds as the check reads them (30,0 is 30), 0 while unreadable. */
export function draftTotalSec(d: OwnDraft): number {
  return d.steps.reduce((n, s) => {
    const sec = secondsError(s.seconds);
    return n + (typeof sec === 'number' ? sec : 0);
  }, 0);
}

/**
 * Checks a draft; `id` is the routine's (kept when editing, new when adding). Returns the routine
 * to store, or every field's first error in the form's order.
 */
export function validateOwnRoutine(d: OwnDraft, id: string): { ok: true; value: OwnRoutine } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const name = clean(d.name);
  if (name === '') errors.push({ field: 'name', key: 'ownErrNameRequired' });
  else if (name.length > OWN_LIMITS.nameChars) errors.push({ field: 'name', key: 'ownErrTooLong', count: OWN_LIMITS.nameChars, subs: [OWN_LIMITS.nameChars] });
  if (d.areas.length === 0) errors.push({ field: 'areas', key: 'ownErrAreas' });
  if (d.steps.length === 0) errors.push({ field: 'steps', key: 'ownErrNoSteps' });
  if (d.steps.length > OWN_LIMITS.steps) errors.push({ field: 'steps', key: 'ownErrTooManySteps', subs: [OWN_LIMITS.steps] });
  const steps: OwnStep[] = [];
  d.steps.forEach((s, i) => {
    const text = clean(s.text);
    if (text === '') errors.push({ field: `step${i}.text`, key: 'ownErrStepRequired' });
    else if (text.length > OWN_LIMITS.stepChars) errors.push({ field: `step${i}.text`, key: 'ownErrTooLong', count: OWN_LIMITS.stepChars, subs: [OWN_LIMITS.stepChars] });
    const sec = secondsError(s.seconds);
    if (typeof sec !== 'number') errors.push({ field: `step${i}.seconds`, ...sec });
    steps.push({ text, seconds: typeof sec === 'number' ? sec : 0 });
  });
  const allTimed = d.steps.length > 0 && !errors.some((e) => e.field.endsWith('.seconds'));
  if (allTimed) {
    const problem = totalProblem(d.kind, totalSec(steps));
    if (problem) {
      // Micro: "10 to 120 seconds"; stretch: "1 to 30 minutes"; then the steps' sum in seconds.
      const micro = breakKindOf(d) === 'micro';
      const range = OWN_LIMITS.totalSec[micro ? 'micro' : 'stretch'];
      const unit = micro ? 1 : 60;
      errors.push({ field: 'total', key: micro ? 'ownErrTotalMicro' : 'ownErrTotalStretch', count: totalSec(steps), subs: [range.min / unit, range.max / unit, totalSec(steps)] });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const routine = {
    id,
    name,
    kind: d.kind,
    areas: BODY_AREAS.filter((a) => d.areas.includes(a)),
    position: d.position,
    equipment: d.equipment.length === 0 ? (['none'] as Equipment[]) : EQUIPMENT.filter((e) => (d.equipment as Equipment[]).includes(e)),
    steps,
  };
  const parsed = v.safeParse(OwnRoutineSchema, routine);
  // The schema and the checks above share their limits; a draft they pass always parses.
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, errors: [{ field: 'name', key: 'errSaveFailed' }] };
}

/** A fresh id that none of `taken` has (`random` in [0, 1), passed in so tests can fix it). */
export function newOwnId(taken: readonly string[], random: () => number): string {
  for (;;) {
    const id = `own-${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
    if (!taken.includes(id)) return id;
  }
}
