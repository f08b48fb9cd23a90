import { defineConfig } from '@playwright/test';

// End-to-end tests load the production build (.output/chrome-mv3) into Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUT ?? 'test-results/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0, // see README, "Flaky tests"
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Recording a trace of every test (to keep those that fail) costs a quarter of the suite's CPU
  // on a 2-core machine; E2E_TRACE=1 records them (a failure's error-context.md is kept either way).
  use: { trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off' },
});
