/**
 * Issue #14, item 1, the opt-in in real Chromium (production build): "Hold breaks during calls on
 * these sites" asks for exactly those sites' host permissions when turned on, and gives them back
 * when turned off; the manifest holds no host permission at install.
 *
 * What is the browser's and what is stubbed: Chromium answers permissions.request with a dialog
 * that automation cannot click (Playwright declines to support it, microsoft/playwright#32755, and
 * Chromium has no switch that answers it), so on the options page `chrome.permissions.request` is
 * replaced before the page's scripts run (addInitScript) by a stub that records what it was asked
 * and answers granted, refused, or fails; `permissions.contains` answers from what the stub granted
 * (the page shows the option on only where the browser holds the sites). `permissions.remove` is
 * recorded and then really called. Everything else is the real page, the real settings storage and the real worker; the
 * manifest and the permissions at install are read from the worker as the browser reports them.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { storageGet } from './support/ext';
import { DEFAULT_SETTINGS } from '../../lib/settings';

declare const chrome: {
  runtime: { getManifest(): Record<string, unknown> };
  permissions: {
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
    request(q: { origins: string[] }): Promise<boolean>;
    remove(q: { origins: string[] }): Promise<boolean>;
    contains(q: { origins: string[] }): Promise<boolean>;
  };
  storage: { local: { set(v: object): Promise<void> }; sync: { set(v: object): Promise<void> } };
};
declare const window: { __perm: { answer: Answer; calls: [string, string[]][] } };
type Answer = 'granted' | 'refused' | 'fails';
type Stored = { callSites: { enabled: boolean; own: string[] } };

/** The built-in call sites, as the README lists them (Google Meet, Zoom, Teams, Webex, Jitsi Meet, Whereby). */
const SITES = [
  'https://meet.google.com/*',
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.cloud.microsoft/*',
  'https://teams.live.com/*',
  'https://*.webex.com/*',
  'https://meet.jit.si/*',
  'https://whereby.com/*',
];
const OWN = 'https://talk.example.org/*';
const REFUSED = 'The browser did not give the permission. Try again and choose Allow.';

/** The options page with permissions.request answered by the stub (see above). */
async function optionsWithStub(context: BrowserContext, extensionId: string, answer: Answer): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((first: Answer) => {
    const perm = { answer: first, calls: [] as [string, string[]][] };
    window.__perm = perm;
    const real = chrome.permissions.remove.bind(chrome.permissions);
    // What the stub granted, as the browser would hold it (the page asks whether it holds the sites).
    const granted = new Set<string>();
    chrome.permissions.request = async (q) => {
      perm.calls.push(['request', q.origins]);
      if (perm.answer === 'fails') throw new Error('the dialog could not be shown');
      if (perm.answer === 'granted') q.origins.forEach((o) => granted.add(o));
      return perm.answer === 'granted';
    };
    chrome.permissions.contains = async (q) => q.origins.every((o) => granted.has(o));
    chrome.permissions.remove = async (q) => {
      perm.calls.push(['remove', q.origins]);
      q.origins.forEach((o) => granted.delete(o));
      return real(q);
    };
  }, answer);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('call-sites').waitFor();
  return page;
}

const calls = (page: Page) => page.evaluate(() => window.__perm.calls.splice(0));
const answer = (page: Page, a: Answer) => page.evaluate((x) => void (window.__perm.answer = x), a);
/** The stored call sites; undefined until settings are first saved (a fresh profile has none). expect.poll does not retry a throw. */
const stored = async (control: Page) => (await storageGet<Stored>(control, 'settings'))?.callSites;

test('the manifest asks for no host permission at install; the optional ones are exactly the call sites and https for own sites', async ({ worker }) => {
  const m = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(m.host_permissions ?? []).toEqual([]);
  expect(m.content_scripts).toBeUndefined();
  expect([...(m.permissions as string[])].sort()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
  expect(m.optional_host_permissions).toEqual([...SITES, 'https://*/*']);
  const granted = await worker.evaluate(() => chrome.permissions.getAll());
  expect(granted.origins).toEqual([]);
  expect([...(granted.permissions ?? [])].sort()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
});

test('granted: the option is saved on; an own site added while on asks for itself; off gives back exactly what was asked', async ({ context, extensionId, control }) => {
  const page = await optionsWithStub(context, extensionId, 'granted');
  const toggle = page.getByTestId('call-sites-enabled');
  await toggle.click();
  await expect.poll(async () => (await stored(control))?.enabled).toBe(true);
  expect(await calls(page)).toEqual([['request', SITES]]);
  await expect(toggle).toBeChecked();
  await expect(page.getByTestId('call-sites-refused')).toHaveCount(0);

  await page.getByTestId('call-site-host').fill('talk.example.org');
  await page.getByTestId('call-site-add').click();
  await expect.poll(async () => (await stored(control))?.own).toEqual(['talk.example.org']);
  expect(await calls(page)).toEqual([['request', [OWN]]]);

  await toggle.click();
  await expect.poll(async () => (await stored(control))?.enabled).toBe(false);
  expect(await calls(page)).toEqual([['remove', [...SITES, OWN]]]);
  await expect(toggle).not.toBeChecked();
  // The site stays listed (it is asked for again when the option is turned on); removing it gives it back.
  await page.getByTestId('call-site-remove-talk.example.org').click();
  await expect.poll(async () => (await stored(control))?.own).toEqual([]);
  expect(await calls(page)).toEqual([['remove', [OWN]]]);
  expect((await control.evaluate(() => chrome.permissions.getAll())).origins).toEqual([]);
});

test('refused or failed: the option stays off, a clear message says why, nothing is saved; choosing Allow then works', async ({ context, extensionId, control }) => {
  const page = await optionsWithStub(context, extensionId, 'refused');
  const toggle = page.getByTestId('call-sites-enabled');
  const before = await storageGet(control, 'settings');
  for (const a of ['refused', 'fails'] as const) {
    await answer(page, a);
    await toggle.click();
    await expect(page.getByTestId('call-sites-refused')).toHaveText(REFUSED);
    expect(await calls(page)).toEqual([['request', SITES]]);
    await expect(toggle).not.toBeChecked();
    expect(await storageGet(control, 'settings')).toEqual(before);
  }
  await answer(page, 'granted');
  await toggle.click();
  await expect.poll(async () => (await stored(control))?.enabled).toBe(true);
  await expect(page.getByTestId('call-sites-refused')).toHaveCount(0);
  expect(await calls(page)).toEqual([['request', SITES]]);

  // On, a site whose permission is refused is not added, and what was typed stays in the field,
  // which says why; the switch stays on (its sites still hold) with no refusal under it.
  await answer(page, 'refused');
  await page.getByTestId('call-site-host').fill('talk.example.org');
  await page.getByTestId('call-site-add').click();
  await expect(page.getByTestId('call-site-host-error')).toHaveText(REFUSED);
  await expect(page.getByTestId('call-sites-refused')).toHaveCount(0);
  await expect(toggle).toBeChecked();
  expect(await calls(page)).toEqual([['request', [OWN]]]);
  await expect(page.getByTestId('call-site-host')).toHaveValue('talk.example.org');
  expect((await stored(control))?.own).toEqual([]);
});

test('on in the stored settings (synced or imported) but not allowed in this browser: shown off, and says so; turning it on asks', async ({ context, extensionId, control }) => {
  // What sync from another computer or an import leaves: the option on, nothing granted here.
  await control.evaluate(async (on) => {
    await chrome.storage.local.set({ settings: on });
    await chrome.storage.sync.set({ settings: on });
  }, { ...DEFAULT_SETTINGS, callSites: { enabled: true, own: [] } });
  const page = await optionsWithStub(context, extensionId, 'granted');
  const toggle = page.getByTestId('call-sites-enabled');
  await expect(page.getByTestId('call-sites-not-here')).toHaveText("Limber does not have permission for these sites in this browser (the option came from sync or a backup, or the permission was taken back in the browser's extension settings). Tick the box to allow them.");
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.getByTestId('call-sites-not-here')).toHaveCount(0);
  expect(await calls(page)).toEqual([['request', SITES]]);
  expect((await stored(control))?.enabled).toBe(true);
});
