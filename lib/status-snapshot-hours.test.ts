/**
 * The popup's status snapshot and the end of working hours: a snapshot taken while the person is
 * away stops at the end of the working hours under way (the tracker does not wake for that end
 * while desk time is not counting), so the popup never draws "away" as current after it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ENGINE_SETTINGS, useEngineEnv } from '../tests/engine-env';
import { dispatch, handleMessage, wake } from './engine';
import { statusSnapshotItem, usableSnapshot } from './storage/status-cache';
import type { PopupData } from './protocol/messages';
import type { Settings } from './settings';


/** Working hours on (the default week: Mon-Fri 09:00-17:30), stretch breaks only. */
const WORK_HOURS: Settings = { ...ENGINE_SETTINGS, schedule: { ...ENGINE_SETTINGS.schedule, enabled: true } };
/** Monday 2 March 2026 in Berlin (UTC+1). */
const berlin = (h: number, m = 0) => Date.UTC(2026, 2, 2, h - 1, m);

describe('status snapshot: working hours ending', () => {
  let now = berlin(17, 0);
  useEngineEnv(() => now, WORK_HOURS);
  beforeEach(() => {
    now = berlin(17, 0);
  });

  it('a snapshot taken while away during working hours is not drawn once working hours have ended (README: valid until the end of working hours)', async () => {
    await wake();
    now = berlin(17, 5);
    await dispatch({ type: 'activity', state: 'idle' }); // the person leaves the desk at 17:05
    const snap = (await statusSnapshotItem.getValue())!;
    expect(snap.data.status.tracker.offHours).toBeNull();
    expect(snap.data.status.tracker.activity).toBe('idle'); // the popup would say "Paused while you are away"

    // At 17:31 the background's own answer is "Outside working hours until Tue 09:00"...
    now = berlin(17, 31);
    const answer = await handleMessage({ type: 'popup/get' });
    expect(answer.ok && (answer.data as PopupData).status.tracker.offHours).toEqual({ until: Date.UTC(2026, 2, 3, 8, 0) });

    // ...so the snapshot taken at 17:05 no longer holds after 17:30 (README: "valid until the next
    // moment the picture can change by itself (the next break, the end of a pause or of working
    // hours, midnight)"; lib/storage/status-cache.ts: "Past it the popup does not draw from the snapshot").
    expect(snap.data.validUntil).toBeLessThanOrEqual(berlin(17, 30));
    expect(usableSnapshot(snap, berlin(17, 31))).toBeNull();
  });
});
