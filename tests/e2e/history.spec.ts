/**
 * History, streaks and the weekly review, end to end in the production build: a seeded history
 * (six months, loaded through the import path), the popup's ring / bars / streak, the review page
 * and its table alternatives, export -> reset -> import, a refused import, and axe on both pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { settled } from './support/player';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { historyRows } from './support/ext';
import { exportJson, importBackup, importedMessage } from './support/data';
import { openedPage, PopupPage } from './support/pages';
import { demoHistory, withHistory, type DemoRow } from '../../scripts/demo-history';
import { withBreakToday } from '../demo-today';
import { clearOfMidnight } from '../midnight';
import { shot } from './support/shots';

/**
 * Loads a demo history through the options page's import (as a user's file would be); returns the
 * rows. `breakToday`: with a break that ended today too, so that this week holds one whatever the
 * day and time of the run (tests/demo-today.ts).
 */
async function seed(control: Page, days = 183, breakToday = false): Promise<{ rows: DemoRow[]; timeZone: string }> {
  const timeZone = await control.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const now = Date.now();
  const demo = demoHistory({ now, timeZone, days });
  const rows = breakToday ? withBreakToday(demo, now, timeZone) : demo;
  expect(await importBackup(control, withHistory(await exportJson(control), rows))).toBe(await importedMessage(control, rows.length));
  return { rows, timeZone };
}

async function axeViolations(page: Page): Promise<string[]> {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/**
 * A small history whose streaks are worked out by hand below (not by lib/streaks, the code under
 * test). Days are counted back from today in the browser's own calendar (D = today, D-1 =
 * yesterday, ...); past breaks end at local noon, today's between midnight and now. The default
 * settings have no working hours, so every day is a working day.
 *
 *   D-19 .. D-12  one completed stretch break each            met (a completed stretch counts)  8 days
 *   D-11 .. D-9   one skipped stretch break each               missed, three days in a row
 *   D-8, D-7      one completed stretch break each             met
 *   D-6           nothing                                      neutral (no break was due)
 *   D-5           one skipped stretch break                    missed
 *   D-4           posture checks: one completed, one skipped   met (1 of 2 taken is the half needed)
 *   D-3           one partial stretch break                    met (a partial counts half: 0.5 of 1)
 *   D-2           one natural stretch break                    met (a natural break is taken)
 *   D-1           one completed stretch break                  met
 *   D             completed stretch, completed posture check,  met (2.5 of 4 weighted; and a
 *                 partial posture check, skipped posture check  completed stretch)
 *
 * Streak rules (README "History and streaks"): one missed day per calendar month is a grace day
 * that keeps a running streak alive without adding to it; a day without breaks is neutral.
 * - D-19..D-12 make a run of 8: the longest.
 * - D-11..D-9 end it, wherever months begin: three days span at most two months, so at most two
 *   of them can be grace days, and the third breaks the run (and the grace count starts over).
 * - From D-8: D-8 and D-7 count (2), D-6 is neutral, D-5 is the first miss since the break, so a
 *   grace day whatever its month (2), D-4 .. D-1 count (6), and today counts (7).
 * So: streak 7, longest 8. Today: 3 breaks taken (completed 2 + partial 1) of 4 due; the week
 * table's last row: 3 done (completed or partial), 1 skipped.
 */
async function seedHandWorked(control: Page): Promise<number> {
  const rows = await control.evaluate(() => {
    const now = Date.now();
    const today = new Date(now);
    const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const noon = (back: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 12);
    type Kind = 'stretch' | 'micro';
    type Outcome = 'completed' | 'partial' | 'natural' | 'skipped';
    const row = (kind: Kind, outcome: Outcome, endedAt: number) => {
      const dueAt = endedAt - 3 * 60_000;
      const done = outcome === 'completed' || outcome === 'partial';
      return {
        id: `${kind}-${dueAt}`,
        kind,
        outcome,
        dueAt,
        promptedAt: outcome === 'natural' ? null : dueAt,
        startedAt: done ? dueAt + 10_000 : null,
        endedAt,
        routineId: done ? (kind === 'stretch' ? 'cat-cow' : 'posture-reset') : null,
        deskMs: (kind === 'stretch' ? 50 : 20) * 60_000,
        snoozes: 0,
        manual: false,
        day: key(new Date(endedAt)),
      };
    };
    const out: Array<ReturnType<typeof row>> = [];
    const onDay = (back: number, breaks: Array<[Kind, Outcome]>) =>
      breaks.forEach(([kind, outcome], i) => out.push(row(kind, outcome, noon(back).getTime() + i * 60 * 60_000)));
    for (let back = 19; back >= 12; back--) onDay(back, [['stretch', 'completed']]);
    for (const back of [11, 10, 9]) onDay(back, [['stretch', 'skipped']]);
    onDay(8, [['stretch', 'completed']]);
    onDay(7, [['stretch', 'completed']]);
    onDay(5, [['stretch', 'skipped']]);
    onDay(4, [['micro', 'completed'], ['micro', 'skipped']]);
    onDay(3, [['stretch', 'partial']]);
    onDay(2, [['stretch', 'natural']]);
    onDay(1, [['stretch', 'completed']]);
    // Today's four, spread between midnight and now (never in the future).
    const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
    const step = Math.max(1, Math.floor((now - midnight) / 5));
    const todays: Array<[Kind, Outcome]> = [['stretch', 'completed'], ['micro', 'completed'], ['micro', 'partial'], ['micro', 'skipped']];
    todays.forEach(([kind, outcome], i) => out.push(row(kind, outcome, midnight + step * (i + 1))));
    return out;
  });
  expect(await importBackup(control, withHistory(await exportJson(control), rows as DemoRow[]))).toBe(await importedMessage(control, rows.length));
  return rows.length;
}

test('the popup shows today’s ring, the last 7 days and the streak from the history', async ({ context, extensionId, control }) => {
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // the days are counted back from today
  expect(await seedHandWorked(control)).toBe(8 + 3 + 2 + 1 + 2 + 1 + 1 + 1 + 4);

  const popup = await PopupPage.open(context, extensionId);
  const page = popup.page;
  await expect(page.getByTestId('week')).toBeVisible();
  await expect(popup.todayCount).toHaveText('3');
  await expect(popup.streak).toHaveText('7');
  await expect(page.getByTestId('longest')).toContainText('8');
  const ring = page.getByTestId('today-ring');
  await expect(ring).toHaveAttribute('role', 'img');
  await expect(ring).toHaveAttribute('aria-label', '3 of 4 due breaks taken today');
  // Seven bars, and the same numbers in a table for screen readers.
  await expect(page.getByTestId('week-bars').locator('g[data-day]')).toHaveCount(7);
  const table = page.getByTestId('week-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByRole('table', { name: 'Breaks in the last 7 days' })).toBeAttached();
  const lastRow = table.locator('tbody tr').last().locator('td');
  await expect(lastRow.nth(0)).toHaveText('3');
  await expect(lastRow.nth(2)).toHaveText('1');
  await expect(page.getByTestId('cheer')).not.toBeEmpty();
  // The existing controls are still there.
  await expect(page.getByTestId('break-now')).toBeVisible();
  await expect(page.getByTestId('pause-menu')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // "Weekly review" opens the review page.
  const opened = openedPage(context, (url) => url.includes('/review.html'));
  await page.getByTestId('weekly-review').click();
  const review = await opened;
  await expect(review.getByRole('heading', { level: 1 })).toHaveText('Your weekly review');
});

test('an empty history: the ring is empty and the line invites a first break', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByTestId('cheer')).toHaveText(/first break/);
  await expect(popup.todayCount).toHaveText('0');
  await expect(popup.page.getByTestId('today-ring')).toHaveAttribute('aria-label', 'No breaks counted yet today');
});

test('the weekly review renders its charts, each with a table alternative; axe finds nothing, light and dark', async ({ context, extensionId, control }) => {
  test.setTimeout(150_000); // two axe runs over a full review page: slow on a busy machine
  // This week's highlights need a break this week: without today's, a run on a Sunday (the week's
  // first day in en-US) or on a Monday before the demo's working day has none. (And the review
  // must open on the day of that break.)
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms));
  await seed(control, 183, true);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/review.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your weekly review');
  await expect(page).toHaveTitle('Your weekly review');
  const highlights = page.getByTestId('review-highlights').locator('li');
  await expect(highlights.first()).toBeVisible();
  expect(await highlights.count()).toBeGreaterThanOrEqual(4);
  for (const id of ['breaks', 'desk']) {
    await expect(page.getByTestId(`chart-${id}`)).toBeVisible();
    await expect(page.getByTestId(`table-${id}`).locator('tbody tr')).toHaveCount(7);
  }
  await expect(page.getByTestId('heatmap').locator('rect')).toHaveCount(84);
  await expect(page.getByTestId('table-heatmap').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByRole('table', { name: 'Streak days, last 12 weeks' })).toBeAttached();
  await expect(page.getByRole('table', { name: 'Most-used routines this week' })).toBeAttached();
  // Tables are for screen readers until asked for.
  const box = page.getByTestId('table-breaks').locator('xpath=..');
  expect(await box.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  // By keyboard: Space toggles the focused switch.
  await page.getByTestId('show-tables').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('show-tables')).toBeChecked();
  expect(await box.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('show-tables').uncheck();
  await shot(page, { path: test.info().outputPath('review-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, { path: test.info().outputPath('review-dark.png'), fullPage: true });
  await page.getByTestId('show-tables').check();
  expect(await axeViolations(page)).toEqual([]);
});

test('export JSON, reset, import: the history and the settings come back', async ({ context, extensionId, control }) => {
  const { rows } = await seed(control, 40);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const data = options.getByTestId('data-prefs');
  await data.scrollIntoViewIfNeeded();
  const settingsBefore = JSON.parse(await exportJson(control)).settings as object;

  const download = options.waitForEvent('download');
  await options.getByTestId('export-json').click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^limber-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const text = readFileSync(file, 'utf8');
  expect((JSON.parse(text) as { history: unknown[] }).history).toHaveLength(rows.length);

  const csv = options.waitForEvent('download');
  await options.getByTestId('export-csv').click();
  expect(readFileSync(await (await csv).path(), 'utf8').split('\r\n')[0]).toMatch(/^id,day,kind,outcome/);

  await options.getByTestId('reset').click();
  await expect(options.getByTestId('reset-cancel')).toBeFocused();
  await options.getByTestId('reset-confirm-yes').click();
  await expect(options.getByTestId('data-message')).toHaveText(/History and your own routines deleted/);
  await expect.poll(async () => (await historyRows(control)).length).toBe(0);

  await options.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // The file is shown first (tests/e2e/import.spec.ts checks the preview); nothing changes until Replace.
  await options.getByTestId('import-replace').click();
  await expect(options.getByTestId('data-message')).toHaveText(`Imported ${rows.length} breaks and your settings.`);
  const after = await historyRows(control);
  expect(after.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  const settingsAfter = JSON.parse(await exportJson(control)).settings as object;
  expect(settingsAfter).toEqual(settingsBefore);
  expect(await axeViolations(options)).toEqual([]);
});

test('a malformed or hostile import shows why and changes nothing', async ({ context, extensionId, control }) => {
  await seed(control, 20);
  const before = (await historyRows(control)).map((r) => r.id).sort();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const good = await exportJson(control);
  const message = options.getByTestId('data-message');
  const cases: Array<[string, string, RegExp]> = [
    ['truncated.json', good.slice(0, Math.floor(good.length / 2)), /damaged or incomplete/],
    ['hostile.json', good.replace('{', '{"__proto__":{"polluted":true},'), /does not accept/],
    ['other.json', JSON.stringify({ hello: 'world' }), /not a Limber backup/],
    ['future.json', good.replace('"version": 1', '"version": 9'), /made by a newer version of Limber/],
    ['bad-row.json', good.replace(/"outcome": ?"\w+"/, '"outcome":"won"'), /^Break number 1 in this backup is damaged/],
  ];
  for (const [name, text, want] of cases) {
    await options.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(message).toHaveText(want);
    await expect(message).toHaveAttribute('role', 'alert');
    expect((await historyRows(control)).map((r) => r.id).sort()).toEqual(before);
  }
  expect(JSON.parse(await exportJson(control)).settings).toEqual(JSON.parse(good).settings);
});

test('forced colours (Windows High Contrast): the legends keep the colours the charts draw, so the streak calendar and the bars can still be read', async ({ context, extensionId, control }) => {
  await seed(control, 40, true);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/review.html`);
  await expect(page.getByTestId('heatmap').locator('rect')).toHaveCount(84);
  // Chromium keeps an SVG's own fills in forced colours (forced-color-adjust: preserve-parent-color),
  // but turns an HTML box's background into the system Canvas colour: the legends' swatches were
  // drawn in the page's background, all alike, beside cells and bars still in colour.
  const seen = () =>
    page.evaluate(() => {
      const fill = (cls: string) => {
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        rect.setAttribute('class', cls);
        svg.append(rect);
        document.querySelector('[data-testid="heatmap"]')!.after(svg);
        const c = getComputedStyle(rect).fill;
        svg.remove();
        return c;
      };
      const swatch = (cls: string) => getComputedStyle(document.querySelector(`.legend .swatch.${cls}`)!).backgroundColor;
      return [
        ['this', 'seg-taken'], ['last', 'seg-last'], ['met', 'heat-met'], ['grace', 'heat-grace'], ['missed', 'heat-missed'],
      ].map(([s, r]) => ({ swatch: s, legend: swatch(s!), drawn: fill(r!) }));
    });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const got = await seen();
    expect(got.map((g) => ({ swatch: g.swatch, legend: g.legend }))).toEqual(got.map((g) => ({ swatch: g.swatch, legend: g.drawn })));
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
  await shot(page, { path: test.info().outputPath('review-forced-colours.png'), fullPage: true });
  // The popup's last 7 days share the legend's swatches (components/charts.css, week-charts.css).
  const popup = await PopupPage.open(context, extensionId);
  await popup.page.emulateMedia({ forcedColors: 'active' });
  await expect(popup.page.getByTestId('week-bars')).toBeVisible();
  const legend = await popup.page.evaluate(() =>
    ['taken', 'natural', 'skipped'].map((s) => {
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.setAttribute('class', `seg-${s}`);
      document.querySelector('[data-testid="week-bars"]')!.append(rect);
      const drawn = getComputedStyle(rect).fill;
      rect.remove();
      return [getComputedStyle(document.querySelector(`.legend .swatch.${s}`)!).backgroundColor, drawn];
    }),
  );
  expect(legend.map(([l]) => l)).toEqual(legend.map(([, d]) => d));
});
