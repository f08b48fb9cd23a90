/**
 * The routine library: desk-friendly stretches, self-massage and quick posture / eye checks.
 *
 * This file is data only. The words (titles, summaries, step texts, cautions) are in the message
 * catalogues, public/_locales/<lang>/messages.json, under r_<id>_title, r_<id>_summary,
 * r_<id>_step1..N (the id with "-" as "_") and caution_<name>; read them through content/text.ts.
 * Step n of a routine here is r_<id>_step<n> there, and its `seconds` are how long it is shown.
 *
 * Every step, caution and safety note is drawn from the articles in ../shared/sources/ (each
 * routine lists the ones it uses; each caution below quotes its source). These are general
 * wellness tips, not medical advice.
 *
 * Ids are stable forever (settings and history keep them): reword text freely, never ids.
 * `durationSec` is the sum of the steps' seconds; content/catalogue.test.ts checks the whole
 * catalogue (durations, keys in every locale, reading speed, coverage of areas / equipment /
 * positions, sources, illustrations).
 */
import type { Caution, Routine, RoutineStep, SourceFile } from './types';

// The articles, by what they are used for here (see ../shared/sources/README.md).
/** Relieve Tension and Pain in the Muscles: foam rollers / massage balls, gentle stretches, risks. */
const TENSION: SourceFile = '000_17127256b9a5dc16.txt';
/** Massage Therapy For Back Pain: upper/lower back strain, posture, neck pain, gentle pressure. */
const STRAIN: SourceFile = '001_2f0860d736cc2a50.txt';
/** Massage therapy for back pain: gentle slow strokes, kneading and stretching, soreness. */
const ADAPTIVE: SourceFile = '002_61c43f22783eb111.txt';
/** Back Pain Massage Treatment: self-massage steps, stretches, desk posture, hydration, red flags. */
const GUIDE: SourceFile = '003_c6dbf771cae5e23a.txt';
/** Massage Therapy For Back Pain: kneading and effleurage, range of motion, stress. */
const KNEADING: SourceFile = '004_7c94fdeeb76c4d01.txt';

// Safety notes, worded from the sources' own cautions (text: caution_<name> in the catalogues).
/** 003: "avoiding direct pressure on the spine or injured areas". */
const NO_SPINE: Caution = 'noSpine';
/** 003: "stopping if you feel sharp pain". */
const SHARP_PAIN: Caution = 'sharpPain';
/** 002: soreness "should subside within a day or two"; 000: temporary soreness or bruising. */
const SORENESS: Caution = 'soreness';
/** 000: "listen to your body and not push yourself too hard during these stretches". */
const GENTLE: Caution = 'gentle';
/** 003: numbness, tingling, severe pain, pain after an accident: see a professional. */
const SEE_PRO: Caution = 'seePro';
/** 003: "Always consult your healthcare provider if you are unsure." */
const IF_UNSURE: Caution = 'ifUnsure';
/** The neck stretches' form of GENTLE (003: "Incorporate gentle stretches"; 000: "not push yourself too hard"). */
const GENTLE_NECK: Caution = 'gentleNeck';
/** The back extension's form of GENTLE (003: "Incorporate gentle stretches"). */
const LEAN_BACK: Caution = 'leanBack';

/** Steps by their seconds: step n's text is r_<id>_step<n>. */
const timed = (...seconds: number[]): RoutineStep[] => seconds.map((s) => ({ seconds: s }));

export const ROUTINES: readonly Routine[] = [
  // -------------------------------------------------------------------------------------------
  // Stretches
  {
    id: 'knee-to-chest',
    kind: 'stretch',
    areas: ['lower-back', 'hips'],
    position: 'seated',
    equipment: ['chair'],
    durationSec: 140,
    steps: timed(10, 30, 10, 30, 10, 25, 25),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, TENSION],
    illustration: 'knee-to-chest.svg',
  },
  {
    id: 'cat-cow',
    kind: 'stretch',
    areas: ['upper-back', 'lower-back'],
    position: 'seated',
    equipment: ['chair'],
    durationSec: 125,
    steps: timed(10, 10, 10, 40, 30, 15, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, KNEADING],
    illustration: 'cat-cow.svg',
  },
  {
    id: 'hip-flexor-stretch',
    kind: 'stretch',
    areas: ['hips', 'lower-back'],
    position: 'standing',
    equipment: ['chair'],
    durationSec: 125,
    steps: timed(10, 10, 35, 10, 10, 35, 15),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, TENSION],
    illustration: 'hip-flexor-stretch.svg',
  },
  {
    id: 'chest-opener',
    kind: 'stretch',
    areas: ['shoulders', 'upper-back'],
    position: 'standing',
    equipment: ['none'],
    durationSec: 125,
    steps: timed(10, 10, 30, 15, 30, 10, 20),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, STRAIN, TENSION],
    illustration: 'chest-opener.svg',
  },
  {
    id: 'neck-side-stretch',
    kind: 'stretch',
    areas: ['neck', 'shoulders'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 130,
    steps: timed(10, 25, 5, 25, 5, 25, 25, 10),
    cautions: [GENTLE_NECK, SHARP_PAIN, SEE_PRO],
    sources: [STRAIN, GUIDE, TENSION],
    illustration: 'neck-side-stretch.svg',
  },
  {
    id: 'shoulder-rolls',
    kind: 'stretch',
    areas: ['shoulders', 'neck'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 130,
    steps: timed(10, 30, 30, 15, 15, 20, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [KNEADING, GUIDE],
    illustration: 'shoulder-rolls.svg',
  },
  {
    id: 'seated-spinal-twist',
    kind: 'stretch',
    areas: ['upper-back', 'lower-back'],
    position: 'seated',
    equipment: ['chair'],
    durationSec: 130,
    steps: timed(10, 10, 35, 10, 10, 35, 10, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, KNEADING],
    illustration: 'seated-spinal-twist.svg',
  },
  {
    id: 'hamstring-stretch',
    kind: 'stretch',
    areas: ['hips', 'lower-back'],
    position: 'seated',
    equipment: ['chair'],
    durationSec: 130,
    steps: timed(10, 10, 35, 10, 10, 35, 10, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, TENSION],
    illustration: 'hamstring-stretch.svg',
  },
  {
    id: 'wrist-forearm-stretch',
    kind: 'stretch',
    areas: ['wrists'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 130,
    steps: timed(10, 25, 25, 10, 25, 25, 10),
    cautions: [GENTLE, SHARP_PAIN, SEE_PRO],
    sources: [TENSION, ADAPTIVE],
    illustration: 'wrist-forearm-stretch.svg',
  },
  {
    id: 'standing-back-extension',
    kind: 'stretch',
    areas: ['lower-back'],
    position: 'standing',
    equipment: ['none'],
    durationSec: 125,
    steps: timed(10, 10, 10, 5, 40, 35, 15),
    cautions: [LEAN_BACK, SHARP_PAIN],
    sources: [GUIDE, STRAIN],
    illustration: 'standing-back-extension.svg',
  },
  {
    id: 'wall-angels',
    kind: 'stretch',
    areas: ['shoulders', 'upper-back'],
    position: 'wall',
    equipment: ['wall'],
    durationSec: 125,
    steps: timed(10, 10, 10, 40, 15, 30, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [STRAIN, KNEADING],
    illustration: 'wall-angels.svg',
  },
  {
    id: 'wall-chest-stretch',
    kind: 'stretch',
    areas: ['shoulders', 'upper-back'],
    position: 'wall',
    equipment: ['wall'],
    durationSec: 130,
    steps: timed(10, 10, 35, 10, 10, 10, 35, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [TENSION, STRAIN],
    illustration: 'wall-chest-stretch.svg',
  },
  {
    id: 'upper-back-stretch',
    kind: 'stretch',
    areas: ['upper-back', 'shoulders'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 125,
    steps: timed(10, 30, 10, 25, 10, 30, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [TENSION, STRAIN],
    illustration: 'upper-back-stretch.svg',
  },
  {
    id: 'chin-tucks',
    kind: 'stretch',
    areas: ['neck', 'upper-back'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 125,
    steps: timed(10, 10, 40, 10, 20, 10, 25),
    cautions: [GENTLE_NECK, SHARP_PAIN, SEE_PRO],
    sources: [STRAIN, GUIDE],
    illustration: 'chin-tucks.svg',
  },
  {
    id: 'standing-side-bend',
    kind: 'stretch',
    areas: ['lower-back', 'upper-back'],
    position: 'standing',
    equipment: ['none'],
    durationSec: 130,
    steps: timed(10, 5, 25, 10, 5, 25, 10, 30, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [TENSION, GUIDE],
    illustration: 'standing-side-bend.svg',
  },
  {
    id: 'seated-figure-four',
    kind: 'stretch',
    areas: ['hips', 'lower-back'],
    position: 'seated',
    equipment: ['chair'],
    durationSec: 130,
    steps: timed(10, 10, 35, 10, 10, 35, 10, 10),
    cautions: [GENTLE, SHARP_PAIN],
    sources: [GUIDE, TENSION],
    illustration: 'seated-figure-four.svg',
  },

  // -------------------------------------------------------------------------------------------
  // Self-massage
  {
    id: 'hand-massage-sore-spots',
    kind: 'self-massage',
    areas: ['lower-back'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 160,
    steps: timed(15, 15, 40, 10, 30, 40, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SORENESS],
    sources: [GUIDE, TENSION, ADAPTIVE],
    illustration: 'hand-massage-sore-spots.svg',
  },
  {
    id: 'tennis-ball-wall-upper-back',
    kind: 'self-massage',
    areas: ['upper-back', 'shoulders'],
    position: 'wall',
    equipment: ['tennis-ball', 'wall'],
    durationSec: 170,
    steps: timed(15, 15, 40, 20, 10, 40, 20, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SORENESS],
    sources: [GUIDE, TENSION, STRAIN],
    illustration: 'tennis-ball-wall-upper-back.svg',
  },
  {
    id: 'foam-roller-wall-back',
    kind: 'self-massage',
    areas: ['upper-back', 'lower-back'],
    position: 'wall',
    equipment: ['foam-roller', 'wall'],
    durationSec: 170,
    steps: timed(15, 15, 40, 20, 10, 40, 20, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SORENESS],
    sources: [GUIDE, TENSION],
    illustration: 'foam-roller-wall-back.svg',
  },
  {
    id: 'neck-shoulder-kneading',
    kind: 'self-massage',
    areas: ['neck', 'shoulders'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 160,
    steps: timed(10, 30, 20, 15, 10, 30, 20, 15, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SEE_PRO],
    sources: [KNEADING, ADAPTIVE, STRAIN],
    illustration: 'neck-shoulder-kneading.svg',
  },
  {
    id: 'massage-ball-lower-back',
    kind: 'self-massage',
    areas: ['lower-back'],
    position: 'seated',
    equipment: ['massage-ball', 'chair'],
    durationSec: 145,
    steps: timed(15, 10, 20, 40, 10, 40, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SORENESS],
    sources: [TENSION, GUIDE],
    illustration: 'massage-ball-lower-back.svg',
  },
  {
    id: 'forearm-wrist-massage',
    kind: 'self-massage',
    areas: ['wrists'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 180,
    steps: timed(10, 30, 25, 20, 10, 30, 25, 20, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SEE_PRO],
    sources: [KNEADING, ADAPTIVE, GUIDE],
    illustration: 'forearm-wrist-massage.svg',
  },
  {
    id: 'massage-ball-hips-wall',
    kind: 'self-massage',
    areas: ['hips', 'lower-back'],
    position: 'wall',
    equipment: ['massage-ball', 'wall'],
    durationSec: 170,
    steps: timed(15, 15, 40, 20, 10, 40, 20, 10),
    cautions: [NO_SPINE, SHARP_PAIN, SORENESS],
    sources: [TENSION, GUIDE],
    illustration: 'massage-ball-hips-wall.svg',
  },

  // -------------------------------------------------------------------------------------------
  // Micro checks (posture and eyes), 20-30 seconds
  {
    id: 'posture-reset',
    kind: 'posture',
    areas: ['lower-back', 'upper-back', 'neck'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 25,
    steps: timed(8, 8, 9),
    cautions: [SHARP_PAIN],
    sources: [GUIDE, STRAIN],
    illustration: 'posture-reset.svg',
  },
  {
    id: 'eye-rest-20-20-20',
    kind: 'eyes',
    areas: ['eyes'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 25,
    steps: timed(20, 5),
    cautions: [IF_UNSURE],
    sources: [GUIDE],
    illustration: 'eye-rest-20-20-20.svg',
  },
  {
    id: 'breathing-reset',
    kind: 'posture',
    areas: ['shoulders', 'upper-back'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 25,
    steps: timed(5, 10, 10),
    cautions: [GENTLE],
    sources: [GUIDE, KNEADING],
    illustration: 'breathing-reset.svg',
  },
  {
    id: 'stand-up-break',
    kind: 'posture',
    areas: ['lower-back', 'hips'],
    position: 'standing',
    equipment: ['none'],
    durationSec: 30,
    steps: timed(5, 15, 10),
    cautions: [SHARP_PAIN],
    sources: [GUIDE],
    illustration: 'stand-up-break.svg',
  },
  {
    id: 'shoulder-drop',
    kind: 'posture',
    areas: ['shoulders', 'neck'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 27,
    steps: timed(8, 6, 8, 5),
    cautions: [SHARP_PAIN],
    sources: [KNEADING, GUIDE],
    illustration: 'shoulder-drop.svg',
  },
  {
    id: 'screen-distance-check',
    kind: 'posture',
    areas: ['neck', 'eyes'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 30,
    steps: timed(10, 10, 10),
    cautions: [IF_UNSURE],
    sources: [GUIDE],
    illustration: 'screen-distance-check.svg',
  },
  {
    id: 'wrist-shake-out',
    kind: 'posture',
    areas: ['wrists'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 25,
    steps: timed(5, 10, 10),
    cautions: [SHARP_PAIN, SEE_PRO],
    sources: [TENSION, ADAPTIVE],
    illustration: 'wrist-shake-out.svg',
  },
  {
    id: 'blink-break',
    kind: 'eyes',
    areas: ['eyes'],
    position: 'seated',
    equipment: ['none'],
    durationSec: 25,
    steps: timed(10, 10, 5),
    cautions: [IF_UNSURE],
    sources: [GUIDE],
    illustration: 'blink-break.svg',
  },
  {
    id: 'hydration-sip',
    kind: 'posture',
    areas: ['shoulders', 'lower-back'],
    position: 'standing',
    equipment: ['none'],
    durationSec: 26,
    steps: timed(8, 10, 8),
    cautions: [SHARP_PAIN],
    sources: [GUIDE],
    illustration: 'hydration-sip.svg',
  },
  {
    id: 'wall-posture-check',
    kind: 'posture',
    areas: ['upper-back', 'neck'],
    position: 'wall',
    equipment: ['wall'],
    durationSec: 26,
    steps: timed(8, 10, 8),
    cautions: [SHARP_PAIN],
    sources: [STRAIN, GUIDE],
    illustration: 'wall-posture-check.svg',
  },
];
