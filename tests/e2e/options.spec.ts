import { expect, launch, serviceWorker, test } from './support/fixtures';
import { setSettings, storageGet } from './support/ext';
import { OptionsPage, PopupPage } from './support/pages';
import { shot } from './support/shots';

declare const chrome: { storage: { local: { set(i: object): Promise<void> }; sync: { set(i: object): Promise<void> } } };

type Stored = {
  schedule: { enabled: boolean; days: Array<Array<{ from: number; to: number }>> };
  micro: { enabled: boolean };
  sound: { voice: boolean; chime: boolean };
};

test('edit working hours with the keyboard only; the popup follows', async ({ profileDir }) => {
  const context = await launch(profileDir);
  const extensionId = new URL((await serviceWorker(context)).url()).host;
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/options.html`);
  await setSettings(control, { stretch: { enabled: true, everySec: 1800, lengthSec: 120 } });
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  // Reach the switch with Tab from the top of the page, turn it on with Space.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 5 && !(await page.getByTestId('schedule-enabled').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(page.getByTestId('schedule-enabled')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('schedule-preview')).toContainText('Mon–Fri');
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.enabled).toBe(true);

  // Morning hours that exclude now, typed as a person would. Morning times read the same in a
  // 12-hour field (hh mm, then A for AM) and a 24-hour one (the A is ignored), whichever the
  // browser uses. Each choice starts at least 30 minutes after now: typing the week and opening
  // the popup take a while, and the hours must still lie ahead when the popup is read (a start
  // just after now, 01:00 for a run at 00:59, would have begun by then).
  const nowMin = new Date().getHours() * 60 + new Date().getMinutes();
  const start = nowMin >= 30 && nowMin < 150 ? 180 : 60;
  const end = start + 60;
  const keys = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}A`;
  const value = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  for (let d = 0; d < 7; d++) {
    const day = page.getByTestId(`day-${d}`);
    if (!(await day.isChecked())) {
      await day.focus();
      await page.keyboard.press('Space');
    }
    // The day's hours are drawn once the day is on: Tab before that would skip past them.
    await expect(page.getByTestId(`day-${d}-range-0-from`)).toBeVisible();
    // As a keyboard user does: Tab from the day's checkbox into "from", type, Tab on to "until".
    // (A programmatic focus() would land mid-field.)
    await day.focus();
    await page.keyboard.press('Tab');
    const from = page.getByTestId(`day-${d}-range-0-from`);
    await expect(from).toBeFocused();
    await page.keyboard.type(keys(start), { delay: 100 });
    await expect(from).toHaveValue(value(start));
    const to = page.getByTestId(`day-${d}-range-0-to`);
    while (!(await to.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.type(keys(end), { delay: 100 });
    await expect(to).toHaveValue(value(end));
  }
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.days.every((r) => r[0]?.to === end)).toBe(true);
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.nextWhy).toContainText('Outside working hours until');
  await expect(popup.countdown).toHaveCount(0);
  await shot(page, { path: 'test-results/options-schedule.png', fullPage: true });
  await context.close();
});

test('hours edited faster than a save are all kept: an earlier save coming back undoes nothing', async ({ context, extensionId, control }) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  await page.getByTestId('schedule-enabled').check();
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.enabled).toBe(true);
  // Every save from this page takes 400 ms; the edits come every 250 ms, so each save comes back
  // while the next edit is already made.
  await page.evaluate(() => {
    for (const area of [chrome.storage.local, chrome.storage.sync]) {
      const set = area.set.bind(area);
      area.set = ((items: object) => new Promise((r) => setTimeout(r, 400)).then(() => set(items))) as typeof area.set;
    }
  });
  const starts = [7, 8, 9, 10, 11].map((h) => h * 60);
  for (let d = 0; d < 5; d++) {
    await page.getByTestId(`day-${d}-range-0-from`).fill(`${String(starts[d]! / 60).padStart(2, '0')}:00`);
    await page.waitForTimeout(250);
  }
  // What the person typed, and nothing older, is stored and shown.
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.days.slice(0, 5).map((r) => r[0]?.from), { timeout: 15_000 }).toEqual(starts);
  for (let d = 0; d < 5; d++) await expect(page.getByTestId(`day-${d}-range-0-from`)).toHaveValue(`${String(starts[d]! / 60).padStart(2, '0')}:00`);
});

test('switches turned faster than a save stay as turned: an earlier save coming back turns none of them off', async ({ context, extensionId, control }) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  const boxes = ['micro-enabled', 'voice', 'chime'];
  await page.getByTestId('chime').waitFor();
  // The break kind starts on, the two sounds off: each is turned over once.
  await expect(page.getByTestId('micro-enabled')).toBeChecked();
  for (const id of ['voice', 'chime']) await expect(page.getByTestId(id)).not.toBeChecked();
  const turned = [false, true, true];
  // Every save from this page takes 400 ms, and each box's state is sampled every 10 ms from here on.
  await page.evaluate((ids) => {
    for (const area of [chrome.storage.local, chrome.storage.sync]) {
      const set = area.set.bind(area);
      area.set = ((items: object) => new Promise((r) => setTimeout(r, 400)).then(() => set(items))) as typeof area.set;
    }
    const w = window as unknown as { samples: boolean[][] };
    w.samples = [];
    setInterval(() => w.samples.push(ids.map((id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).checked)), 10);
  }, boxes);
  // Three switches, each turned while the one before saves (App's own save, then the routine section's).
  for (const id of boxes) {
    await page.getByTestId(id).click();
    await page.waitForTimeout(100);
  }
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.sound, { timeout: 15_000 }).toMatchObject({ voice: true, chime: true });
  await page.waitForTimeout(500); // the last save's storage events are heard
  // Once a box showed its new state, it kept it in every sample: a click is never undone, not even for a frame.
  const samples = await page.evaluate(() => (window as unknown as { samples: boolean[][] }).samples);
  const undone = boxes.filter((_, i) => samples.some((s, n) => s[i] !== turned[i] && samples.slice(0, n).some((e) => e[i] === turned[i])));
  expect(undone).toEqual([]);
  expect(samples.at(-1)).toEqual(turned);
  expect((await storageGet<Stored>(control, 'settings'))?.micro.enabled).toBe(false);
});

test('an invalid range shows a message next to it and storage is unchanged', async ({ context, extensionId, control }) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  await page.getByTestId('schedule-enabled').check();
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.enabled).toBe(true);
  // Monday: "Add hours" adds a valid range after the first (saved), which we then break.
  await page.getByTestId('day-0-add').click();
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.days[0]?.length).toBe(2);
  const before = await storageGet(control, 'settings');
  await page.getByTestId('day-0-range-1-from').fill('10:00');
  await page.getByTestId('day-0-range-1-to').fill('11:00');
  await expect(page.getByTestId('day-0-error')).toHaveText(/overlap/);
  await expect(page.getByTestId('day-0-range-1-from')).toHaveAttribute('aria-invalid', 'true');
  expect(await storageGet(control, 'settings')).toEqual(before);
  // Zero length.
  await page.getByTestId('day-0-range-1-from').fill('18:00');
  await page.getByTestId('day-0-range-1-to').fill('18:00');
  await expect(page.getByTestId('day-0-error')).toHaveText(/same time/);
  expect(await storageGet(control, 'settings')).toEqual(before);
  // Fixed: saved.
  await page.getByTestId('day-0-range-1-to').fill('19:00');
  await expect(page.getByTestId('day-0-error')).toHaveCount(0);
  await expect.poll(async () => (await storageGet<Stored>(control, 'settings'))?.schedule.days[0]).toEqual([{ from: 540, to: 1050 }, { from: 1080, to: 1140 }]);
  await expect(page.getByTestId('schedule-preview')).toContainText('Mon');
});

test('"Snooze for"\'s hint, a few sentences, reads across the card rather than down a third of it', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  await page.setViewportSize({ width: 900, height: 820 });
  const hint = page.locator('[id="snoozeMin-hint"]');
  await expect(hint).toContainText('Snooze button');
  const { lines, width, row } = await hint.evaluate((p) => ({
    lines: Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
    width: p.getBoundingClientRect().width,
    row: p.closest('.fields')!.getBoundingClientRect().width,
  }));
  expect(lines, 'lines of the hint').toBeLessThanOrEqual(3); // seven, beside "Snoozes allowed"
  expect(width).toBeGreaterThan(row * 0.9);
});

for (const lang of ['en', 'de', 'ja']) {
  test(`${lang}: the page reflows at 320 px (400 % zoom, a narrow window) with nothing sideways`, async ({ profileDir }) => {
    const context = await launch(profileDir, lang === 'en' ? [] : [`--lang=${lang}`], { locale: lang });
    try {
      const options = await OptionsPage.open(context, new URL((await serviceWorker(context)).url()).host);
      const page = options.page;
      await page.setViewportSize({ width: 320, height: 800 });
      await page.getByTestId('own-weight').waitFor();
      /** How far the page scrolls sideways, and the deepest elements that stick out on the right. */
      const look = () =>
        page.evaluate(() => {
          const root = document.scrollingElement!;
          const out = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !e.closest('details:not([open])'));
          return {
            sideways: root.scrollWidth - root.clientWidth,
            out: out.filter((e) => !out.some((o) => o !== e && e.contains(o))).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`),
          };
        });
      // At 320 px English scrolled 85 px sideways (the away presets' select, the call-site field,
      // the import's file field), German 73 px (the section heads' switches and "Restore defaults"
      // besides), Japanese 4 px (the own routines' select): each section's column was as wide as
      // its widest content, not the page.
      expect(await look()).toEqual({ sideways: 0, out: [] });
      // A break kind's head: its "On" switch beside "Restore defaults", the heading wrapping before
      // them. At 400 px the posture checks' switch dropped to a line of its own under the heading (in
      // English; at 360 px, German both cards) while the stretch breaks' stayed beside the button.
      for (const width of [400, 360, 320]) {
        await page.setViewportSize({ width, height: 800 });
        for (const kind of ['stretch', 'micro']) {
          const mid = (id: string) => page.getByTestId(id).evaluate((e) => Math.round((e.getBoundingClientRect().top + e.getBoundingClientRect().bottom) / 2));
          expect(await mid(`${kind}-enabled`), `${kind}'s switch at ${width} px`).toBe(await mid(`restore-${kind}`));
        }
      }
      expect(await look()).toEqual({ sideways: 0, out: [] });
    } finally {
      await context.close();
    }
  });
}

test('"restore defaults" resets one section and leaves the others alone', async ({ context, extensionId, control }) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  await options.setField('stretch.everyMin', '45');
  await options.setField('snoozeMin', '10');
  await expect.poll(async () => (await storageGet<{ snoozeSec: number }>(control, 'settings'))?.snoozeSec).toBe(600);
  await page.getByTestId('restore-stretch').click();
  await expect.poll(async () => (await storageGet<{ stretch: { everySec: number } }>(control, 'settings'))?.stretch.everySec).toBe(50 * 60);
  await expect(options.field('stretch.everyMin')).toHaveValue('50');
  expect((await storageGet<{ snoozeSec: number }>(control, 'settings'))?.snoozeSec).toBe(600); // untouched
  await expect(page.getByRole('button', { name: 'Restore defaults (Stretch breaks)' })).toBeVisible();
});

test("weeks start on the locale's day (Sunday in en-US) until the options fix one; the review follows", async ({ context, extensionId, control }) => {
  const options = await OptionsPage.open(context, extensionId);
  const select = options.page.getByTestId('week-start');
  await expect(select).toHaveValue('locale');
  await expect(select.locator('option[value="locale"]')).toHaveText('Sunday (usual for your language)');
  const review = await context.newPage();
  await review.goto(`chrome-extension://${extensionId}/review.html`);
  const firstDay = review.getByTestId('table-breaks').locator('tbody tr th').first();
  await expect(firstDay).toHaveText('Sunday');
  // The working-hours editor shows the week from the same day.
  await options.page.getByTestId('schedule-enabled').check();
  const editorFirst = options.page.locator('.sched-day').first().locator('input[type="checkbox"]');
  await expect(editorFirst).toHaveAttribute('data-testid', 'day-6');
  // By keyboard: focus the choice and pick Monday.
  await select.focus();
  await options.page.keyboard.press('Home'); // "Sunday (usual ...)"
  await options.page.keyboard.press('ArrowDown'); // Monday
  await expect(select).toHaveValue('mon');
  await expect.poll(async () => (await storageGet<{ weekStart: string }>(control, 'settings'))?.weekStart).toBe('mon');
  await expect(options.page.getByTestId('saved')).toHaveText('Saved');
  await review.reload();
  await expect(firstDay).toHaveText('Monday');
  await expect(editorFirst).toHaveAttribute('data-testid', 'day-0');
  await expect(review.getByTestId('table-breaks').locator('tbody tr th').last()).toHaveText('Sunday');
});
