import { defineConfig } from '@playwright/test';

// End-to-end tests of the production Firefox build (<LIMBER_OUT or .output>/firefox-mv3) in
// Debian's firefox-esr. Playwright is the runner only: each test launches its own Firefox with
// puppeteer-core over WebDriver BiDi (Playwright cannot load extensions into Firefox).
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  outputDir: process.env.E2E_OUT ? `${process.env.E2E_OUT}/firefox` : 'test-results/firefox-artifacts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two Firefoxes at once: each test mostly waits out real intervals (304 s -> 213 s, beside the
  // real-idle stage, on the 2-core machine).
  workers: 2,
  retries: process.env.CI ? 1 : 0, // see README, "Flaky tests"
  reporter: [['list'], ['json', { outputFile: 'test-results/firefox.json' }]],
});
