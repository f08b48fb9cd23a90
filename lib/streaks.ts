/**
 * Streaks: pure functions of which days "count". For now a day counts when it has at least one
 * completed break. Today not counting yet does not break the streak (the day is not over).
 */
import { addDays, type DayKey } from './days';

export function currentStreak(countingDays: ReadonlySet<DayKey>, today: DayKey): number {
  let day = countingDays.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (countingDays.has(day)) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}

export function longestStreak(countingDays: ReadonlySet<DayKey>): number {
  let best = 0;
  for (const day of countingDays) {
    if (countingDays.has(addDays(day, -1))) continue; // not the start of a run
    let n = 0;
    let d = day;
    while (countingDays.has(d)) {
      n++;
      d = addDays(d, 1);
    }
    best = Math.max(best, n);
  }
  return best;
}
