/**
 * What a person reads about an import, in English (the catalogue is read from disk): every
 * refusal names the setting and what the options form allows, or the break by number and day,
 * and says nothing changed; no validator paths or words. The preview's sentence and notes. And
 * "a routine no longer in Limber" wherever history names a routine (the weekly review).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { makeBackup } from '../lib/backup';
import { parseBackup } from '../lib/backup-parse';
import { summarizeBackup, type BackupSummary } from '../lib/backup-summary';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { StoredBreak } from '../lib/storage/history';
import { aggregate } from '../lib/aggregates';
import { weeklyReview } from '../lib/review';
import { GONE_ROUTINE } from '../lib/week-stats';
import { historyCsv } from '../lib/history-csv';
import { dateText, dayText, fileProblemText, importMessage, notes, problemText, summaryText } from './import-text';
import { routineTitle } from './routine-title';

const NOW = Date.UTC(2026, 2, 5, 15, 0);
const DAY = 86_400_000;
const num = (n: number) => new Intl.NumberFormat().format(n);

beforeEach(() => {
  const catalogue = en as Record<string, { message: string }>;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | Array<string | number>) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (catalogue[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
  });
});

function row(id: string, endedAt: number, patch: Partial<StoredBreak> = {}): StoredBreak {
  return { id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 60_000, promptedAt: endedAt - 60_000, startedAt: endedAt - 30_000, endedAt, routineId: 'cat-cow', deskMs: 60_000, snoozes: 0, manual: false, day: new Date(endedAt).toISOString().slice(0, 10), ...patch };
}
const file = (settings: unknown, history: unknown[] = [row('a', NOW - DAY)], top: Record<string, unknown> = {}) => JSON.stringify({ ...makeBackup(DEFAULT_SETTINGS, [], NOW), settings, history, ...top });
const refusal = (text: string) => {
  const r = parseBackup(text, NOW);
  if (r.ok) throw new Error('accepted');
  return problemText(r.problem);
};
/** Words and shapes that belong to the validator or the file format, not to a person. */
const JARGON = /everySec|lengthSec|snoozeSec|idleSec|maxMin|settings\.|history\.|\bInvalid\b|Expected|received|valibot|undefined|null|NaN|\$\d|\bimport[A-Z]/;

describe('refusals, in words', () => {
  it('a 1-second interval names the setting and the form’s limits', () => {
    expect(refusal(file({ ...DEFAULT_SETTINGS, stretch: { enabled: true, everySec: 1, lengthSec: 1 } }))).toBe(
      'This backup sets “time between stretch breaks” to a value Limber does not allow: it must be between 10 and 240 minutes. Nothing was changed.',
    );
    expect(refusal(file({ ...DEFAULT_SETTINGS, snoozeSec: 0 }))).toBe('This backup sets “snooze length” to a value Limber does not allow: it must be between 1 and 30 minutes. Nothing was changed.');
    expect(refusal(file({ ...DEFAULT_SETTINGS, micro: { enabled: true, everySec: 1200, lengthSec: 5 } }))).toMatch(/“length of a posture check”.*between 10 and 120 seconds\./);
    expect(refusal(file({ ...DEFAULT_SETTINGS, dailyLimit: { enabled: true, minutes: 17 * 60 } }))).toMatch(/“daily sitting limit”.*between 1 and 16 hours\./);
    expect(refusal(file({ ...DEFAULT_SETTINGS, snoozeLimit: 9 }))).toMatch(/“snoozes per break”.*between 0 and 5 times\./);
    expect(refusal(file({ ...DEFAULT_SETTINGS, stretch: { enabled: true, everySec: 1200, lengthSec: 1200 } }))).toBe(
      'In this backup, “Stretch breaks” last as long as the time between them or longer. A break must be shorter than the time between breaks. Nothing was changed.',
    );
    expect(refusal(file({ ...DEFAULT_SETTINGS, weekStart: 'tue' }))).toBe("This backup's settings for “Working hours” are damaged or not allowed in Limber. Nothing was changed.");
  });

  it('a break is named by its number and its day', () => {
    const day = dayText('2026-03-06');
    expect(day).toMatch(/2026/);
    expect(refusal(file(DEFAULT_SETTINGS, [row('a', NOW - DAY), row('b', NOW + DAY + 1)]))).toBe(
      `Break number 2 in this backup is dated ${day}, which has not happened yet. Check this computer's date and time, or choose another backup. Nothing was changed.`,
    );
    expect(refusal(file(DEFAULT_SETTINGS, [row('a', NOW - DAY, { startedAt: NOW - DAY + 1 })]))).toBe(
      `Break number 1 in this backup (${dayText('2026-03-04')}) starts after it ends, so the file is damaged. Nothing was changed.`,
    );
  });

  it('a newer backup or settings version: update Limber', () => {
    const newer = 'This backup was made by a newer version of Limber. Update Limber, then import it again. Nothing was changed.';
    expect(refusal(file(DEFAULT_SETTINGS, [], { version: 2 }))).toBe(newer);
    expect(refusal(file(DEFAULT_SETTINGS, [], { settingsVersion: 99 }))).toBe(newer);
  });

  it('every kind of refusal reads as a sentence for people, and says nothing changed', () => {
    const good = file(DEFAULT_SETTINGS);
    const texts = [
      '',
      'not json',
      good.replace('{', '{"__proto__":{},'),
      '{"hello":1}',
      file(DEFAULT_SETTINGS, [], { version: 0 }),
      file(DEFAULT_SETTINGS, [], { version: 3 }),
      file(DEFAULT_SETTINGS, [], { exportedAt: 5 }),
      file(DEFAULT_SETTINGS, [{ ...row('a', NOW - DAY), kind: 'mega' }]),
      file(DEFAULT_SETTINGS, [row('a', NOW - DAY), row('a', NOW - DAY)]),
      file(DEFAULT_SETTINGS, [row('a', NOW + DAY + 1)]),
      file(DEFAULT_SETTINGS, [row('a', NOW - DAY, { startedAt: NOW })]),
      file(null),
      file({ ...DEFAULT_SETTINGS, sound: 'loud' }),
      file({ ...DEFAULT_SETTINGS, idleSec: 'sixty' }),
      file({ ...DEFAULT_SETTINGS, hold: { enabled: true, maxMin: 0.5 } }),
      file({ ...DEFAULT_SETTINGS, stretch: { enabled: true, everySec: 600, lengthSec: 900 } }),
    ];
    const seen = new Set<string>();
    for (const text of texts) {
      const words = refusal(text);
      expect(words, text.slice(0, 80)).toMatch(/^[A-Z].+Nothing was changed\.$/);
      expect(words, text.slice(0, 80)).not.toMatch(JARGON);
      seen.add(words);
    }
    expect(seen.size).toBe(texts.length - 1); // each its own message, but an empty file and plain text are both "not JSON"
    expect(importMessage({ imported: false, problem: { code: 'historyOff' }, detail: null })).toMatch(/history is off/);
    expect(importMessage({ imported: false, problem: { code: 'writeFailed' }, detail: null })).toMatch(/could not be saved/);
    expect(importMessage({ imported: true, breaks: 1234 })).toBe(`Imported ${num(1234)} breaks and your settings.`);
  });
});

describe('the preview', () => {
  const s = (patch: Partial<BackupSummary>): BackupSummary => ({ exportedAt: NOW, breaks: 1234, firstDay: '2025-03-01', lastDay: '2026-03-04', goneRoutines: 0, ownRoutines: 0, ...patch });

  it('says when the backup was made, how many breaks it holds and over which days, and that it holds the settings', () => {
    expect(summaryText(s({}))).toBe(`This backup, made on ${dateText(NOW)}, holds ${num(1234)} breaks from ${dayText('2025-03-01')} to ${dayText('2026-03-04')}, and your settings.`);
    expect(summaryText(s({ breaks: 3, firstDay: '2026-03-04' }))).toBe(`This backup, made on ${dateText(NOW)}, holds 3 breaks, all on ${dayText('2026-03-04')}, and your settings.`);
    expect(summaryText(s({ breaks: 1, firstDay: '2026-03-04' }))).toBe(`This backup, made on ${dateText(NOW)}, holds 1 break, on ${dayText('2026-03-04')}, and your settings.`);
    expect(summaryText(s({ breaks: 0, firstDay: null, lastDay: null, exportedAt: null }))).toBe('This backup, made on an unknown date, holds your settings and no breaks.');
  });

  it('notes breaks of routines no longer in Limber and what the current history would lose', () => {
    const texts = (sum: BackupSummary, lost: { newer: number; other: number } | null) => notes(sum, lost).map((n) => `${n.id}${n.warn ? '!' : ''}: ${n.text}`);
    expect(texts(s({ goneRoutines: 3 }), { newer: 12, other: 0 })).toEqual([
      'gone: 3 breaks are of routines no longer in Limber: they are kept and shown as “a routine no longer in Limber”.',
      "newer!: Your current history has 12 breaks after this backup's last day: they will be lost.",
      "settings: Your current settings will be replaced by the backup's.",
    ]);
    expect(texts(s({ goneRoutines: 1 }), { newer: 1, other: 2 })).toEqual([
      'gone: 1 break is of a routine no longer in Limber: it is kept and shown as “a routine no longer in Limber”.',
      "newer!: Your current history has 1 break after this backup's last day: it will be lost.",
      'other!: 2 other breaks in your current history are not in this backup: they will be lost too.',
      "settings: Your current settings will be replaced by the backup's.",
    ]);
    expect(texts(s({ breaks: 0, firstDay: null, lastDay: null }), { newer: 40, other: 0 })[0]).toBe('newer!: This backup holds no breaks: the 40 breaks in your current history will be lost.');
    // Nothing lost, or the current history could not be read: no loss notes.
    expect(texts(s({}), { newer: 0, other: 0 })).toEqual(["settings: Your current settings will be replaced by the backup's."]);
    expect(texts(s({}), null)).toEqual(["settings: Your current settings will be replaced by the backup's."]);
  });

  it("says what becomes of the person's own routines: replaced by the backup's, or deleted by a backup without any", () => {
    const texts = (sum: BackupSummary, ownNow: number | null) => notes(sum, null, ownNow).filter((n) => n.id.startsWith('own')).map((n) => `${n.id}${n.warn ? '!' : ''}: ${n.text}`);
    // A backup made before own routines existed (or by someone without any) deletes the ones here.
    expect(texts(s({ ownRoutines: 0 }), 3)).toEqual(['ownLost!: This backup holds no routines of your own: your 3 routines will be deleted.']);
    expect(texts(s({ ownRoutines: 0 }), 1)).toEqual(['ownLost!: This backup holds no routines of your own: your 1 routine will be deleted.']);
    // The backup's replace them: a warning when there are some here to replace.
    expect(texts(s({ ownRoutines: 2 }), 3)).toEqual(['own!: It holds 2 routines of your own, which replace yours.']);
    expect(texts(s({ ownRoutines: 2 }), 0)).toEqual(['own: It holds 2 routines of your own, which replace yours.']);
    // None on either side, or the current ones could not be read: nothing said of a loss.
    expect(texts(s({ ownRoutines: 0 }), 0)).toEqual([]);
    expect(texts(s({ ownRoutines: 0 }), null)).toEqual([]);
    expect(texts(s({ ownRoutines: 1 }), null)).toEqual(['own: It holds one routine of your own, which replaces yours.']);
  });

  it('counts from a real file: a backup with a retired routine', () => {
    const b = parseBackup(file(DEFAULT_SETTINGS, [row('a', NOW - 2 * DAY), row('b', NOW - DAY, { routineId: 'retired-stretch' })]), NOW);
    if (!b.ok) throw new Error('refused');
    const sum = summarizeBackup(b.value, (id) => id === 'cat-cow');
    expect(notes(sum, null)[0]!.text).toMatch(/^1 break is of a routine no longer in Limber/);
  });
});

describe('a routine no longer in Limber, wherever history names one', () => {
  it('is never shown by its id', () => {
    expect(routineTitle('retired-stretch')).toBe('A routine no longer in Limber');
    expect(routineTitle(GONE_ROUTINE)).toBe('A routine no longer in Limber');
    expect(routineTitle('cat-cow')).not.toBe('A routine no longer in Limber');
  });

  it("the weekly review's most-used routines count every retired one as one entry, and the top routine is a real one", () => {
    const facts = (id: string, day: string, routineId: string) => ({ id, day, kind: 'stretch' as const, outcome: 'completed' as const, deskMs: 60_000, routineId });
    const rows = [facts('1', '2026-03-02', 'retired-a'), facts('2', '2026-03-03', 'retired-b'), facts('3', '2026-03-04', 'retired-a'), facts('4', '2026-03-04', 'cat-cow')];
    const aggs = [...aggregate(rows).values()].sort((a, b) => a.day.localeCompare(b.day));
    const r = weeklyReview(aggs, '2026-03-05', DEFAULT_SETTINGS.schedule);
    expect(r.thisWeek.routines).toEqual([{ id: GONE_ROUTINE, n: 3 }, { id: 'cat-cow', n: 1 }]);
    expect(r.thisWeek.routines.map((x) => routineTitle(x.id))).toEqual(['A routine no longer in Limber', routineTitle('cat-cow')]);
    const top = r.highlights.find((h) => h.key === 'hlTopRoutine');
    expect(top?.values[0]).toEqual({ routine: 'cat-cow' });
  });
});

describe('the history CSV, once a spreadsheet has saved it, chosen for import', () => {
  // Opened in a spreadsheet and saved again, Limber's CSV export comes back with the spreadsheet's
  // separator (German or French Excel: semicolons; "Unicode text": tabs), its quotes, its line
  // endings, Excel's "sep=" line. It is still the history export, not a damaged JSON file: the
  // person is pointed to the JSON export, as for the file as Limber wrote it (before the fix, only
  // that one was recognised; every saved copy was called "damaged or incomplete").
  const csv = historyCsv([row('stretch-1', NOW - DAY), row('stretch-2', NOW)], 'UTC');
  const saved: Array<[string, string]> = [
    ['as Limber wrote it', csv],
    ['semicolons (German or French Excel)', csv.replace(/,/g, ';')],
    ['tabs (Excel, "Unicode text")', csv.replace(/,/g, '\t')],
    ['line feeds only', csv.replace(/\r\n/g, '\n')],
    ['carriage returns only (old Mac)', csv.replace(/\r\n/g, '\r')],
    ['every cell quoted', csv.split('\r\n').map((l) => (l ? l.split(',').map((c) => `"${c}"`).join(',') : l)).join('\r\n')],
    ['a byte-order mark and semicolons', `\uFEFF${csv.replace(/,/g, ';')}`],
    ['Excel\'s "sep=;" line first', `sep=;\r\n${csv.replace(/,/g, ';')}`],
    ['an empty column after the last', csv.replace(/\r\n/g, ',\r\n')],
    ['a "sep=;" line kept as a row by another spreadsheet', `sep=;;;;;;;;;;;;\r\n${csv.replace(/,/g, ';')}`],
  ];
  for (const [name, text] of saved) {
    it(`${name}: named as the history export, with the export to choose`, () => {
      const r = parseBackup(text, NOW);
      if (r.ok) throw new Error('accepted');
      expect(fileProblemText(r.problem, text)).toBe(
        'This is the history export (CSV), which is for spreadsheets and cannot be imported. Choose the file made by “Export everything (JSON)”. Nothing was changed.',
      );
    });
  }

  it('control: other text that is not JSON is still called damaged, whatever its first line', () => {
    for (const text of ['id;day;kind\r\n1;2;3', 'id,day,kind,outcome', 'hello, world', '', '{"format":"limber-backup",', 'name;email\r\nA;a@example.org']) {
      const r = parseBackup(text, NOW);
      if (r.ok) throw new Error('accepted');
      expect(fileProblemText(r.problem, text), text).toBe('This file is damaged or incomplete (it is not valid JSON). Nothing was changed.');
    }
  });
});
