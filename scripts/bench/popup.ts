/**
 * The popup's first render in headless Chromium with the production build, measured in the page
 * (no automation overhead), against a blank extension page opened in the same run (issue #16:
 * the popup's first meaningful paint at most 1.25x the blank page's first paint):
 *   - the floor: a blank extension page (tiny HTML with one line of text, no JS) added to a copy
 *     of the build: navigation start to its first paint. What this machine's Chromium takes
 *     before any extension code could show anything;
 *   - the popup: navigation start to its first meaningful paint, the first frame in which the
 *     next break (the countdown, or why there is none, or the due break) and today's count are
 *     both on screen, with text. Taken from the Element Timing API: the harness (not the popup)
 *     tags those elements as they get their text, and the browser reports when they were first
 *     painted;
 *   - the ratio of the two medians, per series: an empty history, 1 year and 5 years
 *     (scripts/demo-history.ts, imported as a user's backup would be), each with the service
 *     worker awake and stopped with no extension page open (the usual case: the worker stops
 *     after ~30 s idle). Blank and popup opens alternate within a series, so both see the same
 *     load on a shared machine; OPENS of each after two warm-up pairs;
 *   - never stale: what the first frame showed (the next break's line, today's count) is
 *     compared with what the popup shows once the background's own answer is in;
 *   - where the time goes: the popup's marks (first frame drawn from the snapshot, modules
 *     running, Preact rendered).
 *
 * Used by scripts/bench/main.ts; also runs alone:  LIMBER_OUT=/tmp/out npx tsx scripts/bench/popup.ts
 * Skipped when there is no build or no Chromium (BENCH_BROWSER=0 skips it too).
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SNAPSHOT_KEY } from '../../lib/snapshot-usable';
import { demoHistory } from '../demo-history';
import { seedHistory } from '../seed-history';
import { chromiumArgs, stopServiceWorkers } from '../chromium-args';
import { median, runAlone, spread, type AddRow } from './table';

/** Issue #5's absolute figure (navigation start to the first meaningful paint); shown for information. */
export const TARGET_MS = 50;
/** Target from issue #16: the popup's first meaningful paint / a blank extension page's first paint, medians, same run. */
export const RATIO_TARGET = 1.25;
const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 15);

interface Open {
  dcl: number;
  fcp: number;
  /** First frame with the next break and today's count drawn (NaN if never). */
  meaningful: number;
  /** The popup's marks (NaN on a page without them). */
  firstFrame: number;
  main: number;
  rendered: number;
  /** What the first frame showed and what the popup showed once the background had answered ('' on the blank page). */
  firstShown: string;
  freshShown: string;
}

/**
 * Runs in every page before its own scripts. Tags the elements that make the first render
 * meaningful with `elementtiming` once they have text (before they can be painted), keeps the
 * text they had then, and collects their first render times. A string: tsx would add helpers to
 * a function that the page lacks.
 */
const HARNESS = `(() => {
  const bench = (globalThis.__bench = { element: {}, first: {} });
  const tags = [
    ['[data-testid="countdown"], [data-testid="next-why"], .next.due h2', 'next'],
    ['[data-testid="today-count"], [data-testid="history-off"]', 'today'],
  ];
  // What is compared with the answer: the next break's line (not the countdown, which ticks) and today's count.
  const shown = [['[data-testid="next-why"], .next.due h2', 'why'], ['[data-testid="today-count"], [data-testid="history-off"]', 'count']];
  new MutationObserver(() => {
    for (const [sel, id] of tags) for (const el of document.querySelectorAll(sel)) if (!el.hasAttribute('elementtiming') && el.textContent.trim()) el.setAttribute('elementtiming', id);
    for (const [sel, id] of shown) { const el = document.querySelector(sel); if (bench.first[id] === undefined && el && el.textContent.trim()) bench.first[id] = el.textContent.trim(); }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const t = e.renderTime || e.loadTime || e.startTime;
      const prev = bench.element[e.identifier];
      if (prev === undefined || t < prev) bench.element[e.identifier] = t;
    }
  }).observe({ type: 'element', buffered: true });
})();`;

/** Reads one open's figures in the page (a string, as HARNESS). */
const READ = `(() => {
  const b = globalThis.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
  const text = (sel) => document.querySelector(sel)?.textContent?.trim() ?? '';
  const fresh = [text('[data-testid="next-why"], .next.due h2'), text('[data-testid="today-count"], [data-testid="history-off"]')].join(' | ');
  const { next, today } = b.element;
  return {
    dcl: nav.domContentLoadedEventEnd,
    fcp: mark('first-contentful-paint'),
    meaningful: next === undefined || today === undefined ? NaN : Math.max(next, today),
    firstFrame: mark('limber:first-frame'),
    main: mark('limber:main'),
    rendered: mark('limber:rendered'),
    firstShown: b.first.why === undefined && b.first.count === undefined ? '' : (b.first.why ?? '') + ' | ' + (b.first.count ?? ''),
    freshShown: fresh === ' | ' ? '' : fresh,
  };
})()`;

async function measure(page: Page, meaningful: boolean): Promise<Open> {
  await page.waitForFunction(
    (m) => {
      const b = (globalThis as unknown as { __bench?: { element: Record<string, number> } }).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const painted = performance.getEntriesByName('first-contentful-paint').length > 0;
      const fresh = !m || document.querySelector('main[data-source="fresh"]') !== null;
      return !!nav && nav.domContentLoadedEventEnd > 0 && painted && fresh && (!m || (b?.element.next !== undefined && b.element.today !== undefined));
    },
    meaningful,
    { timeout: 10_000 },
  );
  return (await page.evaluate(READ)) as Open;
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

/**
 * Adds bench-script.html to a copy made by copyWithBlankPage: the least any first frame drawn from
 * the snapshot can take. One classic script in its head (bench-script.js) reads the snapshot from
 * storage.session, as the popup's early script does, and writes one line of text from it; no
 * styles, no framework. Its path.
 */
function copyWithScriptPage(dest: string): string {
  writeFileSync(path.join(dest, 'bench-script.html'), '<!doctype html><html><head><meta charset="utf-8"><title>script</title><script src="/bench-script.js"></script></head><body></body></html>\n');
  writeFileSync(
    path.join(dest, 'bench-script.js'),
    `chrome.storage.session.get(${JSON.stringify(SNAPSHOT_KEY)}).then((r) => {
  const s = r[${JSON.stringify(SNAPSHOT_KEY)}];
  const go = () => {
    const p = document.createElement('p');
    p.textContent = 'Limber ' + (s ? new Date(s.data.validUntil).toLocaleTimeString() : '');
    document.body.append(p);
  };
  if (document.body) go();
  else document.addEventListener('readystatechange', go, { once: true });
});
`,
  );
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
  const ext = copyWithScriptPage(copyWithBlankPage(extDir, path.join(work, 'ext')));
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
    /**
     * One series: blank page and popup opened in turn (which goes first alternates), so that both
     * see the same load. Two warm-up pairs first: the first loads of the files (V8 caches a
     * script's compiled code only once it has been loaded more than once), the first wake.
     */
    const series = async (worker: 'awake' | 'stopped') => {
      const opened = { blank: [] as Open[], script: [] as Open[], popup: [] as Open[] };
      const file = { blank: 'bench-blank.html', script: 'bench-script.html', popup: 'popup.html' };
      const order = ['popup', 'blank', 'script'] as const;
      for (let i = 0; i < OPENS + 2; i++) {
        // Each page goes first, second and third in turn.
        for (let k = 0; k < order.length; k++) {
          const which = order[(i + k) % order.length]!;
          const o = await open(file[which], worker, which === 'popup');
          if (i >= 2) opened[which].push(o);
        }
      }
      return opened;
    };

    const state = { awake: 'worker awake', stopped: 'worker stopped, no extension page open' };
    const stale: string[] = [];
    let compared = 0;
    for (const years of [0, 1, 5]) {
      let rows = 0;
      {
        const setup = await context.newPage();
        setup.setDefaultTimeout(180_000); // the import of 5 years, on a machine that may be busy
        await setup.goto(`chrome-extension://${id}/options.html`);
        const timeZone = await setup.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        const history = years ? demoHistory({ now: Date.now(), timeZone, days: 365 * years }) : [];
        rows = history.length;
        await seedHistory(setup, history);
        await setup.close();
      }
      const label = years ? `${years} year${years > 1 ? 's' : ''} (${rows} breaks)` : 'empty history';
      for (const w of ['awake', 'stopped'] as const) {
        const { blank, script, popup } = await series(w);
        const m = median(popup.map((o) => o.meaningful));
        const floor = median(blank.map((o) => o.fcp));
        const ratio = m / floor;
        console.error(`popup bench: ${label}, ${w}: ${ratio.toFixed(2)}x (${m.toFixed(0)} / ${floor.toFixed(0)} ms)`); // progress, as each series ends
        add(
          'popup',
          `${label}, ${state[w]}: first meaningful paint (next break + today's count on screen) / a blank extension page's first paint, medians of ${OPENS} interleaved opens each`,
          `${ratio.toFixed(2)}x (${m.toFixed(0)} / ${floor.toFixed(0)} ms)`,
          `<= ${RATIO_TARGET}x (issue #16)`,
          ratio <= RATIO_TARGET,
        );
        add('popup', `  popup: navigation start to first meaningful paint / blank page: to first paint`, `${spread(popup.map((o) => o.meaningful))} / ${spread(blank.map((o) => o.fcp))}`);
        const least = median(script.map((o) => o.fcp));
        add('popup', `  the least a frame drawn by script takes: a page whose one classic script reads the snapshot and writes one line (no styles, no framework), to its first paint`, `${spread(script.map((o) => o.fcp))}: ${(least / floor).toFixed(2)}x the blank page`);
        const part = (f: (o: Open) => number) => (Number.isFinite(median(popup.map(f))) ? median(popup.map(f)).toFixed(0) : '-');
        add('popup', `  popup medians: first frame drawn from the snapshot / modules running / Preact rendered / DOMContentLoaded / first paint`, `${part((o) => o.firstFrame)} / ${part((o) => o.main)} / ${part((o) => o.rendered)} / ${part((o) => o.dcl)} / ${part((o) => o.fcp)} ms`);
        for (const o of popup) {
          compared++;
          if (o.firstShown !== o.freshShown) stale.push(`${label}, ${w}: first "${o.firstShown}", then "${o.freshShown}"`);
        }
      }
    }
    add('popup', `never stale: the first frame's next-break line and today's count equal the background's answer, in every open`, `${compared - stale.length} of ${compared}${stale.length ? `; ${stale.slice(0, 3).join('; ')}` : ''}`, 'all', stale.length === 0);
  } finally {
    await context.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// Alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(popupBench);
