/**
 * A tab switch ends a break's wait for a pause in input, in a real browser, shared by the Chromium
 * and Firefox suites (each passes its own way into the extension; Firefox also keeps "typing", so
 * its real idle service never marks a pause). The reference is the person's own action: the
 * prompt comes within one look of the switch, long before the wait's bound, and not before it.
 */
import { expect } from '@playwright/test';
import type { TestSettings } from './dev-settings';

export interface TabSwitchBrowser {
  setSettings(patch: TestSettings): Promise<void>;
  /** The stored tracker's wait: since when, and the tab it noted. */
  waiting(): Promise<{ pauseFrom: number | null; pauseTab: number | null } | null | undefined>;
  /** The id of the active tab in the last focused window. */
  tabInView(): Promise<number | null>;
  /** Opens a tab and makes it the one in view (the person switches). */
  switchTab(): Promise<void>;
  notificationIds(): Promise<string[]>;
  waitForPrompt(timeoutMs: number): Promise<{ seenAt: number }>;
  wait(ms: number): Promise<void>;
}

const MIN = 60_000;
/**
 * The look while a break waits: once a minute in use (HOLD_RECHECK_MS; the unit tests hold that
 * figure), 5 s here through the developer switch, so the test measures the wiring against the look
 * it configured.
 */
const LOOK_MS = 5_000;
/** The bound: a minute after the break fell due (the smallest the options offer besides 0). */
const WAIT_MIN = 1;
/** An alarm's and a poll's lateness. */
const SLACK_MS = 5_000;

export async function tabSwitchEndsWait(b: TabSwitchBrowser): Promise<void> {
  await b.setSettings({ idleSec: 60, pauseWaitMin: WAIT_MIN, holdRecheckSec: LOOK_MS / 1000, hold: { enabled: false, maxMin: 30 }, stretch: { enabled: true, everySec: 5, lengthSec: 2 } });
  await expect.poll(async () => (await b.waiting())?.pauseFrom ?? null, { timeout: 20_000 }).not.toBeNull();
  const { pauseFrom, pauseTab } = (await b.waiting())!;
  expect(pauseTab, 'the tab in view when the break fell due').toBe(await b.tabInView());
  // Two looks on the same tab: the break still waits.
  await b.wait(2 * LOOK_MS + 1_000);
  expect(await b.notificationIds()).toEqual([]);
  await b.switchTab();
  const switchedAt = Date.now();
  const prompt = await b.waitForPrompt(WAIT_MIN * MIN);
  console.log(`prompt ${prompt.seenAt - switchedAt} ms after the switch; the bound ${pauseFrom! + WAIT_MIN * MIN - switchedAt} ms after it`);
  expect(prompt.seenAt - switchedAt, "within a look (and an alarm's and a poll's slack) of the switch").toBeLessThanOrEqual(LOOK_MS + SLACK_MS);
  expect(pauseFrom! + WAIT_MIN * MIN - prompt.seenAt, 'well before the bound: only the switch explains it').toBeGreaterThan(20_000);
}
