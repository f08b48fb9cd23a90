/**
 * The popup's first render in headless Chromium with the production build, measured in the page
 * (no automation overhead), median of OPENS opens with min and max:
 *   - the floor: a blank extension page (tiny HTML with one line of text, no JS) added to a copy
 *     of the build: navigation start to DOMContentLoaded and to its first paint. What this
 *     machine's Chromium takes before any extension code could show anything;
 *   - the popup: navigation start to its first meaningful paint, the first frame in which the
 *     next break (the countdown, or why there is none, or the due break) and today's count are
 *     both on screen. Taken from the Element Timing API: the harness (not the popup) tags those
 *     elements as they are inserted, and the browser reports when they were first painted;
 *   - Limber's part: that paint minus the floor's first paint (medians, same worker state), and
 *     where the time goes (the popup's own marks: modules running, data in the DOM);
 * with an empty history, 1 year and 5 years (scripts/demo-history.ts, imported as a user's backup
 * would be), once with the service worker awake and once with it stopped and no extension page
 * open (the usual case: the worker stops after ~30 s idle).
 *
 * Used by scripts/bench.ts; also runs alone:  LIMBER_OUT=/tmp/out npx tsx scripts/bench/popup.ts
 * Skipped when there is no build or no Chromium (BENCH_BROWSER=0 skips it too).
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoHistory } from '../demo-history';
import { seedHistory } from '../seed-history';
import { chromiumArgs, stopServiceWorkers } from '../chromium-args';
import { median, runAlone, spread, type AddRow } from './table';


/** Target from issue #5: navigation start to the first meaningful paint, median. */
export const TARGET_MS = 50;
const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 15);

interface Open {
  dcl: number;
  fcp: number;
  /** First frame with the next break and today's count drawn (NaN if never). */
  meaningful: number;
  /** The popup's marks (NaN on a page without them). */
  main: number;
  rendered: number;
}


/**
 * Runs in every page before its own scripts. Tags the elements that make the first render
 * meaningful with `elementtiming` as they are inserted (before they can be painted) and collects
 * their first render times. A string: tsx would add helpers to a function that the page lacks.
 */
const HARNESS = `(() => {
  const bench = (globalThis.__bench = { element: {} });
  const tags = [
    ['[data-testid="countdown"], [data-testid="next-why"], .next.due h2', 'next'],
    ['[data-testid="today-count"], [data-testid="history-off"]', 'today'],
  ];
  new MutationObserver(() => {
    for (const [sel, id] of tags) for (const el of document.querySelectorAll(sel)) if (!el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', id);
  }).observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const t = e.renderTime || e.loadTime || e.startTime;
      const prev = bench.element[e.identifier];
      if (prev === undefined || t < prev) bench.element[e.identifier] = t;
    }
  }).observe({ type: 'element', buffered: true });
})();`;

async function measure(page: Page, meaningful: boolean): Promise<Open> {
  await page.waitForFunction(
    (m) => {
      const b = (globalThis as unknown as { __bench?: { element: Record<string, number> } }).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const painted = performance.getEntriesByName('first-contentful-paint').length > 0;
      return !!nav && nav.domContentLoadedEventEnd > 0 && painted && (!m || (b?.element.next !== undefined && b.element.today !== undefined));
    },
    meaningful,
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: { element: Record<string, number> } }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const next = b.element.next;
    const today = b.element.today;
    return {
      dcl: nav.domContentLoadedEventEnd,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      meaningful: next === undefined || today === undefined ? NaN : Math.max(next, today),
      main: performance.getEntriesByName('limber:main')[0]?.startTime ?? NaN,
      rendered: performance.getEntriesByName('limber:rendered')[0]?.startTime ?? NaN,
    };
  });
}

/**
 * A copy of the build at `dest` with a blank page added (bench-blank.html: tiny HTML, one line of
 * text, no JS); the build itself is left alone. Its path.
 */
export function copyWithBlankPage(extDir: string, dest: string): string {
  cpSync(extDir, dest, { recursive: true });
  writeFileSync(path.join(dest, 'bench-blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p>Limber</p></body></html>\n');
  return dest;
}

/** Adds the popup rows. `extDir`: a production Chrome build (…/chrome-mv3). */
export async function popupBench(add: AddRow, extDir = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3')): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (process.env.BENCH_BROWSER === '0' || !existsSync(path.join(extDir, 'manifest.json')) || !existsSync(chromiumPath)) {
    add('popup', `first render in Chromium: skipped (${process.env.BENCH_BROWSER === '0' ? 'BENCH_BROWSER=0' : 'no build or no Chromium'})`, '-');
    return;
  }
  const { chromium } = await import('@playwright/test');
  // A copy of the build with a blank page added (the floor); the build itself is left alone.
  const work = mkdtempSync(path.join(tmpdir(), 'limber-bench-'));
  const ext = copyWithBlankPage(extDir, path.join(work, 'ext'));
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 340, height: 600 },
    args: chromiumArgs(ext),
  });
  try {
    await context.addInitScript({ content: HARNESS });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    // CDP (stopping the worker) goes through a page that is not the extension's.
    const cdpPage = context.pages()[0] ?? (await context.newPage());

    const open = async (file: string, worker: 'awake' | 'stopped', meaningful: boolean): Promise<Open> => {
      if (worker === 'stopped') {
        await stopServiceWorkers(context, cdpPage);
        await cdpPage.waitForTimeout(300);
      }
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${id}/${file}`);
        return await measure(page, meaningful);
      } finally {
        await page.close();
      }
    };
    const series = async (file: string, worker: 'awake' | 'stopped', meaningful: boolean): Promise<Open[]> => {
      // Warm-up: the first loads of the files (V8 caches a script's compiled code only once it
      // has been loaded more than once), the first wake. Two, so that the first series is not
      // measured colder than the rest.
      for (let i = 0; i < 2; i++) await open(file, worker, meaningful);
      const out: Open[] = [];
      for (let i = 0; i < OPENS; i++) out.push(await open(file, worker, meaningful));
      return out;
    };

    const floor = { awake: await series('bench-blank.html', 'awake', false), stopped: await series('bench-blank.html', 'stopped', false) };
    const state = { awake: 'worker awake', stopped: 'worker stopped, no extension page open' };
    for (const w of ['awake', 'stopped'] as const) {
      add('popup', `floor: blank extension page (tiny HTML, no JS), ${state[w]}: navigation start to DOMContentLoaded / first paint, median (min-max) of ${OPENS}`, `${spread(floor[w].map((o) => o.dcl))} / ${spread(floor[w].map((o) => o.fcp))}`);
    }

    for (const years of [0, 1, 5]) {
      let rows = 0;
      {
        const setup = await context.newPage();
        await setup.goto(`chrome-extension://${id}/options.html`);
        const timeZone = await setup.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        const history = years ? demoHistory({ now: Date.now(), timeZone, days: 365 * years }) : [];
        rows = history.length;
        await seedHistory(setup, history);
        await setup.close();
      }
      const label = years ? `${years} year${years > 1 ? 's' : ''} (${rows} breaks)` : 'empty history';
      for (const w of ['awake', 'stopped'] as const) {
        const xs = await series('popup.html', w, true);
        const m = median(xs.map((o) => o.meaningful));
        add('popup', `${label}, ${state[w]}: navigation start to first meaningful paint (next break + today's count on screen)`, spread(xs.map((o) => o.meaningful)), `<= ${TARGET_MS} ms (issue #5, from navigation start)`, m <= TARGET_MS);
        const own = m - median(floor[w].map((o) => o.fcp));
        add('popup', `  Limber's part: that paint minus the blank page's first paint (medians)`, `${own.toFixed(0)} ms`, `<= ${TARGET_MS} ms (issue #5's figure, Limber's part only)`, own <= TARGET_MS);
        const part = (f: (o: Open) => number) => (Number.isFinite(median(xs.map(f))) ? median(xs.map(f)).toFixed(0) : '-');
        add('popup', `  medians: DOMContentLoaded / popup modules running / data in the DOM / first paint`, `${part((o) => o.dcl)} / ${part((o) => o.main)} / ${part((o) => o.rendered)} / ${part((o) => o.fcp)} ms`);
      }
    }
  } finally {
    await context.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// Alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(popupBench);
