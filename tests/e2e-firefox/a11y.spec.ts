/**
 * axe on every page of the Firefox build, in light and in dark: the popup, the options page, the
 * first-run page, the weekly review (over a seeded history) and the break player. Dark mode is
 * Firefox's own content colour-scheme preference (puppeteer's emulateMediaFeatures is CDP-only);
 * each page is checked to really draw dark before axe runs, so a pass in "dark" is a pass in dark.
 */
import type { Page } from 'puppeteer-core';
import { demoHistory, withHistory } from '../../scripts/demo-history';
import { axeViolations } from './support/axe';
import { DataFolder, importedMessage } from './support/data';
import { sendMessage, setSettings } from './support/ext';
import { expect, test } from './support/fixtures';
import { BreakPage, El, OptionsPage, PopupPage } from './support/pages';
import { shot } from '../e2e/support/shots';

/** Firefox's layout.css.prefers-color-scheme.content-override: 0 dark, 1 light. */
const SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override';
/** theme.css's page background (--bg) in each scheme, the outside reference for "really dark". */
const BACKGROUND = { light: 'rgb(246, 248, 247)', dark: 'rgb(18, 25, 23)' } as const;

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('axe finds nothing on any page, light and dark', async ({ ff, control }, testInfo) => {
  test.setTimeout(180_000); // five pages, twice, in one Firefox
  // A history for the review and the popup's charts, loaded through the options page's import.
  await setSettings(control, {});
  const data = await DataFolder.create(ff, testInfo.outputPath('data'));
  const options = await OptionsPage.open(ff);
  const timeZone = await control.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const rows = demoHistory({ now: Date.now(), timeZone, days: 40 });
  const exported = await data.download(options.page, 'export-json');
  expect(await data.import(options.page, withHistory(exported.text, rows))).toBe(await importedMessage(options.page, rows.length));

  const popup = (await PopupPage.open(ff)).page;
  await new El(popup, '[data-testid="week"]').waitFor();
  const welcome = await ff.open('welcome.html');
  await new El(welcome, 'h1').waitFor();
  const review = await ff.open('review.html');
  await new El(review, '[data-testid="heatmap"]').waitFor();
  await sendMessage(control, { type: 'break/start' });
  const brk = await BreakPage.waitFor(ff);
  await brk.title.waitFor();
  const pages: Array<[string, Page]> = [['popup', popup], ['options', options.page], ['welcome', welcome], ['review', review], ['break', brk.page]];

  for (const scheme of ['light', 'dark'] as const) {
    await ff.chrome.setPref(SCHEME_PREF, scheme === 'dark' ? 0 : 1);
    for (const [name, page] of pages) {
      // In front: Firefox does not run a background tab's transitions, so its colours would stay mid-change.
      await page.bringToFront();
      await expect.poll(() => background(page), { message: `${name} draws ${scheme}` }).toBe(BACKGROUND[scheme]);
      expect(await axeViolations(page), `${name}, ${scheme}`).toEqual([]);
    }
    await shot(brk.page, { path: testInfo.outputPath(`break-${scheme}.png`) });
    await shot(review, { path: testInfo.outputPath(`review-${scheme}.png`) });
  }
});
