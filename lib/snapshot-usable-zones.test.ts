/**
 * The popup's snapshot is drawn only on the local day it was taken (lib/snapshot-usable.ts), in
 * the zone the person's clock shows, not in UTC: found by a mutation hunt (a UTC day passed every
 * other test, which run with TZ=UTC). The page's zone is the process's, which a test worker cannot
 * change once started, so each zone's cases run in a child process with TZ set explicitly.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MIN = 60_000;
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** For each [taken, now]: the hour `now` shows in `tz`, and whether a snapshot taken at `taken` (valid for another hour) may be drawn at `now`. */
function inZone(tz: string, cases: Array<[number, number]>): Array<[number, boolean]> {
  const code = `import { snapshotUsable } from './lib/snapshot-usable';
    const cases = ${JSON.stringify(cases)};
    console.log(JSON.stringify(cases.map(([taken, now]) => [new Date(now).getHours(), snapshotUsable({ data: { validUntil: now + 3600000, status: { now: taken } } }, now)])));`;
  return JSON.parse(execFileSync(tsx, ['-e', code], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, TZ: tz } })) as Array<[number, boolean]>;
}

describe('a snapshot\'s day is the local day on the person\'s clock', () => {
  it('New York: taken at 23:50 on Thursday, drawn at 23:55, not at 0:10 on Friday (the same UTC day, 04:50 and 05:10)', () => {
    const taken = Date.UTC(2026, 2, 6, 4, 50); // Thu 5 March 2026, 23:50 EST
    expect(inZone('America/New_York', [[taken, taken + 5 * MIN], [taken, taken + 20 * MIN]])).toEqual([[23, true], [0, false]]);
  }, 30_000);

  it('Tokyo: taken at 8:50 on Friday, still drawn at 9:10 the same morning (UTC\'s midnight falls at 9:00 there)', () => {
    const taken = Date.UTC(2026, 2, 5, 23, 50); // Fri 6 March 2026, 8:50 JST
    expect(inZone('Asia/Tokyo', [[taken, taken + 20 * MIN]])).toEqual([[9, true]]);
  }, 30_000);

  it('Berlin: the same day of another month is another day', () => {
    expect(inZone('Europe/Berlin', [[Date.UTC(2026, 1, 6, 9), Date.UTC(2026, 2, 6, 9)]])).toEqual([[10, false]]);
  }, 30_000);
});
