/**
 * Whether a status snapshot (lib/storage/status-cache.ts) may be drawn at `now`: it has its
 * picture and its `validUntil`, `now` is before that, and it was not taken in the future (a clock
 * set back since). Import-free: the popup's early script (entrypoints/popup-early.ts) and the
 * popup's module both use this one definition.
 */
export const SNAPSHOT_KEY = 'statusSnapshot';

interface SnapshotLike {
  data?: { validUntil?: unknown; status?: { now: number } | null };
}

export function snapshotUsable(s: unknown, now: number): boolean {
  if (!s || typeof s !== 'object') return false;
  const d = (s as SnapshotLike).data;
  return typeof d?.validUntil === 'number' && !!d.status && now < d.validUntil && d.status.now <= now;
}
