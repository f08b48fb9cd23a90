/**
 * What an English toolbar badge label claims about the time left, [at least, at most] in ms
 * ("25m+": at least 25 minutes; "≤6m": at most 6), for the tests that hold it true against the
 * tracker's own due times (lib/platform/badge.test.ts, badge-edges.test.ts).
 */
const MIN = 60_000;

export function claim(text: string): [number, number] {
  const plus = /^(\d+)m\+$/.exec(text);
  if (plus) return [Number(plus[1]) * MIN, Infinity];
  const upTo = /^≤(\d+)m$/.exec(text);
  if (upTo) return [0, Number(upTo[1]) * MIN];
  throw new Error(`not a time label: ${text}`);
}
