import { defineConfig } from '@playwright/test';

// End-to-end tests load the production build (.output/chrome-mv3) into Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUT ?? 'test-results/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { trace: 'retain-on-failure' },
});
