import { configDefaults, defineConfig } from 'vitest/config';

/** The many-seeds sweep of the simulated worlds runs only when asked for (lib/tracker/tracker.seeds.test.ts says how). */
const SWEEP = Boolean(process.env.LIMBER_WORLD_SEEDS || process.env.LIMBER_WORLD_SEED_LIST);
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'content/**/*.test.ts', 'components/**/*.test.ts', 'entrypoints/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/support/**/*.test.ts'],
    exclude: SWEEP ? configDefaults.exclude : [...configDefaults.exclude, 'lib/tracker/tracker.seeds.test.ts'],
    setupFiles: ['tests/unit-setup.ts'],
    env: { TZ: 'UTC' },
    // No timing assertions live here (speed is npm run bench's); a slow machine must not fail a test.
    testTimeout: 30_000,
    // Worker threads, not child processes: the same isolation per file, a quarter less time (43 s -> 31 s
    // on the 2-core machine).
    pool: 'threads',
  },
});
