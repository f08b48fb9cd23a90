import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PopupData } from '../../lib/messages';
import { statusSnapshotItem, usableSnapshot, type StatusSnapshot } from '../../lib/storage/status-cache';
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

  it('public/popup-early.js reads the key the background writes and asks the same question', () => {
    const early = readFileSync(new URL('../../public/popup-early.js', import.meta.url), 'utf8');
    expect(early).toContain(`get('${statusSnapshotItem.key.replace('session:', '')}')`);
    expect(early).toContain("sendMessage({ type: 'popup/get' })");
    // Its test of a usable snapshot is status-cache.ts's.
    const usable = new Function(`return ${early.match(/const usable = (.*);\n/)![1]}`)() as (s: unknown, now: number) => boolean;
    const snap = { data: { ...at(100), validUntil: 200 }, day: '2026-03-02' };
    const answers: boolean[] = [];
    for (const [s, now] of [[snap, 150], [snap, 200], [snap, 99], [null, 150], [{ data: { validUntil: 300 } }, 150]] as const) {
      const want = usableSnapshot(s as StatusSnapshot | null, now) !== null;
      expect(usable(s, now), `${JSON.stringify(s)} at ${now}`).toBe(want);
      answers.push(want);
    }
    // The cases hold both answers, so two tests that always say the same thing cannot agree by chance.
    expect(answers).toContain(true);
    expect(answers).toContain(false);
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
