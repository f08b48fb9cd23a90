/**
 * Travel while desk time is not counting (on a break, outside working hours): no event says the
 * zone changed, so the alarm the worker set is still the one asked for in the old zone. A silence
 * is judged against that wake, the one the machine could have missed, not against a moment read
 * in the new zone: an hour there that ended while the alarm was still ahead is no sleep, and an
 * alarm missed by a machine asleep is one. (Before the fix, the wake was read in the new zone: a
 * break under way across travel took the stretch count as slept away, and a sleep past the alarm
 * went unseen; with working hours then switched off, the stretch break came late or early.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type TimeRange } from '../settings';
import { initialState, nextWake, transition, type Env, type TrackerState } from './tracker';

const MIN = 60_000;
/** Weekdays 08:00-12:00 and 13:00-18:00, local time wherever the person is. */
const SPLIT: TimeRange[] = [{ from: 8 * 60, to: 12 * 60 }, { from: 13 * 60, to: 18 * 60 }];
const S: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, schedule: { enabled: true, days: [SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, [], []] } };
const ANY_TIME: Settings = { ...S, schedule: { ...S.schedule, enabled: false } };
const env = (timeZone: string): Env => ({ timeZone, fullscreen: false, sound: false, call: false });
const BERLIN = env('Europe/Berlin');
const KOLKATA = env('Asia/Kolkata');

/** At the desk in Berlin from `from` to `to`: a tick every 5 minutes (the watchdog). */
function sitIn(s: TrackerState, from: number, to: number, settings: Settings): TrackerState {
  for (let t = from; t <= to; t += 5 * MIN) s = transition(s, { type: 'tick' }, t, settings, BERLIN).state;
  return s;
}

describe('travel while not counting: a silence is judged against the alarm set in the old zone', () => {
  it('a posture break under way across travel: the hours ending there meanwhile are no sleep', () => {
    // Friday 27 March 2026: 20 minutes at the desk in Berlin from 13:00 (12:00 UTC), then a posture
    // break from 13:20 (12:20 UTC; 17:50 in Kolkata, where the hours end at 18:00, 12:30 UTC).
    const start = Date.UTC(2026, 2, 27, 12, 0);
    let s = sitIn(initialState(start, 'Europe/Berlin'), start, start + 20 * MIN, S);
    expect(s.desk.stretch).toBe(20 * MIN);
    const begun = start + 20 * MIN;
    s = transition(s, { type: 'start', kind: 'micro' }, begun, S, BERLIN).state;
    // The alarm asked for in Berlin: the break's give-up time. It fires there, in Kolkata.
    const alarm = nextWake(s, S, BERLIN)!;
    expect(alarm).toBe(begun + S.micro.lengthSec * 1000 + 15 * MIN);
    s = transition(s, { type: 'tick' }, alarm, S, KOLKATA).state;
    expect(s.offHours).toBe(true);
    // Working hours switched off for the evening: the stretch break is 30 minutes off, as sat.
    s = transition(s, { type: 'settingsChanged' }, alarm + MIN, ANY_TIME, KOLKATA).state;
    expect(s.desk.stretch).toBe(20 * MIN);
  });

  it('outside working hours, asleep across travel past the alarm set at home: that much is time away', () => {
    // Friday 27 March 2026, 07:05 in Berlin (06:05 UTC) after 5 minutes at the desk (working hours
    // switched on: off until 08:00 there, 07:00 UTC). Off to Auckland (19:05 there), the lid closed
    // until 08:05 UTC: Berlin's 08:00 alarm fired five minutes late, on waking.
    const start = Date.UTC(2026, 2, 27, 6, 0);
    let s = sitIn(initialState(start, 'Europe/Berlin'), start, start + 5 * MIN, ANY_TIME);
    expect(s.desk.stretch).toBe(5 * MIN);
    s = transition(s, { type: 'settingsChanged' }, start + 5 * MIN, S, BERLIN).state;
    expect(s.offHours).toBe(true);
    expect(nextWake(s, S, BERLIN)).toBe(Date.UTC(2026, 2, 27, 7, 0));
    const wake = Date.UTC(2026, 2, 27, 7, 5);
    s = transition(s, { type: 'tick' }, wake, S, env('Pacific/Auckland')).state;
    // Five minutes asleep at least: the posture check taken, the stretch break (3 min) too.
    expect(s.desk).toEqual({ micro: 0, stretch: 0 });
  });
});
