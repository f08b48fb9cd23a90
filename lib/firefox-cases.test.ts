/**
 * The Firefox-specific paths (unit level). describe('bugs'): a prompt shown again on a change of
 * settings although Firefox's has no buttons to refit; the call-sites switch still showing on after
 * a site was taken back in about:addons (each failed before its fix). The build target is set to Firefox
 * (vi.stubEnv('BROWSER', 'firefox') + vi.resetModules, as lib/pause-snooze-cases.test.ts does) and
 * the modules are imported afresh, so every `import.meta.env.BROWSER` branch takes its Firefox
 * side. The fake browser (wxt/testing/fake-browser) stands in for Firefox: like Firefox it has no
 * notifications.getPermissionLevel. Message keys are answered from the packaged English catalogue,
 * so expected texts are the catalogue's words (the outside reference), not the code's output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0); // Monday 10:00 in Berlin
const MIN = 60_000;
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };
const BREAK_ID = `stretch-${T0 + 50 * MIN}`;

const en = JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
/** chrome.i18n.getMessage over the English catalogue ($1..$9). */
const english = (key: string, subs?: string | string[]) => {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return en[key] ? en[key].message.replace(/\$(\$+|[1-9])/g, (_, c: string) => (c[0] === '$' ? c : (list[+c - 1] ?? ''))) : '';
};

let now = T0;

/** The modules as the Firefox build has them (fresh imports with BROWSER=firefox), on a fresh fake browser. */
async function firefox(settings: Settings = SETTINGS) {
  vi.stubEnv('BROWSER', 'firefox');
  vi.resetModules();
  const { browser } = await import('wxt/browser');
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  fakeBrowser.reset();
  const { clock } = await import('./platform/clock');
  vi.spyOn(clock, 'now').mockImplementation(() => now);
  vi.spyOn(clock, 'timeZone').mockReturnValue('Europe/Berlin');
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(english as never);
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
  // Firefox's idle API: 'active' or 'idle', never 'locked'.
  Object.assign(browser, { idle: { setDetectionInterval: vi.fn(), queryState: vi.fn(async () => 'active'), onStateChanged: fakeBrowser.alarms.onAlarm } });
  const storage = await import('./storage/items');
  await storage.saveSettings(settings);
  const { browserPlatform, browserStore } = await import('./engine/browser');
  const { lifecycle } = await import('./engine/lifecycle');
  const { createRuntime } = await import('./engine/runtime');
  const { messageHandler } = await import('./engine/handlers');
  const notify = await import('./platform/notify');
  const headsUp = await import('./platform/heads-up');
  const history = await import('./storage/history');
  /** One life of the event page: a fresh runtime over the same browser (its storage and notifications survive). */
  const eventPage = () => {
    const rt = createRuntime(browserPlatform, browserStore);
    return { ...lifecycle(rt), handleMessage: messageHandler(rt) };
  };
  const create = vi.spyOn(browser.notifications, 'create');
  const prompts = () => create.mock.calls.filter(([id]) => String(id).startsWith('prompt:')) as unknown as Array<[string, Record<string, unknown>]>;
  return { browser, fakeBrowser, storage, notify, headsUp, history, eventPage, create, prompts };
}

/** Desk time up to the stretch break (T0 + 50 min), a tick every 4 minutes as the watchdog would; the break then prompted. */
async function workUntilPrompted(page: { wake(): Promise<void>; dispatch(e: { type: 'tick' }): Promise<unknown> }) {
  await page.wake();
  for (let t = 4; t < 50; t += 4) {
    now = T0 + t * MIN;
    await page.dispatch({ type: 'tick' });
  }
  now = T0 + 50 * MIN;
  await page.dispatch({ type: 'tick' });
}

beforeEach(() => {
  now = T0;
});
afterEach(async () => {
  const { closeHistory } = await import('./storage/history');
  await closeHistory().catch(() => undefined);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('holds', () => {
  it('the prompt has no buttons, is not held on screen, and its text says that a click starts (README: "a click starts the break")', async () => {
    const ff = await firefox();
    await workUntilPrompted(ff.eventPage());
    const [[id, opts]] = ff.prompts() as [[string, { buttons?: unknown; requireInteraction?: unknown; message: string; title: string }]];
    expect(id).toBe(`prompt:${BREAK_ID}:snooze`);
    expect(opts.buttons).toBeUndefined();
    expect(opts.requireInteraction).toBeUndefined();
    expect(opts.title).toBe('Time for a 3-minute stretch');
    expect(opts.message).toBe('You have been at your desk a while. Give your body a break. Click to start.');
  });

  it('Japanese: the body and "click to start" follow each other as Japanese writes sentences, with no space after 。', async () => {
    const ff = await firefox();
    const { formatMessage } = await import('./i18n-fallback');
    const ja = JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', 'ja', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.mocked(ff.browser.i18n.getMessage).mockImplementation(((k: string, subs?: string | string[]) => (ja[k] ? formatMessage(ja[k], subs === undefined ? [] : ([] as string[]).concat(subs)) : '')) as never);
    vi.mocked(ff.browser.i18n.getUILanguage).mockReturnValue('ja');
    await workUntilPrompted(ff.eventPage());
    const [[, opts]] = ff.prompts() as [[string, { message: string }]];
    expect(opts.message).toBe('しばらくデスクに向かっていました。体をいたわる休憩をとりましょう。クリックして開始します。');
  });

  it('no permission level in Firefox: the prompt is a notification, not the break window instead', async () => {
    const ff = await firefox();
    delete (ff.browser.notifications as { getPermissionLevel?: unknown }).getPermissionLevel; // Firefox has none
    await workUntilPrompted(ff.eventPage());
    expect(ff.prompts()).toHaveLength(1);
    expect(await ff.fakeBrowser.windows.getAll()).toHaveLength(1); // only the default window: no break window
    const { checkNotifications } = await import('../components/hooks/use-notification-check');
    expect(await checkNotifications()).toBe('ok');
  });

  it('the heads-up has no buttons and no Chrome-only option; it says the break can be postponed when it comes, only when it can', async () => {
    const ff = await firefox();
    await ff.headsUp.showHeadsUp({ id: BREAK_ID, at: T0, dueAt: T0 + MIN }, true, T0);
    let [, opts] = ff.create.mock.calls.at(-1) as unknown as [string, Record<string, unknown>];
    expect(opts.buttons).toBeUndefined();
    expect(opts.silent).toBeUndefined();
    expect(opts.title).toBe('Stretch break in 1 min');
    expect(opts.message).toBe('Time to wrap up what you are doing. When the break comes, you can still postpone it.');
    await ff.headsUp.showHeadsUp({ id: BREAK_ID, at: T0, dueAt: T0 + MIN }, false, T0);
    [, opts] = ff.create.mock.calls.at(-1) as unknown as [string, Record<string, unknown>];
    expect(opts.message).toBe('Time to wrap up what you are doing.');
  });

  it('a click on the prompt (background onClicked) starts the break and opens the break window as a popup', async () => {
    const ff = await firefox();
    const listener = () => ({ addListener: vi.fn() });
    Object.assign(ff.browser, { commands: { onCommand: listener() } });
    Object.assign(ff.browser.runtime, { onStartup: listener(), onInstalled: listener() });
    const engine = await import('./engine');
    const background = (await import('../entrypoints/background')).default;
    background.main!();
    await engine.handleMessage({ type: 'status/get' });
    for (let t = 4; t < 50; t += 4) {
      now = T0 + t * MIN;
      await engine.dispatch({ type: 'tick' });
    }
    now = T0 + 50 * MIN;
    await engine.dispatch({ type: 'tick' });
    const [id] = ff.prompts()[0]!;
    now += 10_000;
    await ff.fakeBrowser.notifications.onClicked.trigger(id);
    await new Promise((r) => setTimeout(r, 50));
    expect((await ff.storage.loadTracker())?.phase.name).toBe('onBreak');
    const wins = await ff.fakeBrowser.windows.getAll();
    expect(wins.some((w) => w.type === 'popup')).toBe(true);
  });

  it('Firefox closes the prompt by itself: the next event page does not put it back, the break stays due, the reminder still comes, and the popup can start it', async () => {
    const ff = await firefox();
    await workUntilPrompted(ff.eventPage());
    expect(ff.prompts()).toHaveLength(1);
    // Firefox takes the notification away after a while (no requireInteraction there).
    now = T0 + 50 * MIN + 20_000;
    await ff.browser.notifications.clear(ff.prompts()[0]![0]);
    // The event page was suspended; an alarm (the watchdog) starts a new one.
    now = T0 + 51 * MIN;
    const page = ff.eventPage();
    await page.wake();
    expect(ff.prompts()).toHaveLength(1); // not put back: it was closed, not lost
    expect((await ff.storage.loadTracker())?.phase.name).toBe('due');
    // "A prompt you do not answer reminds you once after three minutes, then waits."
    now = T0 + 53 * MIN;
    await page.dispatch({ type: 'tick' });
    expect(ff.prompts()).toHaveLength(2);
    expect(ff.prompts()[1]![1].title).toBe('Reminder: Time for a 3-minute stretch');
    // The popup offers it (status) and starts it.
    const r = (await page.handleMessage({ type: 'break/start', breakId: BREAK_ID })) as { ok: boolean };
    expect(r.ok).toBe(true);
    expect((await ff.storage.loadTracker())?.phase.name).toBe('onBreak');
  });

  it('a browser restart (session storage and notifications gone) puts the prompt back', async () => {
    const ff = await firefox();
    await workUntilPrompted(ff.eventPage());
    await ff.browser.notifications.clear(ff.prompts()[0]![0]);
    await ff.browser.storage.session.clear();
    now = T0 + 51 * MIN;
    await ff.eventPage().wake();
    expect(ff.prompts()).toHaveLength(2);
  });

  it('idle (Firefox never reports locked) for a break\'s length counts as that break taken naturally', async () => {
    const ff = await firefox();
    const page = ff.eventPage();
    await page.wake();
    for (let t = 4; t <= 40; t += 4) {
      now = T0 + t * MIN;
      await page.dispatch({ type: 'tick' });
    }
    await page.dispatch({ type: 'activity', state: 'idle' });
    now = T0 + 45 * MIN;
    await page.dispatch({ type: 'activity', state: 'active' });
    const s = await ff.storage.loadTracker();
    expect(s?.desk.stretch).toBe(0);
    expect(s?.lastNaturalAt).not.toBeNull();
  });

  it("Options' away hint promises a locked screen always counts as away only where the browser reports it (Firefox reports idle, never locked)", () => {
    // Locked while a video plays in Firefox is an idle report while watching: desk time goes on
    // (lib/tracker/moment.ts). The hint under "Count me as away after" must not say otherwise.
    const hint = en.idlePresetHint!.message;
    expect(hint).not.toMatch(/locked screen always counts as away\.?$/);
    expect(hint).toMatch(/Firefox/);
  });

  it('after a click the break window offers the postpone, which closes it without a partial, and the prompt comes back; closing it early otherwise is partial', async () => {
    const ff = await firefox();
    const page = ff.eventPage();
    await workUntilPrompted(page);
    now += 10_000;
    await page.dispatch({ type: 'start', breakId: BREAK_ID }); // what background.ts does on the click
    const session = (await page.handleMessage({ type: 'break/session', breakId: BREAK_ID })) as { ok: boolean; data: { canPostpone: boolean } };
    expect(session.data.canPostpone).toBe(true); // "the break window offers the same two choices"
    const popup = (await ff.fakeBrowser.windows.getAll()).find((w) => w.type === 'popup')!;
    expect(popup).toBeTruthy();
    const r = (await page.handleMessage({ type: 'break/snooze', breakId: BREAK_ID, minutes: 5 })) as { ok: boolean };
    expect(r.ok).toBe(true);
    await page.windowClosed(popup.id!);
    expect((await ff.storage.loadTracker())?.phase.name).toBe('snoozed');
    now += 5 * MIN;
    await page.dispatch({ type: 'tick' });
    expect(ff.prompts()).toHaveLength(2); // back after the minutes chosen
    // Started again, and its window closed early: partial.
    await page.dispatch({ type: 'start', breakId: BREAK_ID });
    const win = (await ff.fakeBrowser.windows.getAll()).filter((w) => w.type === 'popup').at(-1)!;
    now += 30_000;
    await page.windowClosed(win.id!);
    const day = await ff.history.breaksOnDay('2026-03-02');
    expect(day.map((b) => b.outcome)).toEqual(['partial']);
  });

  it('the badge and the button\'s title use browserAction where there is no action', async () => {
    const ff = await firefox();
    const setBadgeText = vi.fn(async () => undefined);
    const setBadgeBackgroundColor = vi.fn(async () => undefined);
    const setTitle = vi.fn(async () => undefined);
    Object.assign(ff.browser, { action: undefined, browserAction: { setBadgeText, setBadgeBackgroundColor, setTitle } });
    const { setBadge } = await import('./platform/badge');
    await setBadge({ phase: 'due' } as never, T0, true);
    expect(setBadgeText).toHaveBeenCalledWith({ text: '!' });
    expect(setTitle).toHaveBeenCalledTimes(1);
  });
});

describe('bugs found in review (a title may name what was wrong; each test holds its fix)', () => {
  it('a change of settings does not show a Firefox prompt again: it has no buttons, so nothing on it changes', async () => {
    // README: "A notification on screen shows only the buttons that work: when a change of
    // settings changes them (strict mode switched on, a lower snooze limit), it is shown again
    // with the right ones." and "Firefox's notifications have no buttons". In Firefox a settings
    // change changes nothing on the prompt, so it must not pop up again.
    const ff = await firefox();
    const page = ff.eventPage();
    await workUntilPrompted(page);
    expect(ff.prompts()).toHaveLength(1);
    const before = ff.prompts()[0]![1];
    now = T0 + 51 * MIN;
    await ff.storage.saveSettings({ ...SETTINGS, strict: true, snoozeLimit: 0 });
    await page.settingsChanged();
    // Had it been shown again, it would say exactly the same (no buttons in Firefox):
    expect(ff.prompts().slice(1).every(([, o]) => o.title === before.title && o.message === before.message)).toBe(true);
    expect(ff.prompts()).toHaveLength(1);
  });
  it('a call site taken back in about:addons while Options is open: the switch shows off at once, and says the permission may have been taken back', async () => {
    // Firefox MV3 host permissions are the person's to take back at any time (about:addons,
    // Permissions). Calls on that site then no longer hold a break (lib/platform/call-sites.ts asks
    // only about granted sites), so the switch must not go on showing the option on.
    vi.stubEnv('BROWSER', 'firefox');
    vi.resetModules();
    const { browser } = await import('wxt/browser');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(english as never);
    const { callPatterns } = await import('./call-sites');
    const sites = { enabled: true, own: ['talk.example.org'] };
    // The browser's bookkeeping, and its permission events (the fake browser implements neither).
    const granted = new Set(callPatterns(sites));
    const heard: Array<(p: { origins?: string[] }) => void> = [];
    const p = browser.permissions;
    vi.spyOn(p, 'contains').mockImplementation((async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))) as never);
    for (const e of [p.onAdded, p.onRemoved]) {
      vi.spyOn(e, 'addListener').mockImplementation(((f: (p: { origins?: string[] }) => void) => void heard.push(f)) as never);
      vi.spyOn(e, 'removeListener').mockImplementation(((f: (p: { origins?: string[] }) => void) => void heard.splice(heard.indexOf(f), 1)) as never);
    }
    const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
    const { h, render } = await import('preact');
    const { CallSitesPrefs } = await import('../components/CallSitesPrefs');
    const root = document.getElementById('app')!;
    render(h(CallSitesPrefs, { settings: { ...SETTINGS, callSites: sites }, save: async () => undefined }), root);
    const frame = () => new Promise((r) => setTimeout(r, 150)); // Preact runs effects after a frame (at most 100 ms without one)
    const shown = () => {
      const box = document.querySelector('[data-testid="call-sites-enabled"]')!;
      return { checked: box.hasAttribute('checked'), note: document.querySelector('[data-testid="call-sites-not-here"]')?.textContent ?? null };
    };
    await frame();
    expect(shown()).toEqual({ checked: true, note: null });
    // In about:addons the person switches off "Access your data for meet.google.com".
    granted.delete('https://meet.google.com/*');
    for (const f of [...heard]) f({ origins: ['https://meet.google.com/*'] });
    await frame();
    expect(shown()).toEqual({ checked: false, note: english('callSitesNotHere') });
    expect(english('callSitesNotHere')).toMatch(/taken back in the browser/);
    // Switched on again there: the switch follows.
    granted.add('https://meet.google.com/*');
    for (const f of [...heard]) f({ origins: ['https://meet.google.com/*'] });
    await frame();
    expect(shown()).toEqual({ checked: true, note: null });
    render(null, root);
    expect(heard).toHaveLength(0); // no listener left behind by the closed page
  });
});
