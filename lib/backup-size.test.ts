/**
 * Every backup Limber can write can be imported back: the export of the longest history a backup
 * holds (MAX_ROWS), each row and each own routine at its longest, is within the import's size
 * limit (MAX_IMPORT_BYTES, checked before a file is read); and a long real history makes the
 * whole round trip.
 */
import { describe, expect, it } from 'vitest';
import { backupJson, makeBackup, MAX_IMPORT_BYTES, MAX_ROWS } from './backup';
import { parseBackup } from './backup-parse';
import { DEFAULT_SETTINGS } from './settings';
import { OWN_LIMITS, type OwnRoutine } from './own-routines';
import type { StoredBreak } from './storage/history';

const NOW = Date.UTC(2026, 2, 5, 15, 0);
const DAY = 86_400_000;
const bytes = (s: string) => new TextEncoder().encode(s).length;

/** A break row at its longest: 80-character ids, 13-digit times, a week of desk time. */
function longestRow(i: number): StoredBreak {
  const t = Date.UTC(2199, 11, 30, 12, 0) + i; // 13 digits, within the import's range
  const id = `stretch-${String(i).padStart(72, '0')}`;
  return { id, kind: 'stretch', outcome: 'completed', dueAt: t, promptedAt: t, startedAt: t, endedAt: t, routineId: 'r'.repeat(80), deskMs: 7 * DAY, snoozes: 100, manual: false, day: new Date(t).toISOString().slice(0, 10) };
}

/** Own routines at their longest: as many as allowed, each with the most steps of the longest text in 3-byte characters. */
function longestOwn(): OwnRoutine[] {
  return Array.from({ length: OWN_LIMITS.routines }, (_, k) => ({
    id: `own-${String(k).padStart(8, 'a')}`,
    name: '練'.repeat(OWN_LIMITS.nameChars),
    kind: 'stretch' as const,
    areas: ['neck' as const],
    position: 'seated' as const,
    equipment: ['none' as const],
    steps: Array.from({ length: OWN_LIMITS.steps }, () => ({ text: '伸'.repeat(OWN_LIMITS.stepChars), seconds: 90 })),
  }));
}

describe('every export can be imported back', () => {
  it('the longest history a backup holds, every row and own routine at its longest, is within the import limit', () => {
    const own = longestOwn();
    // The parts the export is made of, each checked as the import would take it.
    expect(parseBackup(backupJson(makeBackup(DEFAULT_SETTINGS, [longestRow(1), longestRow(2)], Date.UTC(2199, 11, 31), own)), Date.UTC(2199, 11, 31)).ok).toBe(true);
    const one = backupJson(makeBackup(DEFAULT_SETTINGS, [longestRow(1)], NOW, own));
    const two = backupJson(makeBackup(DEFAULT_SETTINGS, [longestRow(1), longestRow(2)], NOW, own));
    const perRow = bytes(two) - bytes(one);
    const whole = bytes(one) + (MAX_ROWS - 1) * perRow;
    expect(whole, `${MAX_ROWS} rows of ${perRow} bytes and the rest: ${(whole / 2 ** 20).toFixed(1)} MB`).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
  });

  it('a long real history (70,000 breaks, about 8 years at the default intervals) exports to a file that imports back whole', () => {
    const start = NOW - 2700 * DAY;
    const rows: StoredBreak[] = [];
    for (let i = 0; i < 70_000; i++) {
      const endedAt = start + Math.floor(i / 27) * DAY + (i % 27) * 20 * 60_000 + 9 * 3_600_000;
      rows.push({ id: `micro-${endedAt}`, kind: 'micro', outcome: 'completed', dueAt: endedAt - 60_000, promptedAt: endedAt - 60_000, startedAt: endedAt - 45_000, endedAt, routineId: 'eye-palming', deskMs: 1_200_000, snoozes: 0, manual: false, day: new Date(endedAt).toISOString().slice(0, 10) });
    }
    const text = backupJson(makeBackup(DEFAULT_SETTINGS, rows, NOW));
    const r = parseBackup(text, NOW);
    expect(r.ok ? r.value.history : r.problem).toEqual(rows);
  });

  it('an empty history is written and read back', () => {
    const r = parseBackup(backupJson(makeBackup(DEFAULT_SETTINGS, [], NOW)), NOW);
    expect(r.ok ? r.value.history : r.problem).toEqual([]);
  });
});
