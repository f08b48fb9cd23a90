/**
 * The options page's number fields: what a person types, in the unit the form shows (minutes,
 * hours, seconds), each with its limits (the same as lib/settings.ts `SettingsSchema`'s), how it
 * reads from and writes to the settings. The check of a typed value (`validateField`) is in
 * lib/settings-validate.ts, which the options page loads after its first paint.
 */
import { dailyLimitHours, type BreakKind, type BreakRule, type Settings } from './settings';

export type FieldId =
  | 'stretch.everyMin'
  | 'stretch.lengthMin'
  | 'micro.everyMin'
  | 'micro.lengthSec'
  | 'snoozeMin'
  | 'snoozeLimit'
  | 'idleSec'
  | 'hold.maxMin'
  | 'pauseWaitMin'
  | 'dailyLimit.hours';

interface FieldSpec {
  min: number;
  max: number;
  integer: boolean;
  /** Reads the field's value (in form units) from settings. */
  get(s: Settings): number;
  /** Returns new settings with the field set (value in form units). */
  set(s: Settings, value: number): Settings;
}

const withRule = (s: Settings, kind: BreakKind, patch: Partial<BreakRule>): Settings => ({
  ...s,
  [kind]: { ...s[kind], ...patch },
});

export const FIELDS: Record<FieldId, FieldSpec> = {
  'stretch.everyMin': {
    min: 10, max: 240, integer: true,
    get: (s) => Math.round(s.stretch.everySec / 60),
    set: (s, n) => withRule(s, 'stretch', { everySec: n * 60 }),
  },
  'stretch.lengthMin': {
    min: 1, max: 30, integer: true,
    get: (s) => Math.max(1, Math.round(s.stretch.lengthSec / 60)),
    set: (s, n) => withRule(s, 'stretch', { lengthSec: n * 60 }),
  },
  'micro.everyMin': {
    min: 5, max: 120, integer: true,
    get: (s) => Math.round(s.micro.everySec / 60),
    set: (s, n) => withRule(s, 'micro', { everySec: n * 60 }),
  },
  'micro.lengthSec': {
    min: 10, max: 120, integer: true,
    get: (s) => s.micro.lengthSec,
    set: (s, n) => withRule(s, 'micro', { lengthSec: n }),
  },
  snoozeMin: {
    min: 1, max: 30, integer: true,
    get: (s) => Math.max(1, Math.round(s.snoozeSec / 60)),
    set: (s, n) => ({ ...s, snoozeSec: n * 60 }),
  },
  snoozeLimit: {
    min: 0, max: 5, integer: true,
    get: (s) => s.snoozeLimit,
    set: (s, n) => ({ ...s, snoozeLimit: n }),
  },
  idleSec: {
    min: 15, max: 600, integer: true,
    get: (s) => s.idleSec,
    set: (s, n) => ({ ...s, idleSec: n }),
  },
  'hold.maxMin': {
    min: 1, max: 120, integer: true,
    get: (s) => s.hold.maxMin,
    set: (s, n) => ({ ...s, hold: { ...s.hold, maxMin: n } }),
  },
  pauseWaitMin: {
    min: 0, max: 10, integer: true,
    get: (s) => s.pauseWaitMin,
    set: (s, n) => ({ ...s, pauseWaitMin: n }),
  },
  'dailyLimit.hours': {
    min: 1, max: 16, integer: false,
    get: (s) => dailyLimitHours(s.dailyLimit.minutes),
    set: (s, n) => ({ ...s, dailyLimit: { ...s.dailyLimit, minutes: Math.round(n * 60) } }),
  },
};

export type FieldError =
  | { key: 'errRequired' }
  | { key: 'errNotNumber' }
  | { key: 'errNotWhole' }
  | { key: 'errTooSmall'; min: number }
  | { key: 'errTooLarge'; max: number }
  | { key: 'errLengthNotShorter' };
