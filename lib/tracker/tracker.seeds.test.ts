/**
 * The simulated-world property (tracker.property.test.ts) over many seeds, for finding what one
 * fixed seed does not reach. Not in the suite (vitest.config.ts leaves it out unless one of these is set): `LIMBER_WORLD_SEEDS=300 npx vitest run
 * lib/tracker/tracker.seeds.test.ts` plays seeds 1..300 (1,500 worlds each, about 2 s a seed) and
 * lists each failure, shrunk, with its seed; `LIMBER_WORLD_SEEDS_FROM` moves the first seed; `LIMBER_WORLD_SEED_LIST=3,12` plays just those.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REAL_TRACKER, runWorld, scenarioArb, Violation } from '../../tests/tracker-world';

const COUNT = Number(process.env.LIMBER_WORLD_SEEDS ?? 0);
const FROM = Number(process.env.LIMBER_WORLD_SEEDS_FROM ?? 1);
/** `LIMBER_WORLD_SEED_LIST=3,12,18`: just those seeds. */
const LIST = (process.env.LIMBER_WORLD_SEED_LIST ?? '').split(',').filter(Boolean).map(Number);
const SEEDS = LIST.length > 0 ? LIST : Array.from({ length: COUNT }, (_, i) => FROM + i);

describe.skipIf(SEEDS.length === 0)('tracker world over many seeds (LIMBER_WORLD_SEEDS)', () => {
  it(`keeps every promise with seeds ${SEEDS[0]}..${SEEDS[SEEDS.length - 1]}`, () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const r = fc.check(
        fc.property(scenarioArb, (sc) => {
          runWorld(sc, REAL_TRACKER, { accept: [] });
        }),
        { numRuns: 1_500, seed },
      );
      if (!r.failed) continue;
      const err = r.errorInstance;
      const what = err instanceof Violation ? err.message : String(err);
      const line = `seed ${seed}: ${what}\n  ${JSON.stringify(r.counterexample?.[0])}`;
      failures.push(line);
      console.log(line);
    }
    expect(failures).toEqual([]);
  }, 0);
});
