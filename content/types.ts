/**
 * The routine library's types. Settings keep routine ids only, so ids are stable forever:
 * rename a title freely, never an id.
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

export interface RoutineStep {
  /** A short imperative sentence a person can read and do in `seconds`. */
  text: string;
  seconds: number;
}

export interface Routine {
  /** Stable kebab-case id. */
  id: string;
  kind: RoutineKind;
  title: string;
  /** One sentence: what it is for. */
  summary: string;
  areas: readonly BodyArea[];
  position: Position;
  /** Everything needed; `['none']` when nothing is. */
  equipment: readonly Equipment[];
  /** Sum of the steps' seconds. */
  durationSec: number;
  steps: readonly RoutineStep[];
  /** Safety notes shown with the routine (from the sources). */
  cautions: readonly string[];
  sources: readonly SourceFile[];
  /** File name of the illustration in public/routines/ (SVG). */
  illustration: string;
}

/** Which break kind a routine can fill: micro breaks take posture/eyes checks. */
export function breakKindOf(r: Pick<Routine, 'kind'>): 'micro' | 'stretch' {
  return r.kind === 'posture' || r.kind === 'eyes' ? 'micro' : 'stretch';
}
