/**
 * Whether a status snapshot (lib/storage/status-cache.ts) may be drawn at `now`: it has its
 * picture and its `validUntil`, `now` is before that, it was not taken in the future (a clock
 * set back since), and it was taken on the same local day as `now` (its validUntil is at most the
 * background's midnight; this also holds when the zone changed since, e.g. after travel east).
 * Import-free: the popup's early script (entrypoints/popup-early.ts) and the popup's module both
 * use this one definition.
 */
export const SNAPSHOT_KEY = 'statusSnapshot';

interface SnapshotLike {
  data?: { validUntil?: unknown; status?: { now: number } | null };
}

/** The local calendar day of `t` (the page's zone, which is the background's). */
function localDay(t: number): number {
  const d = new Date(t);
  return d.getFullYear() * 10_000 + d.getMonth() * 100 + d.getDate();
}

export function snapshotUsable(s: unknown, now: number): boolean {
  if (!s || typeof s !== 'object') return false;
  const d = (s as SnapshotLike).data;
  return typeof d?.validUntil === 'number' && !!d.status && now < d.validUntil && d.status.now <= now && localDay(d.status.now) === localDay(now);
}
