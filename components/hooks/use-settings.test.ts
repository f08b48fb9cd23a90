/** updateSettings, the one way pages change settings: validated, saved in order, told to the page at once. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { loadSettings } from '../../lib/storage/settings-items';
import { updateSettings, watchSavedHere } from './use-settings';

describe('updateSettings', () => {
  it('saves a valid change and resolves to what it saved', async () => {
    const saved = await updateSettings((s) => ({ ...s, strict: !DEFAULT_SETTINGS.strict }));
    expect(saved?.strict).toBe(!DEFAULT_SETTINGS.strict);
    expect(await loadSettings()).toEqual(saved);
  });

  it('saves nothing when the result is invalid or the change refuses', async () => {
    await updateSettings((s) => ({ ...s, badge: !DEFAULT_SETTINGS.badge }));
    const before = await loadSettings();
    expect(await updateSettings((s) => ({ ...s, routines: { ...s.routines, positions: [] } }))).toBeNull();
    expect(await updateSettings((s) => ({ ...s, stretch: { ...s.stretch, everySec: 60 } }))).toBeNull();
    expect(await updateSettings(() => null)).toBeNull();
    expect(await loadSettings()).toEqual(before);
  });

  it('runs changes one at a time, each on the latest stored settings', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, strict: !DEFAULT_SETTINGS.strict })),
      updateSettings((s) => ({ ...s, badge: !DEFAULT_SETTINGS.badge })),
    ]);
    const now = await loadSettings();
    expect([now.strict, now.badge]).toEqual([!DEFAULT_SETTINGS.strict, !DEFAULT_SETTINGS.badge]);
  });

  it("tells the page's readers what it saved as it saves, without waiting for storage events, and nothing when it saved nothing", async () => {
    const told: Settings[] = [];
    const stop = watchSavedHere((s) => told.push(s));
    const saved = await updateSettings((s) => ({ ...s, strict: !DEFAULT_SETTINGS.strict }));
    expect(told).toEqual([saved]);
    await updateSettings(() => null);
    await updateSettings((s) => ({ ...s, routines: { ...s.routines, positions: [] } }));
    expect(told).toEqual([saved]);
    stop();
    await updateSettings((s) => ({ ...s, badge: !s.badge }));
    expect(told).toEqual([saved]);
  });
});
