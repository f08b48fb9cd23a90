/**
 * The routine library's types. Settings keep routine ids only, so ids are stable forever:
 * reword a title freely, never an id. Routines are data only: their words are in the message
 * catalogues (see content/text.ts).
 */
import type { SourceId } from './sources';

export const ROUTINE_KINDS = ['stretch', 'self-massage', 'posture', 'eyes'] as const;
export type RoutineKind = (typeof ROUTINE_KINDS)[number];

export const BODY_AREAS = ['neck', 'shoulders', 'upper-back', 'lower-back', 'hips', 'legs', 'wrists', 'hands', 'eyes'] as const;
export type BodyArea = (typeof BODY_AREAS)[number];

export const POSITIONS = ['seated', 'standing', 'wall'] as const;
export type Position = (typeof POSITIONS)[number];

export const EQUIPMENT = ['none', 'chair', 'wall', 'tennis-ball', 'massage-ball', 'foam-roller'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/**
 * The shared safety notes. Their text is caution_<name> in public/_locales/<lang>/messages.json
 * (content/text.ts); content/source-notes.ts names the sources each one comes from, and a routine
 * that shows a caution cites at least one of them.
 */
export const CAUTIONS = [
  'noSpine',
  'sharpPain',
  'soreness',
  'gentle',
  'seePro',
  'gentleNeck',
  'leanBack',
  'stableChair',
  'spineCondition',
  'eyeDoctor',
  'dizzy',
] as const;
export type Caution = (typeof CAUTIONS)[number];

/**
 * What a step asks of the eyes, so the player can bring the person back when it ends (a visual cue
 * that works with sound off): 'eyes-closed' (eyes shut) or 'look-away' (gaze off the screen).
 */
export const STEP_CUES = ['eyes-closed', 'look-away'] as const;
export type StepCue = (typeof STEP_CUES)[number];

/**
 * One timed step. Its text (a short imperative sentence) is r_<id>_step<n> in the message
 * catalogues, n counting from 1 (content/text.ts: stepText). The step must leave time to read the
 * text AND to do what it asks: content/catalogue-timing.test.ts checks words / reading speed + actionSec
 * <= seconds in every language.
 */
export interface RoutineStep {
  /** How long the step is on screen. */
  seconds: number;
  /** How long the action itself takes once read (a hold, the breaths, the gaze, the rolling). */
  actionSec: number;
  /** In- and out-breaths the step asks for, each counted once (a full breath is 2); each needs 4 s of actionSec. */
  breaths?: number;
  /**
   * This step's words are those of step `sameAs` (from 0, an earlier step of the same routine),
   * said again (the other side, a pause repeated): one message for both (content/keys.ts stepKey).
   */
  sameAs?: number;
  /** Set when the eyes are closed or away from the screen during the step. */
  cue?: StepCue;
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
  /** Safety notes shown with the routine, as many as apply (each from a source the routine cites). */
  cautions: readonly Caution[];
  /** Ids in content/sources.ts of the sources that contain the routine's technique and cautions. */
  sources: readonly SourceId[];
  /** File name of the illustration in public/routines/ (SVG); '' for the user's own routines. */
  illustration: string;
  /**
   * Set only on the user's own routines (lib/own-routines.ts, asRoutine): their words, as typed
   * (not translated), which content/text.ts reads instead of the message catalogues.
   */
  own?: { name: string; steps: readonly string[] };
}

/** Which break kind a routine can fill: micro breaks take posture/eyes checks. */
export function breakKindOf(r: Pick<Routine, 'kind'>): 'micro' | 'stretch' {
  return r.kind === 'posture' || r.kind === 'eyes' ? 'micro' : 'stretch';
}
