/**
 * What playing the user's own routines needs, apart from their schema (so that the break page's
 * choice and player do not load it): the id rule, the adapter that makes one a `Routine` for the
 * picker and the player, and the rule for what syncs. Pure. The shape and the editor's limits
 * are in ./own-routines.ts.
 */
import type { Routine } from '../content/types';
import type { OwnRoutine } from './own-routines';

/** Own routine ids never collide with the library's: "own-" and a random base-36 part. */
export const OWN_ID = /^own-[a-z0-9]{1,24}$/;
export const isOwnId = (id: string): boolean => OWN_ID.test(id);

export const totalSec = (steps: readonly { seconds: number }[]): number => steps.reduce((n, s) => n + s.seconds, 0);

/**
 * An own routine as the picker and the player see it: the library's shape, with its words in
 * `own` (content/text.ts reads them there), no cautions, sources or illustration, and each step's
 * action taking its whole time.
 */
export const asRoutine = (o: OwnRoutine): Routine => ({
  ...o,
  durationSec: totalSec(o.steps),
  steps: o.steps.map((s) => ({ seconds: s.seconds, actionSec: s.seconds })),
  cautions: [],
  sources: [],
  illustration: '',
  own: { name: o.name, steps: o.steps.map((s) => s.text) },
});

/**
 * Own routines sync (storage.sync, one item) only while their JSON is at most this many bytes:
 * storage.sync allows 8,192 bytes per item (key included) and 102,400 in all, and the settings
 * need their own room. Larger, they stay on this computer and the editor says so.
 */
export const OWN_SYNC_BUDGET = 7000;

/** Bytes of `value` as storage.sync counts them (the key plus the value's JSON, UTF-8). */
export function syncBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}
