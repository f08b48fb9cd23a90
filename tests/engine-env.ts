/**
 * The fake-browser setup the engine's unit tests share (lib/engine.test.ts, lib/engine-outbox.test.ts,
 * lib/status-snapshot.test.ts): the clock reads the test's `now`, the machine is in Berlin, the
 * idle API answers 'active', message keys read as themselves, the break window opens as window 7;
 * the settings are saved before each test, and the history is closed after it.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clock } from '../lib/platform/clock';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { saveSettings } from '../lib/storage/items';
import { closeHistory } from '../lib/storage/history';

/** Monday 2 March 2026, 10:00 in Berlin: where the engine tests' clock starts. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const MIN = 60_000;
/** Stretch breaks only (posture checks off), so each test sees one kind of break; no heads-up (its own tests turn it on). */
export const ENGINE_SETTINGS: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };

export function useEngineEnv(now: () => number, settings: Settings): void {
  beforeEach(async () => {
    vi.spyOn(clock, 'now').mockImplementation(now);
    vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
    // The fake browser has no idle API and no message catalogue.
    Object.assign(browser, {
      idle: { setDetectionInterval: vi.fn(), queryState: vi.fn(async () => 'active'), onStateChanged: fakeBrowser.alarms.onAlarm },
    });
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((k: string) => k);
    vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 7 } as never);
    await saveSettings(settings);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await closeHistory();
  });
}
