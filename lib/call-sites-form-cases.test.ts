/**
 * "Hold breaks during calls on these sites" (components/CallSitesPrefs.tsx), from a review of the
 * options page's call sites; each case failed on the code as reviewed:
 * - a site one of the built-in ones already covers (us02web.zoom.us under Zoom's *.zoom.us) was
 *   added as an own site, taking a place of the 20 and a permission of its own, although
 *   meet.google.com was refused as "already in the list";
 * - the browser's refusal stayed under the switch once the sites were allowed after all (Firefox's
 *   about:addons, another window): "breaks do not wait for calls on these sites" beside a ticked
 *   switch whose calls do hold breaks;
 * - an own site added while on and refused by the browser: the refusal said so ("breaks do not
 *   wait for calls on these sites") under the still-ticked switch, whose sites did hold breaks, and
 *   not at the field the site was typed in.
 * Rendered with linkedom over WXT's fake browser, English catalogue (tests/support/options-page.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, storedUntil } from '../tests/support/options-page';
import { parseHost } from './call-site-hosts';
import { DEFAULT_SETTINGS } from './settings';

useEnglishPages();

describe('an own call site', () => {
  it('one a built-in site covers (Zoom and Webex take every subdomain) is refused as already there; look-alikes are not', () => {
    for (const covered of ['us02web.zoom.us', 'zoom.us', 'Acme.Zoom.US', 'https://acme.webex.com/meet/x', 'webex.com']) {
      expect(parseHost(covered, []), covered).toEqual({ ok: false, error: 'errHostDuplicate' });
    }
    for (const other of ['evilzoom.us', 'zoom.us.example.org', 'www.meet.google.com', 'meet.google.com.example.org', 'mywebex.com']) {
      expect(parseHost(other, []).ok, other).toBe(true);
    }
  });
});

describe("the browser's refusal", () => {
  it('goes once the sites are allowed after all (Firefox about:addons): no "did not give the permission" beside a ticked switch', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { saveSettings } = await import('./storage/settings-items');
    const { callPatterns } = await import('./call-sites');
    type Event = { addListener: (f: () => void) => void; removeListener: (f: () => void) => void };
    const perms = fakeBrowser.permissions as unknown as { request: () => Promise<boolean>; contains: (q: { origins: string[] }) => Promise<boolean>; onAdded: Event; onRemoved: Event };
    const granted = new Set<string>();
    const heard: Array<() => void> = [];
    vi.spyOn(perms, 'request').mockResolvedValue(false);
    vi.spyOn(perms, 'contains').mockImplementation(async ({ origins }) => origins.every((o) => granted.has(o)));
    for (const e of [perms.onAdded, perms.onRemoved]) {
      vi.spyOn(e, 'addListener').mockImplementation((f: () => void) => void heard.push(f));
      vi.spyOn(e, 'removeListener').mockImplementation((f: () => void) => void heard.splice(heard.indexOf(f), 1));
    }
    const p = await mountOptionsPage();
    // On through sync; this browser has not allowed the sites; the person ticks and the browser refuses.
    await saveSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: true, own: [] } });
    await until(() => p.q('[data-testid="call-sites-not-here"]') !== null, 'the note: no permission here');
    p.check('[data-testid="call-sites-enabled"]', true);
    await until(() => p.q('[data-testid="call-sites-refused"]') !== null, 'the refusal');
    // Then allowed in about:addons: the page hears it.
    for (const o of callPatterns({ enabled: true, own: [] })) granted.add(o);
    for (const f of [...heard]) f();
    await until(() => p.q('[data-testid="call-sites-enabled"]')!.checked, 'the switch on');
    await tick(30);
    expect((await storedUntil((s) => s.callSites.enabled, 'on')).callSites.enabled).toBe(true);
    const box = p.q('[data-testid="call-sites-enabled"]')!;
    expect({ refusal: p.q('[data-testid="call-sites-refused"]')?.textContent ?? null, note: p.q('[data-testid="call-sites-not-here"]')?.textContent ?? null, described: box.getAttribute('aria-describedby') }).toEqual({
      refusal: null,
      note: null,
      described: 'call-sites-hint',
    });
  });
});

// An own site added while the option is on asks the browser for that site alone. Refused, the
// refusal said "breaks do not wait for calls on these sites" under a switch still ticked, whose
// built-in sites still held breaks, far from the field the site was typed in; and it stayed there.
describe('an own site whose permission the browser refuses, with the option on', () => {
  it('is not added; the refusal is said at the field, what was typed stays, and the ticked switch is not called off', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { saveSettings } = await import('./storage/settings-items');
    const { callPatterns } = await import('./call-sites');
    const perms = fakeBrowser.permissions as unknown as { request: (q: { origins: string[] }) => Promise<boolean>; contains: (q: { origins: string[] }) => Promise<boolean> };
    const granted = new Set(callPatterns({ enabled: true, own: [] }));
    const asked: string[][] = [];
    vi.spyOn(perms, 'request').mockImplementation(async ({ origins }) => (asked.push(origins), false));
    vi.spyOn(perms, 'contains').mockImplementation(async ({ origins }) => origins.every((o) => granted.has(o)));
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: true, own: [] } });
    await until(() => p.q('[data-testid="call-sites-enabled"]')!.checked, 'the switch on');
    p.type('[data-testid="call-site-host"]', 'https://Talk.Example.org/room');
    await tick(30);
    // Add (Enter in the field, or the button): the field's form is submitted.
    p.q('[data-testid="call-site-host"]')!.closest('form')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    await until(() => asked.length === 1, 'the request');
    await tick(30);
    expect(asked).toEqual([['https://talk.example.org/*']]);
    const box = p.q('[data-testid="call-sites-enabled"]')!;
    const field = p.q('[data-testid="call-site-host"]')!;
    expect({
      checked: box.checked,
      described: box.getAttribute('aria-describedby'),
      underSwitch: p.q('[data-testid="call-sites-refused"]')?.textContent ?? null,
      atField: p.q('[data-testid="call-site-host-error"]')?.textContent ?? null,
      fieldDescribed: field.getAttribute('aria-describedby'),
      typed: field.value,
    }).toEqual({
      checked: true,
      described: 'call-sites-hint',
      underSwitch: null,
      atField: 'The browser did not give the permission. Try again and choose Allow.',
      fieldDescribed: 'call-site-host-error',
      typed: 'https://Talk.Example.org/room',
    });
    expect((await storedUntil(() => true, 'stored')).callSites.own).toEqual([]);
    // Turned off, adding asks nothing: the refusal at the field goes.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the fake browser cannot remove permissions
    p.check('[data-testid="call-sites-enabled"]', false);
    await until(() => p.q('[data-testid="call-site-host-error"]') === null, 'the refusal gone');
  });
});

describe('a refused host, then the text changed', () => {
  it('the refusal and the field\'s invalid mark go as the person types (they stayed, about text no longer there, until Add)', async () => {
    const p = await mountOptionsPage();
    const field = p.q('[data-testid="call-site-host"]')!;
    const submit = () => field.closest('form')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    const state = () => ({ error: p.q('[data-testid="call-site-host-error"]')?.textContent ?? null, invalid: field.getAttribute('aria-invalid'), described: field.getAttribute('aria-describedby') });
    p.type('[data-testid="call-site-host"]', 'talk example');
    await tick(20);
    submit();
    await until(() => state().error !== null, 'the refusal');
    expect(state()).toEqual({ error: 'Enter a host name such as meet.example.org.', invalid: 'true', described: 'call-site-host-error' });
    field.value = 'talk.example.org';
    field.dispatchEvent(new p.window.Event('input', { bubbles: true }));
    await tick(30);
    expect(state()).toEqual({ error: null, invalid: 'false', described: null });
    // Control: Add checks it again (still refused, said again); a good one is added.
    field.value = 'talk example';
    field.dispatchEvent(new p.window.Event('input', { bubbles: true }));
    await tick(20);
    submit();
    await until(() => state().error !== null, 'refused again');
    field.value = 'talk.example.org';
    field.dispatchEvent(new p.window.Event('input', { bubbles: true }));
    await tick(20);
    submit();
    expect((await storedUntil((s) => s.callSites.own.length === 1, 'the site added')).callSites.own).toEqual(['talk.example.org']);
  });
});
