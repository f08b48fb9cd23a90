/**
 * Settings changed (Options, or sync) while a break is announced, due or under way, against README
 * "Prompts" and "A heads-up before a stretch break": what is on screen follows the settings in
 * force. Each case failed before its fix: a prompt notification stayed (with buttons) after
 * notifications were turned off; the heads-up kept its "Postpone 5 min" after the snooze limit
 * went to 0 (a click was then refused and nothing said so).
 *
 * The real ports run on WXT's fake browser (its notifications and windows).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { browserPlatform, browserStore } from './engine/browser';
import { lifecycle } from './engine/lifecycle';
import { createRuntime } from './engine/runtime';
import { saveSettings } from './storage/items';
import type { Settings } from './settings';

let now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);
beforeEach(() => {
  now = T0;
  vi.mocked(browser.windows.create).mockRestore();
});

const onScreen = async () => Object.keys(await browser.notifications.getAll());
const breakWindows = async () => (await fakeBrowser.windows.getAll()).filter((w) => w.type === 'popup');

/** A worker with `settings`, its desk time run up to `until` minutes after T0 (a tick every 5 minutes). */
async function worked(settings: Settings, until: number) {
  await saveSettings(settings);
  const w = lifecycle(createRuntime(browserPlatform, browserStore));
  await w.wake();
  for (let m = 5; m < until + 5; m += 5) {
    now = T0 + Math.min(m, until) * MIN;
    await w.dispatch({ type: 'tick' });
  }
  return w;
}

describe('notifications turned off while one is on screen', () => {
  it('the prompt notification goes, and the break window (now the prompt) opens', async () => {
    const w = await worked({ ...ENGINE_SETTINGS, prompts: { notification: true, openWindow: false } }, 50);
    const id = `stretch-${T0 + 50 * MIN}`;
    expect(await onScreen()).toEqual([`prompt:${id}:snooze`]);
    expect(await breakWindows()).toHaveLength(0);
    // Options, "how prompts appear": the window only.
    now += 20_000;
    await saveSettings({ ...ENGINE_SETTINGS, prompts: { notification: false, openWindow: true } });
    await w.settingsChanged();
    expect(await onScreen(), 'no notification left with Start and Postpone').toEqual([]);
    expect(await breakWindows(), 'the window is the prompt now').toHaveLength(1);
  });

  it('a heads-up on screen goes too', async () => {
    const w = await worked({ ...ENGINE_SETTINGS, headsUpSec: 60 }, 49);
    expect(await onScreen()).toEqual([`headsup:stretch-${T0 + 50 * MIN}`]);
    now += 10_000;
    await saveSettings({ ...ENGINE_SETTINGS, headsUpSec: 60, prompts: { notification: false, openWindow: true } });
    await w.settingsChanged();
    expect(await onScreen()).toEqual([]);
  });
});

describe('the snooze limit set to 0 while the heads-up is on screen', () => {
  it('the heads-up is shown again without its Postpone button', async () => {
    const w = await worked({ ...ENGINE_SETTINGS, headsUpSec: 60 }, 49);
    const id = `headsup:stretch-${T0 + 50 * MIN}`;
    const buttons = async () => (fakeBrowser.notifications.getAllCreateOptions() as Record<string, { buttons?: unknown[] }>)[id]?.buttons ?? [];
    expect(await buttons()).toHaveLength(1);
    now += 10_000;
    await saveSettings({ ...ENGINE_SETTINGS, headsUpSec: 60, snoozeLimit: 0 });
    await w.settingsChanged();
    expect(await onScreen()).toEqual([id]);
    expect(await buttons(), 'no postpone allowed: no Postpone button').toHaveLength(0);
  });
});
