/**
 * The bench's verdict (scripts/bench/table.ts): `npm run bench` exits 1 exactly when a target its
 * table states is missed, names those rows at the end, and exits 0 otherwise.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCodeFor, median, missedTargets, printTable, range, table, verdictLines } from './table';

function rows(build: (add: ReturnType<typeof table>['add']) => void) {
  const t = table();
  build(t.add);
  return t.rows;
}

describe('bench verdict', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('all stated targets met, figures without targets besides: exit 0', () => {
    const r = rows((add) => {
      add('tracker', 'transition() time', '3.1 µs', '<= 50 µs', true);
      add('worker', 'events per day', '61');
      add('bundle', 'zip sources', '900 KB');
    });
    expect(missedTargets(r)).toEqual([]);
    expect(exitCodeFor(r)).toBe(0);
    expect(verdictLines(r)).toEqual(['All 1 stated targets met.']);
  });

  it('one missed target: exit 1, and that row, only, is named', () => {
    const r = rows((add) => {
      add('tracker', 'transition() time', '3.1 µs', '<= 50 µs', true);
      add('popup', 'first meaningful paint', '212 ms (190-260)', '<= 150 ms', false);
      add('worker', 'events per day', '61');
    });
    expect(missedTargets(r).map((x) => x.measure)).toEqual(['first meaningful paint']);
    expect(exitCodeFor(r)).toBe(1);
    expect(verdictLines(r)).toEqual(['1 of 2 stated targets missed:', '- popup: first meaningful paint: 212 ms (190-260) (target <= 150 ms)']);
  });

  it('a target that could not be measured counts as missed', () => {
    const r = rows((add) => add('popup', '  Limber\'s part', 'NaN ms', '<= 150 ms', Number.NaN <= 150));
    expect(exitCodeFor(r)).toBe(1);
    expect(verdictLines(r)[1]).toBe("- popup: Limber's part: NaN ms (target <= 150 ms)");
  });

  it('an empty table states nothing and misses nothing', () => {
    expect(exitCodeFor([])).toBe(0);
  });

  it('a verdict without a target, or a target without a verdict, is refused when the row is added', () => {
    const { add } = table();
    expect(() => add('worker live', 'real run: failed', '-', '', false)).toThrow(/a target needs a verdict/);
    expect(() => add('bundle', 'not built', '-', 'run npm run build first')).toThrow(/a target needs a verdict/);
  });

  it('printing sets the exit code and ends with the missed rows', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const missed = rows((add) => {
      add('bundle', 'chrome-mv3 worker JS', '31.0 KB gz', '<= 29 KB gz', false);
      add('bundle', 'zip', '120 KB', '<= 250 KB', true);
    });
    printTable(missed);
    expect(process.exitCode).toBe(1);
    expect(log.mock.calls.at(-1)?.[0]).toBe('\n1 of 2 stated targets missed:\n- bundle: chrome-mv3 worker JS: 31.0 KB gz (target <= 29 KB gz)');
    printTable(rows((add) => add('bundle', 'zip', '120 KB', '<= 250 KB', true)));
    expect(process.exitCode).toBe(0);
  });
});

describe('bench figures over cycles', () => {
  it('median (min-max), whatever the order, leaving out what was not measured', () => {
    expect(range([9, 3, 4, 12, 5])).toBe('5 (3-12)');
    expect(range([2.5, 1, Number.NaN], 1, ' s')).toBe('2.5 s (1.0 s-2.5 s)');
    expect(range([])).toBe('-');
    expect(median([7, 1, 5])).toBe(5);
  });
});
