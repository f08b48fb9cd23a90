/**
 * "An export re-imports exactly": for generated settings, history and own routines that Limber can
 * hold, export -> import gives back the generated input (compared with what was generated, not with
 * the code's own export), through the file alone and through storage (lib/data.ts). The settings
 * generated are any the stored-settings reader keeps as they are (`settingsOrDefaults`), which
 * includes all the options page can make and what sync or an older version can leave: working
 * hours that overlap (the week editor shows them with what to fix; the worker merges them), and
 * neither a notification nor the break window (the worker then opens the window). A person's own
 * backup of those was refused (the first two cases failed before the fix). Fixed clock, UTC.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupJson, makeBackup } from './backup';
import { parseBackup } from './backup-parse';
import { exportData, importData, resetData } from './data';
import { clock } from './platform/clock';
import { DEFAULT_SETTINGS, HEADS_UP_CHOICES_SEC, OWN_WEIGHTS, settingsOrDefaults, WEEK_STARTS, type Settings } from './settings';
import { parseSettings } from './settings-parse';
import { MAX_OWN_SITES, ownSitesRepaired } from './call-sites';
import { OWN_LIMITS, parseOwnRoutines, type OwnRoutine } from './own-routines';
import { allBreaks, closeHistory, replaceHistory, type StoredBreak } from './storage/history';
import { loadSettings, saveSettings } from './storage/items';
import { saveOwnRoutines, storedOwnRoutines } from './storage/own-routines';
import { BODY_AREAS, breakKindOf, EQUIPMENT, POSITIONS, ROUTINE_KINDS } from '../content/types';

/** Thursday 2026-03-05 15:00 UTC. */
const NOW = Date.UTC(2026, 2, 5, 15, 0);

const OVERLAPPING: Settings = {
  ...DEFAULT_SETTINGS,
  // Monday: 09:00-13:00 and 12:00-18:00 overlap; Friday 22:00-02:00 runs into Saturday's 01:00-05:00.
  schedule: { enabled: true, days: [[{ from: 540, to: 780 }, { from: 720, to: 1080 }], [], [], [], [{ from: 1320, to: 120 }], [{ from: 60, to: 300 }], []] },
};
const SILENT: Settings = { ...DEFAULT_SETTINGS, prompts: { notification: false, openWindow: false } };

/** Each case at NOW in UTC, with the history closed after it. */
function atNowInUtc(): void {
  beforeEach(() => {
    vi.spyOn(clock, 'now').mockReturnValue(NOW);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeHistory();
  });
}

describe("a person's own backup imports (settings stored as sync or an older version left them)", () => {
  atNowInUtc();

  for (const [name, settings] of [['working hours that overlap', OVERLAPPING], ['neither a notification nor the break window', SILENT]] as const) {
    it(`${name}: export, reset, import gives them back as they were`, async () => {
      // Stored as they are, as sync stores them: the reader keeps them.
      expect(settingsOrDefaults(settings)).toEqual(settings);
      await saveSettings(settings);
      expect(await loadSettings()).toEqual(settings);
      const file = await exportData('json');
      await resetData();
      const r = await importData(file.text);
      expect(r).toEqual({ imported: true, breaks: 0 });
      expect(await loadSettings()).toEqual(settings);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Generators: what Limber can hold, by construction.

const bool = fc.boolean();
const subset = <T>(xs: readonly T[], min = 0) => fc.subarray([...xs], { minLength: min });
const minute = fc.integer({ min: 0, max: 24 * 60 });
const idArb = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 80 });

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    micro: fc.record({ enabled: bool, everySec: fc.integer({ min: 5, max: 120 }).map((m) => m * 60), lengthSec: fc.integer({ min: 10, max: 120 }) }),
    stretch: fc
      .record({ enabled: bool, every: fc.integer({ min: 10, max: 240 }), length: fc.integer({ min: 1, max: 30 }) })
      .map(({ enabled, every, length }) => ({ enabled, everySec: every * 60, lengthSec: Math.min(length, every - 1) * 60 })),
    dailyLimit: fc.record({ enabled: bool, minutes: fc.integer({ min: 60, max: 16 * 60 }) }),
    strict: bool,
    // Any ranges the schema takes: overlapping, empty (09:00-09:00), across midnight, from 24:00.
    schedule: fc.record({ enabled: bool, days: fc.array(fc.array(fc.record({ from: minute, to: minute }), { maxLength: 6 }), { minLength: 7, maxLength: 7 }) }),
    hold: fc.record({ enabled: bool, maxMin: fc.integer({ min: 1, max: 120 }) }),
    pauseWaitMin: fc.integer({ min: 0, max: 10 }),
    // As stored settings are read: no own site twice, none built in.
    callSites: fc
      .record({ enabled: bool, own: fc.array(fc.constantFrom('meet.google.com', 'talk.example.org', 'calls.example.net', 'a.b.example.com', 'xn--bcher-kva.example'), { maxLength: MAX_OWN_SITES }) })
      .map((c) => ({ ...c, own: ownSitesRepaired(c.own) })),
    headsUpSec: fc.constantFrom(...HEADS_UP_CHOICES_SEC),
    prompts: fc.record({ notification: bool, openWindow: bool }),
    badge: bool,
    sound: fc.record({ chime: bool, volume: fc.double({ min: 0, max: 1, noNaN: true }), voice: bool }),
    routines: fc.record({
      equipment: subset(EQUIPMENT),
      focusAreas: subset(BODY_AREAS),
      positions: subset(POSITIONS, 1),
      excluded: fc.array(idArb, { maxLength: 200 }),
      mine: fc.constantFrom(...OWN_WEIGHTS),
    }),
    snoozeSec: fc.integer({ min: 1, max: 30 }).map((m) => m * 60),
    snoozeLimit: fc.integer({ min: 0, max: 5 }),
    idleSec: fc.integer({ min: 15, max: 600 }),
    remindAfterSec: fc.oneof(fc.constant(0), fc.integer({ min: 60, max: 3600 })),
    weekStart: fc.constantFrom(...WEEK_STARTS),
  })
  .map((s) => s as Settings);

const MIN_TIME = Date.UTC(2000, 0, 1);
const time = fc.integer({ min: MIN_TIME, max: NOW });
const utcDay = (t: number, shift: number) => new Date(t + shift * 86_400_000).toISOString().slice(0, 10);
const rowArb = (id: string): fc.Arbitrary<StoredBreak> =>
  fc
    .record({
      kind: fc.constantFrom('micro' as const, 'stretch' as const),
      outcome: fc.constantFrom('completed' as const, 'partial' as const, 'skipped' as const, 'natural' as const),
      dueAt: time,
      promptedAt: fc.option(time, { nil: null }),
      endedAt: time,
      startedBefore: fc.option(fc.integer({ min: 0, max: 3 * 3_600_000 }), { nil: null }),
      routineId: fc.option(fc.oneof(fc.constantFrom('cat-cow', 'own-a1', 'gone-routine'), idArb), { nil: null }),
      deskMs: fc.integer({ min: 0, max: 7 * 86_400_000 }),
      snoozes: fc.integer({ min: 0, max: 100 }),
      manual: bool,
      // A day of some real time zone: UTC's, or the one before or after.
      shift: fc.constantFrom(-1, 0, 1),
    })
    .map(({ startedBefore, shift, ...r }) => ({
      id,
      ...r,
      startedAt: startedBefore === null ? null : Math.max(MIN_TIME, r.endedAt - startedBefore),
      day: utcDay(r.endedAt, shift),
    }));
const historyArb = fc.uniqueArray(idArb, { maxLength: 25 }).chain((ids) => (ids.length ? fc.tuple(...ids.map(rowArb)) : fc.constant([] as StoredBreak[])));

const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max && !/[\u0000-\u001f\u007f]/.test(s));
const ownArb: fc.Arbitrary<OwnRoutine> = fc.constantFrom(...ROUTINE_KINDS).chain((kind) => {
  const micro = breakKindOf({ kind }) === 'micro';
  return fc.record({
    id: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 24 }).map((x) => `own-${x}`),
    name: text(OWN_LIMITS.nameChars),
    kind: fc.constant(kind),
    areas: subset(BODY_AREAS, 1),
    position: fc.constantFrom(...POSITIONS),
    equipment: fc.oneof(fc.constant(['none' as const]), subset(EQUIPMENT.filter((e) => e !== 'none'), 1)),
    // Totals within the break kind's: 10-120 s for a posture or eye check, 1-30 min for a stretch.
    steps: micro
      ? fc.array(fc.record({ text: text(OWN_LIMITS.stepChars), seconds: fc.integer({ min: 10, max: 60 }) }), { minLength: 1, maxLength: 2 })
      : fc.array(fc.record({ text: text(OWN_LIMITS.stepChars), seconds: fc.integer({ min: 60, max: 300 }) }), { minLength: 1, maxLength: 6 }),
  }) as fc.Arbitrary<OwnRoutine>;
});
const ownListArb = fc.uniqueArray(ownArb, { maxLength: 6, selector: (o) => o.id });

/** The generated state is one Limber holds as it is (else the property would test nothing real). */
function holdable(s: Settings, own: OwnRoutine[]): void {
  expect(parseSettings(s).ok).toBe(true);
  expect(settingsOrDefaults(s)).toEqual(s);
  expect(parseOwnRoutines(own).ok).toBe(true);
}

const byId = (rows: readonly StoredBreak[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('export -> import restores exactly what was there (property)', () => {
  it('through the file: settings, history and own routines come back as generated', () => {
    fc.assert(
      fc.property(settingsArb, historyArb, ownListArb, (settings, history, own) => {
        holdable(settings, own);
        const copy = structuredClone({ settings, history, own });
        const parsed = parseBackup(backupJson(makeBackup(settings, history, NOW, own)), NOW);
        if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)} ${parsed.detail}`);
        expect(parsed.value.settings).toEqual(copy.settings);
        expect(parsed.value.history).toEqual(copy.history);
        expect(parsed.value.ownRoutines).toEqual(copy.own);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  describe('through storage (exportData, resetData, importData)', () => {
    atNowInUtc();

    it('what was stored is what is stored again after a reset and the import', async () => {
      await fc.assert(
        fc.asyncProperty(settingsArb, historyArb, ownListArb, async (settings, history, own) => {
          holdable(settings, own);
          await saveSettings(settings);
          await replaceHistory(history);
          await saveOwnRoutines(own);
          const file = await exportData('json');
          await resetData();
          const r = await importData(file.text);
          expect(r).toEqual({ imported: true, breaks: history.length });
          expect(await loadSettings()).toEqual(settings);
          expect(byId(await allBreaks())).toEqual(byId(history));
          expect(await storedOwnRoutines()).toEqual(own);
        }),
        { numRuns: 40, seed: 7 },
      );
    });
  });
});
