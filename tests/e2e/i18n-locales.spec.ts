/**
 * The extension in each new language (issue #17), in Chromium: the welcome page, the options,
 * the popup and a break page show that catalogue's texts (read from the files on disk, as
 * tests/e2e/i18n.spec.ts does), Intl follows the locale (weekday names, the clock), a plural
 * message takes the form CLDR gives its count, and no text of the popup or the options is
 * clipped or runs out of its box. Started as i18n.spec.ts explains: `--lang=<loc>` plus
 * Playwright's `locale`.
 *
 * The languages: LOCALES, those of them whose folder exists (so each runs once it has landed);
 * I18N_LOCALES=de,es overrides the list (e.g. to prove the spec against German).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { titleKey } from '../../content/keys';
import { ROUTINES } from '../../content/routines';
import { needsScreening } from '../../content/screening';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { setSettings } from './support/ext';
import { expect, launch, serviceWorker, test } from './support/fixtures';
import { BreakPage, OptionsPage, PopupPage, openedWelcome } from './support/pages';
import { shot } from './support/shots';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/** The locales this spec runs in, where their catalogue exists. */
export const LOCALES = ['es', 'fr', 'ja'];
const DIR = path.resolve(process.cwd(), 'public/_locales');
const wanted = (process.env.I18N_LOCALES?.split(',') ?? LOCALES).filter((l) => existsSync(path.join(DIR, l, 'messages.json')));

type Catalogue = Record<string, { message: string }>;
const read = (l: string) => JSON.parse(readFileSync(path.join(DIR, l, 'messages.json'), 'utf8')) as Catalogue;
const en = read('en');

/** Text elements of a page whose content is wider than their box, and whether the page scrolls sideways. */
async function overflow(page: Page): Promise<{ sideways: boolean; clipped: string[] }> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('h1, h2, h3, p, label, button, legend, summary, th, td, li, a, .stat-label, .tile-label')) {
      const cs = getComputedStyle(el);
      if (cs.display === 'inline' || el.clientWidth === 0 || el.closest('.visually-hidden, .table-wrap')) continue;
      if (el.scrollWidth > el.clientWidth + 1) clipped.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const root = document.scrollingElement!;
    // What sticks out to the right, when the page scrolls sideways (the deepest such elements).
    const out = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > root.clientWidth + 1 && ![...el.children].some((k) => k.getBoundingClientRect().right > root.clientWidth + 1));
    const sideways = root.scrollWidth > root.clientWidth + 1;
    return { sideways, clipped: [...clipped, ...(sideways ? out.slice(0, 5).map((el) => `sticks out: ${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`) : [])] };
  });
}

for (const loc of wanted) {
  const c = read(loc);
  const lang = loc.replace('_', '-');
  /** The catalogue's text for `key`, $n filled in, after making sure it is not the English one. */
  const text = (key: string, ...subs: Array<string | number>) => {
    const m = c[key]?.message;
    expect(m, `${loc} text for ${key}`).toBeTruthy();
    if (loc !== 'en') expect(m, `${loc} ${key} is translated`).not.toBe(en[key]?.message);
    return m!.replace(/\$([1-9])/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  };

  test(`${loc}: welcome, options, popup and break page in the language, Intl in the locale, a plural in its form, nothing clipped`, async ({ profileDir }) => {
    test.setTimeout(120_000);
    const context = await launch(profileDir, [`--lang=${lang}`], { locale: lang });
    try {
      const extensionId = new URL((await serviceWorker(context)).url()).host;
      const welcome = await openedWelcome(context);
      await expect(welcome.getByRole('heading', { level: 1 })).toHaveText(text('welcomeTitle'));
      await welcome.close();

      // Options: the catalogue's words; Intl's name for the locale's first weekday (an outside
      // reference: Node's own Intl for the same locale).
      const options = await OptionsPage.open(context, extensionId);
      const page = options.page;
      await expect(page).toHaveTitle(text('optionsTitle'));
      expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${loc.split('_')[0]}\\b`));
      const firstDay = ((new Intl.Locale(lang) as Intl.Locale & { getWeekInfo?: () => { firstDay: number } }).getWeekInfo?.().firstDay ?? 1) % 7; // 1 = Monday ... 7 = Sunday
      const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + firstDay)); // 2024-01-07 was a Sunday
      await expect(page.getByTestId('week-start').locator('option[value="locale"]')).toHaveText(text('weekStartLocale', weekday));

      // A plural message: the own-routine name's limit (60 characters) in the form CLDR gives 60.
      const section = page.getByTestId('own-routines');
      await section.getByTestId('own-add').click();
      await section.locator('#own-name').fill('x'.repeat(61));
      await section.locator('#own-name').press('Enter');
      const category = new Intl.PluralRules(lang).select(60);
      const form = ['one', 'few', 'many'].includes(category) ? category : 'other';
      await expect(section.getByTestId('own-name-error')).toHaveText(text(`ownErrTooLong_${form}`, new Intl.NumberFormat(lang).format(60)));
      await page.reload();
      await page.setViewportSize({ width: 900, height: 820 });
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await overflow(page), 'options').toEqual({ sideways: false, clipped: [] });

      // Popup at its fixed width: the words, the clock as the locale writes it, nothing clipped.
      const popup = await PopupPage.open(context, extensionId);
      await popup.page.setViewportSize({ width: 340, height: 600 });
      await expect(popup.breakNow).toHaveText(text('actionBreakNow'));
      // "Options" is also the French word: the catalogue's own text, whatever it is (whether a
      // catalogue left English behind is lib/i18n-english.test.ts's question, with its allowlist).
      await expect(popup.page.getByTestId('open-options')).toHaveText(c['actionOptions']!.message);
      await expect(popup.nextWhy).toBeVisible();
      const h12 = new Intl.DateTimeFormat(lang, { hour: 'numeric' }).resolvedOptions().hour12;
      const periods = new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true }).formatToParts(Date.UTC(2024, 0, 1, 15)).filter((p) => p.type === 'dayPeriod').map((p) => p.value);
      const why = (await popup.nextWhy.textContent()) ?? '';
      expect(why).toMatch(/\d:\d\d/);
      if (!h12) for (const p of periods) expect(why, `${loc} writes a 24-hour clock`).not.toContain(p);
      await popup.page.waitForTimeout(300);
      expect(await overflow(popup.page), 'popup').toEqual({ sideways: false, clipped: [] });

      // Break page: the routine and the controls in the language.
      await popup.breakNow.click();
      const brk = await BreakPage.waitFor(context);
      await brk.page.setViewportSize({ width: 460, height: 760 });
      await expect(brk.page).toHaveTitle(text('breakTitle'));
      await expect(brk.title).toHaveText(text(titleKey({ id: await brk.routineId() })));
      await expect(brk.done).toHaveText(text('actionDone'));
      await expect(brk.disclaimer).toHaveText(text('disclaimer'));
      await shot(brk.page, { path: `test-results/i18n-${loc}-break.png` });
    } finally {
      await context.close();
    }
  });
}

test('the list of languages is named in one place and runs what exists', () => {
  expect(LOCALES.length).toBeGreaterThanOrEqual(3);
  expect(wanted.every((l) => existsSync(path.join(DIR, l, 'messages.json')))).toBe(true);
});

/** How many lines each text node directly inside the matched elements takes, by element (distinct tops of its line boxes). */
async function lineCounts(page: Page, selector: string): Promise<Array<{ text: string; lines: number }>> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const tops = new Set<number>();
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return { text: (el.textContent ?? '').trim(), lines: tops.size };
    }),
  );
}

// The popup's pause choices, two to a row in the popup's 340 px: a label of a few words ("For 30
// minutes", "Jusqu'à demain") on one line, and the odd last choice ("Until I resume", "Do
// wznowienia") across the row instead of wrapping in half of it beside an empty half.
for (const loc of ['en', 'fr', 'it', 'pl']) {
  test(`${loc}: the popup's pause choices keep their words on one line; the odd last one takes the whole row`, async ({ profileDir }) => {
    const lang = loc.replace('_', '-');
    const context = await launch(profileDir, [`--lang=${lang}`], { locale: lang });
    try {
      const extensionId = new URL((await serviceWorker(context)).url()).host;
      const popup = await PopupPage.open(context, extensionId);
      await popup.page.setViewportSize({ width: 340, height: 700 });
      await popup.page.getByTestId('pause-menu').click();
      await expect(popup.page.getByTestId('pause-tomorrow-end')).toBeVisible();
      const choices = popup.page.locator('#pause-choices button');
      await expect(choices).toHaveCount(5);
      expect((await lineCounts(popup.page, '#pause-choices button')).filter((c) => c.lines !== 1)).toEqual([]);
      const row = (await popup.page.locator('#pause-choices').boundingBox())!;
      const last = (await choices.last().boundingBox())!;
      expect(Math.round(last.width)).toBe(Math.round(row.width));
      await shot(popup.page, { path: test.info().outputPath(`pause-menu-${loc}.png`) });
    } finally {
      await context.close();
    }
  });
}

// The options' keyboard shortcuts in a 400 px window: a shortcut left unset reads "Not set" beside
// its command's name; a long name ("Sospendi o riattiva i promemoria") wraps, and the value stays
// on one line ("Non / impostata" split in two, ragged beside it).
for (const loc of ['it', 'pl', 'fr']) {
  test(`${loc}: an unset keyboard shortcut's "not set" stays on one line at 400 px`, async ({ profileDir }) => {
    const lang = loc.replace('_', '-');
    const context = await launch(profileDir, [`--lang=${lang}`], { locale: lang });
    try {
      const extensionId = new URL((await serviceWorker(context)).url()).host;
      const { page } = await OptionsPage.open(context, extensionId);
      await page.setViewportSize({ width: 400, height: 820 });
      // Each value ("not set" here: Chromium leaves a loaded build's suggested keys unassigned) on one line.
      await expect(page.locator('.shortcut dd > *')).toHaveCount(2);
      expect((await lineCounts(page, '.shortcut dd > *')).filter((c) => c.lines !== 1)).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

// Japanese has no spaces: left to itself, the browser breaks its lines between any two
// characters, splitting words (今日の休/憩 under the popup's ring, （15秒以/上） in the options).
// Lines break between phrases instead; a word is split only where it is wider than its box.
test('ja: lines break between phrases, not inside a word (popup, options)', async ({ profileDir }) => {
  const context = await launch(profileDir, ['--lang=ja'], { locale: 'ja' });
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    /** The words (Intl.Segmenter's) of each matched element that begin on one line and end on another. */
    const splitWords = (page: Page, selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.flatMap((el) => {
          const split: string[] = [];
          const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (!node) return [];
          const text = node.textContent!;
          const box = el.getBoundingClientRect().width;
          for (const { segment, index, isWordLike } of new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)) {
            if (!isWordLike || segment.length < 2) continue;
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + segment.length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const width = rects.reduce((w, r) => w + r.width, 0);
            if (new Set(rects.map((r) => Math.round(r.top))).size > 1 && width < box) split.push(segment);
          }
          return split;
        }),
      );
    const popup = await PopupPage.open(context, extensionId);
    await popup.page.setViewportSize({ width: 340, height: 600 });
    await expect(popup.todayCount).toBeVisible();
    await popup.page.waitForTimeout(300);
    expect(await splitWords(popup.page, '.stat-label'), 'popup').toEqual([]);
    // The check itself sees a split word here once lines may break anywhere (without a Japanese
    // font, glyph boxes of one width would let it pass whatever the rule: setup installs one).
    const anywhere = await popup.page.addStyleTag({ content: ':lang(ja) .stat-label { word-break: normal !important; }' });
    expect((await splitWords(popup.page, '.stat-label')).length, 'lines that may break anywhere split a word (the check can fail)').toBeGreaterThan(0);
    await anywhere.evaluate((el) => (el as Element).remove());
    const options = await OptionsPage.open(context, extensionId);
    await options.page.setViewportSize({ width: 900, height: 820 });
    expect(await splitWords(options.page, '#idleSec-hint, #stretch\\.lengthMin-hint'), 'options').toEqual([]);
  } finally {
    await context.close();
  }
});

// Strict mode, the last step reached early (Next): the break's time left on a second ring, "seen
// beside the step's own ring" (Player.tsx), its caption under it. Both rings on one row in the
// window's 460 px and in 360 px (at 200% zoom, 230 px, one under the other), none past the window's edge, and the ring centred over its
// caption (a caption wider than the ring, "Tiempo restante de este descanso", had pushed it onto
// a row of its own under the step's ring, and the ring to the caption's left end).
for (const loc of ['en', 'es']) {
  test(`${loc}: strict mode's last step shows the break's ring beside the step's, over its caption (460 and 360 px; under it at 230 px)`, async ({ profileDir }) => {
    const lang = loc.replace('_', '-');
    const context = await launch(profileDir, [`--lang=${lang}`], { locale: lang });
    try {
      const extensionId = new URL((await serviceWorker(context)).url()).host;
      const { page: control } = await OptionsPage.open(context, extensionId);
      const routine = ROUTINES.find((r) => r.id === 'upper-back-stretch')!;
      const excluded = ROUTINES.filter((r) => r.kind === 'stretch' && r.id !== routine.id).map((r) => r.id);
      await setSettings(control, { strict: true, stretch: { enabled: true, everySec: 3600, lengthSec: 60 }, routines: { ...DEFAULT_SETTINGS.routines, excluded } });
      await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start', kind: 'stretch' }));
      const brk = await BreakPage.waitFor(context);
      await expect(brk.title).toBeVisible();
      expect(await brk.routineId()).toBe(routine.id);
      for (let i = 1; i < routine.steps.length; i++) await brk.page.keyboard.press('ArrowRight');
      const left = brk.page.locator('.break-left');
      await expect(left).toBeVisible();
      for (const width of [460, 360]) {
        await brk.page.setViewportSize({ width, height: 700 });
        const boxes = await brk.page.evaluate(() => {
          const box = (el: Element | null) => {
            const r = el!.getBoundingClientRect();
            return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), centre: Math.round((r.left + r.right) / 2) };
          };
          const [step, brk] = [...document.querySelectorAll('.stage .ring')];
          return { step: box(step!), break: box(brk!), caption: box(document.querySelector('.break-left p')), view: document.documentElement.clientWidth };
        });
        expect(boxes.break.top, `${width} px: the rings on one row`).toBe(boxes.step.top);
        expect(boxes.step.right, `${width} px: the rings apart`).toBeLessThan(boxes.break.left);
        expect(Math.max(boxes.break.right, boxes.caption.right), `${width} px: inside the window`).toBeLessThanOrEqual(boxes.view);
        expect(Math.abs(boxes.break.centre - boxes.caption.centre), `${width} px: the ring over its caption`).toBeLessThanOrEqual(1);
        await shot(brk.page, { path: test.info().outputPath(`strict-last-${loc}-${width}.png`), fullPage: true });
      }
      // The window at 200% zoom (230 px): two rings do not fit across; the break's goes under the
      // step's, still centred over its caption, and nothing runs past the window's edge (it was cut off).
      await brk.page.setViewportSize({ width: 230, height: 700 });
      const narrow = await brk.page.evaluate(() => {
        const box = (el: Element | null) => {
          const r = el!.getBoundingClientRect();
          return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom), centre: Math.round((r.left + r.right) / 2) };
        };
        const [step, brk] = [...document.querySelectorAll('.stage .ring')];
        return { step: box(step!), break: box(brk!), caption: box(document.querySelector('.break-left p')), view: document.documentElement.clientWidth, scroll: document.scrollingElement!.scrollWidth };
      });
      expect(narrow.scroll, '230 px: no sideways scrolling').toBeLessThanOrEqual(narrow.view);
      expect(narrow.break.top, '230 px: the break\'s ring under the step\'s').toBeGreaterThanOrEqual(narrow.step.bottom);
      expect(Math.max(narrow.break.right, narrow.caption.right), '230 px: inside the window').toBeLessThanOrEqual(narrow.view);
      expect(Math.abs(narrow.break.centre - narrow.caption.centre), '230 px: the ring over its caption').toBeLessThanOrEqual(1);
      expect(Math.abs(narrow.break.centre - narrow.step.centre), '230 px: the rings centred one over the other').toBeLessThanOrEqual(1);
      await shot(brk.page, { path: test.info().outputPath(`strict-last-${loc}-230.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });
}

// The options' leave-out list in a narrower window: a routine's title too long for the rest of its
// line (Spanish and Italian titles run to 63 characters) wraps beside its checkbox, not on lines of
// its own under a checkbox left alone above it.
for (const loc of ['es', 'it']) {
  test(`${loc}: the leave-out list keeps each checkbox beside its title (640 and 480 px)`, async ({ profileDir }) => {
    const lang = loc.replace('_', '-');
    const context = await launch(profileDir, [`--lang=${lang}`], { locale: lang });
    try {
      const extensionId = new URL((await serviceWorker(context)).url()).host;
      const { page } = await OptionsPage.open(context, extensionId);
      await expect(page.locator('.routine-line').first()).toBeVisible();
      for (const width of [640, 480]) {
        await page.setViewportSize({ width, height: 820 });
        const apart = await page.locator('.routine-line').evaluateAll((lines) =>
          lines.flatMap((line) => {
            const box = line.querySelector('input')!.getBoundingClientRect();
            const label = line.querySelector('label')!.getBoundingClientRect();
            return label.top >= box.bottom || label.left < box.right ? [(line.textContent ?? '').trim().slice(0, 60)] : [];
          }),
        );
        expect(apart, `${width} px: titles not beside their checkbox`).toEqual([]);
      }
      await shot(page, { path: test.info().outputPath(`leave-out-${loc}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });
}

// The plain break when the routines that fit wait for the safety check put off with "Not now": its
// heading (Die passenden Übungen warten auf den Sicherheitscheck) at 200% zoom (230 px) stayed at
// the large size, its last word wider than the window, and the page scrolled sideways.
test('de: the plain break waiting for the safety check stays inside the window at 200% zoom (230 px)', async ({ profileDir }) => {
  const context = await launch(profileDir, ['--lang=de'], { locale: 'de' });
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    const { page: control } = await OptionsPage.open(context, extensionId);
    const excluded = ROUTINES.filter((r) => !needsScreening(r) || r.kind === 'self-massage').map((r) => r.id);
    await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 300 }, routines: { ...DEFAULT_SETTINGS.routines, excluded } });
    await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start', kind: 'stretch' }));
    const brk = await BreakPage.waitFor(context);
    await brk.safety.notNow.click();
    await expect(brk.page.getByTestId('screen-now')).toBeVisible();
    await brk.page.setViewportSize({ width: 230, height: 700 });
    const sizes = await brk.page.evaluate(() => ({
      view: document.documentElement.clientWidth,
      scroll: document.scrollingElement!.scrollWidth,
      heading: Math.round(document.querySelector('h1')!.getBoundingClientRect().right),
    }));
    expect(sizes.heading, 'the heading inside the window').toBeLessThanOrEqual(sizes.view);
    expect(sizes.scroll, 'no sideways scrolling').toBeLessThanOrEqual(sizes.view);
    await shot(brk.page, { path: test.info().outputPath('free-screen-later-de-230.png'), fullPage: true });
  } finally {
    await context.close();
  }
});
