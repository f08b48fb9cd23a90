/**
 * The watchdog's promise in a real browser, shared by the Chromium and Firefox suites (each passes
 * its own way into the extension): due five minutes after the last event the background heard and
 * saved, put back by the next one, and left where it is by a status read (lib/platform/alarms.ts
 * reconcileWatchdog). The reference is the person's own action, a settings change.
 */
import { expect } from '@playwright/test';

export interface WatchdogBrowser {
  /** When the extension's watchdog alarm is due (0 if none). */
  watchdog(): Promise<number>;
  /** Sets the stretch break's interval (a settings change the background hears and saves). */
  setStretchEvery(sec: number): Promise<void>;
  /** The popup's status read ('popup/get'), its answer. */
  popupRead(): Promise<unknown>;
  wait(ms: number): Promise<void>;
}

const FIVE_MIN = 5 * 60_000;
/** An alarm within 1 s of the wanted time is kept (lib/platform/alarms.ts TOLERANCE_MS). */
const KEPT_MS = 1000;

export async function watchdogFollowsEvents(b: WatchdogBrowser): Promise<void> {
  let before = Date.now();
  await b.setStretchEvery(3600);
  await expect.poll(() => b.watchdog()).toBeGreaterThanOrEqual(before + FIVE_MIN - KEPT_MS);
  // The settings change is several writes (the developer switch, the local copy, sync), each an
  // event the background may handle; under load the last can come over a second after the first.
  const first = await settled(b);
  expect(first).toBeLessThanOrEqual(Date.now() + FIVE_MIN);
  await b.wait(2000);
  // A status read (the popup's) is not saved, so it is no sign of life: the watchdog stays.
  expect(await b.popupRead()).toMatchObject({ ok: true });
  expect(await b.watchdog()).toBe(first);
  // The next event heard puts it back: five minutes after it, not on a fixed beat.
  before = Date.now();
  await b.setStretchEvery(3000);
  await expect.poll(() => b.watchdog()).toBeGreaterThanOrEqual(before + FIVE_MIN - KEPT_MS);
  expect(await b.watchdog()).toBeLessThanOrEqual(Date.now() + FIVE_MIN);
  expect(await b.watchdog()).toBeGreaterThanOrEqual(first + 2000);
}

/** The watchdog once the events of a change have all been heard: the same in two reads 1.5 s apart. */
async function settled(b: WatchdogBrowser): Promise<number> {
  let last = await b.watchdog();
  for (;;) {
    await b.wait(1500);
    const now = await b.watchdog();
    if (now === last) return now;
    last = now;
  }
}
