/**
 * A pause that ends just after working hours began (during it): desk time counts from the pause's
 * end, and its alarm is the wake the tracker asked for, so lateness is judged from that end, not
 * from the hours' start. (Before the fix, heard 30 s late, 100 s after the hours began, it was
 * taken for a machine asleep at their start: the 30 s since the pause ended were lost.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type TimeRange } from '../settings';
import { initialState, nextWake, transition, type Env } from './tracker';

/** Weekdays 08:00-12:00 and 13:00-18:00 in Berlin. */
const SPLIT: TimeRange[] = [{ from: 8 * 60, to: 12 * 60 }, { from: 13 * 60, to: 18 * 60 }];
const S: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, schedule: { enabled: true, days: [SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, [], []] } };
const BERLIN: Env = { timeZone: 'Europe/Berlin', fullscreen: false, sound: false, call: false };

describe('a pause ending just after working hours began', () => {
  it('heard within the alarm grace of its end: desk time counts from its end', () => {
    // Friday 27 March 2026, 11:50 in Berlin (10:50 UTC): paused until 13:01:10 (12:01:10 UTC).
    const at = Date.UTC(2026, 2, 27, 10, 50);
    const until = Date.UTC(2026, 2, 27, 12, 1, 10);
    let s = transition(initialState(at, 'Europe/Berlin'), { type: 'pause', until }, at, S, BERLIN).state;
    expect(nextWake(s, S, BERLIN)).toBe(until);
    // The alarm fires 30 s late (a worker killed at the first try): 100 s after the hours began.
    const r = transition(s, { type: 'tick' }, until + 30_000, S, BERLIN);
    s = r.state;
    expect(r.effects).toContainEqual({ type: 'notice', notice: 'pauseEnded' });
    expect(s.desk).toEqual({ micro: 30_000, stretch: 30_000 });
  });
});
