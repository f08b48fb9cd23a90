/**
 * The welcome page in real Firefox: the tab the add-on opens on install (tabs.create) closes itself
 * when setup ends (window.close() from the page), on Done and on "Skip setup", as in Chromium
 * (tests/e2e/welcome.spec.ts). The clicks' own errors are ignored because the page may be gone
 * before they return; the tab's absence from Firefox's list of pages is what is asserted.
 */
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { storageGet } from './support/ext';
import { expect, test } from './support/fixtures';
import type { Firefox } from './support/firefox';
import { El } from './support/pages';

const welcomeTabs = async (ff: Firefox) => (await ff.pagesWithHref()).filter((p) => p.href.includes('/welcome.html')).length;

/** The welcome tab Firefox opened on install, drawn (its heading there) and in front. */
async function welcomePage(ff: Firefox): Promise<Page> {
  const page = await ff.waitForPage((href) => href.includes('/welcome.html'));
  await page.bringToFront();
  await new El(page, 'h1').waitFor();
  expect(await new El(page, 'h1').text()).toBe('Welcome to Limber');
  return page;
}

test('"Skip setup" closes the welcome tab and keeps the defaults', async ({ ff, control }) => {
  const page = await welcomePage(ff);
  expect(await welcomeTabs(ff)).toBe(1);
  await new El(page, '[data-testid="welcome-skip"]').click().catch(() => undefined);
  await expect.poll(() => welcomeTabs(ff), { timeout: 5000 }).toBe(0);
  // Nothing saved, or the defaults: skipping straight away changes no setting.
  for (const area of ['local', 'sync'] as const) {
    expect([undefined, DEFAULT_SETTINGS], `storage.${area}`).toContainEqual(await storageGet<Settings>(control, 'settings', area));
  }
});

test('Done closes the welcome tab and puts the working hours it showed into force', async ({ ff, control }) => {
  const page = await welcomePage(ff);
  expect(await new El(page, '[data-testid="schedule-preview"]').text()).toMatch(/Mon–Fri/);
  await new El(page, '[data-testid="welcome-done"]').click().catch(() => undefined);
  await expect.poll(() => welcomeTabs(ff), { timeout: 5000 }).toBe(0);
  const saved = await storageGet<Settings>(control, 'settings', 'sync');
  expect(saved?.schedule).toEqual({ ...DEFAULT_SETTINGS.schedule, enabled: true });
});
