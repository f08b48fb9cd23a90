/**
 * The tracker's events over simulated 8-hour days of typical activity (scripts/bench/tracker-day.ts:
 * seeded days with pauses and idle stretches, default settings), as means per day: what the
 * bench's worker rows report, and the idle changes the live run (where headless Chromium reports
 * none) adds back when it extrapolates to a real day.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { simulate, typicalDay } from './tracker-day';

export interface SimulatedDays {
  days: number;
  /** Means per 8-hour day. */
  events: number;
  idleChanges: number;
  watchdog: number;
  breaks: number;
  /** Mean over the days of the events per recorded break besides idle changes and the watchdog. */
  wakeUpsPerCycle: number;
}

export const DAY_HOURS = 8;

/**
 * The default settings without the right-moment rules of issue #14 (no holds, no wait for a
 * pause in input, no heads-up): what the worker did before them, with today's engine otherwise,
 * so the difference is theirs alone.
 */
export const WITHOUT_RIGHT_MOMENT: Settings = { ...DEFAULT_SETTINGS, hold: { ...DEFAULT_SETTINGS.hold, enabled: false }, pauseWaitMin: 0, headsUpSec: 0 };

export function simulatedDays(days = 20, settings: Settings = DEFAULT_SETTINGS): SimulatedDays {
  const start = Date.UTC(2026, 2, 2, 8, 0);
  let events = 0;
  let idleChanges = 0;
  let watchdog = 0;
  let breaks = 0;
  let perCycle = 0;
  for (let seed = 1; seed <= days; seed++) {
    const r = simulate(typicalDay(start, seed), settings, start + DAY_HOURS * 3600_000);
    const idle = r.byType.activity ?? 0;
    const dog = r.byType.watchdog ?? 0;
    events += r.events;
    idleChanges += idle;
    watchdog += dog;
    breaks += r.records.length;
    perCycle += (r.events - idle - dog) / Math.max(1, r.records.length);
  }
  return { days, events: events / days, idleChanges: idleChanges / days, watchdog: watchdog / days, breaks: breaks / days, wakeUpsPerCycle: perCycle / days };
}
