import { describe, expect, it } from 'vitest';
import type { PopupData } from '../../lib/protocol/messages';
import { statusSnapshotItem, usableSnapshot, type StatusSnapshot } from '../../lib/storage/status-cache';
import { SNAPSHOT_KEY, snapshotUsable } from '../../lib/snapshot-usable';
import { nextShown, outdated, type Shown } from './use-popup-data';

const at = (now: number, paused = false): PopupData =>
  ({ status: { now, tracker: { paused: paused ? { until: null } : null }, today: null, historyError: true }, history: null, validUntil: now + 60_000 }) as unknown as PopupData;

describe('what the popup shows', () => {
  it('the snapshot read at load only fills an empty popup', () => {
    const fresh: Shown = { data: at(200), source: 'fresh' };
    expect(nextShown(null, { from: 'snapshot', data: at(100) })).toEqual({ data: at(100), source: 'snapshot' });
    expect(nextShown(fresh, { from: 'snapshot', data: at(100) })).toBe(fresh);
  });

  it("the background's answer replaces a snapshot, even a misleading one", () => {
    const stale: Shown = { data: at(100, true), source: 'snapshot' };
    expect(nextShown(stale, { from: 'answer', data: at(150) })).toEqual({ data: at(150), source: 'fresh' });
  });

  it('a snapshot written since is taken unless what is shown is newer', () => {
    const shown: Shown = { data: at(200), source: 'fresh' };
    expect(nextShown(shown, { from: 'watch', data: at(300, true) })).toEqual({ data: at(300, true), source: 'fresh' });
    expect(nextShown(shown, { from: 'watch', data: at(100, true) })).toBe(shown);
  });

  it('a snapshot is usable only before its validUntil and not taken in the future (one rule for the early script and the module)', () => {
    // entrypoints/popup-early.ts and usableSnapshot() both call snapshotUsable, under the key the background writes.
    expect(statusSnapshotItem.key).toBe(`session:${SNAPSHOT_KEY}`);
    const snap = { data: { ...at(100), validUntil: 200 }, day: '2026-03-02' };
    const cases: Array<[unknown, number, boolean]> = [[snap, 150, true], [snap, 200, false], [snap, 99, false], [null, 150, false], [{ data: { validUntil: 300 } }, 150, false]];
    for (const [s, now, want] of cases) {
      expect(snapshotUsable(s, now), `${JSON.stringify(s)} at ${now}`).toBe(want);
      expect(usableSnapshot(s as StatusSnapshot | null, now) !== null).toBe(want);
    }
  });

  it('a snapshot taken on another local day is not usable, whatever its validUntil says (TZ=UTC here)', () => {
    const taken = Date.UTC(2026, 2, 2, 23, 59, 0);
    const snap = { data: { ...at(taken), validUntil: taken + 3600_000 }, day: '2026-03-02' };
    expect(snapshotUsable(snap, taken + 59_000)).toBe(true);
    expect(snapshotUsable(snap, taken + 61_000)).toBe(false); // 00:00:01 the next day
    expect(usableSnapshot(snap as StatusSnapshot, taken + 61_000)).toBeNull();
  });

  it('goes out of date once the moment the background gave has passed, and only if it was after the reading', () => {
    const data = { ...at(1000), validUntil: 5000 };
    expect(outdated(data, 4999)).toBe(false);
    expect(outdated(data, 5000)).toBe(true);
    // A picture the background already called out of date when it was read: no new question
    // (the next answer would say the same, and the popup would ask without end).
    expect(outdated({ ...at(1000), validUntil: 1000 }, 9000)).toBe(false);
  });
});
