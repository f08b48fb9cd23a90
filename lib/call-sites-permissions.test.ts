/**
 * The call sites' host permissions (README "Calls on the sites you choose", PRIVACY.md): granted only
 * for the sites of an option turned on in this browser, given back when it is off or a site is gone,
 * however that happened: the switch, a reset, an import, or sync from another computer (the
 * background gives back what the settings no longer use); turned on elsewhere, the switch here shows
 * off and says so until this browser allows the sites. Also the built-in Teams address and own
 * sites under an internationalised top-level domain; and permissions changed in Firefox's
 * about:addons (a site taken back, "all websites" allowed). From reviews; each case failed before its fix.
 *
 * The fake browser has no permissions API and does not filter tabs by `url`: both are stood in for
 * here by a granted-origins set (the browser's own bookkeeping) and Chrome's match-pattern rule
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 */
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callPatterns, DEFAULT_CALL_SITES, patternFor } from './call-sites';
import { parseHost } from './call-site-hosts';
import { callTabAudible } from './platform/call-sites';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { loadSettings, saveSettings } from './storage/items';
import { exportData, importData, resetData } from './data';
import { handleMessage } from './engine';
import { ENGINE_SETTINGS, T0, useEngineEnv } from '../tests/engine-env';
import background from '../entrypoints/background';

/** Chrome's match-pattern rule for `https://host/path` patterns: `*.x` is x and its subdomains; no port in the pattern matches any port. */
function matches(pattern: string, url: string): boolean {
  const p = /^(https?|\*):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!p) return false;
  const u = new URL(url);
  const scheme = u.protocol.slice(0, -1);
  if (p[1] === '*' ? !['http', 'https'].includes(scheme) : p[1] !== scheme) return false;
  const host = p[2]!;
  const hostOk = host === '*' || host === u.hostname || (host.startsWith('*.') && (u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1))));
  const path = new RegExp(`^${p[3]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && path.test(u.pathname + u.search);
}

/** The browser's permissions: what is granted to Limber here (request grants, remove takes back). */
function permissions(initial: string[] = []): Set<string> {
  const granted = new Set(initial);
  const p = fakeBrowser.permissions as unknown as Record<string, (...a: never[]) => unknown>;
  vi.spyOn(p, 'getAll').mockImplementation((async () => ({ origins: [...granted], permissions: [] })) as never);
  vi.spyOn(p, 'request').mockImplementation((async ({ origins }: { origins: string[] }) => {
    for (const o of origins) granted.add(o);
    return true;
  }) as never);
  vi.spyOn(p, 'remove').mockImplementation((async ({ origins }: { origins: string[] }) => {
    for (const o of origins) granted.delete(o);
    return true;
  }) as never);
  // A granted pattern covers itself, and "all websites" (https://*/*, which Firefox's about:addons
  // can allow) covers every https pattern; the granted list (getAll) names only what was granted.
  vi.spyOn(p, 'contains').mockImplementation((async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o) || (granted.has('https://*/*') && o.startsWith('https://')))) as never);
  return granted;
}

/** Open tabs: tabs.query({ url, audible }) answers as the browser does. */
function tabs(open: { url: string; audible: boolean }[]): void {
  vi.spyOn(browser.tabs, 'query').mockImplementation((async (q: { url?: string | string[]; audible?: boolean }) => {
    const urls = q.url === undefined ? null : Array.isArray(q.url) ? q.url : [q.url];
    return open
      .filter((t) => (urls === null || urls.some((u) => matches(u, t.url))) && (q.audible === undefined || t.audible === q.audible))
      .map((t, i) => ({ id: i + 1, index: i, url: t.url, audible: t.audible, active: false, highlighted: false, pinned: false, incognito: false }));
  }) as never);
}

/** A Google Meet call playing in a background tab (README: holds "even in the background"). */
const MEET_CALL = { url: 'https://meet.google.com/abc-defg-hij', audible: true };
const ON: Settings['callSites'] = { enabled: true, own: ['talk.example.org'] };

/** The options page's call-sites switch, drawn for these settings: ticked, and the note under it. */
async function mount(settings: Settings) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((k: string) => k);
  const { h, render } = await import('preact');
  const { CallSitesPrefs } = await import('../components/CallSitesPrefs');
  const root = document.getElementById('app')!;
  render(h(CallSitesPrefs, { settings, save: async () => undefined }), root);
  await new Promise((r) => setTimeout(r, 150)); // Preact runs effects after a frame (at most 100 ms without one)
  const box = document.querySelector('[data-testid="call-sites-enabled"]') as unknown as HTMLInputElement;
  const note = document.querySelector('[data-testid="call-sites-not-here"]');
  // linkedom's input has no checked property: Preact then sets the attribute.
  const out = { checked: box.checked ?? box.hasAttribute('checked'), note: note?.textContent ?? null };
  render(null, root);
  return out;
}
const on: Settings = { ...DEFAULT_SETTINGS, callSites: ON };

describe('the stand-ins behave as the browser does (control)', () => {
  it("Chrome's match patterns: a subdomain wildcard covers the domain itself; a plain host covers only itself", () => {
    expect(matches('https://*.zoom.us/*', 'https://zoom.us/wc/join/1')).toBe(true);
    expect(matches('https://*.zoom.us/*', 'https://us02web.zoom.us/j/1')).toBe(true);
    expect(matches('https://meet.google.com/*', 'https://meet.google.com/abc')).toBe(true);
    expect(matches('https://meet.google.com/*', 'https://evilmeet.google.com/abc')).toBe(false);
    expect(matches('https://talk.example.org/*', 'https://talk.example.org:8443/room')).toBe(true);
  });

  it('turned on through the switch (permission granted): a Meet call in a background tab holds', async () => {
    const granted = permissions();
    tabs([MEET_CALL, { url: 'https://music.example.com/', audible: true }]);
    // What CallSitesPrefs' toggle does when the box is ticked.
    expect(await browser.permissions.request({ origins: callPatterns(ON) })).toBe(true);
    expect(granted.size).toBe(callPatterns(ON).length);
    expect(await callTabAudible(callPatterns(ON))).toBe(true);
    // Music on another site never counts as a call.
    tabs([{ url: 'https://music.example.com/', audible: true }]);
    expect(await callTabAudible(callPatterns(ON))).toBe(false);
  });
});

describe('the background gives back what the settings no longer use', () => {
  useEngineEnv(() => T0, { ...ENGINE_SETTINGS, callSites: ON });
  const listener = () => ({ addListener: vi.fn() });
  const start = async () => {
    tabs([]);
    Object.assign(browser, { commands: { onCommand: listener() } });
    Object.assign(browser.runtime, { onStartup: listener(), onInstalled: listener() });
    background.main!();
    await handleMessage({ type: 'status/get' }); // main()'s wake() has run
  };
  const settled = () => new Promise((r) => setTimeout(r, 50)); // the change events have run

  it('"Reset everything": the option off, the list empty, every site given back', async () => {
    const granted = permissions(callPatterns(ON)); // turned on earlier, through the switch
    await start();
    await resetData();
    await settled();
    expect((await loadSettings()).callSites).toEqual({ enabled: false, own: [] });
    expect([...granted]).toEqual([]);
  });

  it('an import with the option off: turned off here, every site given back; one that drops an own site: that site', async () => {
    const granted = permissions(callPatterns(ON));
    await start();
    const backup = JSON.parse((await exportData('json')).text) as { settings: Settings };
    backup.settings = { ...backup.settings, callSites: { enabled: true, own: [] } };
    expect(await importData(JSON.stringify(backup))).toMatchObject({ imported: true });
    await settled();
    expect([...granted].sort()).toEqual(callPatterns(DEFAULT_CALL_SITES).sort());
    backup.settings = { ...backup.settings, callSites: { enabled: false, own: [] } };
    expect(await importData(JSON.stringify(backup))).toMatchObject({ imported: true });
    await settled();
    expect([...granted]).toEqual([]);
  });

  it('turned off on another computer (browser sync): this browser gives its permissions back', async () => {
    const granted = permissions(callPatterns(ON));
    await start();
    await fakeBrowser.storage.sync.set({ settings: { ...ENGINE_SETTINGS, callSites: { enabled: false, own: ['talk.example.org'] } } });
    await settled();
    expect((await loadSettings()).callSites.enabled).toBe(false);
    expect([...granted]).toEqual([]);
  });

  it('one save (storage.local, then storage.sync) gives permissions back once, not once per area', async () => {
    permissions(callPatterns(ON));
    await start();
    const looks = vi.mocked(fakeBrowser.permissions.getAll);
    looks.mockClear();
    await saveSettings({ ...(await loadSettings()), callSites: { enabled: false, own: [] } });
    await settled();
    expect(looks).toHaveBeenCalledTimes(1);
  });

  it('another setting saved while the switch is being turned on (granted, not yet saved): nothing is taken back', async () => {
    await saveSettings({ ...ENGINE_SETTINGS, callSites: { enabled: false, own: [] } });
    const granted = permissions();
    await start();
    // The switch's click: the browser grants first; the save of "on" comes after this other save.
    await browser.permissions.request({ origins: callPatterns(DEFAULT_CALL_SITES) });
    await saveSettings({ ...(await loadSettings()), snoozeSec: 600 });
    await settled();
    expect([...granted].sort()).toEqual(callPatterns(DEFAULT_CALL_SITES).sort());
  });
});

describe('the switch in a browser that has not allowed the sites (the option came on through sync or an import)', () => {

  it('shows off, and says why, while this browser has not allowed the sites', async () => {
    permissions(); // nothing granted here
    tabs([MEET_CALL]);
    expect(await callTabAudible(callPatterns(ON))).toBe(false); // a call here would not hold
    expect(await mount(on)).toEqual({ checked: false, note: 'callSitesNotHere' });
  });

  it('shows on, with no note, once they are allowed', async () => {
    permissions(callPatterns(ON));
    expect(await mount(on)).toEqual({ checked: true, note: null });
    vi.restoreAllMocks();
  });
});

// Firefox's about:addons lists each optional host permission with its own switch, "all websites"
// (https://*/*) among them, and the person can change any of them at any time. Measured in
// Firefox (tests/e2e-firefox, extensions.webextOptionalPermissionPrompts off): with the option on,
// "all websites" allowed and Google Meet then taken back, permissions.getAll lists the other sites
// and https://*/* but not Meet, while permissions.contains answers true for every call site, and
// the switch shows on. Failed before the fix: a Meet call then held nothing (the old check looked
// Meet up in the granted list), and one site taken back left the switch off while calls on the
// other sites still held breaks.
describe('permissions changed outside Limber (Firefox: about:addons, Permissions)', () => {
  it('all websites allowed and Google Meet taken back on its own: still covered, the switch shows on, and a Meet call holds', async () => {
    permissions(['https://*/*', ...callPatterns(ON).filter((o) => o !== 'https://meet.google.com/*')]);
    expect(await mount(on)).toEqual({ checked: true, note: null });
    tabs([MEET_CALL]);
    expect(await callTabAudible(callPatterns(ON))).toBe(true);
    vi.restoreAllMocks();
  });

  it('only all websites allowed (each site taken back on its own): the switch shows on, and a Meet call holds', async () => {
    permissions(['https://*/*']);
    expect(await mount(on)).toEqual({ checked: true, note: null });
    tabs([MEET_CALL]);
    expect(await callTabAudible(callPatterns(ON))).toBe(true);
    vi.restoreAllMocks();
  });

  it('one site taken back: the switch shows off and says so, and then no call holds, not even on a site still allowed', async () => {
    permissions(callPatterns(ON).filter((o) => o !== 'https://meet.google.com/*'));
    expect(await mount(on)).toEqual({ checked: false, note: 'callSitesNotHere' });
    tabs([MEET_CALL]);
    expect(await callTabAudible(callPatterns(ON))).toBe(false);
    // Zoom is still allowed, but the switch says the option is off: a Zoom call holds nothing.
    tabs([{ url: 'https://us02web.zoom.us/j/1', audible: true }]);
    expect(await callTabAudible(callPatterns(ON))).toBe(false);
    vi.restoreAllMocks();
  });
});

describe('the sites', () => {
  it('Microsoft Teams at teams.cloud.microsoft (where Microsoft moved its web app in 2024) holds once the option is on', async () => {
    permissions(callPatterns(DEFAULT_CALL_SITES));
    tabs([{ url: 'https://teams.cloud.microsoft/v2/?meetingjoin=true', audible: true }]);
    expect(await callTabAudible(callPatterns({ enabled: true, own: [] }))).toBe(true);
    vi.restoreAllMocks();
  });

  it('meet.example.xn--p1ai (.рф in its DNS form) can be added as an own call site', () => {
    expect(parseHost('meet.example.xn--p1ai', [])).toEqual({ ok: true, host: 'meet.example.xn--p1ai' });
    expect(patternFor('meet.example.xn--p1ai')).toBe('https://meet.example.xn--p1ai/*');
    // Typed in its own script: kept in the DNS form that tab addresses and permissions use.
    expect(parseHost('jitsi.пример.рф', [])).toEqual({ ok: true, host: 'jitsi.xn--e1afmkfd.xn--p1ai' });
    expect(parseHost('Meet.Bücher.DE', [])).toEqual({ ok: true, host: 'meet.xn--bcher-kva.de' });
    expect(parseHost('meet.bücher.de', ['meet.xn--bcher-kva.de'])).toEqual({ ok: false, error: 'errHostDuplicate' });
  });

  it('punycode below an ASCII top-level domain, a trailing dot, upper case, a port (typed or in a pasted address: the permission is for every port); no wildcard', () => {
    expect(parseHost('meet.xn--bcher-kva.de', [])).toEqual({ ok: true, host: 'meet.xn--bcher-kva.de' });
    expect(parseHost('Talk.Example.ORG.', [])).toEqual({ ok: true, host: 'talk.example.org' });
    expect(parseHost('HTTPS://talk.example.org:8443/room', [])).toEqual({ ok: true, host: 'talk.example.org' });
    // Refused as "Enter a host name", though the same host pasted with its port was taken.
    expect(parseHost('Talk.Example.org:8443', [])).toEqual({ ok: true, host: 'talk.example.org' });
    expect(parseHost('jitsi.пример.рф:443', [])).toEqual({ ok: true, host: 'jitsi.xn--e1afmkfd.xn--p1ai' });
    expect(parseHost('talk.example.org:8443', ['talk.example.org'])).toEqual({ ok: false, error: 'errHostDuplicate' });
    for (const bad of ['https://*.example.org/', 'meet.example.xn--', '*.example.org:443', '192.168.1.20:8443', 'localhost:3000', '[::1]:8443', 'talk.example.org:', 'talk.example.org:port', 'talk.example.org:8443/room', ':8443']) {
      expect(parseHost(bad, []), bad).toEqual({ ok: false, error: 'errHostInvalid' });
    }
  });
});
