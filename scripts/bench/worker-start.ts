/**
 * What a start of the background worker costs in headless Chromium with the production build,
 * median of STARTS starts with min and max. Each time the worker is stopped (as Chromium does
 * when it is idle) and woken by a message from an extension page, as an event would wake it; the
 * worker's own marks (entrypoints/background.ts) then say, from the worker's time origin:
 *   - 'limber:main': its script loaded and evaluated (every import), main() called;
 *   - 'limber:listening': every listener registered;
 *   - 'limber:woke': the start's catch-up done (settings, tracker state and activity read, the
 *     tick handled, alarms reconciled, badge and snapshot written).
 * Playwright attaches to each new worker before it runs (to see its marks), which may add a
 * little to the first figure.
 *
 * Used by scripts/bench/main.ts (npm run bench); also runs alone:  LIMBER_OUT=/tmp/out npx tsx scripts/bench/worker-start.ts
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { chromiumArgs, stopServiceWorkers } from '../chromium-args';
import { copyWithBlankPage } from './popup';
import { median, runAlone, spread, type AddRow } from './table';

const STARTS = Number(process.env.BENCH_WORKER_STARTS ?? 15);


interface Marks {
  /** The worker's time origin (epoch ms): tells one start from the next. */
  origin: number;
  main: number;
  listening: number;
  woke: number;
}

/** Adds the worker start rows. `extDir`: a production Chrome build (…/chrome-mv3). */
export async function workerStartBench(add: AddRow, extDir = path.resolve(process.env.LIMBER_OUT ?? '.output', 'chrome-mv3')): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (process.env.BENCH_BROWSER === '0') {
    add('worker start', 'in Chromium: skipped (BENCH_BROWSER=0)', '-');
    return;
  }
  if (!existsSync(path.join(extDir, 'manifest.json')) || !existsSync(chromiumPath)) {
    add('worker start', 'in Chromium: skipped (no build or no Chromium)', '-');
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'limber-bench-start-'));
  try {
    const limber = await startSeries(extDir, path.join(work, 'limber'), false);
    const floor = await startSeries(extDir, path.join(work, 'floor'), true);
    const col = (runs: Marks[], f: (m: Marks) => number) => spread(runs.map(f), 1);
    add('worker start', `the floor: a worker of one line (marks only), from its start to its script run, median (min-max) of ${STARTS}`, col(floor, (m) => m.main));
    add('worker start', `Limber: script loaded and evaluated (main() called), from the worker's start, same`, col(limber, (m) => m.main));
    add('worker start', "  Limber's part: that minus the floor (medians)", `${(median(limber.map((m) => m.main)) - median(floor.map((m) => m.main))).toFixed(1)} ms`);
    add('worker start', '  every listener registered', col(limber, (m) => m.listening));
    add('worker start', "  the start's catch-up done (state read, tick handled, alarms, badge, snapshot)", col(limber, (m) => m.woke));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Stops and wakes the worker of a copy of the build STARTS times (plus a warm-up); its marks for
 * each start. `floor`: the copy's background.js is replaced by a script that only sets the marks.
 */
async function startSeries(extDir: string, work: string, floor: boolean): Promise<Marks[]> {
  const { chromium } = await import('@playwright/test');
  // A blank page to send the waking message from (no code of its own).
  const ext = copyWithBlankPage(extDir, path.join(work, 'ext'));
  if (floor) writeFileSync(path.join(ext, 'background.js'), "for (const m of ['limber:main', 'limber:listening', 'limber:woke']) performance.mark(m);\n");
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs(ext) });
  try {
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(first.url()).host;
    const cdpPage = context.pages()[0] ?? (await context.newPage());
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/bench-blank.html`);
    // Playwright keeps one handle for the extension's worker across its restarts.
    const marksOf = async (w: Worker, after: number): Promise<Marks> => {
      // A string: tsx would add a helper (__name) that the worker lacks.
      const get = () =>
        w.evaluate<Marks>(
          `(() => { const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN; return { origin: performance.timeOrigin, main: at('limber:main'), listening: at('limber:listening'), woke: at('limber:woke') }; })()`,
        );
      for (let i = 0; i < 100; i++) {
        const m = await get();
        if (m.origin > after && Number.isFinite(m.woke)) return m;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('bench: the worker never finished its start');
    };
    let last = (await marksOf(first, 0)).origin;
    const runs: Marks[] = [];
    for (let i = 0; i <= STARTS; i++) {
      await stopServiceWorkers(context, cdpPage);
      await cdpPage.waitForTimeout(300);
      // Any message wakes it (Limber refuses an unknown one once it runs; the floor has no listener).
      await page.evaluate(`chrome.runtime.sendMessage({ type: 'bench/wake' }).catch(() => undefined)`);
      const m = await marksOf(context.serviceWorkers()[0] ?? first, last);
      last = m.origin;
      if (i > 0) runs.push(m); // the first is a warm-up
    }
    return runs;
  } finally {
    await context.close();
  }
}

// Alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(workerStartBench);
