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
for (const f of ['test-results/e2e.json', 'test-results/display.json', 'test-results/firefox.json']) {
  const r = read(f);
  if (!r) continue;
  passed += r.stats?.expected ?? 0;
  failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
  skipped += r.stats?.skipped ?? 0;
}
const stagesFailed = process.argv.slice(2);
if (stagesFailed.length) console.log(`\nfailed stages: ${stagesFailed.join(', ')}`);
// Stages without a test count (type check, lint, builds) count as one check each when they fail.
failed += stagesFailed.filter((s) => !/tests|e2e/.test(s)).length;
console.log(`\nlimber: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
