/**
 * The settings model: one typed, versioned object, its defaults, and how anything stored, synced
 * or imported is read into it. Two layers of checking:
 * - `SettingsSchema` (valibot) checks the stored, synced and imported shape with exactly the
 *   form's limits (lib/settings-fields.ts `FIELDS`), so no backup or synced value can set what a person cannot.
 *   The form's checks across values are the form's: stored settings drop a repeated call site
 *   (`settingsOrDefaults`, an import refuses one) and keep overlapping hours, shown in the options
 *   with what to fix; an import keeps them too (lib/backup-parse.ts), so that every export imports back.
 * - `validateField` (lib/settings-validate.ts) checks what a person types on the options page, with human limits and a
 *   message key for each failure. Invalid input never reaches storage.
 * Tests that need seconds-long cycles use the developer switch (lib/dev-timing.ts), which only
 * the background reads, from local storage: never exported, synced or imported.
 */
import * as v from 'valibot';
import { BODY_AREAS, EQUIPMENT, POSITIONS } from '../content/types';
import { CallSitesSchema, DEFAULT_CALL_SITES, ownSitesRepaired } from './call-sites';

import { MICRO_DEFAULT_SEC } from './settings-migrate';
export { migrateSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './settings-migrate';

/** Which day weeks start on: the locale's custom, or a fixed day. */
export const WEEK_STARTS = ['locale', 'mon', 'sun', 'sat'] as const;
export type WeekStartSetting = (typeof WEEK_STARTS)[number];

/** The heads-up's choices on the form, in seconds before a stretch break: off, 1 min, 2 min. */
export const HEADS_UP_CHOICES_SEC = [0, 60, 120] as const;
export type HeadsUpSec = (typeof HEADS_UP_CHOICES_SEC)[number];

export type BreakKind = 'micro' | 'stretch';
export const BREAK_KINDS: readonly BreakKind[] = ['stretch', 'micro'];

/** Seconds in a minute: the form edits most durations in whole minutes. */
const M = 60;

/**
 * A whole number of `step`s. Here and below, a `v.check` does what a dedicated valibot action
 * (multipleOf, length, minLength, a union) would, with the same answers: the worker, which reads
 * settings through this schema, then carries none of their code (~0.1 KB gzip together).
 */
const wholeOf = (step: number) => v.check<number>((n) => n % step === 0);

/**
 * One break kind's rule, with the form's limits for that kind (lib/settings-fields.ts `FIELDS`): desk time between
 * breaks and the break's length (idle at least this long counts as the break taken), in seconds;
 * a break is always shorter than its interval.
 */
function breakRule(every: [number, number], length: [number, number], lengthStep: number) {
  return v.pipe(
    v.object({
      enabled: v.boolean(),
      everySec: v.pipe(v.number(), v.integer(), v.minValue(every[0]), v.maxValue(every[1]), wholeOf(M)),
      lengthSec: v.pipe(v.number(), v.integer(), v.minValue(length[0]), v.maxValue(length[1]), wholeOf(lengthStep)),
    }),
    v.check((r) => r.lengthSec < r.everySec, 'a break must be shorter than its interval'),
  );
}

/** Stretch breaks: every 10-240 min, 1-30 min long, in whole minutes (as the form sets them). */
const StretchRule = breakRule([10 * M, 240 * M], [1 * M, 30 * M], M);
/** Posture checks: every 5-120 whole minutes, 10-120 s long. */
const MicroRule = breakRule([5 * M, 120 * M], [10, 120], 1);

/** Minutes after local midnight. */
const MinuteOfDay = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60));

/**
 * A working range in local wall-clock time; `to < from` means it crosses midnight. One of no length
 * (`to == from`), which the week editor refuses, is kept as it comes (sync, an import: every export
 * imports back) and is no hours (lib/schedule.ts).
 */
const TimeRange = v.object({ from: MinuteOfDay, to: MinuteOfDay });

export const ScheduleSchema = v.object({
  /** Off: reminders at any time. */
  enabled: v.boolean(),
  /** Index 0 = Monday ... 6 = Sunday; an empty list is a day off. */
  days: v.pipe(v.array(v.pipe(v.array(TimeRange), v.maxLength(6))), v.check((d) => d.length === 7)),
});

/**
 * How often the user's own routines are picked: like any routine of the library ('equal'), for
 * about half of the breaks one of them fits ('half'), or whenever one fits ('only').
 */
export const OWN_WEIGHTS = ['equal', 'half', 'only'] as const;
export type OwnWeight = (typeof OWN_WEIGHTS)[number];

const RoutinePrefs = v.object({
  equipment: v.pipe(v.array(v.picklist(EQUIPMENT)), v.maxLength(EQUIPMENT.length)),
  focusAreas: v.pipe(v.array(v.picklist(BODY_AREAS)), v.maxLength(BODY_AREAS.length)),
  positions: v.pipe(v.array(v.picklist(POSITIONS)), v.check((p) => p.length > 0), v.maxLength(POSITIONS.length)),
  excluded: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/))), v.maxLength(200)),
  /** Added after version 2 without a migration: settings stored without it read as 'equal'. */
  mine: v.optional(v.picklist(OWN_WEIGHTS), 'equal'),
  // Whether self-massage is offered depends on the safety screen's answer, a health answer kept
  // on this device only (lib/storage/health.ts), never here: settings sync.
});

export const SettingsSchema = v.object({
  micro: MicroRule,
  stretch: StretchRule,
  /** Prompt once when today's desk time passes this (optional): 1 to 16 h. */
  dailyLimit: v.object({ enabled: v.boolean(), minutes: v.pipe(v.number(), v.integer(), v.minValue(60), v.maxValue(16 * 60)) }),
  /** No Skip, one snooze at most. */
  strict: v.boolean(),
  schedule: ScheduleSchema,
  /** Holds (v3): while fullscreen, sound in the tab in view, or a call, a due prompt waits up to `maxMin` (off: never holds). */
  hold: v.object({ enabled: v.boolean(), maxMin: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)) }),
  /** A break due while typing waits up to this for a pause in input (0 = off). Added without a migration: missing reads as 2. */
  pauseWaitMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)), 2),
  /** Opt-in: hold breaks during calls on these sites (lib/call-sites.ts). Added without a migration: missing reads as off. */
  callSites: v.optional(CallSitesSchema, DEFAULT_CALL_SITES),
  /**
   * A quiet notice this long before a stretch break (0 = off; the form offers off, 1 and 2 min).
   * Added without a migration: missing reads as 1 min (lib/tracker/heads-up.ts).
   */
  headsUpSec: v.optional(v.picklist(HEADS_UP_CHOICES_SEC), 60),
  /** How a due break is announced. */
  prompts: v.object({ notification: v.boolean(), openWindow: v.boolean() }),
  /** Minutes to the next break on the toolbar icon. */
  badge: v.boolean(),
  sound: v.object({ chime: v.boolean(), volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)), voice: v.boolean() }),
  routines: RoutinePrefs,
  /** 1-30 min. */
  snoozeSec: v.pipe(v.number(), v.integer(), v.minValue(1 * M), v.maxValue(30 * M), wholeOf(M)),
  snoozeLimit: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
  /** Seconds without input before the machine counts as idle (browser.idle, >= 15): 15-600. */
  idleSec: v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(600)),
  /** An unanswered prompt reminds once after this many seconds (0 = never; not on the form): 0, or 1-60 min. */
  remindAfterSec: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60 * M), v.check((n) => n === 0 || n >= 1 * M)),
  /** First day of the week in the review and the streak week (v2). */
  weekStart: v.picklist(WEEK_STARTS),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Schedule = v.InferOutput<typeof ScheduleSchema>;
export type TimeRange = v.InferOutput<typeof TimeRange>;
export type RoutinePrefs = v.InferOutput<typeof RoutinePrefs>;

const WORKDAY: TimeRange[] = [{ from: 9 * 60, to: 17 * 60 + 30 }];
export type BreakRule = v.InferOutput<typeof StretchRule>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  // 45 s: every posture and eye check in the routine library fits (content/catalogue-timing.test.ts).
  micro: { enabled: true, everySec: 20 * 60, lengthSec: MICRO_DEFAULT_SEC },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 3 * 60 },
  snoozeSec: 5 * 60,
  snoozeLimit: 2,
  idleSec: 60,
  remindAfterSec: 3 * 60,
  dailyLimit: { enabled: false, minutes: 6 * 60 },
  strict: false,
  // Off until the user sets working hours (first run or options): reminders at any time.
  schedule: { enabled: false, days: [WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, [], []] },
  hold: { enabled: true, maxMin: 30 },
  pauseWaitMin: 2,
  headsUpSec: 60,
  callSites: DEFAULT_CALL_SITES,
  prompts: { notification: true, openWindow: false },
  badge: true,
  sound: { chime: false, volume: 0.6, voice: false },
  routines: { equipment: ['none', 'chair', 'wall'], focusAreas: [], positions: ['seated', 'standing', 'wall'], excluded: [], mine: 'equal' },
  weekStart: 'locale',
}) as Settings;

/**
 * The settings `raw` is, or null: `parseSettings` without the reasons, which only imports and the
 * typed fields' checks report; the worker and what the pages load up front read and check
 * settings through this, and carry no code that words them.
 */
export function validSettings(raw: unknown): Settings | null {
  const r = v.safeParse(SettingsSchema, raw);
  return r.success ? r.output : null;
}

/**
 * The settings in force for whatever is stored: every valid top-level field is kept, anything
 * missing or invalid takes its default. Never throws; the stored value itself is not changed.
 */
export function settingsOrDefaults(raw: unknown): Settings {
  const whole = validSettings(raw);
  if (whole) return repaired(whole);
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  let acc: Settings = DEFAULT_SETTINGS;
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!(key in raw)) continue;
    acc = validSettings({ ...acc, [key]: (raw as Record<string, unknown>)[key] }) ?? acc;
  }
  return repaired(acc);
}

/**
 * Stored or synced settings as the form could have made them where that loses nothing: an own
 * call site given twice, or one that is built in, is dropped (an import refuses them instead,
 * lib/backup-parse.ts, so that a person choosing a file hears of it).
 */
function repaired(s: Settings): Settings {
  const own = ownSitesRepaired(s.callSites.own);
  return own.length === s.callSites.own.length ? s : { ...s, callSites: { ...s.callSites, own } };
}

/**
 * The daily sitting limit in hours as the field and its notice say it: to 2 decimals (7 h 45 min is
 * 7.75). Here rather than with the form's fields (lib/settings-fields.ts): the worker's notice uses it.
 */
export function dailyLimitHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
