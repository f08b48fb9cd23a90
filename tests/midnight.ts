/**
 * For the browser tests (Chromium, Firefox, real idle) that read "today's" figures: the popup's
 * count and streak, a status snapshot (usable only on the day it was taken), the break page's
 * "breaks today". Such a test must not straddle local midnight, or a break recorded at 23:59:59 is
 * yesterday's when the popup reads it at 00:00:01. The browsers run in the machine's time zone, so
 * this process's local midnight is theirs.
 */

/**
 * When local midnight is less than `spanMs` away (the time the test needs from here), waits until
 * it has passed. `extend` is told first how long the wait will be (to add it to the test's timeout).
 */
export async function clearOfMidnight(spanMs: number, extend: (ms: number) => void): Promise<void> {
  const now = new Date();
  const left = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
  if (left >= spanMs) return;
  const wait = left + 1000;
  extend(wait);
  await new Promise((r) => setTimeout(r, wait));
}
