/**
 * Importing a backup on the options page of the production build (issue #13, defect 5): the
 * file is shown before it replaces anything (its date, breaks, days, what the current history
 * would lose), Cancel (a click, Enter or Escape) changes nothing, "Replace my data" replaces;
 * settings the form would refuse are refused in words; a routine Limber no longer has is kept and
 * named as such in the weekly review, never by its id.
 *
 * Expected figures come from the rows the test writes, counted here, not from the code under test.
 */
import AxeBuilder from '@axe-core/playwright';
import { settled } from './support/player';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { historyRows, sendMessage, storageGet } from './support/ext';
import { exportJson, importBackup, importedMessage } from './support/data';
import { demoHistory, withHistory, type DemoRow } from '../../scripts/demo-history';
import { shot } from './support/shots';
import { clearOfMidnight } from '../midnight';

declare const chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };

/** Everything an import could change, as text: every stored row and both copies of the settings. */
async function everything(control: Page): Promise<string> {
  const rows = await historyRows(control);
  const local = await storageGet(control, 'settings');
  const sync = await control.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
  return JSON.stringify({ rows, local, sync });
}

/** A current history of `days` days, loaded through the options page's import (as history.spec does); the exported file it came from. */
async function seed(control: Page, days: number): Promise<{ rows: DemoRow[]; exported: string; timeZone: string }> {
  const timeZone = await control.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const rows = demoHistory({ now: Date.now(), timeZone, days });
  const exported = await exportJson(control);
  expect(await importBackup(control, withHistory(exported, rows))).toBe(await importedMessage(control, rows.length));
  return { rows, exported, timeZone };
}

/** How the page writes a day key and an instant ("March 5, 2026" in en-US). */
async function pageDates(page: Page, days: string[], instant: number): Promise<{ days: string[]; instant: string }> {
  return page.evaluate(({ days, instant }) => {
    const opts = { day: 'numeric', month: 'long', year: 'numeric' } as const;
    const utc = new Intl.DateTimeFormat(undefined, { ...opts, timeZone: 'UTC' });
    return {
      days: days.map((d) => utc.format(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), 12))),
      instant: new Intl.DateTimeFormat(undefined, opts).format(instant),
    };
  }, { days, instant });
}

async function openData(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('import-file').scrollIntoViewIfNeeded();
}

test('a stale backup: the preview says what it holds and what would be lost; Cancel keeps everything, Replace replaces', async ({ context, extensionId, control }, testInfo) => {
  const { rows, exported, timeZone } = await seed(control, 30);
  // The backup: the history before the day 10 days ago (whole days: a break later on the backup's
  // last day is among the "other" losses), one of its breaks of a routine since retired, and other settings.
  const cutoff = Date.now() - 10 * 86_400_000;
  const cutoffDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(cutoff);
  const old = rows.filter((r) => r.day < cutoffDay);
  const retiredAt = old.findIndex((r) => r.routineId !== null);
  const backupRows = old.map((r, i) => (i === retiredAt ? { ...r, routineId: 'retired-wall-sit' } : r));
  const file = JSON.parse(withHistory(exported, backupRows)) as { exportedAt: string; settings: { snoozeLimit: number } };
  file.exportedAt = new Date(cutoff).toISOString();
  file.settings.snoozeLimit = 4;
  const text = JSON.stringify(file);
  const days = backupRows.map((r) => r.day).sort();
  const newer = rows.filter((r) => r.day > days.at(-1)!).length;
  expect(newer).toBeGreaterThan(0);
  expect(newer + backupRows.length).toBe(rows.length);

  const page = await context.newPage();
  await openData(page, extensionId);
  const before = await everything(control);
  const fmt = await pageDates(page, [days[0]!, days.at(-1)!], cutoff);
  const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
  const choose = () => page.getByTestId('import-file').setInputFiles({ name: 'old-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = page.getByRole('group', { name: 'Replace your data with this backup?' });
  const message = page.getByTestId('data-message');

  await choose();
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-summary')).toHaveText(
    `This backup, made on ${fmt.instant}, holds ${count(backupRows.length)} breaks from ${fmt.days[0]} to ${fmt.days[1]}, and your settings.`,
  );
  await expect(page.getByTestId('import-note-gone')).toHaveText('1 break is of a routine no longer in Limber: it is kept and shown as “a routine no longer in Limber”.');
  await expect(page.getByTestId('import-note-newer')).toHaveText(`Your current history has ${count(newer)} breaks after this backup's last day: they will be lost.`);
  await expect(page.getByTestId('import-note-other')).toHaveCount(0);
  await expect(page.getByTestId('import-note-settings')).toHaveText("Your current settings will be replaced by the backup's.");
  // Read out when the focus lands on its safe choice: the question, then what the file holds.
  await expect(page.getByTestId('import-cancel')).toBeFocused();
  await expect(preview).toHaveAccessibleDescription(/^This backup, made on .* they will be lost\. Your current settings will be replaced by the backup's\.$/);
  expect(await everything(control)).toBe(before); // showing it wrote nothing
  await shot(preview, { path: testInfo.outputPath('import-preview.png') });
  await settled(page);
  const axe = await new AxeBuilder({ page }).include('[data-testid="data-prefs"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Cancel, from the keyboard: Enter on the focused Cancel, then Escape anywhere in the card.
  await page.keyboard.press('Enter');
  await expect(preview).toHaveCount(0);
  await expect(message).toHaveText('Import cancelled. Nothing was changed.');
  await expect(page.getByTestId('import-file')).toBeFocused();
  await choose();
  await expect(page.getByTestId('import-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await page.waitForTimeout(500); // anything sent would have landed
  expect(await everything(control)).toBe(before);

  // Replace, from the keyboard: back one from Cancel, Enter.
  await choose();
  await expect(page.getByTestId('import-cancel')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('import-replace')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(message).toHaveText(`Imported ${count(backupRows.length)} breaks and your settings.`);
  await expect(message).toHaveAttribute('role', 'status');
  // The file field, disabled while the import ran (which took the focus from it), has it back.
  await expect(page.getByTestId('import-file')).toBeFocused();
  const after = await historyRows(control);
  expect(after.map((r) => r.id).sort()).toEqual(backupRows.map((r) => r.id).sort());
  expect(after.find((r) => r.routineId === 'retired-wall-sit')).toBeTruthy(); // kept
  expect(await storageGet<{ snoozeLimit: number }>(control, 'settings')).toMatchObject({ snoozeLimit: 4 });
});

test('a file with 1-second intervals is refused in words, with no preview, and nothing changes', async ({ context, extensionId, control }) => {
  const { exported } = await seed(control, 10);
  const file = JSON.parse(exported) as { settings: { stretch: { everySec: number; lengthSec: number } } };
  file.settings.stretch = { ...file.settings.stretch, everySec: 1, lengthSec: 1 };
  const page = await context.newPage();
  await openData(page, extensionId);
  const before = await everything(control);
  await page.getByTestId('import-file').setInputFiles({ name: 'fast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const message = page.getByTestId('data-message');
  await expect(message).toHaveText('This backup sets “time between stretch breaks” to a value Limber does not allow: it must be between 10 and 240 minutes. Nothing was changed.');
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  // The background takes no import at all (the options page does the work): sent straight to it, it is refused unread.
  expect(await sendMessage(control, { type: 'data/import', text: JSON.stringify(file) })).toEqual({ ok: false, error: 'badRequest' });
  expect(await everything(control)).toBe(before);
});

test('a routine no longer in Limber is kept and named so in the weekly review, never by its id', async ({ context, extensionId, control }) => {
  // Both breaks end today, before now, and the review below opens the same day: so they are this
  // week's whenever the test runs (a minute before now is last week's just after the week's first
  // midnight, Sunday 00:00 in en-US). The browser's zone is this machine's.
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms));
  const { exported, timeZone } = await seed(control, 1);
  const now = Date.now();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const end = Math.max(now - 60_000, midnight + 1);
  const day = await control.evaluate(({ end, timeZone }) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(end), { end, timeZone });
  const row = (id: string, routineId: string, endedAt: number) => ({ id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 240_000, promptedAt: endedAt - 240_000, startedAt: endedAt - 180_000, endedAt, routineId, deskMs: 3_000_000, snoozes: 0, manual: false, day });
  const rows = [row('stretch-a', 'retired-wall-sit', Math.max(end - 60_000, midnight)), row('stretch-b', 'retired-desk-yoga', end)] as unknown as DemoRow[];
  const page = await context.newPage();
  await openData(page, extensionId);
  await page.getByTestId('import-file').setInputFiles({ name: 'retired.json', mimeType: 'application/json', buffer: Buffer.from(withHistory(exported, rows)) });
  await expect(page.getByTestId('import-note-gone')).toHaveText(/^2 breaks are of routines no longer in Limber/);
  await page.getByTestId('import-replace').click();
  await expect(page.getByTestId('data-message')).toHaveText('Imported 2 breaks and your settings.');

  const review = await context.newPage();
  await review.goto(`chrome-extension://${extensionId}/review.html`);
  await review.getByTestId('show-tables').check();
  const table = review.getByRole('table', { name: 'Most-used routines this week' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText('A routine no longer in Limber');
  await expect(table.locator('tbody tr')).toContainText('2');
  await expect(review.locator('body')).not.toContainText('retired-');
});
