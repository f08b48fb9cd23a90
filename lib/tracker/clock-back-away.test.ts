/**
 * The clock set back shortly after working hours began: the idle report that follows measures
 * real time (so long without input), so the person left that long before, even when that lies
 * before the hours' start as the new clock reads it. Away for a posture break's length, it was
 * taken naturally. (Before the fix, the moment counting began was kept as read on the old clock,
 * and bounded how far back the departure went: 60 s away came out as 40 s, shorter than the
 * posture break, which then came again four minutes early.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type TimeRange } from '../settings';
import { initialState, transition, type Env } from './tracker';

const MIN = 60_000;
const DAY9: TimeRange[] = [{ from: 9 * 60, to: 17 * 60 }];
/** Weekdays 09:00-17:00; a posture break (45 s) every 20 minutes. */
const S: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, headsUpSec: 0, micro: { enabled: true, everySec: 20 * 60, lengthSec: 45 }, schedule: { enabled: true, days: [DAY9, DAY9, DAY9, DAY9, DAY9, [], []] } };
const BERLIN: Env = { timeZone: 'Europe/Berlin', fullscreen: false, sound: false, call: false };

describe('the clock set back just after working hours began', () => {
  it('an idle report then reaches back its full delay: a minute away is a posture break taken', () => {
    // Friday 27 March 2026: at the desk from 08:30 in Berlin; the hours begin at 09:00 (08:00 UTC).
    const start = Date.UTC(2026, 2, 27, 7, 30);
    let s = initialState(start, 'Europe/Berlin');
    for (const t of [start, start + 30 * MIN, start + 35 * MIN]) s = transition(s, { type: 'tick' }, t, S, BERLIN).state;
    expect(s.desk.micro).toBe(5 * MIN);
    // At 09:05 the clock is set back to 09:00:40; the browser then says idle (a minute without
    // input, by real time: since 09:04), and the person is back at once.
    const back = start + 30 * MIN + 40_000;
    s = transition(s, { type: 'tick' }, back, S, BERLIN).state;
    s = transition(s, { type: 'activity', state: 'idle' }, back, S, BERLIN).state;
    s = transition(s, { type: 'activity', state: 'active' }, back, S, BERLIN).state;
    expect(s.desk.micro).toBe(0);
  });
});
