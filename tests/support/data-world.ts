/**
 * The world of the "Your data" tests (lib/data.test.ts, lib/data-refusals.test.ts): a fixed clock
 * in Berlin, strict settings with a 30-minute stretch interval, and five days of history (a
 * stretch break a day, the third one skipped, and a natural posture check an hour before each),
 * written afresh before each test into the in-memory IndexedDB.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { clock } from '../../lib/platform/clock';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { loadSettings, saveSettings } from '../../lib/storage/items';
import { allBreaks, closeHistory, dayAggregates, recordBreak } from '../../lib/storage/history';
import type { Backup } from '../../lib/backup';
import type { BreakRecord } from '../../lib/tracker/tracker';
import { exportData } from '../../lib/data';

export const NOW = Date.UTC(2026, 2, 5, 15, 0);
export const MIN = 60_000;
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, everySec: 30 * 60 }, strict: true };

export function rec(id: string, endedAt: number, outcome: BreakRecord['outcome'], routineId: string | null = null, kind: 'micro' | 'stretch' = 'stretch'): BreakRecord {
  return { id, kind, outcome, dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId, deskMs: 45 * MIN, snoozes: 0, manual: false };
}

/** Registers the world's set-up and tear-down in the calling test file. */
export function useDataWorld(): void {
beforeEach(async () => {
  vi.spyOn(clock, 'now').mockReturnValue(NOW);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  vi.spyOn(clock, 'locale').mockReturnValue('de-DE');
  await saveSettings(SETTINGS);
  for (let d = 0; d < 5; d++) {
    const t = NOW - d * 86_400_000;
    await recordBreak(rec(`stretch-${t}`, t, d === 2 ? 'skipped' : 'completed', 'cat-cow'), 'Europe/Berlin');
    await recordBreak(rec(`micro-${t}`, t - 60 * MIN, 'natural', null, 'micro'), 'Europe/Berlin');
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});
}

export async function snapshot() {
  return { rows: await allBreaks(), days: await dayAggregates(), settings: await loadSettings() };
}

export async function validBackup(): Promise<Backup> {
  const file = await exportData('json');
  return JSON.parse(file.text) as Backup;
}
