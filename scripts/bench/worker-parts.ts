/**
 * What the worker's gzip size is made of, and what it could be at the least: a production Chrome
 * build made with source maps (LIMBER_SOURCEMAP=1, in a temporary folder), each byte of the
 * worker's files (background.js and its static imports, as scripts/bundle-size.ts counts them)
 * put down to the source module it came from, and groups of modules gzipped together:
 *   - the fixed stack that the worker carries (webextension-polyfill, WXT storage, valibot, idb:
 *     the project fixes the stack (README, Development); issue #5 asks for a schema library);
 *   - the core every reminder needs (tracker, engine, schedule, settings, history);
 *   - everything else;
 * and two floors: stack + core, and the whole worker without valibot, WXT storage, the weekly
 * review, the backup, the data verbs and the routine library (what dropping all of them would
 * leave). Every character of the worker's files is counted once (what no mapping covers is the
 * bundler's). Sizes are of the groups' code gzipped as one text, close to (a little under) the
 * per-file sum that the budget counts.
 *
 * Used by scripts/bench/main.ts (npm run bench); also runs alone:  npx tsx scripts/bench/worker-parts.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { BUDGET_KB, closure } from '../bundle-size';
import { runAlone, type AddRow } from './table';

const STACK = /node_modules\/(webextension-polyfill|@wxt-dev\/storage|superlock|valibot|idb)\//;
/** The tracker and the engine are every module of lib/tracker/ and lib/engine/ (tests are never bundled). */
const CORE = /^lib\/(tracker\/[a-z-]+|engine\/[a-z/-]+|schedule|settings|storage\/history)\.ts$/;
const DROPPABLE = /node_modules\/(@wxt-dev\/storage|superlock|valibot)\/|^lib\/(review|backup|data|protocol\/requests)\.ts$|^content\/routines\.ts$/;

/** The worker's generated code, by source module (paths relative to the project). */
export function workerBySource(dir: string, root: string): Map<string, string> {
  const by = new Map<string, string>();
  const put = (k: string, s: string) => by.set(k, (by.get(k) ?? '') + s);
  for (const file of closure(dir, [path.resolve(dir, 'background.js')]).files) {
    const code = readFileSync(file, 'utf8');
    if (!existsSync(`${file}.map`)) {
      put(`(bundler) ${path.basename(file)}`, code);
      continue;
    }
    const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    const lines = code.split('\n');
    // Each line's mapped segments, in order; what no segment covers is the bundler's.
    const byLine = lines.map(() => [] as Array<{ col: number; source: string | null }>);
    map.eachMapping((m) => byLine[m.generatedLine - 1]?.push({ col: m.generatedColumn, source: m.source }), null, SourceMapConsumer.GENERATED_ORDER);
    lines.forEach((line, i) => {
      const seg = byLine[i]!;
      put('(bundler)', line.slice(0, seg[0]?.col ?? line.length) + (i < lines.length - 1 ? '\n' : ''));
      seg.forEach((m, j) => {
        const src = m.source ? path.relative(root, path.resolve(path.dirname(file), m.source)).replace(/^.*node_modules\//, 'node_modules/') : '(bundler)';
        put(src, line.slice(m.col, seg[j + 1]?.col ?? line.length));
      });
    });
  }
  return by;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function workerPartsBench(add: AddRow, root = process.cwd()): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'limber-parts-'));
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: root, env: { ...process.env, LIMBER_OUT: out, LIMBER_SOURCEMAP: '1' }, stdio: 'ignore' });
    const by = workerBySource(path.join(out, 'chrome-mv3'), root);
    const gz = (keep: (k: string) => boolean) => gzipSync([...by].filter(([k]) => keep(k)).map(([, s]) => s).join(''), { level: 9 }).length;
    const stack = (k: string) => STACK.test(k);
    const core = (k: string) => CORE.test(k);
    add('worker parts', 'all of it, gzipped as one text', kb(gz(() => true)));
    add('worker parts', '  the fixed stack: webextension-polyfill, WXT storage, valibot, idb', kb(gz(stack)));
    add('worker parts', '  the core: tracker, engine, schedule, settings, history', kb(gz(core)));
    add('worker parts', '  the rest: prompts, windows, alarms, badge, streaks, review, backup, routines and picker, wiring', kb(gz((k) => !stack(k) && !core(k))));
    add('worker parts', `floor: the fixed stack + the core alone (the worker's budget is ${BUDGET_KB.worker} KB)`, kb(gz((k) => stack(k) || core(k))));
    add('worker parts', 'floor: all but valibot, WXT storage, review, backup, data verbs, routine library', kb(gz((k) => !DROPPABLE.test(k))));
    const name = (k: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(k)?.[1] ?? k;
    const top = [...by].map(([k, s]) => ({ k: name(k), raw: s.length })).sort((a, b) => b.raw - a.raw).slice(0, 6);
    add('worker parts', 'largest modules (raw, minified)', top.map((t) => `${t.k} ${kb(t.raw)}`).join(', '));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(workerPartsBench);
