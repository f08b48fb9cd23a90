/**
 * The platform adapters measured against what the browser is told or tells: each test here kills a
 * broken variant (mutant) of lib/platform that the rest of the suite let live (named in each test).
 * Fixed timestamps; the browser's answers are set per test (fake browser plus spies).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callPatterns } from '../call-sites';
import { DEFAULT_SETTINGS } from '../settings';
import type { DueBreak } from '../tracker/tracker';
import { MIN_ALARM_MS, NEXT_ALARM, WATCHDOG_ALARM, reconcileNextAlarm, reconcileWatchdog } from './alarms';
import { callTabAudible } from './call-sites';
import { configureIdle, queryActivity } from './idle';
import { showPrompt } from './notify';
import { focusedWindow, openBreakWindow } from './windows';

const T0 = Date.UTC(2026, 2, 2, 9);
const MIN = 60_000;

afterEach(() => vi.restoreAllMocks());

const at = async (name: string) => (await fakeBrowser.alarms.get(name))?.scheduledTime;

describe('alarms', () => {
  it('nothing left to wait for (paused, breaks off): the next-moment alarm is taken away, not left to fire', async () => {
    await reconcileNextAlarm(T0 + 20 * MIN, T0);
    expect(await at(NEXT_ALARM)).toBe(T0 + 20 * MIN);
    await reconcileNextAlarm(null, T0 + MIN);
    expect(await at(NEXT_ALARM)).toBeUndefined();
  });

  it('a moment closer than the 30 s floor replaces an alarm set for later than the floor (it is not kept, late)', async () => {
    await reconcileNextAlarm(T0 + 20 * MIN, T0);
    await reconcileNextAlarm(T0 + 10_000, T0);
    expect(await at(NEXT_ALARM)).toBe(T0 + MIN_ALARM_MS);
  });

  it('the watchdog is never asked for sooner than the 30 s floor packed builds clamp to', async () => {
    await reconcileWatchdog(T0 + 10_000, T0);
    expect(await at(WATCHDOG_ALARM)).toBe(T0 + MIN_ALARM_MS);
  });
});

describe('the prompt notification (Chrome)', () => {
  it('stays on screen until answered: the browser is told requireInteraction', async () => {
    const brk: DueBreak = { id: 'stretch-1000', kind: 'stretch', dueAt: T0, deskMs: 40 * MIN, snoozes: 0, manual: false, promptedAt: T0 } as DueBreak;
    const create = vi.spyOn(browser.notifications, 'create');
    expect(await showPrompt(brk, DEFAULT_SETTINGS, false, T0)).toBe(true);
    expect(create.mock.calls[0]![1]).toMatchObject({ requireInteraction: true });
  });
});

type Tab = { id: number; windowId: number; active: boolean; audible: boolean; url?: string };

/** The browser's answers, filtering tabs as tabs.query does by windowId, active, audible and url. */
function world(win: { id: number; focused: boolean; state: string }, tabs: Tab[]) {
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue(win as never);
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: Partial<Tab> & { url?: string[] }) =>
    tabs.filter(
      (t) =>
        (q.windowId === undefined || t.windowId === q.windowId) &&
        (q.active === undefined || t.active === q.active) &&
        (q.audible === undefined || t.audible === q.audible) &&
        (q.url === undefined || q.url.some((p) => matches(p, t.url ?? ''))),
    )) as never);
  return query;
}

/** A match pattern as the browser reads it: scheme, a host exactly or `*.` and its subdomains, any path. */
function matches(pattern: string, url: string): boolean {
  const m = /^(https?):\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  if (!m) throw new Error(`invalid match pattern ${pattern}`);
  const u = new URL(url);
  const host = u.hostname;
  return u.protocol === `${m[1]}:` && (host === m[3] || (m[2] !== undefined && host.endsWith(`.${m[3]}`)));
}

describe('what the person is in (focusedWindow)', () => {
  it('a maximized window is not fullscreen, and music in a background tab is not the tab in view', async () => {
    world({ id: 1, focused: true, state: 'maximized' }, [
      { id: 10, windowId: 1, active: true, audible: false },
      { id: 11, windowId: 1, active: false, audible: true },
    ]);
    expect(await focusedWindow()).toEqual({ fullscreen: false, sound: false, tab: 10 });
  });

  it('the focused fullscreen window playing sound in its tab in view counts', async () => {
    world({ id: 1, focused: true, state: 'fullscreen' }, [{ id: 10, windowId: 1, active: true, audible: true }]);
    expect(await focusedWindow()).toEqual({ fullscreen: true, sound: true, tab: 10 });
  });
});

describe('the break window', () => {
  it('asked again for the same break, its window is brought to the front, not left behind', async () => {
    await openBreakWindow('stretch-1000');
    const update = vi.spyOn(fakeBrowser.windows, 'update');
    await openBreakWindow('stretch-1000');
    const [win] = (await fakeBrowser.windows.getAll()).filter((w) => w.type === 'popup');
    expect(update).toHaveBeenCalledWith(win!.id, { focused: true });
  });
});

describe('a call on a call site (callTabAudible)', () => {
  const sites = { enabled: true, own: ['meet.example.org'] };

  it('a call site open but silent is no call; the browser is asked for the granted patterns and sound only', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const query = world({ id: 1, focused: true, state: 'normal' }, [{ id: 10, windowId: 1, active: true, audible: false, url: 'https://meet.google.com/abc-defg-hij' }]);
    expect(await callTabAudible(callPatterns(sites))).toBe(false);
    expect(query).toHaveBeenCalledWith({ url: callPatterns(sites), audible: true });
  });

  it('only the sites themselves: a look-alike host playing sound is no call, the site itself is', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const evil = { id: 10, windowId: 1, active: true, audible: true, url: 'https://evil-meet.google.com.example/x' };
    world({ id: 1, focused: true, state: 'normal' }, [evil, { ...evil, id: 11, url: 'https://notmeet.example.org/x' }]);
    expect(await callTabAudible(callPatterns(sites))).toBe(false);
    world({ id: 1, focused: true, state: 'normal' }, [{ ...evil, url: 'https://meet.example.org/room' }]);
    expect(await callTabAudible(callPatterns(sites))).toBe(true);
  });
});

describe('idle detection', () => {
  const idle = () => {
    const api = {
      setDetectionInterval: vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockResolvedValue(undefined as never),
      queryState: vi.spyOn(fakeBrowser.idle, 'queryState').mockResolvedValue('locked' as never),
    };
    return api;
  };

  it('the browser gets the configured interval, never under its 15 s minimum', async () => {
    const api = idle();
    await configureIdle(120);
    await configureIdle(5);
    expect(api.setDetectionInterval.mock.calls).toEqual([[120], [15]]);
  });

  it('the state is asked with the interval in force, and a locked screen stays locked (always away)', async () => {
    const api = idle();
    expect(await queryActivity(90)).toBe('locked');
    expect(api.queryState).toHaveBeenCalledWith(90);
  });
});
