/**
 * A flight with the lid closed: the last event was at home outside working hours (not counting,
 * so no watchdog runs), and the machine wakes in another zone. The working hours it slept through
 * there are no desk time: nothing is due at once, and today's count for the daily limit holds only
 * what the person sat. (Before the fix, catching up counted those hours, read in the new zone, as
 * sat: in a later range the same day the daily-limit notice came hours early.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type TimeRange } from '../settings';
import { initialState, transition, type Effect, type Env, type TrackerState } from './tracker';

const MIN = 60_000;
const H = 60 * MIN;
/** Weekdays 08:00-12:00 and 13:00-18:00, local time wherever the person is. */
const SPLIT: TimeRange[] = [{ from: 8 * 60, to: 12 * 60 }, { from: 13 * 60, to: 18 * 60 }];
const S: Settings = {
  ...DEFAULT_SETTINGS,
  pauseWaitMin: 0,
  headsUpSec: 0,
  dailyLimit: { enabled: true, minutes: 3 * 60 },
  schedule: { enabled: true, days: [SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, [], []] },
};
const env = (timeZone: string): Env => ({ timeZone, fullscreen: false, sound: false, call: false });
/** Friday 27 March 2026, 05:30 in Berlin (UTC+1), before working hours: 10:00 in Kolkata (UTC+5:30). */
const LID_CLOSED = Date.UTC(2026, 2, 27, 4, 30);

function atHome(): TrackerState {
  const s = transition(initialState(LID_CLOSED - MIN, 'Europe/Berlin'), { type: 'tick' }, LID_CLOSED, S, env('Europe/Berlin')).state;
  expect(s.offHours).toBe(true);
  return s;
}

/** Events in Kolkata from `from`: a tick every 4 minutes (the watchdog) until `to`; the effects with their times. */
function workIn(s: TrackerState, from: number, to: number): { s: TrackerState; fx: Array<{ at: number; e: Effect }> } {
  const fx: Array<{ at: number; e: Effect }> = [];
  for (let t = from; t <= to; t += 4 * MIN) {
    const r = transition(s, { type: 'tick' }, t, S, env('Asia/Kolkata'));
    s = r.state;
    fx.push(...r.effects.map((x) => ({ at: t, e: x })));
  }
  return { s, fx };
}

describe('asleep across a change of time zone, last heard outside working hours', () => {
  it('woken after the working hours there: the hours slept through are not counted', () => {
    // 19:00 in Kolkata (13:30 UTC): both of that day's ranges passed while the lid was closed.
    const r = transition(atHome(), { type: 'tick' }, Date.UTC(2026, 2, 27, 13, 30), S, env('Asia/Kolkata'));
    expect(r.state.desk).toEqual({ micro: 0, stretch: 0 });
    expect(r.state.today.deskMs).toBe(0);
  });

  it("woken in that day's second range: the daily-limit notice comes after the limit sat, not hours early", () => {
    // 14:00 in Kolkata (08:30 UTC): the morning range (10:00-12:00 of it) was slept through.
    const wake = Date.UTC(2026, 2, 27, 8, 30);
    const { fx } = workIn(atHome(), wake, wake + 4 * H);
    const notice = fx.find((x) => x.e.type === 'notice' && x.e.notice === 'dailyLimit');
    // The prompts left open (desk time goes on while they wait): the limit is sat at 17:00, within a tick.
    expect(notice?.at).toBeGreaterThanOrEqual(wake + 3 * H);
    expect(notice?.at).toBeLessThanOrEqual(wake + 3 * H + 4 * MIN);
  });
});
