/**
 * The words for an import: why a file was refused (naming the setting and what the options form
 * allows, or the break by its number and day, never the validator's path) and what a checked
 * backup holds before it replaces anything. Used by the options page's "Your data" section.
 */
import { t, tp, type MessageKey, type PluralBase } from '../lib/i18n';
import { FIELDS, type FieldId } from '../lib/settings-fields';
import { CSV_COLUMNS } from '../lib/history-csv';
import type { SettingsPart } from '../lib/backup-parse';
import type { BackupSummary } from '../lib/backup-summary';
import type { ImportResult } from '../lib/data';
import { formatDate } from '../lib/format';

type Refusal = Exclude<ImportResult, { imported: true }>['problem'];

/** Each form field: what to call it in a sentence, and the unit its limits are in. */
const FIELD_WORDS: Record<FieldId, [name: MessageKey, unit: MessageKey]> = {
  'stretch.everyMin': ['importSettingStretchEvery', 'unitMinPlain'],
  'stretch.lengthMin': ['importSettingStretchLength', 'unitMinPlain'],
  'micro.everyMin': ['importSettingMicroEvery', 'unitMinPlain'],
  'micro.lengthSec': ['importSettingMicroLength', 'unitSecPlain'],
  snoozeMin: ['importSettingSnooze', 'unitMinPlain'],
  snoozeLimit: ['importSettingSnoozeLimit', 'unitTimesPlain'],
  idleSec: ['importSettingIdle', 'unitSecPlain'],
  'hold.maxMin': ['importSettingFullscreen', 'unitMinPlain'],
  pauseWaitMin: ['importSettingPauseWait', 'unitMinPlain'],
  'dailyLimit.hours': ['importSettingDailyLimit', 'unitHoursPlain'],
};

/** The options section's title for each part of the settings. */
const PART_TITLE: Record<SettingsPart, MessageKey> = {
  schedule: 'schedTitle',
  stretch: 'kindStretchTitle',
  micro: 'kindMicroTitle',
  snooze: 'snoozeTitle',
  behaviour: 'behaviourTitle',
  routines: 'routinesTitle',
  sound: 'soundsTitle',
};

const SIMPLE: Partial<Record<Refusal['code'], MessageKey>> = {
  tooLarge: 'importTooLarge',
  notJson: 'importNotJson',
  hostile: 'importHostile',
  notBackup: 'importNotBackup',
  wrongVersion: 'importWrongVersion',
  newerVersion: 'importNewerVersion',
  damaged: 'importDamaged',
  badOwnRoutines: 'importBadOwnRoutines',
  historyOff: 'importHistoryOff',
  writeFailed: 'importWriteFailed',
};

const num = (n: number) => new Intl.NumberFormat().format(n);

const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "5 March 2026" for a day key (the key's own calendar day, whatever the zone). */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatDate(dayFmt, Date.UTC(y, m - 1, d, 12));
}

/** The day an instant falls on here, as `dayText` writes it. */
export function dateText(at: number): string {
  return formatDate(new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }), at);
}

/** Why a file was refused, in words. */
export function problemText(p: Refusal): string {
  switch (p.code) {
    case 'badRow':
      return t('importBadRow', num(p.row));
    case 'duplicateRow':
      return t('importDuplicateRow', num(p.row));
    case 'startAfterEnd':
      return t('importStartAfterEnd', [num(p.row), dayText(p.day)]);
    case 'future':
      return t('importFuture', [num(p.row), dayText(p.day)]);
    case 'badSetting': {
      const [name, unit] = FIELD_WORDS[p.field];
      const { min, max } = FIELDS[p.field];
      return t('importBadSetting', [t(name), t('importRange', [num(min), num(max), t(unit)])]);
    }
    case 'breakTooLong':
      return t('importBreakTooLong', t(p.kind === 'stretch' ? 'kindStretchTitle' : 'kindMicroTitle'));
    case 'badSettings':
      return p.part ? t('importBadSettings', t(PART_TITLE[p.part])) : t('importBadSettingsAll');
    case 'badOwnRoutine':
      return t('importBadOwnRoutine', num(p.routine));
    default:
      return t(SIMPLE[p.code] ?? 'importDamaged');
  }
}

/**
 * Limber's history export, as Limber wrote it or as a spreadsheet saved it again: its header line
 * first (after a byte-order mark, and Excel's "sep=;" line), its cells separated by commas,
 * semicolons (German or French Excel) or tabs, quoted or not, empty cells after them allowed.
 */
function isHistoryCsv(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').slice(0, 1000).split(/\r\n|\r|\n/, 2);
  const header = /^"?sep=.?"?[,;\t]*$/i.test(lines[0] ?? '') ? lines[1] : lines[0];
  const cells = (header ?? '').split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  while (cells.length > CSV_COLUMNS.length && cells.at(-1) === '') cells.pop();
  return cells.join(',') === CSV_COLUMNS.join(',');
}

/**
 * Why a chosen file was refused: Limber's own history export (CSV, its header first, also once a
 * spreadsheet has saved it) is no damaged JSON but the other export, and the person is pointed
 * to the one to choose.
 */
export function fileProblemText(p: Refusal, text: string): string {
  return p.code === 'notJson' && isHistoryCsv(text) ? t('importCsv', t('exportJson')) : problemText(p);
}

/** The message for an import's result. */
export function importMessage(r: ImportResult): string {
  return r.imported ? tp('importDone', r.breaks, [num(r.breaks)]) : problemText(r.problem);
}

/** "This backup, made on <date>, holds <n> breaks from <day> to <day>, and your settings." */
export function summaryText(s: BackupSummary): string {
  const made = s.exportedAt === null ? t('importDateUnknown') : dateText(s.exportedAt);
  if (s.breaks === 0 || !s.firstDay || !s.lastDay) return t('importSummaryNone', made);
  if (s.firstDay === s.lastDay) return tp('importSummaryOneDay', s.breaks, [made, num(s.breaks), dayText(s.lastDay)]);
  return tp('importSummary', s.breaks, [made, num(s.breaks), dayText(s.firstDay), dayText(s.lastDay)]);
}

export interface Note {
  id: 'gone' | 'newer' | 'other' | 'settings' | 'own' | 'ownLost';
  text: string;
  /** Something will be lost. */
  warn: boolean;
}

/**
 * What else to know before replacing: breaks of routines no longer in Limber, current breaks
 * that will be lost (null when the current history could not be read), the settings, and the
 * own routines: the backup's replace the `ownNow` the person has (null when they could not be
 * read), so a backup without any deletes them.
 */
export function notes(s: BackupSummary, lost: { newer: number; other: number } | null, ownNow: number | null = null): Note[] {
  const out: Note[] = [];
  const counted = (n: number, base: PluralBase) => tp(base, n, [num(n)]);
  if (s.goneRoutines) out.push({ id: 'gone', warn: false, text: counted(s.goneRoutines, 'importNoteGone') });
  if (lost?.newer) {
    const text = s.breaks === 0 ? counted(lost.newer, 'importNoteAllLost') : counted(lost.newer, 'importNoteNewer');
    out.push({ id: 'newer', warn: true, text });
  }
  if (lost?.other) out.push({ id: 'other', warn: true, text: counted(lost.other, 'importNoteOther') });
  out.push({ id: 'settings', warn: false, text: t('importNoteSettings') });
  if (s.ownRoutines) out.push({ id: 'own', warn: !!ownNow, text: counted(s.ownRoutines, 'importNoteOwn') });
  else if (ownNow) out.push({ id: 'ownLost', warn: true, text: counted(ownNow, 'importNoteOwnLost') });
  return out;
}
