import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PopupData } from '../../lib/messages';
import { statusSnapshotItem, usableSnapshot, type StatusSnapshot } from '../../lib/storage/status-cache';
import { nextShown, outdated, type Shown } from './use-popup-data';

const at = (now: number, paused = false): PopupData =>
  ({ status: { now, tracker: { paused: paused ? { until: null } : null }, today: null, historyError: true }, history: null }) as unknown as PopupData;

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

  it('public/popup-early.js reads the key the background writes and asks the same question', () => {
    const early = readFileSync(new URL('../../public/popup-early.js', import.meta.url), 'utf8');
    expect(early).toContain(`get('${statusSnapshotItem.key.replace('session:', '')}')`);
    expect(early).toContain("sendMessage({ type: 'popup/get' })");
    // Its test of a usable snapshot is status-cache.ts's.
    const usable = new Function(`return ${early.match(/const usable = (.*);\n/)![1]}`)() as (s: unknown, now: number) => boolean;
    const snap = { data: at(100), day: '2026-03-02', validUntil: 200 };
    for (const [s, now] of [[snap, 150], [snap, 200], [snap, 99], [null, 150], [{ validUntil: 300 }, 150]] as const) {
      expect(usable(s, now)).toBe(usableSnapshot(s as StatusSnapshot | null, now) !== null);
    }
  });

  it('goes out of date by itself at midnight in the given zone, and when the pause or off hours it shows end', () => {
    // 2026-03-02 23:59:30 in Berlin (UTC+1) is 22:59:30 UTC; in New York it is still 17:59:30.
    const read = Date.UTC(2026, 2, 2, 22, 59, 30);
    const data = at(read);
    expect(outdated(data, read + 20_000, 'Europe/Berlin')).toBe(false);
    expect(outdated(data, read + 30_000, 'Europe/Berlin')).toBe(true);
    expect(outdated(data, read + 30_000, 'America/New_York')).toBe(false);
    expect(outdated(data, read + 6 * 3600_000 + 30_000, 'America/New_York')).toBe(true);
    const paused = { ...data, status: { ...data.status, tracker: { paused: { until: read + 1000 }, offHours: null } } } as unknown as PopupData;
    expect(outdated(paused, read + 999, 'UTC')).toBe(false);
    expect(outdated(paused, read + 1000, 'UTC')).toBe(true);
    const indefinitely = { ...data, status: { ...data.status, tracker: { paused: { until: null }, offHours: null } } } as unknown as PopupData;
    expect(outdated(indefinitely, read + 60_000, 'UTC')).toBe(false);
    const off = { ...data, status: { ...data.status, tracker: { paused: null, offHours: { until: read + 5000 } } } } as unknown as PopupData;
    expect(outdated(off, read + 4999, 'UTC')).toBe(false);
    expect(outdated(off, read + 5000, 'UTC')).toBe(true);
  });
});
