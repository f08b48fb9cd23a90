/**
 * The weekly review's charts at a phone's width and a desktop's: their text stays at the page's
 * small text size (an SVG drawn to a fixed viewBox shrank it with the chart, to about 7 px in a
 * 360 px window), nothing runs off the page, and the routines chart shows whole names.
 */
import type { Page } from '@playwright/test';
import { expect, launch, serviceWorker, test } from './support/fixtures';
import { exportJson, importBackup, importedMessage } from './support/data';
import { demoHistory, withHistory } from '../../scripts/demo-history';
import { withBreakToday } from '../demo-today';
import { clearOfMidnight } from '../midnight';
import { shot } from './support/shots';

/** The smallest text each chart draws, as rendered (its font size times the SVG's scale), and the page's small text size. */
function textSizes(page: Page) {
  return page.evaluate(() => {
    const small = parseFloat(getComputedStyle(document.querySelector('.legend')!).fontSize);
    const charts = [...document.querySelectorAll<SVGSVGElement>('svg.chart[data-testid]')].map((svg) => {
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1));
      return { chart: svg.dataset.testid, smallest: Math.round(Math.min(...sizes) * 10) / 10 };
    });
    return { small, charts, pageWidth: document.documentElement.scrollWidth };
  });
}

/** Each routine's name as the chart draws it (its lines joined), and as its table gives it. */
function routineNames(page: Page) {
  return page.evaluate(() => ({
    drawn: [...document.querySelectorAll('[data-testid="chart-routines"] g')].map((g) => [...g.querySelectorAll('text.label')].map((t) => t.textContent).join(' ')),
    table: [...document.querySelectorAll('[data-testid="table-routines"] tbody th')].map((th) => th.textContent),
  }));
}

test('the review\'s charts keep their text at the page\'s small size at 360 px and 1000 px, light and dark, and show whole routine names', async ({ context, extensionId, control }) => {
  test.setTimeout(120_000);
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms));
  const timeZone = await control.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const now = Date.now();
  const rows = withBreakToday(demoHistory({ now, timeZone, days: 60 }), now, timeZone);
  expect(await importBackup(control, withHistory(await exportJson(control), rows))).toBe(await importedMessage(control, rows.length));

  const page = await context.newPage();
  for (const width of [360, 1000]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/review.html`);
    await expect(page.getByTestId('heatmap').locator('rect')).toHaveCount(84);
    await expect(page.getByTestId('chart-routines')).toBeVisible();
    const { small, charts, pageWidth } = await textSizes(page);
    expect(small).toBeGreaterThanOrEqual(12);
    expect(charts.map((c) => c.chart).sort()).toEqual(['chart-areas', 'chart-breaks', 'chart-desk', 'chart-routines', 'heatmap']);
    expect(charts.filter((c) => c.smallest < small - 0.1), `at ${width} px`).toEqual([]);
    expect(pageWidth).toBeLessThanOrEqual(width);
    const names = await routineNames(page);
    expect(names.table.length).toBeGreaterThan(0);
    expect(names.drawn, `at ${width} px`).toEqual(names.table);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await shot(page, { path: test.info().outputPath(`review-${width}-${scheme}.png`), fullPage: true });
      // Each chart's card at full size, to look at.
      for (const chart of ['chart-breaks', 'heatmap', 'chart-routines']) {
        await shot(page.locator('section.card', { has: page.getByTestId(chart) }), { path: test.info().outputPath(`${chart}-${width}-${scheme}.png`) });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

// The streak map's weekday names in the column left of its cells: Polish writes Sunday "niedz.",
// wider than that column was (its dot went under the first cell). Each name ends 4 px or more before the cells.
test('pl: the streak map\'s weekday names end before its first column of cells (360 and 1000 px)', async ({ profileDir }) => {
  const context = await launch(profileDir, ['--lang=pl'], { locale: 'pl' });
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/review.html`);
    await expect(page.getByTestId('heatmap').locator('rect')).toHaveCount(84);
    for (const width of [360, 1000]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      const labels = await page.getByTestId('heatmap').evaluate((svg) => {
        const cells = Math.min(...[...svg.querySelectorAll('rect')].map((r) => r.getBBox().x));
        return [...svg.querySelectorAll<SVGTextElement>(':scope > text')].filter((t) => t.textContent).map((t) => ({ name: t.textContent, apart: Math.floor(cells - (t.getBBox().x + t.getBBox().width)) }));
      });
      expect(labels.map((l) => l.name)).toContain('niedz.');
      expect(labels.filter((l) => l.apart < 4), `at ${width} px: names reaching the cells`).toEqual([]);
    }
  } finally {
    await context.close();
  }
});
