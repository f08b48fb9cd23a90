import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, migrateSettings, parseSettings, SETTINGS_VERSION } from '../settings';

/** Settings as version 1 stored them (before `weekStart`, with the fullscreen wait before it became `hold`). */
const { weekStart: _dropped, hold: _hold, ...V1_REST } = { ...DEFAULT_SETTINGS, snoozeLimit: 4, idleSec: 120 };
const V1 = { ...V1_REST, fullscreen: { defer: false, maxMin: 20 } };
/** What V1 becomes at the current version. */
const NOW_V = { ...V1_REST, weekStart: 'locale', hold: { enabled: false, maxMin: 20 } };

describe('settings migrations', () => {
  beforeEach(() => vi.resetModules());

  it('v1 settings are not valid as they are, and are after the steps', () => {
    expect(SETTINGS_VERSION).toBe(3);
    expect(parseSettings(V1).ok).toBe(false);
    const migrated = parseSettings(migrateSettings(V1, 1));
    expect(migrated).toEqual({ ok: true, value: NOW_V });
    // v2 -> v3 alone: the fullscreen wait becomes the hold group, switch and bound kept.
    expect(migrateSettings({ ...V1, weekStart: 'sun' }, 2)).toEqual({ ...NOW_V, weekStart: 'sun' });
    // Current settings pass through unchanged; non-objects are left for the validator.
    expect(migrateSettings({ ...NOW_V, weekStart: 'sun' }, 3)).toEqual({ ...NOW_V, weekStart: 'sun' });
    expect(migrateSettings(null, 1)).toBeNull();
    expect(migrateSettings([1], 1)).toEqual([1]);
  });

  it('v1 settings stored in sync and local are migrated in place on first access', async () => {
    // As version 1 wrote them: the value, and WXT's metadata saying v1 (or none at all in sync).
    await browser.storage.sync.set({ settings: V1 });
    await browser.storage.local.set({ settings: V1, settings$: { v: 1 } });
    const { loadSettings } = await import('./settings-items');
    const s = await loadSettings();
    expect(s).toEqual(NOW_V);
    // Written back at the new version, everything else kept.
    const sync = await browser.storage.sync.get(['settings', 'settings$']);
    expect(sync).toEqual({ settings: NOW_V, settings$: { v: 3 } });
    const local = await browser.storage.local.get(['settings', 'settings$']);
    expect(local).toEqual({ settings: NOW_V, settings$: { v: 3 } });
  });

  it('without the migration, the same v1 settings would lose nothing either: unknown fields are salvaged', async () => {
    // Belt and braces: a value no step can fix still loads field by field.
    await browser.storage.sync.set({ settings: { ...V1, snoozeLimit: 'lots' } });
    const { loadSettings } = await import('./settings-items');
    const s = await loadSettings();
    expect(s.idleSec).toBe(120);
    expect(s.snoozeLimit).toBe(DEFAULT_SETTINGS.snoozeLimit);
    expect(s.weekStart).toBe('locale');
  });
});
