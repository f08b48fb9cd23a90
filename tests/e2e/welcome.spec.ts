import AxeBuilder from '@axe-core/playwright';
import { settled } from './support/player';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launch, test } from './support/fixtures';
import { sendMessage, storageGet } from './support/ext';
import { exportJson } from './support/data';
import { OptionsPage, openedPage, openedWelcome } from './support/pages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { shot } from './support/shots';

declare const chrome: { storage: Record<'local' | 'sync', { get(k: string): Promise<Record<string, unknown>> }> };

async function welcomePage(context: BrowserContext): Promise<Page> {
  const page = await openedWelcome(context);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

test('a fresh install opens the welcome page; finishing it with the keyboard stores schedule and preset', async ({ context, extensionId }) => {
  const page = await welcomePage(context);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Limber');
  await expect(page.getByTestId('schedule-preview')).toHaveText(/Mon–Fri/);
  // Keyboard only: from the page top, Tab to the presets, pick "Gentle" with the arrow keys.
  await page.getByTestId('preset-balanced').focus();
  await expect(page.getByTestId('preset-balanced')).toBeChecked(); // the defaults are "balanced"
  await page.keyboard.press('ArrowLeft'); // radio groups wrap: balanced -> gentle
  await expect(page.getByTestId('preset-gentle')).toBeChecked();
  // Make Saturday a working day too (Space on its checkbox).
  await page.getByTestId('day-5').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('schedule-preview')).toHaveText(/Mon–Sat/);
  // Tab on to Done and press Enter.
  await page.getByTestId('welcome-wait').focus();
  for (let i = 0; i < 10 && !(await page.getByTestId('welcome-done').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(page.getByTestId('welcome-done')).toBeFocused();
  const closed = page.waitForEvent('close');
  // Enter activates the button on key down, and the page closes at once: a whole press would then
  // fail on its key up (under load, "Target page ... has been closed").
  await page.keyboard.down('Enter');
  await closed;

  // Read it back through the options page.
  const options = await OptionsPage.open(context, extensionId);
  await expect(options.page.getByTestId('schedule-enabled')).toBeChecked();
  await expect(options.page.getByTestId('schedule-preview')).toHaveText(/Mon–Sat/);
  await expect(options.field('stretch.everyMin')).toHaveValue('60');
  await expect(options.page.getByTestId('micro-enabled')).not.toBeChecked();
});

test('a choice saved just before a day is ticked does not untick it when its save comes back', async ({ context }) => {
  const page = await welcomePage(context);
  await expect(page.getByTestId('schedule-preview')).toHaveText(/Mon–Fri/);
  // Every save from this page takes 400 ms: the preset's save comes back after Saturday is ticked,
  // carrying the week as it was.
  await page.evaluate(() => {
    const areas = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync', { set(i: object): Promise<void> }> } }).chrome.storage;
    for (const area of [areas.local, areas.sync]) {
      const set = area.set.bind(area);
      area.set = (items: object) => new Promise((ok) => setTimeout(ok, 400)).then(() => set(items));
    }
  });
  await page.getByTestId('preset-balanced').focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByTestId('day-5').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('schedule-preview')).toHaveText(/Mon–Sat/);
  await page.waitForTimeout(1500); // both saves back
  await expect(page.getByTestId('schedule-preview')).toHaveText(/Mon–Sat/);
  await expect(page.getByTestId('day-5')).toBeChecked();
});

test('"I\'ll wait" says when the first reminder comes, and puts the working hours it was worked out in into force', async ({ context, control }) => {
  const page = await welcomePage(context);
  await page.getByTestId('welcome-wait').click();
  await expect(page.getByTestId('welcome-first-at')).toContainText('Your first reminder: around');
  // The tab closed now, without Done: the hours shown are the ones in force.
  await expect.poll(async () => (JSON.parse(await exportJson(control)) as { settings: Settings }).settings.schedule.enabled).toBe(true);
});

test('skipping straight away keeps the defaults', async ({ context, control }) => {
  const page = await welcomePage(context);
  const closed = page.waitForEvent('close');
  // Skip closes the page: the click may see its page close under it; that it closed is the check.
  await page.getByTestId('welcome-skip').click({ noWaitAfter: true }).catch((e: Error) => {
    if (!/closed/.test(e.message)) throw e;
  });
  await closed;
  // The settings in force (what an export holds) are the defaults, whichever storage area they
  // were read from; and neither area holds anything else.
  expect((JSON.parse(await exportJson(control)) as { settings: Settings }).settings).toEqual(DEFAULT_SETTINGS);
  for (const area of ['local', 'sync'] as const) {
    const stored = await control.evaluate(async (a) => (await chrome.storage[a].get('settings')).settings, area);
    expect([undefined, DEFAULT_SETTINGS], `storage.${area}`).toContainEqual(stored);
  }
});

test("a day off says so level with its name, as a working day's hours are", async ({ context }) => {
  const page = await welcomePage(context);
  await page.setViewportSize({ width: 900, height: 1000 });
  /** The vertical middle of the day's name and of what stands beside it (the hours, or "Day off"). */
  const middles = (day: number) =>
    page.locator('.sched-day').nth(day).evaluate((li) => {
      const mid = (el: Element | null) => {
        const r = el!.getBoundingClientRect();
        return Math.round(r.top + r.height / 2);
      };
      return { name: mid(li.querySelector('.sched-dayname')), beside: mid(li.querySelector('.sched-ranges > .muted, .sched-range')) };
    });
  // en-US weeks start on Sunday: Sunday (a day off) first, Monday (9 to 5:30) next.
  await expect(page.locator('.sched-day').first()).toContainText('Day off');
  const working = await middles(1);
  expect(Math.abs(working.beside - working.name)).toBeLessThanOrEqual(1);
  const off = await middles(0);
  expect(Math.abs(off.beside - off.name), 'Day off beside Sun').toBeLessThanOrEqual(1);
});

test('the three presets side by side have their names on one line, whatever the length of their descriptions', async ({ context }) => {
  const page = await welcomePage(context);
  await page.setViewportSize({ width: 900, height: 1000 });
  // Gentle's description takes two lines where Balanced's and Focused's take three: its card, as tall
  // as theirs, spread the spare height over its rows, and its name sat 6 px lower than theirs.
  const tops = await page.locator('.preset').evaluateAll((cards) =>
    cards.map((c) => ({ card: Math.round(c.getBoundingClientRect().top), name: Math.round(c.querySelector('.preset-name')!.getBoundingClientRect().top) })),
  );
  expect(new Set(tops.map((t) => t.card)).size, 'the cards in one row').toBe(1);
  expect(new Set(tops.map((t) => t.name)).size, `the names' tops ${tops.map((t) => t.name).join(', ')}`).toBe(1);
});

for (const lang of ['en', 'de', 'pl']) {
  test(`${lang}: the page reflows at 320 px (400 % zoom) with nothing sideways, and every day's box is square`, async ({ profileDir }) => {
    const context = await launch(profileDir, lang === 'en' ? [] : [`--lang=${lang}`], { locale: lang });
    try {
      const page = await welcomePage(context);
      /** How far the page scrolls sideways, and the days whose checkbox is not 18 by 18 px. */
      const look = () =>
        page.evaluate(() => ({
          sideways: document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth,
          squashed: [...document.querySelectorAll<HTMLInputElement>('.sched-dayname input')].filter((i) => Math.round(i.getBoundingClientRect().width) !== 18).map((i) => i.parentElement!.textContent),
        }));
      // The heading, the intro and "Skip setup" side by side took 392 px in German (341 in Polish).
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await look()).toEqual({ sideways: 0, squashed: [] });
      // A range's remove button on its range's row: at 360 px the "✕" sat alone on a line under the two
      // time fields. At 360 px the range is one row; narrower, the "to" field keeps the ✕ beside it.
      for (const width of [360, 320]) {
        await page.setViewportSize({ width, height: 800 });
        const rows = await page.locator('.sched-range').evaluateAll((ranges, width) =>
          ranges.map((r) => {
            const [from, to] = [...r.querySelectorAll('input')].map((i) => i.getBoundingClientRect());
            const x = r.querySelector('.sched-remove')!.getBoundingClientRect();
            const mid = (x.top + x.bottom) / 2;
            // The ✕ level with the "to" field; at 360 px the "from" field too.
            return mid > to!.top && mid < to!.bottom && (width < 360 || Math.round(from!.top) === Math.round(to!.top));
          }),
          width,
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(rows, `each range's row at ${width} px`).not.toContain(false);
      }
      // Polish Sunday, "niedz.", squeezed its checkbox to 14 px wide in the day-name column.
      await page.setViewportSize({ width: 900, height: 1000 });
      expect(await look()).toEqual({ sideways: 0, squashed: [] });
    } finally {
      await context.close();
    }
  });
}

test('"try one now" starts a short guided break', async ({ context }) => {
  const page = await welcomePage(context);
  const opened = openedPage(context, (url) => url.includes('/break.html'));
  await page.getByTestId('welcome-try').click();
  const brk = await opened;
  await expect(brk.getByTestId('routine-title')).not.toBeEmpty();
  await expect(brk.getByTestId('step-index')).toHaveText(/Step 1 of/);
});

test('the try is the break the chosen preset gives: a posture check, or with Gentle (none) a stretch break', async ({ context, control }) => {
  const page = await welcomePage(context);
  const kindOpened = async () => (await storageGet<{ phase: { name: string; brk?: { kind: string } } }>(control, 'tracker'))?.phase;
  await expect(page.getByTestId('welcome-try')).toHaveText('Try a posture check now');
  await page.getByTestId('preset-gentle').check();
  await expect(page.getByTestId('welcome-try')).toHaveText('Try a stretch break now');
  const opened = openedPage(context, (url) => url.includes('/break.html'));
  await page.getByTestId('welcome-try').click();
  await opened;
  await expect.poll(kindOpened).toMatchObject({ name: 'onBreak', brk: { kind: 'stretch' } });
});

test('a browser restart does not open the welcome page again', async ({ profileDir }) => {
  let context = await launch(profileDir);
  const first = await welcomePage(context);
  // Setup finished (the tab closes, possibly under the click).
  await first.getByTestId('welcome-skip').click({ noWaitAfter: true }).catch((e: Error) => {
    if (!/closed/.test(e.message)) throw e;
  });
  await context.waitForEvent('page', { predicate: () => false, timeout: 1000 }).catch(() => undefined);
  await context.close();
  context = await launch(profileDir);
  const page = await context.newPage();
  // The extension is running (its pages answer), and no welcome page opened.
  const id = new URL((context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))).url()).host;
  await page.goto(`chrome-extension://${id}/options.html`);
  expect(await sendMessage(page, { type: 'status/get' })).toMatchObject({ ok: true });
  await page.waitForTimeout(2000);
  expect(context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(0);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`welcome page: axe finds no violations (${colorScheme}); screenshot`, async ({ profileDir }) => {
    const context = await launch(profileDir, [], { colorScheme });
    const page = await welcomePage(context);
    await page.setViewportSize({ width: 900, height: 1000 });
    await settled(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // For looking at, in the test's output folder; `npm run screenshots` refreshes docs/.
    await shot(page, { path: test.info().outputPath(`welcome-${colorScheme}.png`), fullPage: true });
    await context.close();
  });
}
