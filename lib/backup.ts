/**
 * "Your data": the export formats and the import check. Pure (the caller passes `now`).
 *
 * A backup is JSON: { format: 'limber-backup', version: 1, exportedAt, settings, settingsVersion,
 * history } with the history as stored break rows. Day aggregates are not in it: they are rebuilt
 * on import. Settings from an older settings version are migrated before they are checked.
 *
 * An import is checked completely before anything is written, in this order, and refused with one
 * problem code (the options page shows a message for each) if any check fails:
 *   tooLarge (> 20 MB) -> notJson (damaged or truncated) -> hostile (prototype keys, nesting too
 *   deep, huge strings) -> notBackup (not our format) -> wrongVersion -> invalid (the settings or
 *   a break row fail the schema: types, ranges, ids, day keys, duplicates).
 */
import * as v from 'valibot';
import { addDays, isDayKey } from './days';
import { migrateSettings, parseSettings, SETTINGS_VERSION, type Settings } from './settings';
import type { StoredBreak } from './storage/history';
import { MAX_IMPORT_BYTES } from './limits';

export const BACKUP_FORMAT = 'limber-backup';
export const BACKUP_VERSION = 1;
export { MAX_IMPORT_BYTES };
/** More break rows than this is not a real history (100 years at 100 a day is 3.65 M; far over). */
export const MAX_ROWS = 2_000_000;
const MAX_STRING = 1000;
const MAX_DEPTH = 12;

export type ImportProblem = 'tooLarge' | 'notJson' | 'hostile' | 'notBackup' | 'wrongVersion' | 'invalid';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  settingsVersion: number;
  history: StoredBreak[];
}

export type ParsedBackup = { ok: true; value: Backup } | { ok: false; problem: ImportProblem; detail: string | null };

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
  // The day is the local day of `endedAt` in some real time zone: within a day of UTC's.
  v.check((r) => {
    const utc = new Date(r.endedAt).toISOString().slice(0, 10);
    return r.day === utc || r.day === addDays(utc, 1) || r.day === addDays(utc, -1);
  }, 'day does not match endedAt'),
);

const BackupShape = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  settings: v.unknown(),
  /** The settings' shape version (absent in backups made before it was written: 1). */
  settingsVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SETTINGS_VERSION))),
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

/** Checks an import file's text completely. Never throws. */
export function parseBackup(text: string): ParsedBackup {
  const fail = (problem: ImportProblem, detail: string | null = null): ParsedBackup => ({ ok: false, problem, detail });
  if (text.length > MAX_IMPORT_BYTES || utf8Bytes(text) > MAX_IMPORT_BYTES) return fail('tooLarge');
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a byte-order mark is not JSON
  } catch (e) {
    return fail('notJson', e instanceof Error ? e.message.slice(0, 200) : null);
  }
  const hostile = hostility(raw);
  if (hostile) return fail('hostile', hostile);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT) return fail('notBackup');
  const version = (raw as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) return fail('wrongVersion', typeof version === 'number' && Number.isFinite(version) ? String(version) : null);
  const shape = v.safeParse(BackupShape, raw, { abortEarly: true });
  if (!shape.success) {
    const issue = shape.issues[0];
    return fail('invalid', issue ? `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`.slice(0, 300) : null);
  }
  const settings = parseSettings(migrateSettings(shape.output.settings, shape.output.settingsVersion ?? 1));
  if (!settings.ok) return fail('invalid', `settings.${settings.issues[0] ?? ''}`.slice(0, 300));
  const seen = new Set<string>();
  const history = shape.output.history;
  for (let i = 0; i < history.length; i++) {
    const id = history[i]!.id;
    if (seen.has(id)) return fail('invalid', `history.${i}.id: "${id}" appears twice`);
    seen.add(id);
  }
  return { ok: true, value: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: shape.output.exportedAt, settings: settings.value, settingsVersion: SETTINGS_VERSION, history } };
}

export function makeBackup(settings: Settings, history: readonly StoredBreak[], now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), settings, settingsVersion: SETTINGS_VERSION, history: [...history] };
}

export function backupJson(b: Backup): string {
  return JSON.stringify(b, null, 1);
}

const CSV_COLUMNS = ['id', 'day', 'kind', 'outcome', 'due_at', 'prompted_at', 'started_at', 'ended_at', 'routine_id', 'desk_minutes', 'snoozes', 'manual'] as const;

function csvCell(x: string): string {
  // Quote what needs it; a leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(x) ? `'${x}` : x;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (t: number | null) => (t === null ? '' : new Date(t).toISOString());

/** The history as CSV (RFC 4180, header row, ISO 8601 UTC times, desk time in minutes). */
export function historyCsv(rows: readonly StoredBreak[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.id, r.day, r.kind, r.outcome, iso(r.dueAt), iso(r.promptedAt), iso(r.startedAt), iso(r.endedAt), r.routineId ?? '', (r.deskMs / 60_000).toFixed(1), String(r.snoozes), r.manual ? 'true' : 'false']
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** "limber-2026-03-05.json" for an export made on that day. */
export function exportFilename(day: string, ext: 'json' | 'csv'): string {
  return `limber-${ext === 'csv' ? 'history-' : ''}${day}.${ext}`;
}
