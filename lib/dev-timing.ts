/**
 * The developer switch: seconds-long timing for the end-to-end tests, the bench and demos.
 *
 * Settings (stored, synced, imported) accept only what the options form accepts: a stretch break
 * at most every 10 minutes, a posture check at most every 5. Tests that must see whole break
 * cycles in seconds write this object to `storage.local` under `devTiming` instead; only the
 * background reads it, over the settings in force. It is never exported, never synced, ignored on
 * import and cleared by a reset. Pure: the storage item lives in lib/storage/dev-timing.ts.
 */
import * as v from 'valibot';
import type { Settings } from './settings';

export const DEV_TIMING_KEY = 'devTiming' as const;

const Seconds = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const Rule = v.object({ enabled: v.boolean(), everySec: Seconds(1, 24 * 3600), lengthSec: Seconds(1, 3600) });

/**
 * Any subset of the timing fields, each as loose as a test needs (1 s and up; idle >= 15 s as the
 * API requires). Each field optional on its own: what v.partial does, without its code in the worker.
 */
export const DevTimingSchema = v.object({
  micro: v.optional(Rule),
  stretch: v.optional(Rule),
  snoozeSec: v.optional(Seconds(1, 3600)),
  remindAfterSec: v.optional(Seconds(0, 3600)),
  idleSec: v.optional(Seconds(15, 3600)),
  /** The heads-up's lead (settings offer only 0, 60 or 120 s). */
  headsUpSec: v.optional(Seconds(0, 3600)),
  /** A hold's bound in seconds-long minutes (settings: whole minutes, 1 and up). */
  hold: v.optional(v.object({ enabled: v.boolean(), maxMin: v.pipe(v.number(), v.minValue(0.05), v.maxValue(600)) })),
  /** The settle after a hold ends, and the look while a hold or a wait for a pause lasts (tracker constants: 60 s each). */
  holdSettleSec: v.optional(Seconds(1, 600)),
  holdRecheckSec: v.optional(Seconds(1, 600)),
});
export type DevTiming = v.InferOutput<typeof DevTimingSchema>;

/** The timing fields the switch may override. */
export const DEV_TIMING_FIELDS = ['micro', 'stretch', 'snoozeSec', 'remindAfterSec', 'idleSec', 'headsUpSec', 'hold', 'holdSettleSec', 'holdRecheckSec'] as const;

/**
 * The settings the background runs on: `settings` with a valid switch's fields over them. A
 * malformed switch is ignored. The settle and recheck ride along as fields no stored settings
 * have (lib/tracker/state.ts `holdSettleMs`, `holdRecheckMs` read them).
 */
export function withDevTiming(settings: Settings, raw: unknown): Settings {
  if (raw === null || raw === undefined) return settings;
  const r = v.safeParse(DevTimingSchema, raw);
  // The heads-up's lead may be any seconds here (tests only), outside the form's choices.
  return r.success ? ({ ...settings, ...r.output } as Settings) : settings;
}
