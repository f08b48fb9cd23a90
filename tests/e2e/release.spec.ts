/**
 * Release checks on the production builds: the manifests say exactly what the README says, the
 * bundles stay within their size budgets, and a whole break cycle makes no network request.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { measureBuild, PAGES, RATCHET_KB } from '../../scripts/bundle-size';
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
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
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
    // The worker's closure really follows imports: more than background.js itself.
    expect(parts.find((p) => p.name === 'worker')!.files.length).toBeGreaterThan(1);
  }
});

test('a whole break cycle makes no network request', async ({ context, extensionId, control }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 } });
  const prompt = await waitForPrompt(control);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  const popup = await PopupPage.open(context, extensionId);
  await popup.startDue.click();
  const brk = await BreakPage.waitFor(context);
  await brk.done.click();
  await expect(brk.end).toBeVisible();
  expect(await historyRows(control)).toEqual([expect.objectContaining({ id: prompt.breakId, outcome: 'completed' })]);
  await sendMessage(control, { type: 'status/get' });
  const external = requests.filter((u) => !u.startsWith(`chrome-extension://${extensionId}/`) && !u.startsWith('data:') && u !== 'about:blank');
  expect(external).toEqual([]);
  expect(requests.length).toBeGreaterThan(5); // the listener did see the extension's own loads
});
