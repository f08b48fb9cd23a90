/**
 * `npm run bench`: Limber's figures in one table. Speed and size targets live here, never in a
 * timed unit test. Rows grow as the product does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { initialState, transition } from '../lib/tracker/tracker';
import { simulate, typicalDay } from '../lib/tracker/simulate';

interface Row { area: string; measure: string; value: string; target: string; ok: string }
const rows: Row[] = [];
const add = (area: string, measure: string, value: string, target = '', ok?: boolean) =>
  rows.push({ area, measure, value, target, ok: ok === undefined ? '' : ok ? 'ok' : 'OVER' });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// --- Worker activity over a simulated 8-hour day ---------------------------------------------
const DAY = Date.UTC(2026, 2, 2, 8, 0);
const cycles: number[] = [];
let events = 0;
let idleTransitions = 0;
let breaks = 0;
let watchdog = 0;
const DAYS = 20;
for (let seed = 1; seed <= DAYS; seed++) {
  const r = simulate(typicalDay(DAY, seed), DEFAULT_SETTINGS, DAY + 8 * 3600_000);
  events += r.events;
  idleTransitions += r.byType.activity ?? 0;
  watchdog += r.byType.watchdog ?? 0;
  const b = r.records.length;
  breaks += b;
  cycles.push((r.events - (r.byType.activity ?? 0) - (r.byType.watchdog ?? 0)) / Math.max(1, b));
}
add('worker', `events handled per 8-h day (mean of ${DAYS} seeded days)`, (events / DAYS).toFixed(0));
add('worker', '  of which idle/active transitions', (idleTransitions / DAYS).toFixed(0));
add('worker', '  of which watchdog checks (sleep detection, every 5 min while counting)', (watchdog / DAYS).toFixed(0));
add('worker', 'breaks recorded per day (completed + natural)', (breaks / DAYS).toFixed(1));
const perCycle = cycles.reduce((a, b) => a + b, 0) / cycles.length;
add('worker', 'wake-ups per break cycle, besides idle transitions and watchdog', perCycle.toFixed(2), '<= 3 (alarm, start, finish)', perCycle <= 3);
const heartbeat = (8 * 3600) / 5;
add('worker', 'heartbeat-style reminder (tick every 5 s), same day', String(heartbeat));
add('worker', 'ratio: heartbeat wake-ups / Limber wake-ups', `${(heartbeat / (events / DAYS)).toFixed(0)}x fewer`);

// --- Transition cost ---------------------------------------------------------------------------
const samples: number[] = [];
for (let rep = 0; rep < 7; rep++) {
  let s = initialState(DAY);
  const t0 = performance.now();
  const N = 20_000;
  for (let i = 0; i < N; i++) s = transition(s, { type: 'tick' }, DAY + i * 1000, DEFAULT_SETTINGS).state;
  samples.push(((performance.now() - t0) * 1000) / N);
}
add('tracker', 'transition() time, no schedule, median of 7 runs', `${median(samples).toFixed(2)} µs`, '<= 50 µs', median(samples) <= 50);
const withHours = { ...DEFAULT_SETTINGS, schedule: { enabled: true, days: Array.from({ length: 7 }, () => [{ from: 9 * 60, to: 17 * 60 + 30 }]) } };
const env = { timeZone: 'Europe/Berlin', fullscreen: false };
const scheduled: number[] = [];
for (let rep = 0; rep < 7; rep++) {
  let s = initialState(DAY, env.timeZone);
  const t0 = performance.now();
  const N = 2_000;
  for (let i = 0; i < N; i++) s = transition(s, { type: 'tick' }, DAY + i * 60_000, withHours, env).state;
  scheduled.push(((performance.now() - t0) * 1000) / N);
}
add('tracker', 'transition() time, with working hours (Intl time zones), median', `${median(scheduled).toFixed(1)} µs`, '<= 100 µs', median(scheduled) <= 100);

// --- Bundle -------------------------------------------------------------------------------------
// Production builds and store zips, made here so the figures are current.
import { execSync } from 'node:child_process';
execSync('npx wxt zip && npx wxt zip -b firefox --mv3', { stdio: 'ignore' });
for (const f of readdirSync('.output').filter((n) => n.endsWith('.zip'))) {
  const kb = statSync(path.join('.output', f)).size / 1024;
  const isSources = f.includes('sources');
  add('bundle', `zip ${f}`, `${kb.toFixed(0)} KB`, isSources ? '' : '<= 250 KB', isSources ? undefined : kb <= 250);
}
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const dir = path.join('.output', target);
  if (!existsSync(dir)) {
    add('bundle', `${target}: not built`, '-', 'run npm run build first');
    continue;
  }
  let total = 0;
  for (const f of files(dir)) total += statSync(f).size;
  // Per page: the JS it loads up front (its module script and preloaded chunks).
  for (const html of readdirSync(dir).filter((n) => n.endsWith('.html')).sort()) {
    const text = readFileSync(path.join(dir, html), 'utf8');
    const scripts = [...text.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => path.join(dir, m[1]!));
    const raw = scripts.reduce((n, f) => n + statSync(f).size, 0);
    const gz = scripts.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
    const budget = html === 'popup.html' ? 25 : 40; // the other pages are held at a ratchet for now
    add('bundle', `${target} ${html} JS (${scripts.length} files)`, `${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gz`, `<= ${budget} KB gz`, gz <= budget * 1024);
  }
  const bg = readFileSync(path.join(dir, 'background.js'));
  add('bundle', `${target} background.js (worker)`, `${(bg.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bg).length / 1024).toFixed(1)} KB gz`, '<= 15 KB gz', gzipSync(bg).length <= 15 * 1024);
  add('bundle', `${target} total unpacked`, `${(total / 1024).toFixed(0)} KB`);
}

// --- Print -------------------------------------------------------------------------------------
const cols: Array<keyof Row> = ['area', 'measure', 'value', 'target', 'ok'];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))])) as Record<keyof Row, number>;
const line = (r: Record<keyof Row, string>) => `| ${cols.map((c) => r[c].padEnd(width[c])).join(' | ')} |`;
console.log(line({ area: 'area', measure: 'measure', value: 'value', target: 'target', ok: 'ok' }));
console.log(`|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
const over = rows.filter((r) => r.ok === 'OVER');
if (over.length) {
  console.log(`\n${over.length} target(s) missed.`);
  process.exitCode = 1;
}
