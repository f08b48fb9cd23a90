/**
 * Release checks on the production builds: the manifests say exactly what the README says, the
 * bundles stay within their size budgets, no shipped script can reach the network beyond the few
 * occurrences tests/support/network-scan.ts explains, and a whole break cycle (with the worker stopped
 * and started again) makes no network request from any page or from the worker.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { BUDGET_KB, closure, measureBuild, packedSize, pageEntries, PAGES, RATCHET_KB } from '../../scripts/bundle-size';
import { OPTIONAL_HOSTS } from '../../lib/call-sites';
import { ALLOWED, describeFinding, scanBuild, scanSources } from '../support/network-scan';
import { expect, test } from './support/fixtures';
import { historyRows, sendMessage, setSettings, waitForPrompt } from './support/ext';
import { BreakPage, PopupPage } from './support/pages';

const OUT = process.env.LIMBER_OUT ?? '.output';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const manifest = (target: string) => JSON.parse(readFileSync(path.join(OUT, target, 'manifest.json'), 'utf8')) as Record<string, unknown>;

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  test(`${target} manifest: permissions, icons, version, shortcuts`, () => {
    const m = manifest(target);
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(pkg.version);
    expect([...(m.permissions as string[])].sort()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
    // No host permission at install; optional ones only for the opt-in call sites (lib/call-sites.ts).
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(m.content_scripts).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    const icons = m.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(icons)) expect(existsSync(path.join(OUT, target, file))).toBe(true);
    expect(Object.keys(m.commands as object).sort()).toEqual(['start-break', 'toggle-pause']);
    expect(m.default_locale).toBe('en');
    if (target === 'firefox-mv3') {
      expect(m.browser_specific_settings).toEqual({
        gecko: { id: 'limber@limber.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      });
    } else {
      expect(m.browser_specific_settings).toBeUndefined();
    }
    // No remote code: every script the pages load is a file in the package.
    for (const html of PAGES) {
      const text = readFileSync(path.join(OUT, target, html), 'utf8');
      expect(text).not.toMatch(/src="https?:/);
    }
  });
}

/**
 * JS (gzip) each page loads up front (its scripts and everything they import statically) against
 * the 25 KB target, and the worker's against its ratchet (scripts/bundle-size.ts says why).
 */
test('bundle size budgets: every page <= 25 KB gzip up front, the worker within its ratchet', () => {
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const parts = measureBuild(path.join(OUT, target), PAGES);
    expect(parts.map((p) => p.name).sort()).toEqual([...PAGES, 'worker'].sort());
    for (const p of parts) {
      expect(p.files.length, `${target} ${p.name} scripts`).toBeGreaterThan(0);
      expect(new Set(p.files).size, `${target} ${p.name}: each file counted once`).toBe(p.files.length);
      const limit = RATCHET_KB[p.name] ?? p.budgetKb;
      expect(p.gz, `${target} ${p.name} JS gzip bytes (${p.files.map((f) => path.basename(f)).join(', ')})`).toBeLessThanOrEqual(limit * 1024);
    }
    // The closure really follows imports: the options page's later part (one import()) brings the
    // chunks that part imports. The worker is built on its own (wxt.config.ts), so its closure is
    // background.js alone (it imports nothing, now or later).
    const later = closure(path.join(OUT, target), pageEntries(path.join(OUT, target), 'options.html')).lazy;
    expect(later.length, `${target} options.html later: ${later.map((f) => path.basename(f)).join(', ')}`).toBeGreaterThan(1);
    const worker = parts.find((p) => p.name === 'worker')!;
    expect(worker.files.map((f) => path.basename(f)), `${target} worker`).toEqual(['background.js']);
    expect(worker.lazyGz, `${target} worker loads nothing later`).toBe(0);
  }
});

/**
 * The store packages within the zip budget (354 KB for nine languages; scripts/bundle-size.ts
 * BUDGET_KB says how it was measured): the size `wxt zip` gives each build, computed from the
 * build under test (scripts/bundle-size.ts packedSize; its unit test compares it with the real
 * packer's output), so an oversized package fails the suite, not only the bench's table.
 */
test(`store package size: each build packs to <= ${BUDGET_KB.zip} KB`, () => {
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const bytes = packedSize(path.join(OUT, target));
    expect(bytes, `${target} packed`).toBeGreaterThan(10 * 1024);
    expect(bytes, `${target} packed bytes (budget ${BUDGET_KB.zip} KB)`).toBeLessThanOrEqual(BUDGET_KB.zip * 1024);
  }
});

/**
 * The packaged catalogues (scripts/pack-catalogues.ts strips the translators' descriptions, and
 * the plural forms a language never takes, and repeats of the default locale's words): one per
 * locale folder of the sources, valid JSON, every message the language can show word for word
 * as the browser looks it up (its catalogue, then English's), nothing else.
 */
test('packaged catalogues: every locale, every message its language can show, no descriptions', () => {
  const source = readdirSync('public/_locales').filter((l) => existsSync(path.join('public/_locales', l, 'messages.json')));
  expect(source).toContain('en');
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    expect(readdirSync(path.join(OUT, target, '_locales')).sort(), target).toEqual([...source].sort());
    for (const locale of source) {
      const want = JSON.parse(readFileSync(path.join('public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      const packed = (l: string) => JSON.parse(readFileSync(path.join(OUT, target, '_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      const got = packed(locale);
      const fallback = packed('en');
      const categories = new Intl.PluralRules(want.textLang!.message).resolvedOptions().pluralCategories as string[];
      const shown = ([k]: [string, unknown]) => !/_(one|few|many)$/.test(k) || categories.includes(/_(\w+)$/.exec(k)![1]!);
      // As the browser looks a message up: the language's catalogue, then the default locale's (en).
      const looked = Object.fromEntries(Object.keys(got).concat(Object.keys(fallback)).map((k) => [k, got[k] ?? fallback[k]]));
      const shownWant = Object.fromEntries(Object.entries(want).filter(shown).map(([k, e]) => [k, { message: e.message }]));
      expect(Object.fromEntries(Object.keys(shownWant).map((k) => [k, looked[k]])), `${target} ${locale}`).toEqual(shownWant);
      expect(Object.keys(got).filter((k) => !(k in shownWant)), `${target} ${locale}: nothing else`).toEqual([]);
      if (locale !== 'en') expect(Object.keys(got).filter((k) => fallback[k]?.message === got[k]!.message), `${target} ${locale}: no repeat of English`).toEqual([]);
    }
  }
});

/**
 * Every script, page and style sheet of both builds, and the sources they come from: no network
 * API, remote import or URL but the occurrences tests/support/network-scan.ts lists with their reasons.
 */
test('no built script can reach the network: only the explained occurrences of network APIs and URLs', () => {
  const used = new Map<string, number>();
  const unexplained: string[] = [];
  for (const [label, { files, findings }] of [
    ...['chrome-mv3', 'firefox-mv3'].map((target) => [target, scanBuild(path.join(OUT, target))] as const),
    ['sources', scanSources(process.cwd())] as const,
  ]) {
    expect(files, `${label}: files scanned`).toBeGreaterThan(10);
    for (const f of findings) {
      if (f.allowedBy) used.set(f.allowedBy, (used.get(f.allowedBy) ?? 0) + 1);
      else unexplained.push(`${label}: ${describeFinding(f)}`);
    }
  }
  expect(unexplained, 'network access nobody explained (tests/support/network-scan.ts ALLOWED)').toEqual([]);
  // The scan does see what is there (Preact's namespaces and the catalogue fallback ship in every build).
  expect(used.get('xml-namespaces') ?? 0).toBeGreaterThan(0);
  expect(used.get('packaged-catalogue') ?? 0).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'allowed', description: ALLOWED.map((a) => `${a.id}: ${used.get(a.id) ?? 0}`).join(', ') });
});

declare const chrome: { runtime: { getURL(p: string): string } };

/** Stops the worker through CDP, wakes it with a message, and waits until CDP reports it running again. */
async function restartWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Array<{ runningStatus: string }> }) => states.push(...e.versions.map((v) => v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => states.includes('stopped'), { message: 'the worker stopped' }).toBe(true);
  await sendMessage(page, { type: 'status/get' });
  await expect.poll(() => states.slice(states.lastIndexOf('stopped')).includes('running'), { message: 'the worker started again' }).toBe(true);
  await cdp.detach();
}

test('a whole break cycle makes no network request, from any page or from the worker, across a worker restart', async ({ context, extensionId, control, worker }) => {
  // Playwright reports the service worker's requests too (request.serviceWorker()): a build whose
  // worker fetches at start or on an alarm fails here (checked with such a build).
  const requests: Array<{ url: string; from: 'worker' | 'page' }> = [];
  context.on('request', (r) => requests.push({ url: r.url(), from: r.serviceWorker() ? 'worker' : 'page' }));
  // Desk time has counted since install, moments ago: the break falls due a few seconds after
  // this write, so an alarm wakes the worker for it (a worker that fetches on alarms fails here).
  const written = Date.now();
  await setSettings(control, { stretch: { enabled: true, everySec: 12, lengthSec: 2 } });
  const prompt = await waitForPrompt(control);
  expect(prompt.dueAt, 'the break fell due after the settings were written (an alarm brought it)').toBeGreaterThan(written + 1000);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  // A new worker start (its start-up and catch-up run again) while the prompt is open.
  await restartWorker(context, control);
  const popup = await PopupPage.open(context, extensionId);
  await popup.startDue.click();
  const brk = await BreakPage.waitFor(context);
  await brk.done.click();
  await expect(brk.end).toBeVisible();
  expect(await historyRows(control)).toEqual([expect.objectContaining({ id: prompt.breakId, outcome: 'completed' })]);
  await sendMessage(control, { type: 'status/get' });
  // The listener does see the (restarted) worker's requests: one to a file of the package, made
  // here on purpose, is reported as the worker's.
  const own = `chrome-extension://${extensionId}/manifest.json`;
  expect(await worker.evaluate(async (url) => (await fetch(url)).ok, await control.evaluate(() => chrome.runtime.getURL('/manifest.json')))).toBe(true);
  await expect.poll(() => requests.some((r) => r.url === own && r.from === 'worker'), { message: 'the worker\'s own request was seen' }).toBe(true);
  expect(requests.filter((r) => r.from === 'page').length).toBeGreaterThan(5); // and the pages' loads
  const external = requests.filter((r) => !r.url.startsWith(`chrome-extension://${extensionId}/`) && !r.url.startsWith('data:') && r.url !== 'about:blank');
  expect(external).toEqual([]);
});
