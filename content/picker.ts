/**
 * Chooses the routine for a break. Pure and deterministic: the same catalogue, preferences,
 * recent history and seed always give the same routine (no clock, no Math.random).
 *
 * 1. Eligible: the break's kind, no longer than the break (`maxSec`), equipment the user has (or
 *    'none'), an allowed position, not excluded, self-massage only when allowed, none carrying a
 *    caution to avoid (the safety screen's "one of these applies" avoids the spinal-condition
 *    routines: every stretch that bends or twists the back, content/screening.ts). When nothing is eligible, the length filter is relaxed
 *    first (for the library's routines only: an own routine longer than the break is never picked,
 *    as Options says next to it), then the position filter, then the equipment filter; exclusions,
 *    avoided cautions and the self-massage gate never are.
 * 2. No repeats until the eligible set is exhausted: the (eligible.length - 1) most recently used
 *    eligible routines are dropped (ids of other routines in `recent` do not count toward that
 *    window). If that would leave nothing, the least recently used routines remain.
 * 3. Before the safety screen is answered (`preferUnscreened`), prefer routines that need no
 *    screening (needsScreening): one that does comes only when nothing else is left, and the
 *    break page then shows the screen before it.
 * 4. Focus areas ("Routines for these areas come up more often"): when some eligible routines
 *    cover a focus area and others do not, the seed's draw sends about half of the breaks to the
 *    ones that do (rule 2 then among them), unless that would repeat the routine just played or,
 *    before the safety screen is answered, bring one that needs it. Every break, among what is
 *    left, routines covering a focus area are preferred.
 * 5. Prefer routines whose areas the last 3 recent routines did not work (fewest overlaps).
 * 6. Pick among what is left with a PRNG seeded by `seed`.
 *
 * The user's own routines (`routine.own`, lib/own-routines.ts) are in the catalogue like any
 * other and pass the same filters. `mine` weighs them: 'equal', like any routine; 'half', the
 * seed's first draw sends about half of the breaks to the own routines that fit (and the others
 * to the library's); 'only', an own routine whenever one fits. Either side empty, the other is used.
 */
import { breakKindOf, POSITIONS, type BodyArea, type Caution, type Equipment, type Position, type Routine } from './types';
import { mulberry32 } from '../lib/prng';
import type { OwnWeight, RoutinePrefs } from '../lib/settings';
import type { HealthAnswer } from '../lib/storage/health';
import { needsScreening, SCREENED_CAUTIONS } from './screening';

export interface PickPrefs {
  equipment: readonly Equipment[];
  focusAreas: readonly BodyArea[];
  positions: readonly Position[];
  excluded: readonly string[];
  allowSelfMassage: boolean;
  /** Routines carrying any of these cautions are never picked (from the safety screen's answer). */
  avoidCautions?: readonly Caution[];
  /** How often own routines are picked (default 'equal'). */
  mine?: OwnWeight;
  /** The break's length: only routines that fit it, when any does (seconds; no limit when absent). */
  maxSec?: number;
  /** The safety screen is unanswered: routines that need it come last (rule 3). */
  preferUnscreened?: boolean;
}

export { needsScreening, SCREENED_CAUTIONS } from './screening';

// Marked pure so that bundles which never read it (the background) leave it out.
export const DEFAULT_PICK_PREFS: PickPrefs = /* @__PURE__ */ Object.freeze({
  equipment: /* @__PURE__ */ Object.freeze(['none', 'chair', 'wall'] as Equipment[]),
  focusAreas: /* @__PURE__ */ Object.freeze([] as BodyArea[]),
  positions: /* @__PURE__ */ Object.freeze([...POSITIONS]),
  excluded: /* @__PURE__ */ Object.freeze([] as string[]),
  allowSelfMassage: true,
});

/** The same preferences with every routine that needs the safety screen left out (it was put off). */
export function withoutScreened(prefs: PickPrefs): PickPrefs {
  return { ...prefs, allowSelfMassage: false, avoidCautions: [...(prefs.avoidCautions ?? []), ...SCREENED_CAUTIONS] };
}

/**
 * The picker's preferences from the user's routine settings, the safety screen's answer and the
 * break's length: self-massage only once screened and switched on ('allowed'); "one of these
 * applies" ('hidden': a red flag, a spinal condition) also keeps every screened routine out (back
 * extensions, twists); unanswered ('ask'), screened routines come last and the screen before them.
 */
export function pickPrefsFor(r: RoutinePrefs, health: HealthAnswer, maxSec?: number): PickPrefs {
  return {
    equipment: r.equipment,
    focusAreas: r.focusAreas,
    positions: r.positions,
    excluded: r.excluded,
    allowSelfMassage: health === 'allowed',
    avoidCautions: health === 'hidden' ? SCREENED_CAUTIONS : [],
    preferUnscreened: health === 'ask',
    mine: r.mine,
    ...(maxSec !== undefined ? { maxSec } : {}),
  };
}

/** How many of the most recent routines count as "recently worked" for area variety. */
const AREA_MEMORY = 3;

interface Relax {
  length: boolean;
  position: boolean;
  equipment: boolean;
}

function filterRoutines(catalogue: readonly Routine[], breakKind: 'micro' | 'stretch', prefs: PickPrefs, relax: Relax): Routine[] {
  return catalogue.filter(
    (r) =>
      breakKindOf(r) === breakKind &&
      (prefs.allowSelfMassage || r.kind !== 'self-massage') &&
      !prefs.excluded.includes(r.id) &&
      !(prefs.avoidCautions ?? []).some((c) => r.cautions.includes(c)) &&
      // An own routine longer than the break is never picked: the person's list says so next to it.
      ((relax.length && !r.own) || prefs.maxSec === undefined || r.durationSec <= prefs.maxSec) &&
      (relax.position || prefs.positions.includes(r.position)) &&
      (relax.equipment || r.equipment.every((e) => e === 'none' || prefs.equipment.includes(e))),
  );
}

/** The routines that fit the break kind and the preferences exactly (no relaxing). */
export function eligibleRoutines(catalogue: readonly Routine[], breakKind: 'micro' | 'stretch', prefs: PickPrefs): Routine[] {
  return filterRoutines(catalogue, breakKind, prefs, { length: false, position: false, equipment: false });
}

/**
 * Whether any routine is left for a break kind once what the picker never relaxes applies
 * (exclusions, the self-massage gate, avoided cautions, own routines longer than `maxSec`): the
 * picker's own filter with length, position and equipment relaxed, its last resort. pickRoutine
 * finds a routine exactly when this is true (given the same `maxSec`: the break's length).
 */
export function anyRoutineLeft(catalogue: readonly Routine[], breakKind: 'micro' | 'stretch', prefs: PickPrefs): boolean {
  return filterRoutines(catalogue, breakKind, prefs, { length: true, position: true, equipment: true }).length > 0;
}

/** Eligible routines, relaxing the length, then position, then equipment when nothing fits. */
function eligibleRelaxed(catalogue: readonly Routine[], breakKind: 'micro' | 'stretch', prefs: PickPrefs): Routine[] {
  const steps: Relax[] = [
    { length: false, position: false, equipment: false },
    { length: true, position: false, equipment: false },
    { length: true, position: true, equipment: false },
    { length: true, position: true, equipment: true },
  ];
  for (const relax of steps) {
    const found = filterRoutines(catalogue, breakKind, prefs, relax);
    if (found.length > 0) return found;
  }
  return [];
}

/** The own routines or the library's among `eligible`, as `mine` says (both when it is 'equal' or a side is empty). */
function weighed(eligible: Routine[], mine: OwnWeight, random: () => number): Routine[] {
  const own = eligible.filter((r) => r.own);
  const library = eligible.filter((r) => !r.own);
  if (mine === 'equal' || own.length === 0 || library.length === 0) return eligible;
  // 'half' draws even when it ends up 'only', so the same seed keeps its later draws.
  const toOwn = random() < 0.5;
  return mine === 'only' || toOwn ? own : library;
}

/**
 * Rule 4's draw: about half of the breaks, only the routines covering a focus area (so that they
 * come up more often than the rest, which the no-repeat cycle alone would not do), when one of them
 * is not the routine just played and, before the safety screen is answered, needs no screening.
 */
function focusedHalf(eligible: Routine[], prefs: PickPrefs, recent: readonly string[], random: () => number): Routine[] {
  if (prefs.focusAreas.length === 0) return eligible;
  const focused = eligible.filter((r) => r.areas.some((a) => prefs.focusAreas.includes(a)) && !(prefs.preferUnscreened && needsScreening(r)));
  if (focused.length === 0 || focused.length === eligible.length) return eligible;
  const last = recent.find((id) => eligible.some((r) => r.id === id));
  if (!focused.some((r) => r.id !== last)) return eligible;
  return random() < 0.5 ? focused : eligible;
}

/** Keeps the items with the lowest score (all of them when the scores tie). */
function keepLowest<T>(items: readonly T[], score: (item: T) => number): T[] {
  let best = Infinity;
  for (const item of items) best = Math.min(best, score(item));
  return items.filter((item) => score(item) === best);
}

export function pickRoutine(
  catalogue: readonly Routine[],
  breakKind: 'micro' | 'stretch',
  prefs: PickPrefs,
  /** Routine ids, most recent first. */
  recent: readonly string[],
  seed: number,
): Routine | undefined {
  const random = mulberry32(seed);
  const eligible = focusedHalf(weighed(eligibleRelaxed(catalogue, breakKind, prefs), prefs.mine ?? 'equal', random), prefs, recent, random);
  if (eligible.length === 0) return undefined;

  // 2. No repeats until exhausted.
  const eligibleIds = new Set(eligible.map((r) => r.id));
  const lastUse = new Map<string, number>(); // id -> position in `recent` (0 = most recent)
  recent.forEach((id, i) => {
    if (eligibleIds.has(id) && !lastUse.has(id)) lastUse.set(id, i);
  });
  const recentlyUsed = new Set([...lastUse.entries()].sort((a, b) => a[1] - b[1]).slice(0, eligible.length - 1).map(([id]) => id));
  let candidates = eligible.filter((r) => !recentlyUsed.has(r.id));
  if (candidates.length === 0) {
    // Least recently used: never used first, then the one used longest ago.
    candidates = keepLowest(eligible, (r) => -(lastUse.get(r.id) ?? Infinity));
  }

  // 3. Unanswered safety screen: screened routines only when nothing else is left.
  if (prefs.preferUnscreened) {
    const plain = candidates.filter((r) => !needsScreening(r));
    if (plain.length > 0) candidates = plain;
  }

  // 4. Focus areas.
  if (prefs.focusAreas.length > 0) {
    const focused = candidates.filter((r) => r.areas.some((a) => prefs.focusAreas.includes(a)));
    if (focused.length > 0) candidates = focused;
  }

  // 5. Areas the last few routines did not work.
  const worked = new Set<BodyArea>();
  for (const id of recent.slice(0, AREA_MEMORY)) {
    const r = catalogue.find((c) => c.id === id);
    if (r) for (const a of r.areas) worked.add(a);
  }
  if (worked.size > 0) candidates = keepLowest(candidates, (r) => r.areas.filter((a) => worked.has(a)).length);

  // 6. Seeded choice.
  const index = Math.floor(random() * candidates.length);
  return candidates[Math.min(index, candidates.length - 1)];
}
