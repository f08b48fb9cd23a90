/**
 * The floor the runtime gives the next alarm: the 30 s that packed builds clamp to for real
 * settings, half a second only for the developer switch's sub-minute timing (lib/dev-timing.ts),
 * else its 20 s breaks would come at 30 s. Measured against what the alarm port is asked.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { MIN_ALARM_MS } from '../platform/alarms';
import type { Platform, Store } from './ports';
import { createRuntime } from './runtime';

const T0 = Date.UTC(2026, 2, 2, 9);

/** Ports that do nothing but answer, with the next alarm's calls recorded. */
function ports(settings: Settings) {
  const reconcileNextAlarm = vi.fn(async () => undefined);
  const known: Partial<Platform> = {
    now: () => T0,
    timeZone: () => 'UTC',
    focusedWindow: async () => ({ fullscreen: false, sound: false, tab: null }),
    callAudible: async () => false,
    queryActivity: async () => 'active',
    showPrompt: async () => true,
    breakWindowState: async () => 'none',
    breakWindowClosed: async () => null,
    reconcileNextAlarm,
  };
  const platform = new Proxy(known, { get: (t, k: string) => (k in t ? t[k as keyof Platform] : async () => false) }) as Platform;
  const store = new Proxy({ settings: async () => settings, loadTracker: async () => ({ state: null, outbox: [] }) } as Partial<Store>, {
    get: (t, k: string) => (k in t ? t[k as keyof Store] : async () => null),
  }) as Store;
  return { rt: createRuntime(platform, store), reconcileNextAlarm };
}

describe('the next alarm floor', () => {
  it('real settings: 30 s', async () => {
    const { rt, reconcileNextAlarm } = ports(DEFAULT_SETTINGS);
    await rt.handle({ type: 'tick' });
    expect(reconcileNextAlarm).toHaveBeenLastCalledWith(expect.any(Number), T0, MIN_ALARM_MS);
  });

  it('the developer switch with 20 s breaks: half a second', async () => {
    const dev: Settings = { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, everySec: 20, lengthSec: 5 } };
    const { rt, reconcileNextAlarm } = ports(dev);
    await rt.handle({ type: 'tick' });
    expect(reconcileNextAlarm).toHaveBeenLastCalledWith(expect.any(Number), T0, 500);
  });
});
