/**
 * "Your data": the import check (lib/backup.ts is the file's format). Pure (the caller passes `now`).
 *
 * An import is checked completely before anything is written, and refused with one problem (the
 * options page says each in words, naming the setting or the break) if any check fails, in this
 * order: tooLarge (over MAX_IMPORT_BYTES, 64 MB) -> notJson (damaged or truncated) -> hostile (prototype keys, nesting
 * too deep, huge strings) -> notBackup (not our format) -> newerVersion (a newer backup or
 * settings version) / wrongVersion -> damaged (the file's frame) / badRow (a break row fails its
 * shape: types, ranges, ids, day keys) -> settings (through `parseSettings`, i.e. exactly the
 * options form's limits: badSetting, breakTooLong, badSettings; across values, what stored settings
 * may hold, so that every export imports back) -> own routines (through
 * `parseOwnRoutines`, the editor's limits: badOwnRoutine naming the routine, badOwnRoutines; not a list: damaged) -> the rows' own rules
 * (duplicateRow, startAfterEnd, future: dated more than FUTURE_SLACK_MS after `now`). Rows naming
 * a routine Limber no longer has are kept: the pages show them as "a routine no longer in Limber" (lib/backup-summary.ts counts them).
 * Top-level fields it does not know are ignored (as unknown keys in the settings are); a break row's are refused.
 */
import * as v from 'valibot';
import { addDays, isDayKey } from './days';
import { migrateSettings, SETTINGS_VERSION, type BreakKind } from './settings';
import { parseSettings } from './settings-parse';
import type { FieldId } from './settings-fields';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_ROWS, type Backup } from './backup';
import { MAX_IMPORT_BYTES } from './limits';
import { parseOwnRoutines } from './own-routines';
import { ownSitesValid } from './call-sites';

/**
 * How far after this computer's clock a break may be dated: a day. A backup made minutes ago on a
 * computer whose clock ran ahead (a few minutes, an hour, a wrong time zone setting) imports; its
 * breaks count on the days they are dated (a break dated tomorrow counts tomorrow, once), as do
 * breaks recorded before a clock was set back.
 */
export const FUTURE_SLACK_MS = 86_400_000;
const MAX_STRING = 1000;
const MAX_DEPTH = 12;

/** The options sections a settings problem can be in (named in the message by the section's title). */
export type SettingsPart = 'schedule' | 'stretch' | 'micro' | 'snooze' | 'behaviour' | 'routines' | 'sound';

/**
 * Why an import was refused. `row` counts from 1 in the file's order; `day` is the row's day key;
 * `field` is the options form's field whose limits the value breaks.
 */
export type ImportProblem =
  | { code: 'tooLarge' | 'notJson' | 'hostile' | 'notBackup' | 'wrongVersion' | 'newerVersion' | 'damaged' }
  | { code: 'badRow' | 'duplicateRow'; row: number }
  | { code: 'startAfterEnd' | 'future'; row: number; day: string }
  | { code: 'badSetting'; field: FieldId }
  | { code: 'breakTooLong'; kind: BreakKind }
  | { code: 'badSettings'; part: SettingsPart | null }
  | { code: 'badOwnRoutine'; routine: number }
  | { code: 'badOwnRoutines' };

declare const checked: unique symbol;
/**
 * A backup as `parseBackup` returned it (only it makes one): what an import writes is what was
 * checked, and the options page's preview need not check the file again for "Replace my data".
 */
export type CheckedBackup = Backup & { readonly [checked]: true };

/** `detail` is for logs and tests (the validator's words); people see the problem's message. */
export type ParsedBackup = { ok: true; value: CheckedBackup } | { ok: false; problem: ImportProblem; detail: string | null };

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);
const Epoch = v.pipe(v.number(), v.integer(), v.minValue(MIN_TIME), v.maxValue(MAX_TIME));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[a-z0-9-]+$/));

const BreakRow = v.pipe(
  v.strictObject({
    id: Id,
    kind: v.picklist(['micro', 'stretch']),
    outcome: v.picklist(['completed', 'partial', 'skipped', 'natural']),
    dueAt: Epoch,
    promptedAt: v.nullable(Epoch),
    startedAt: v.nullable(Epoch),
    endedAt: Epoch,
    routineId: v.nullable(Id),
    deskMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7 * 86_400_000)),
    snoozes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
    manual: v.boolean(),
    day: v.pipe(v.string(), v.check((s: string) => isDayKey(s), 'not a day (YYYY-MM-DD)')),
  }),
  // The day is the local day in some real time zone of when the break began (`startedAt`; one never
  // started, `endedAt`; older rows, `endedAt`), at most a break's length and its grace before its end:
  // within a day of UTC's day of `endedAt`.
  v.check((r) => {
    const utc = new Date(r.endedAt).toISOString().slice(0, 10);
    return r.day === utc || r.day === addDays(utc, 1) || r.day === addDays(utc, -1);
  }, 'day does not match endedAt'),
);

/** Fields it does not know are left out, as unknown keys in the settings are (only the known ones are read and written). */
const BackupShape = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  settings: v.unknown(),
  /** The settings' shape version (absent in backups made before it was written: 1). */
  settingsVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SETTINGS_VERSION))),
  /** Checked after the settings, by parseOwnRoutines. */
  ownRoutines: v.optional(v.unknown()),
  history: v.pipe(v.array(BreakRow), v.maxLength(MAX_ROWS)),
});

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Walks the parsed JSON without recursion: forbidden keys, depth, string sizes. */
function hostility(root: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: root, depth: 0, path: '(root)' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) return `${path}: a string of ${value.length} characters`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return `${path}: nested too deeply`;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, path: `${path}.${i}` });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path}: forbidden key "${key}"`;
      if (key.length > 100) return `${path}: a key of ${key.length} characters`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: `${path}.${key}` });
    }
  }
  return null;
}

/** UTF-8 size of a string without encoding it. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Where in the settings a form field's value is stored. */
const FIELD_AT: Readonly<Record<string, FieldId>> = {
  'stretch.everySec': 'stretch.everyMin',
  'stretch.lengthSec': 'stretch.lengthMin',
  'micro.everySec': 'micro.everyMin',
  'micro.lengthSec': 'micro.lengthSec',
  snoozeSec: 'snoozeMin',
  snoozeLimit: 'snoozeLimit',
  idleSec: 'idleSec',
  'hold.maxMin': 'hold.maxMin',
  'dailyLimit.minutes': 'dailyLimit.hours',
  pauseWaitMin: 'pauseWaitMin',
};

/** The options section each top-level setting is in. */
const PART_OF: Readonly<Record<string, SettingsPart>> = {
  schedule: 'schedule',
  weekStart: 'schedule',
  stretch: 'stretch',
  micro: 'micro',
  snoozeSec: 'snooze',
  snoozeLimit: 'snooze',
  idleSec: 'snooze',
  remindAfterSec: 'snooze',
  strict: 'behaviour',
  hold: 'behaviour',
  dailyLimit: 'behaviour',
  prompts: 'behaviour',
  badge: 'behaviour',
  headsUpSec: 'behaviour',
  pauseWaitMin: 'behaviour',
  callSites: 'behaviour',
  routines: 'routines',
  sound: 'sound',
};

/**
 * Which setting a `parseSettings` refusal is about, from its first issue's path ("stretch.everySec:
 * ..."): a form field, a break that is not shorter than its interval, or a section.
 */
export function settingsProblem(raw: unknown, issues: readonly string[]): ImportProblem {
  const first = issues[0] ?? '';
  const cut = first.indexOf(': ');
  const path = cut < 0 ? first : first.slice(0, cut);
  const field = Object.hasOwn(FIELD_AT, path) ? FIELD_AT[path] : undefined;
  if (field) return { code: 'badSetting', field };
  if (path === 'stretch' || path === 'micro') {
    // The rule's own check (a break shorter than its interval) reports at the rule's path.
    const rule = (raw as Record<string, unknown>)[path] as { everySec?: unknown; lengthSec?: unknown } | undefined;
    if (rule && typeof rule.everySec === 'number' && typeof rule.lengthSec === 'number' && rule.lengthSec >= rule.everySec) return { code: 'breakTooLong', kind: path };
  }
  const top = path.split('.')[0] ?? '';
  return { code: 'badSettings', part: Object.hasOwn(PART_OF, top) ? (PART_OF[top] ?? null) : null };
}

const isNewer = (x: unknown, current: number) => typeof x === 'number' && Number.isInteger(x) && x > current;

/**
 * Checks an import file's text completely, as of `now` (a break dated, by any of its times, more
 * than FUTURE_SLACK_MS after it is in the future). Never throws.
 */
export function parseBackup(text: string, now: number): ParsedBackup {
  const fail = (problem: ImportProblem, detail: string | null = null): ParsedBackup => ({ ok: false, problem, detail });
  if (text.length > MAX_IMPORT_BYTES || utf8Bytes(text) > MAX_IMPORT_BYTES) return fail({ code: 'tooLarge' });
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a byte-order mark is not JSON
  } catch (e) {
    return fail({ code: 'notJson' }, e instanceof Error ? e.message.slice(0, 200) : null);
  }
  const hostile = hostility(raw);
  if (hostile) return fail({ code: 'hostile' }, hostile);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT) return fail({ code: 'notBackup' });
  const { version, settingsVersion } = raw as { version?: unknown; settingsVersion?: unknown };
  const versionText = typeof version === 'number' && Number.isFinite(version) ? String(version) : null;
  if (isNewer(version, BACKUP_VERSION)) return fail({ code: 'newerVersion' }, versionText);
  if (version !== BACKUP_VERSION) return fail({ code: 'wrongVersion' }, versionText);
  if (isNewer(settingsVersion, SETTINGS_VERSION)) return fail({ code: 'newerVersion' }, `settingsVersion ${String(settingsVersion)}`);
  const shape = v.safeParse(BackupShape, raw, { abortEarly: true });
  if (!shape.success) {
    const issue = shape.issues[0];
    const detail = issue ? `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`.slice(0, 300) : null;
    const [where, index] = issue?.path ?? [];
    if (where?.key === 'history' && typeof index?.key === 'number') return fail({ code: 'badRow', row: index.key + 1 }, detail);
    if (where?.key === 'settingsVersion') return fail({ code: 'wrongVersion' }, detail);
    if (where?.key === 'settings') return fail({ code: 'badSettings', part: null }, detail);
    return fail({ code: 'damaged' }, detail);
  }
  const rawSettings = migrateSettings(shape.output.settings, shape.output.settingsVersion ?? 1);
  const settings = parseSettings(rawSettings);
  if (!settings.ok) {
    const detail = `settings.${settings.issues[0] ?? ''}`.slice(0, 300);
    if (typeof rawSettings !== 'object' || rawSettings === null || Array.isArray(rawSettings)) return fail({ code: 'badSettings', part: null }, detail);
    return fail(settingsProblem(rawSettings, settings.issues), detail);
  }
  // A file takes what stored settings may hold, so that every export imports back: working hours
  // the week editor would refuse (overlapping, empty, from 24:00) and neither a notification nor
  // the break window are kept as they are, as when sync or an older version leaves them (the
  // worker merges overlapping hours and opens the window; the options page shows what to fix).
  // An own call site twice or a built-in one is refused: stored settings drop those when read, so
  // no export holds them.
  if (!ownSitesValid(settings.value.callSites.own)) return fail({ code: 'badSettings', part: 'behaviour' }, 'settings.callSites.own: a site twice, or a built-in one');
  // Absent in backups made before own routines: none. Anything else, null too, must be a list.
  const own = parseOwnRoutines(shape.output.ownRoutines === undefined ? [] : shape.output.ownRoutines);
  if (!own.ok) {
    // A routine the editor would refuse, named; a list too long or with an id twice; or no list at all (the file's frame damaged).
    const problem: ImportProblem = own.index !== null ? { code: 'badOwnRoutine', routine: own.index + 1 } : Array.isArray(shape.output.ownRoutines) ? { code: 'badOwnRoutines' } : { code: 'damaged' };
    return fail(problem, `ownRoutines.${own.detail}`.slice(0, 300));
  }
  const seen = new Set<string>();
  const latest = now + FUTURE_SLACK_MS;
  const history = shape.output.history;
  for (let i = 0; i < history.length; i++) {
    const r = history[i]!;
    if (seen.has(r.id)) return fail({ code: 'duplicateRow', row: i + 1 }, `history.${i}.id: "${r.id}" appears twice`);
    seen.add(r.id);
    if (r.startedAt !== null && r.startedAt > r.endedAt) return fail({ code: 'startAfterEnd', row: i + 1, day: r.day }, `history.${i}: startedAt after endedAt`);
    if (Math.max(r.dueAt, r.promptedAt ?? 0, r.startedAt ?? 0, r.endedAt) > latest) return fail({ code: 'future', row: i + 1, day: r.day }, `history.${i}: after ${new Date(latest).toISOString()}`);
  }
  const value: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: shape.output.exportedAt, settings: settings.value, settingsVersion: SETTINGS_VERSION, ownRoutines: own.value, history };
  return { ok: true, value: value as CheckedBackup };
}
