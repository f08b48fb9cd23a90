/**
 * History, streaks and the weekly review, end to end in the production build: a seeded history
 * (six months, loaded through the import path), the popup's ring / bars / streak, the review page
 * and its table alternatives, export -> reset -> import, a refused import, and axe on both pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { historyRows, sendMessage } from './support/ext';
import { PopupPage } from './support/pages';
import { demoHistory, withHistory, type DemoRow } from '../../scripts/demo-history';
import { aggregate } from '../../lib/aggregates';
import { dayKey } from '../../lib/days';
import { scanStreaks } from '../../lib/streaks';
import { DEFAULT_SETTINGS } from '../../lib/settings';

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

async function ask<T>(page: Page, msg: unknown): Promise<T> {
  const r = (await sendMessage(page, msg)) as Reply<T>;
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  return r.data;
}

/** Loads a demo history through 'data/import' (as a user's file would be); returns the rows. */
async function seed(control: Page, days = 183): Promise<{ rows: DemoRow[]; timeZone: string }> {
  const timeZone = await control.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const rows = demoHistory({ now: Date.now(), timeZone, days });
  const exported = await ask<{ text: string }>(control, { type: 'data/export', format: 'json' });
  const result = await ask<{ imported: boolean; breaks?: number }>(control, { type: 'data/import', text: withHistory(exported.text, rows) });
  expect(result).toEqual({ imported: true, breaks: rows.length });
  return { rows, timeZone };
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

test('the popup shows today’s ring, the last 7 days and the streak from the history', async ({ context, extensionId, control }) => {
  const { rows, timeZone } = await seed(control);
  const today = dayKey(Date.now(), timeZone);
  const aggs = [...aggregate(rows).values()];
  const scan = scanStreaks(aggs, today, DEFAULT_SETTINGS.schedule);
  const td = aggs.find((a) => a.day === today);

  const popup = await PopupPage.open(context, extensionId);
  const page = popup.page;
  await expect(page.getByTestId('week')).toBeVisible();
  await expect(popup.todayCount).toHaveText(String(td?.taken ?? 0));
  await expect(popup.streak).toHaveText(String(scan.current));
  await expect(page.getByTestId('longest')).toContainText(String(scan.longest));
  const ring = page.getByTestId('today-ring');
  await expect(ring).toHaveAttribute('role', 'img');
  await expect(ring).toHaveAttribute('aria-label', td?.due ? `${td.taken} of ${td.due} due breaks taken today` : 'No breaks due yet today');
  // Seven bars, and the same numbers in a table for screen readers.
  await expect(page.getByTestId('week-bars').locator('g[data-day]')).toHaveCount(7);
  const table = page.getByTestId('week-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByRole('table', { name: 'Breaks in the last 7 days' })).toBeAttached();
  const lastRow = table.locator('tbody tr').last().locator('td');
  await expect(lastRow.nth(0)).toHaveText(String((td?.completed ?? 0) + (td?.partial ?? 0)));
  await expect(lastRow.nth(2)).toHaveText(String(td?.skipped ?? 0));
  await expect(page.getByTestId('cheer')).not.toBeEmpty();
  // The existing controls are still there.
  await expect(page.getByTestId('break-now')).toBeVisible();
  await expect(page.getByTestId('pause-menu')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // "Weekly review" opens the review page.
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/review.html') });
  await page.getByTestId('weekly-review').click();
  const review = await opened;
  await expect(review.getByRole('heading', { level: 1 })).toHaveText('Your weekly review');
});

test('an empty history: the ring is empty and the line invites a first break', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByTestId('cheer')).toHaveText(/first break/);
  await expect(popup.todayCount).toHaveText('0');
  await expect(popup.page.getByTestId('today-ring')).toHaveAttribute('aria-label', 'No breaks due yet today');
});

test('the weekly review renders its charts, each with a table alternative; axe finds nothing, light and dark', async ({ context, extensionId, control }) => {
  await seed(control);
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
  await page.getByTestId('show-tables').check();
  expect(await box.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});

test('export JSON, reset, import: the history and the settings come back', async ({ context, extensionId, control }) => {
  const { rows } = await seed(control, 40);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const data = options.getByTestId('data-prefs');
  await data.scrollIntoViewIfNeeded();
  const settingsBefore = JSON.parse((await ask<{ text: string }>(control, { type: 'data/export', format: 'json' })).text).settings as object;

  const download = options.waitForEvent('download');
  await options.getByTestId('export-json').click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^limber-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(file, 'utf8');
  expect((JSON.parse(text) as { history: unknown[] }).history).toHaveLength(rows.length);

  const csv = options.waitForEvent('download');
  await options.getByTestId('export-csv').click();
  expect(readFileSync(await (await csv).path(), 'utf8').split('\r\n')[0]).toMatch(/^id,day,kind,outcome/);

  await options.getByTestId('reset').click();
  await expect(options.getByTestId('reset-cancel')).toBeFocused();
  await options.getByTestId('reset-confirm-yes').click();
  await expect(options.getByTestId('data-message')).toHaveText(/History deleted/);
  await expect.poll(async () => (await historyRows(control)).length).toBe(0);

  await options.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // The file is shown first (tests/e2e/import.spec.ts checks the preview); nothing changes until Replace.
  await options.getByTestId('import-replace').click();
  await expect(options.getByTestId('data-message')).toHaveText(`Imported ${rows.length} breaks and your settings.`);
  const after = await historyRows(control);
  expect(after.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  const settingsAfter = JSON.parse((await ask<{ text: string }>(control, { type: 'data/export', format: 'json' })).text).settings as object;
  expect(settingsAfter).toEqual(settingsBefore);
  expect(await axeViolations(options)).toEqual([]);
});

test('a malformed or hostile import shows why and changes nothing', async ({ context, extensionId, control }) => {
  await seed(control, 20);
  const before = (await historyRows(control)).map((r) => r.id).sort();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const good = (await ask<{ text: string }>(control, { type: 'data/export', format: 'json' })).text;
  const message = options.getByTestId('data-message');
  const cases: Array<[string, string, RegExp]> = [
    ['truncated.json', good.slice(0, Math.floor(good.length / 2)), /damaged or incomplete/],
    ['hostile.json', good.replace('{', '{"__proto__":{"polluted":true},'), /does not accept/],
    ['other.json', JSON.stringify({ hello: 'world' }), /not a Limber backup/],
    ['future.json', good.replace('"version": 1', '"version": 9'), /made by a newer version of Limber/],
    ['bad-row.json', good.replace(/"outcome": "\w+"/, '"outcome": "won"'), /^Break number 1 in this backup is damaged/],
  ];
  for (const [name, text, want] of cases) {
    await options.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(message).toHaveText(want);
    await expect(message).toHaveAttribute('role', 'alert');
    expect((await historyRows(control)).map((r) => r.id).sort()).toEqual(before);
  }
  expect(JSON.parse((await ask<{ text: string }>(control, { type: 'data/export', format: 'json' })).text).settings).toEqual(JSON.parse(good).settings);
});
