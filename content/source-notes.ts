/**
 * What each routine takes from each source it cites, in Limber's own words (shown in
 * docs/ROUTINES.md), and which sources each safety note comes from. Kept apart from
 * content/routines.ts so the extension's pages do not bundle these notes: only the docs script and
 * the tests read this file.
 *
 * content/catalogue-sources.test.ts checks that every citation has a note here and every note a citation,
 * and that each caution a routine shows comes from at least one source the routine cites.
 */
import type { SourceId } from './sources';
import type { BodyArea, Caution } from './types';

/** The sources each safety note (caution_<name>) is drawn from. */
export const CAUTION_SOURCES: Record<Caution, readonly SourceId[]> = {
  noSpine: ['article-lasting-relief'],
  sharpPain: ['article-lasting-relief', 'nhs-tayside-exercises-at-home', 'hartford-seated-hamstring', 'uhcw-hand-therapy-exercises'],
  soreness: ['article-massage-untitled', 'article-relieve-tension'],
  gentle: ['article-relieve-tension', 'nhs-cuh-general-exercises', 'nhs-tayside-exercises-at-home'],
  seePro: ['article-lasting-relief', 'amta-hand-wrist-self-care'],
  gentleNeck: ['nhs-cuh-neck-exercises'],
  leanBack: ['nhs-newcastle-body-check'],
  stableChair: ['nhs-tayside-exercises-at-home', 'hse-ie-sitting-exercises'],
  spineCondition: ['article-lasting-relief', 'article-massage-untitled'],
  eyeDoctor: ['aao-home-office-eyes', 'atrius-close-work'],
  dizzy: ['nhs-tayside-exercises-at-home', 'nhs-cuh-neck-exercises'],
};

/**
 * Where each source describes self-massage (with the hands, a ball or a roller): the areas a
 * self-massage routine may rest on it for. Sources that describe only a therapist's massage are not here.
 */
export const MASSAGE_AREAS: Partial<Record<SourceId, readonly BodyArea[]>> = {
  'article-lasting-relief': ['upper-back', 'lower-back'],
  'article-relieve-tension': ['upper-back', 'lower-back'],
  'amta-hand-wrist-self-care': ['hands', 'wrists'],
  'iom-hospice-self-massage': ['neck', 'shoulders'],
};

/**
 * What a self-massage routine does that none of its sources describes, said plainly (shown in
 * docs/ROUTINES.md under the routine's sources): the areas, and a note in Limber's own words.
 */
export const UNCOVERED: Record<string, { areas: readonly BodyArea[]; note: string }> = {
  'massage-ball-hips-wall': {
    areas: ['hips'],
    note:
      'The articles describe ball self-massage of the back muscles only; none of the sources describes it on the seat (gluteal) muscles, where this routine uses it, and no page from a health service, hospital or professional body that does was found. The seat steps apply the back technique and its cautions by analogy.',
  },
};

// Notes used by several routines.
const TAYSIDE_SAFETY = 'Safety: use a sturdy, stable chair or support, stop if an exercise hurts, breathe normally.';
const TAYSIDE_PAIN = 'Safety: stop if an exercise causes pain; do not hold your breath.';
const LASTING_MASSAGE =
  'Self-massage with gentle pressure in slow circles on the muscles beside the spine, never on it; stop at sharp pain; numbness, tingling or certain spinal conditions mean seeing a professional first.';
const TENSION_TOOLS = 'Self-massage tools (massage balls, foam rollers) for tight muscles, and that soreness or bruising can follow deep pressure.';
const BACK_RED_FLAGS =
  'Cautions: red flags (numbness, tingling, weakness, loss of bladder or bowel control, severe pain after an accident) mean pausing self-care and seeing a professional; certain spinal conditions call for care (the article names them for massage; Limber applies them to back bends and twists too).';
const UNTITLED_FRAGILE = 'Soreness after deep pressure should pass within a day or two; osteoporosis can mean fragile vertebrae and herniated discs can press on nerves (the spinal-condition caution).';

/** routine id -> source id -> what the routine takes from that source. */
export const SOURCE_NOTES: Record<string, Partial<Record<SourceId, string>>> = {
  'knee-to-chest': {
    'article-lasting-relief': `Gentle knee-to-chest stretches as part of a daily stretching routine for the back and hips (done seated here). ${BACK_RED_FLAGS}`,
    'article-relieve-tension': 'Keep stretches gentle, listen to your body and do not push too hard.',
    'nhs-tayside-exercises-at-home': TAYSIDE_SAFETY,
  },
  'cat-cow': {
    'article-lasting-relief': `Cat-cow movements among the stretches that complement back care. ${BACK_RED_FLAGS}`,
    'nhs-newcastle-body-check': 'The seated form: slouch until the back rounds, then sit up tall so it arches, a few times over.',
    'nhs-tayside-exercises-at-home': TAYSIDE_SAFETY,
  },
  'hip-flexor-stretch': {
    'article-lasting-relief': 'Hip flexor stretches among the stretches that complement back care.',
    'article-relieve-tension': 'Keep stretches gentle, listen to your body and do not push too hard.',
    'nhs-tayside-exercises-at-home': 'Hold a stable chair or something solid for support; stop if it hurts.',
  },
  'chest-opener': {
    'wellspan-chest-shoulder-stretch':
      'The whole stretch: stand tall, glide the head back, raise the arms with palms forward and elbows out, lower them while drawing the shoulder blades down and back, hold a few seconds, relax, repeat.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'neck-side-stretch': {
    'nhs-newcastle-body-check': 'Moving the head from side to side and turning to look left and right, in a good sitting posture.',
    'nhs-cuh-neck-exercises': 'Tilting the head toward one shoulder and turning it to one side, each held; never pulling on the head and stopping if dizzy.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'shoulder-rolls': {
    'nhs-newcastle-body-check': 'Rolling the shoulders forwards and backwards while sitting well.',
    'umass-shoulder-shrug': 'Lifting both shoulders toward the ears, holding for a count of five and releasing, seated.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'seated-spinal-twist': {
    'nhs-newcastle-body-check': 'Arms crossed in front of the chest, turning the body from side to side and holding each turn.',
    'nhs-tayside-exercises-at-home': TAYSIDE_SAFETY,
    'article-lasting-relief': BACK_RED_FLAGS,
  },
  'hamstring-stretch': {
    'hartford-seated-hamstring':
      'The whole stretch: one leg out with the heel down and toes up, sitting tall and leaning forward from the hips with a straight back until the back of the thigh stretches, then switching sides.',
    'nhs-tayside-exercises-at-home': TAYSIDE_SAFETY,
  },
  'wrist-forearm-stretch': {
    'merck-wrist-extensor-stretch': 'Elbow straight, palm down, the other hand bending the wrist down to stretch the back of the forearm, held.',
    'nhs-newcastle-body-check': 'Bending the wrists up and down and making fists then stretching the fingers out, a few times each.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'standing-back-extension': {
    'nhs-newcastle-body-check': 'Hands on hips, bending gently backwards and holding the stretch.',
    'article-lasting-relief': 'Walking as regular movement for the back; cautions about certain spinal conditions, sharp pain, numbness and tingling.',
    'article-massage-untitled': 'Osteoporosis and disc problems as reasons for care with the spine (the spinal-condition caution).',
  },
  'wall-angels': {
    'wellspan-chest-shoulder-stretch':
      'The wall form of the stretch: standing against a wall, arms raised with palms forward and elbows out, lowered while the shoulder blades slide down and together, arms and hands kept on the wall.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'upper-back-stretch': {
    'nhs-upper-back-stretch': 'Arms out at shoulder height, fingers interlocked into a circle as if hugging a tree, pushed away by bringing the shoulders forward with a straight back.',
    'bangor-upper-back-stretch': 'The same reach forward at shoulder height can be done seated, holding it for a while.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'chin-tucks': {
    'sira-exercises-while-sitting': 'Sitting tall, shoulder blades gently back and down, chin tucked and held; sliding the chin straight back with the nose level, repeated.',
    'nhs-cuh-neck-exercises': 'Chin retraction sitting straight-backed, held at the end; stop if dizzy.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'standing-side-bend': {
    'nhs-cuh-general-exercises':
      'Sliding one hand down the side to bend sideways at the waist, lifting an arm with the elbow near the ear, all slow and controlled with slow breaths (described seated; done standing here).',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
    'article-lasting-relief': BACK_RED_FLAGS,
  },
  'seated-figure-four': {
    'eskenazi-piriformis-stretch': 'The whole stretch: in a sturdy chair, one ankle over the other knee in a figure 4, leaning forward until the buttock stretches, held.',
    'nhs-tayside-exercises-at-home': TAYSIDE_SAFETY,
  },
  'hand-massage-sore-spots': {
    'article-lasting-relief': `Using your own hands on tender spots: ${LASTING_MASSAGE}`,
    'article-massage-untitled': `Gentle, slow strokes. ${UNTITLED_FRAGILE}`,
    'article-relieve-tension': 'Soreness or bruising as possible after-effects of pressure.',
  },
  'tennis-ball-wall-upper-back': {
    'article-lasting-relief': `A tennis ball for targeted pressure on tender spots. ${LASTING_MASSAGE}`,
    'article-relieve-tension': TENSION_TOOLS,
    'article-massage-untitled': UNTITLED_FRAGILE,
  },
  'foam-roller-wall-back': {
    'article-lasting-relief': `A foam roller for broad muscle work, rolled slowly along the back and paused at tight spots (here on the side of the back, with a wall instead of the floor). ${LASTING_MASSAGE}`,
    'article-relieve-tension': TENSION_TOOLS,
    'article-massage-untitled': UNTITLED_FRAGILE,
  },
  'neck-shoulder-kneading': {
    'iom-hospice-self-massage':
      'The self-massage itself: one hand squeezing and letting go of the muscle along the top of the opposite shoulder; fingertip circles over the muscles on either side of the back of the neck, worked up and down it (the page uses both hands at once, the routine one side at a time); and a relaxed hand stroking from the base of the skull down the side of the neck and over the shoulder (the page carries the stroke on down the arm).',
    'article-massage-kneading': 'Kneading and light strokes (effleurage) on the tense area, as a therapist does them.',
    'article-massage-untitled': `Gentle, slow strokes. ${UNTITLED_FRAGILE}`,
    'article-lasting-relief':
      'Gentle pressure in slow circles on the muscles beside the spine, never on it (described for the back; kept here for the neck); stop at sharp pain; numbness, tingling or certain spinal conditions mean seeing a professional first.',
  },
  'massage-ball-lower-back': {
    'article-relieve-tension': TENSION_TOOLS,
    'article-lasting-relief': `A massage ball for targeted pressure on tender spots. ${LASTING_MASSAGE}`,
    'article-massage-untitled': UNTITLED_FRAGILE,
    'nhs-tayside-exercises-at-home': 'Use a sturdy, stable chair (leaning back on a chair that rolls is unsafe).',
  },
  'forearm-wrist-massage': {
    'amta-hand-wrist-self-care':
      'Self-massage of the hand and forearm with pressing, stroking and circular movements from the hand up toward the elbow, pressure chosen for comfort; stop at numbness or tingling (done with the thumb instead of a small ball here).',
    'article-massage-kneading': 'Kneading as a massage technique for tense muscles.',
    'article-lasting-relief': 'Cautions: no direct pressure on injured areas (or the spine), stop at sharp pain.',
    'article-relieve-tension': 'Soreness or bruising as possible after-effects of pressure.',
  },
  'massage-ball-hips-wall': {
    'article-relieve-tension': TENSION_TOOLS,
    'article-lasting-relief': `A ball for targeted pressure on tender spots, described for the back (used on the seat muscles here: see the gap below). ${LASTING_MASSAGE}`,
    'article-massage-untitled': UNTITLED_FRAGILE,
  },
  'posture-reset': {
    'sira-exercises-while-sitting': 'Correcting sitting posture: sit tall, shoulder blades gently back and down, chin tucked in, held for about ten seconds, repeated through the day.',
    'article-lasting-relief': 'Posture at the desk and a workspace set up for it; stop at sharp pain.',
    'article-massage-strain-posture': 'Long-standing posture habits as a cause of lower back pain, and the advice to practise correct posture.',
  },
  'eye-rest-20-20-20': {
    'aao-home-office-eyes': 'The 20-20-20 rule: every 20 minutes, look about 20 feet (6 m) away for 20 seconds; breaks help you blink; ask a doctor if you have trouble seeing the screen.',
    'hse-vdu-breaks': 'Breaks from screen work that change what the eyes do, including blinking and focusing on distant objects.',
  },
  'breathing-reset': {
    'nhs-camhs-lincs-relaxation': 'Equal breathing: in for a slow count of four and out for a slow count of four.',
    'nhs-tayside-exercises-at-home': 'Safety: stop if you feel dizzy; breathe normally.',
  },
  'stand-up-break': {
    'nhs-newcastle-body-check': 'Change position every 30 minutes, for example by standing up; rolling the shoulders back.',
    'hse-vdu-breaks': 'Breaks from screen work should let you change posture and move.',
    'article-lasting-relief': 'Walking as regular movement that supports the back; stop at sharp pain.',
  },
  'shoulder-drop': {
    'umass-shoulder-shrug': 'Lifting the shoulders toward the ears, holding briefly and releasing.',
    'sira-exercises-while-sitting': 'Drawing the shoulder blades gently back and down to ease tension in the neck and shoulders.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'screen-distance-check': {
    'aao-home-office-eyes': "Screen about an arm's length away, eyes looking slightly down at it, brightness and contrast set to be comfortable; ask a doctor about trouble seeing the screen.",
    'article-lasting-relief': 'Adjusting the chair, desk and computer so that the workspace supports good posture.',
  },
  'wrist-shake-out': {
    'nhs-newcastle-body-check': 'Making fists and stretching the fingers out, bending the wrists up and down and bending and straightening the elbows, three times each.',
    'hse-vdu-breaks': 'Breaks from intensive keyboard work should use the hands and arms differently.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'blink-break': {
    'aao-home-office-eyes': 'Screens make us blink less; a break can be as simple as shutting the eyes for a while or looking out of a window; ask a doctor if you have trouble seeing the screen.',
    'hse-vdu-breaks': 'Exercise routines for screen users that include blinking and focusing on distant objects.',
  },
  'hydration-sip': {
    'article-lasting-relief': 'Drinking water (which the article advises before and after a self-massage session); stop at sharp pain.',
    'nhs-newcastle-body-check': 'Standing up to change position, and rolling the shoulders.',
  },
  'wall-posture-check': {
    'wellspan-chest-shoulder-stretch': 'Standing tall against a wall with the head glided back over the body.',
    'sira-exercises-while-sitting': 'The posture to keep: tall, shoulder blades gently back and down, chin tucked in.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'seated-ankle-pumps': {
    'hse-ie-sitting-exercises':
      'The ankle stretch: sitting upright and holding the sides of a solid chair without wheels, one leg straight and raised, toes pointed away and back toward you, five times a foot; for ankle flexibility and a lower risk of a blood clot.',
    'nhs-tayside-exercises-at-home': TAYSIDE_PAIN,
  },
  'tendon-glides': {
    'plymouth-tendon-gliding': 'The finger positions: bending only at the knuckles (tabletop), the hook fist with the knuckles straight, and the fist, each followed by straightening the fingers.',
    'uhcw-hand-therapy-exercises': 'The start position (elbow on the table, hand up, wrist straight) and moving the finger joints through their range; stop at persistent pain or discomfort.',
  },
  'paced-breathing': {
    'lpt-relaxed-breathing':
      'The technique: in through the nose and out through the mouth, slowly and regularly, breaths that fill the lungs low down with no strain, counting one to five in and one to five out, without holding the breath (the page suggests three to five minutes, two or three times a day; the routine is a shorter round of about two and a half minutes).',
    'nhs-tayside-exercises-at-home': TAYSIDE_SAFETY,
  },
  'standing-desk-check': {
    'umn-sit-stand-ergonomics':
      'The standing posture at a sit-stand desk: weight even on both feet with the hips square, upper arms relaxed at the sides with elbow, wrist and keyboard in a line, the head balanced over the spine without leaning on the desk or to a side, and sitting for a while once you keep shifting your weight.',
    'article-lasting-relief': 'Setting up the desk and computer so that they support good posture; stop at sharp pain.',
  },
  'walking-break': {
    'nhs-sit-less': 'Breaking up long spells of sitting: getting up regularly and taking a walk break, for example with a coffee or tea break.',
    'article-lasting-relief': 'Walking as regular movement that keeps the back flexible, and drinking water (advised before and after self-massage); stop at sharp pain.',
  },
  'near-far-focus': {
    'atrius-close-work':
      'The refocusing break for close work: look away at something across the room, then go back to the close work (the page suggests every 15-30 minutes; the routine does the far look twice); blink more often; an eye exam for a vision problem that is not corrected.',
    'aao-home-office-eyes': 'Screens make us blink less and breaks help; ask a doctor if you have trouble seeing the screen.',
  },
};
