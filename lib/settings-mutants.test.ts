/**
 * Settings: invariants a hand-made mutant of lib/settings.ts or lib/settings-fields.ts survived
 * until these tests (each names the broken variant it catches).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsOrDefaults, type Schedule } from './settings';
import { parseSettings } from './settings-parse';
import { validateField } from './settings-validate';

const hours = (days: Schedule['days']) => ({ ...DEFAULT_SETTINGS, schedule: { enabled: true, days } });
const EMPTY_WEEK: Schedule['days'] = [[], [], [], [], [], [], []];

describe('working hours in stored, synced and imported settings', () => {
  it('a time is a minute of the day, 0 to 24:00: one minute past midnight\'s end is refused (mutant: max 1441)', () => {
    expect(parseSettings(hours([[{ from: 18 * 60, to: 1440 }], [], [], [], [], [], []])).ok).toBe(true);
    expect(parseSettings(hours([[{ from: 18 * 60, to: 1441 }], [], [], [], [], [], []])).ok).toBe(false);
    expect(parseSettings(hours([[{ from: -1, to: 60 }], [], [], [], [], [], []])).ok).toBe(false);
  });
  it('a week is exactly seven days: six or eight are refused (mutant: `length >= 7`)', () => {
    expect(parseSettings(hours(EMPTY_WEEK)).ok).toBe(true);
    expect(parseSettings(hours([...EMPTY_WEEK, []])).ok).toBe(false);
    expect(parseSettings(hours(EMPTY_WEEK.slice(1))).ok).toBe(false);
  });
  it('a broken field elsewhere keeps the saved working hours (mutant: the salvage skipped the hours)', () => {
    const saved = hours([[{ from: 8 * 60, to: 12 * 60 }], [], [], [], [], [], [{ from: 22 * 60, to: 2 * 60 }]]);
    const got = settingsOrDefaults({ ...saved, idleSec: 5, snoozeLimit: 4 });
    expect(got.schedule).toEqual(saved.schedule);
    expect(got.idleSec).toBe(DEFAULT_SETTINGS.idleSec);
    expect(got.snoozeLimit).toBe(4);
  });
});

describe('fields added without a migration, and the ones not on the form', () => {
  it('settings stored without "wait for a pause in typing" read as 2 minutes, not off (mutant: default 0)', () => {
    const { pauseWaitMin: _p, ...older } = DEFAULT_SETTINGS;
    const r = parseSettings({ ...older, pauseWaitMin: undefined });
    expect(r.ok && r.value.pauseWaitMin).toBe(2);
    const salvaged = settingsOrDefaults({ ...older, idleSec: 5 });
    expect(salvaged.pauseWaitMin).toBe(2);
    // A saved value is kept, not replaced by the default.
    expect(settingsOrDefaults({ ...DEFAULT_SETTINGS, pauseWaitMin: 0 }).pauseWaitMin).toBe(0);
  });
  it('the reminder of an unanswered prompt: off, or 1 to 60 minutes; 30 seconds is refused (mutant: `n >= 1`)', () => {
    for (const ok of [0, 60, 3600]) expect(parseSettings({ ...DEFAULT_SETTINGS, remindAfterSec: ok }).ok, String(ok)).toBe(true);
    for (const bad of [1, 30, 59, 3601]) expect(parseSettings({ ...DEFAULT_SETTINGS, remindAfterSec: bad }).ok, String(bad)).toBe(false);
  });
  it('a field the settings do not know is left out, not stored or handed on (mutant: a loose object)', () => {
    const r = parseSettings({ ...DEFAULT_SETTINGS, trackUrls: true });
    expect(r.ok && Object.keys(r.value).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(Object.keys(settingsOrDefaults({ ...DEFAULT_SETTINGS, trackUrls: true }))).not.toContain('trackUrls');
  });
});

describe('the daily limit typed in hours', () => {
  it('is stored to the nearest minute: 1.01 h is 61 min (60.6), 7.99 h is 479 min (479.4) (mutant: rounded down)', () => {
    const r = validateField(DEFAULT_SETTINGS, 'dailyLimit.hours', '1.01');
    expect(r.ok && r.settings.dailyLimit.minutes).toBe(61);
    const s = validateField(DEFAULT_SETTINGS, 'dailyLimit.hours', '7,99');
    expect(s.ok && s.settings.dailyLimit.minutes).toBe(479);
    // The largest, 16 h, is accepted; 16.01 h is too large.
    const max = validateField(DEFAULT_SETTINGS, 'dailyLimit.hours', '16');
    expect(max.ok && max.settings.dailyLimit.minutes).toBe(960);
    const over = validateField(DEFAULT_SETTINGS, 'dailyLimit.hours', '16.01');
    expect(over.ok || over.error).toEqual({ key: 'errTooLarge', max: 16 });
  });
});
