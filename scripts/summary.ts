// Prints one closing line over every test runner's JSON report: "limber: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const read = (f: string) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
// A browser test that failed once and passed on its second try (CI only; README, "Flaky tests").
const flaky: string[] = [];
let flakyCount = 0;
type Suite = { title?: string; file?: string; specs?: Array<{ title: string; line?: number; tests?: Array<{ status?: string }> }>; suites?: Suite[] };
const walk = (s: Suite, file: string): void => {
  for (const spec of s.specs ?? []) if (spec.tests?.some((t) => t.status === 'flaky')) flaky.push(`${file}:${spec.line ?? '?'} ${spec.title}`);
  for (const child of s.suites ?? []) walk(child, child.file ?? file);
};
for (const f of ['test-results/e2e.json', 'test-results/display.json', 'test-results/firefox.json']) {
  const r = read(f);
  if (!r) continue;
  passed += r.stats?.expected ?? 0;
  failed += r.stats?.unexpected ?? 0;
  flakyCount += r.stats?.flaky ?? 0;
  skipped += r.stats?.skipped ?? 0;
  for (const s of (r.suites ?? []) as Suite[]) walk(s, s.file ?? f);
}
if (flaky.length) {
  console.log(`\nflaky (failed once, passed on the second try; each is a race to find and fix):`);
  for (const name of flaky) console.log(`  ${name}`);
}
const stagesFailed = process.argv.slice(2);
if (stagesFailed.length) console.log(`\nfailed stages: ${stagesFailed.join(', ')}`);
// Stages without a test count (type check, lint, builds) count as one check each when they fail.
failed += stagesFailed.filter((s) => !/tests|e2e/.test(s)).length;
console.log(`\nlimber: ${passed + flakyCount} passed, ${failed} failed${flakyCount ? ` (${flakyCount} of the passed only on a second try)` : ''}${skipped ? `, ${skipped} skipped` : ''}`);
