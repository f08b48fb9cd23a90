/**
 * The routine library's types. Settings keep routine ids only, so ids are stable forever:
 * reword a title freely, never an id. Routines are data only: their words are in the message
 * catalogues (see content/text.ts).
 */

export const ROUTINE_KINDS = ['stretch', 'self-massage', 'posture', 'eyes'] as const;
export type RoutineKind = (typeof ROUTINE_KINDS)[number];

export const BODY_AREAS = ['neck', 'shoulders', 'upper-back', 'lower-back', 'hips', 'wrists', 'eyes'] as const;
export type BodyArea = (typeof BODY_AREAS)[number];

export const POSITIONS = ['seated', 'standing', 'wall'] as const;
export type Position = (typeof POSITIONS)[number];

export const EQUIPMENT = ['none', 'chair', 'wall', 'tennis-ball', 'massage-ball', 'foam-roller'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** File names in ../shared/sources/ (the articles the routine draws from). */
export const SOURCE_FILES = [
  '000_17127256b9a5dc16.txt',
  '001_2f0860d736cc2a50.txt',
  '002_61c43f22783eb111.txt',
  '003_c6dbf771cae5e23a.txt',
  '004_7c94fdeeb76c4d01.txt',
] as const;
export type SourceFile = (typeof SOURCE_FILES)[number];

/**
 * The shared safety notes. Their text is caution_<name> in public/_locales/<lang>/messages.json
 * (content/text.ts); content/routines.ts names each one's source.
 */
export const CAUTIONS = ['noSpine', 'sharpPain', 'soreness', 'gentle', 'seePro', 'ifUnsure', 'gentleNeck', 'leanBack'] as const;
export type Caution = (typeof CAUTIONS)[number];

/**
 * One timed step. Its text (a short imperative sentence a person can read and do in `seconds`) is
 * r_<id>_step<n> in the message catalogues, n counting from 1 (content/text.ts: stepText).
 */
export interface RoutineStep {
  seconds: number;
}

export interface Routine {
  /** Stable kebab-case id. */
  id: string;
  kind: RoutineKind;
  // The title and the one-sentence summary (what it is for) are r_<id>_title and r_<id>_summary
  // in the message catalogues (content/text.ts).
  areas: readonly BodyArea[];
  position: Position;
  /** Everything needed; `['none']` when nothing is. */
  equipment: readonly Equipment[];
  /** Sum of the steps' seconds. */
  durationSec: number;
  steps: readonly RoutineStep[];
  /** Safety notes shown with the routine (from the sources). */
  cautions: readonly Caution[];
  sources: readonly SourceFile[];
  /** File name of the illustration in public/routines/ (SVG). */
  illustration: string;
}

/** Which break kind a routine can fill: micro breaks take posture/eyes checks. */
export function breakKindOf(r: Pick<Routine, 'kind'>): 'micro' | 'stretch' {
  return r.kind === 'posture' || r.kind === 'eyes' ? 'micro' : 'stretch';
}
