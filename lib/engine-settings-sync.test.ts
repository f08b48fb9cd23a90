/**
 * A settings change from the options page whose storage.sync write fails (quota: 8 KB per
 * item, 120 writes a minute). The local copy is written and used from then on
 * (lib/storage/settings-items.ts saveSettings / loadSettings); the background must apply it.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { handleMessage } from './engine';
import { NEXT_ALARM } from './platform/alarms';
import { loadSettings, saveSettings } from './storage/items';
import background from '../entrypoints/background';

const now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);

const listener = () => ({ addListener: vi.fn() });

describe('settings saved while storage.sync refuses', () => {
  it('are applied at once: the next alarm follows the new interval', async () => {
    // The fake browser lacks these events: stub them so that the real background's main() runs.
    Object.assign(browser, { commands: { onCommand: listener() } });
    Object.assign(browser.runtime, { onStartup: listener(), onInstalled: listener() });
    background.main!();
    await handleMessage({ type: 'status/get' }); // main()'s wake() has run
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 50 * MIN);

    // The options page saves; storage.sync refuses (the local copy is written and used from now on).
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const next = { ...ENGINE_SETTINGS, stretch: { ...ENGINE_SETTINGS.stretch, everySec: 30 * 60 } };
    await saveSettings(next);
    expect((await loadSettings()).stretch.everySec).toBe(30 * 60); // the settings in force now
    await new Promise((r) => setTimeout(r, 50)); // whatever the change events queued has run (no other event)
    expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 30 * MIN);
  });
});
