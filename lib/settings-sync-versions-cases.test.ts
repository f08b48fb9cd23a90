/**
 * Settings synced by a newer Limber on another computer (browsers update extensions at different
 * times: for hours or days two versions share one storage.sync). A newer version adds settings
 * (pauseWaitMin, callSites and headsUpSec were each added so) and new choices in a group (a new
 * equipment, body area or position). This older version reads what it knows, field by field
 * (lib/settings.ts settingsOrDefaults): an unknown field is left out, a group holding a choice it
 * does not know reads as its defaults.
 *
 * describe('bugs'): failed before the fix (lib/storage/settings-items.ts saveSettings wrote back the
 * whole object as read here: any change made on the older computer, a switch, removed the newer
 * one's new settings from sync and replaced a group it could not read with its defaults, on every
 * computer: the routines a person had excluded, their focus areas and positions, all gone).
 */
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './settings';
import { loadSettings, saveSettings } from './storage/settings-items';

/** The person's routine preferences, as a newer version wrote them (with an equipment this one does not know). */
const newerRoutines = { equipment: ['none', 'band'], focusAreas: ['neck'], positions: ['seated'], excluded: ['neck-rolls', 'wall-angels'], mine: 'half' };
const newer = { ...DEFAULT_SETTINGS, snoozeLimit: 4, routines: newerRoutines, breathing: { enabled: true, everyMin: 90 } };

const synced = async () => (await browser.storage.sync.get('settings')).settings as Record<string, unknown>;

/** A change on the options page: the latest settings read, one field changed, saved (components/hooks/use-settings.ts). */
async function change(f: (s: Settings) => Settings): Promise<void> {
  await saveSettings(f(await loadSettings()));
}

describe('bugs', () => {
  it('a switch turned on the older computer keeps the newer one\'s new setting and the group it cannot read, in sync', async () => {
    await browser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION } });
    // Read here: what this version knows, the unreadable group as its defaults.
    const here = await loadSettings();
    expect(here.snoozeLimit).toBe(4);
    expect(here.routines).toEqual(DEFAULT_SETTINGS.routines);

    await change((s) => ({ ...s, strict: true }));
    const after = await synced();
    expect(after.strict).toBe(true); // the change made here
    expect(after.snoozeLimit).toBe(4);
    expect(after.routines).toEqual(newerRoutines); // not this version's defaults
    expect(after.breathing).toEqual({ enabled: true, everyMin: 90 }); // not removed
    expect(await loadSettings()).toEqual({ ...here, strict: true });
  });

  it('a nested setting the older version does not know survives a change to another setting', async () => {
    await browser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, prompts: { notification: true, openWindow: false, flash: true } }, settings$: { v: SETTINGS_VERSION } });
    await change((s) => ({ ...s, badge: false }));
    expect((await synced()).prompts).toEqual({ notification: true, openWindow: false, flash: true });
  });

  it('the newer version\'s mark stays on what sync holds: marked older, the newer computer would run its steps again over it at its next start (a 20 s posture check chosen there set back to 45 s)', async () => {
    await browser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION + 1 } });
    await change((s) => ({ ...s, strict: true }));
    expect((await browser.storage.sync.get('settings$')).settings$).toEqual({ v: SETTINGS_VERSION + 1 });
    expect((await synced()).strict).toBe(true);
  });
});

describe('holds', () => {
  it('a group changed here is this computer\'s: the newer one\'s value for it is replaced', async () => {
    await browser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION } });
    await change((s) => ({ ...s, routines: { ...s.routines, excluded: ['desk-push-ups'] } }));
    expect((await synced()).routines).toEqual({ ...DEFAULT_SETTINGS.routines, excluded: ['desk-push-ups'] });
  });

  it('settings this version wrote are written as they are: nothing of an older sync copy comes back', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, strict: true });
    await change((s) => ({ ...s, snoozeLimit: 1 }));
    expect(await synced()).toEqual({ ...DEFAULT_SETTINGS, strict: true, snoozeLimit: 1 });
    expect((await browser.storage.local.get('settings')).settings).toEqual({ ...DEFAULT_SETTINGS, strict: true, snoozeLimit: 1 });
  });
});

describe('bugs: a reset or an import replaces the settings everywhere', () => {
  it('a reset on the older computer puts the defaults in sync: nothing of the newer one\'s settings is kept (README "restores default settings in both areas")', async () => {
    const { resetData } = await import('./data');
    await browser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION } });
    await resetData();
    expect(await synced()).toEqual(DEFAULT_SETTINGS);
  });

  it('an import on the older computer puts the file\'s settings in sync, not the newer one\'s where the file holds the defaults', async () => {
    const { importBackup } = await import('./data');
    await browser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION } });
    const settings = { ...DEFAULT_SETTINGS, strict: true };
    expect(await importBackup({ settings, history: [], ownRoutines: [] } as never)).toMatchObject({ imported: true });
    expect(await synced()).toEqual(settings);
  });
});
