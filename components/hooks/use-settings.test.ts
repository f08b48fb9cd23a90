/** updateSettings, the one way pages change settings: validated, saved in order, shown on the page at once. */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { loadSettings } from '../../lib/storage/settings-items';
import { followSettings, updateSettings } from './use-settings';

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

  it("tells the page's readers what it saved as it saves, without waiting for storage events, and nothing new when it saved nothing", async () => {
    const told: Settings[] = [];
    const stop = followSettings((s) => told.push(s));
    const saved = await updateSettings((s) => ({ ...s, strict: !DEFAULT_SETTINGS.strict }));
    expect(told.at(-1)).toEqual(saved);
    await updateSettings(() => null);
    await updateSettings((s) => ({ ...s, routines: { ...s.routines, positions: [] } }));
    await settled();
    expect(told.at(-1)).toEqual(saved);
    stop();
    const count = told.length;
    await updateSettings((s) => ({ ...s, badge: !s.badge }));
    await settled();
    expect(told).toHaveLength(count);
  });

  it('shows a change at once, and keeps showing it while an earlier change is saved without it', async () => {
    const told: Settings[] = [];
    const stop = followSettings((s) => told.push(s));
    await settled();
    await updateSettings((s) => s); // the page has read the settings
    told.length = 0;
    // Two switches turned on in quick succession: the second is asked while the first saves.
    const first = updateSettings((s) => ({ ...s, strict: !DEFAULT_SETTINGS.strict }));
    expect(told.at(-1)?.strict).toBe(!DEFAULT_SETTINGS.strict);
    const from = told.length;
    const second = updateSettings((s) => ({ ...s, badge: !DEFAULT_SETTINGS.badge }));
    await Promise.all([first, second]);
    await settled();
    stop();
    const after = told.slice(from);
    expect(after.length).toBeGreaterThan(1);
    // Every value told from the second click on has both switches on.
    for (const s of after) expect([s.strict, s.badge]).toEqual([!DEFAULT_SETTINGS.strict, !DEFAULT_SETTINGS.badge]);
    expect(await loadSettings()).toEqual(after.at(-1));
  });

  it('shows a change asked while an earlier one is being written at once, on top of what is being written', async () => {
    const told: Settings[] = [];
    const stop = followSettings((s) => told.push(s));
    await updateSettings((s) => s); // the page has read the settings
    await settled();

    // The first switch's save is slow (a storage write that takes a while).
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const realSet = browser.storage.local.set.bind(browser.storage.local);
    const spy = vi.spyOn(browser.storage.local, 'set').mockImplementationOnce(async (items) => {
      await held;
      return realSet(items);
    });
    const first = updateSettings((s) => ({ ...s, strict: !DEFAULT_SETTINGS.strict }));
    await settled(); // its run has started and is writing
    expect(spy).toHaveBeenCalled();

    // A second switch is turned while the first is being saved.
    const second = updateSettings((s) => ({ ...s, badge: !DEFAULT_SETTINGS.badge }));
    await settled();
    expect(told.at(-1)?.badge).toBe(!DEFAULT_SETTINGS.badge);

    release();
    await Promise.all([first, second]);
    await settled();
    stop();
  });

  it('takes a change back when its save fails, and keeps the stored settings', async () => {
    const told: Settings[] = [];
    const stop = followSettings((s) => told.push(s));
    await updateSettings((s) => s);
    const before = await loadSettings();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const failed = updateSettings((s) => ({ ...s, strict: !s.strict }));
    expect(told.at(-1)?.strict).toBe(!before.strict); // shown at once
    await expect(failed).rejects.toThrow(/QUOTA/);
    await settled();
    stop();
    expect(told.at(-1)).toEqual(before);
    expect(await loadSettings()).toEqual(before);
  });

  it('calls a change last from its own run, on the latest stored settings (what it notes on the side is the run\'s)', async () => {
    const stop = followSettings(() => undefined);
    await updateSettings((s) => s);
    let seen: boolean[] = [];
    const first = updateSettings((s) => ({ ...s, badge: !DEFAULT_SETTINGS.badge }));
    const second = updateSettings((s) => {
      seen = [s.badge, s.strict];
      return { ...s, strict: !s.strict };
    });
    await Promise.all([first, second]);
    await settled();
    // Its run read the first change's save, and the switch before it turned.
    expect(seen).toEqual([!DEFAULT_SETTINGS.badge, DEFAULT_SETTINGS.strict]);
    stop();
  });
});

/** Lets storage events and the reads they start finish. */
async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((ok) => setTimeout(ok, 0));
}
