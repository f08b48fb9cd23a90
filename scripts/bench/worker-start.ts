/**
 * What a start of the background worker costs in headless Chromium with the production build,
 * median of STARTS starts with min and max. Each time the worker is stopped (as Chromium does
 * when it is idle) and woken by a message from an extension page, as an event would wake it.
 *
 * The bench times the built script from outside, in a copy of the build: the manifest's worker
 * becomes a two-line wrapper the bench writes, which imports the real worker script (renamed
 * beside it) and then sets the mark 'bench:run'. Modules run their imports first, so the mark
 * says, from the worker's time origin, when Limber's script was loaded and evaluated (every
 * import, every listener registered at top level). The floor is the same wrapper importing an
 * empty script: what Chromium takes to start any module worker. Limber's part (the issue #16
 * target, <= 12 ms median) is the difference of the medians. Nothing here depends on how the
 * worker is written; where the worker also sets its own marks ('limber:woke': the start's
 * catch-up done, entrypoints/background.ts), a figure row reports them, else says they are gone.
 * Playwright attaches to each new worker before it runs (to read the marks), which may add a
 * little to both series alike.
 *
 * Used by scripts/bench/main.ts (npm run bench); also runs alone:  LIMBER_OUT=/tmp/out npx tsx scripts/bench/worker-start.ts
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { chromiumArgs, stopServiceWorkers } from '../chromium-args';
import { copyWithBlankPage } from './popup';
import { median, runAlone, spread, type AddRow } from './table';

const STARTS = Number(process.env.BENCH_WORKER_STARTS ?? 15);
/** Issue #16: Limber's part of a worker start, its script run minus the floor's, median. */
export const TARGET_MS = 12;


interface Marks {
  /** The worker's time origin (epoch ms): tells one start from the next. */
  origin: number;
  /** The wrapper's mark: the worker script loaded and evaluated. */
  run: number;
  /** The worker's own mark, if it sets one (NaN if not): the start's catch-up done. */
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
    const part = median(limber.map((m) => m.run)) - median(floor.map((m) => m.run));
    add('worker start', `the floor: a module worker importing an empty script, from its start to its script run, median (min-max) of ${STARTS}`, col(floor, (m) => m.run));
    add('worker start', "Limber: the built worker script loaded and evaluated (every listener registered), from the worker's start, same", col(limber, (m) => m.run));
    add('worker start', "  Limber's part: that minus the floor (medians)", `${part.toFixed(1)} ms`, `<= ${TARGET_MS} ms (issue #16)`, part <= TARGET_MS);
    const woke = limber.map((m) => m.woke);
    add('worker start', "  the start's catch-up done (the worker's own mark 'limber:woke')", woke.some(Number.isFinite) ? col(limber, (m) => m.woke) : '- (the worker sets no such mark)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The wrapper that becomes the copy's worker: runs `script`, then marks that it has run. */
function wrapper(script: string, module: boolean): string {
  const load = module ? `import './${script}';` : `importScripts('${script}');`;
  return `${load}\nperformance.mark('bench:run');\n`;
}

/**
 * Stops and wakes the worker of a copy of the build STARTS times (plus a warm-up); its marks for
 * each start. The copy's worker is the wrapper around Limber's script, or, for the floor, around
 * an empty one.
 */
async function startSeries(extDir: string, work: string, floor: boolean): Promise<Marks[]> {
  const { chromium } = await import('@playwright/test');
  // A blank page to send the waking message from (no code of its own).
  const ext = copyWithBlankPage(extDir, path.join(work, 'ext'));
  const manifest = JSON.parse(readFileSync(path.join(ext, 'manifest.json'), 'utf8')) as { background: { service_worker: string; type?: string } };
  const worker = path.join(ext, manifest.background.service_worker);
  const inner = floor ? 'bench-empty.js' : 'bench-limber-worker.js';
  if (floor) writeFileSync(path.join(path.dirname(worker), inner), '\n');
  else renameSync(worker, path.join(path.dirname(worker), inner));
  writeFileSync(worker, wrapper(inner, manifest.background.type === 'module'));
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
          `(() => { const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN; return { origin: performance.timeOrigin, run: at('bench:run'), woke: at('limber:woke') }; })()`,
        );
      for (let i = 0; i < 100; i++) {
        const m = await get();
        // The catch-up's own mark is awaited a little (up to 1 s) where the worker sets one.
        if (m.origin > after && Number.isFinite(m.run) && (floor || Number.isFinite(m.woke) || i >= 40)) return m;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('bench: the worker never ran its script');
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
