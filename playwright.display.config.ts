import { defineConfig } from '@playwright/test';

// Real idle in Chromium (tests/e2e-display): the production build (<LIMBER_OUT or .output>/chrome-mv3)
// in a visible Chromium on a virtual X display, driven by real input (xdotool). Run under
// `xvfb-run -a -s "-screen 0 1280x800x24"` (scripts/test.sh does). One test at a time: input is
// for the whole display.
export default defineConfig({
  testDir: 'tests/e2e-display',
  outputDir: process.env.E2E_OUT ? `${process.env.E2E_OUT}/display` : 'test-results/display-artifacts',
  timeout: 150_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0, // see README, "Flaky tests"
  reporter: [['list'], ['json', { outputFile: 'test-results/display.json' }]],
  // Recording a trace of every test (to keep those that fail) costs a quarter of the suite's CPU
  // on a 2-core machine; E2E_TRACE=1 records them (a failure's error-context.md is kept either way).
  use: { trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off' },
});
