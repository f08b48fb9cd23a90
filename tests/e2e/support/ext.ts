/**
 * Helpers that act on the extension from an extension page (never through the worker handle,
 * which hangs while the worker is stopped).
 */
import type { Page } from '@playwright/test';
import type { Settings } from '../../../lib/settings';
import { splitTestSettings, type TestSettings } from '../../dev-settings';
import { readHistoryRows, type HistoryRow } from '../../history-rows';
import { pollForPrompt } from '../../prompt-wait';
import { stopServiceWorkers } from '../../../scripts/chromium-args';

/** Fast test defaults: no posture checks, hour-long stretch interval unless a test says otherwise. */
export const FAST: Partial<Settings> = {
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 3600, lengthSec: 2 },
  snoozeSec: 300,
  snoozeLimit: 2,
  idleSec: 60,
  // Prompts on time: headless browsers report no input pauses (the pause wait has its own tests).
  pauseWaitMin: 0,
  // No heads-up before stretch breaks (its own specs turn it on, heads-up.spec.ts).
  headsUpSec: 0,
  remindAfterSec: 0,
};

declare const chrome: {
  storage: {
    local: { get(k: string | string[] | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    sync: { get(k: string | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

/** When the extension's alarm `name` is due, or 0 when there is none. */
export async function alarmTime(page: Page, name: string): Promise<number> {
  return page.evaluate(async (n) => (await chrome.alarms.get(n))?.scheduledTime ?? 0, name);
}

/** Sends a protocol message to the background, as the extension's pages do. */
export async function sendMessage(page: Page, msg: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

export async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

/**
 * Writes settings straight to storage, over the defaults and FAST: what the form allows to the
 * settings (both areas, as the extension does), seconds-long timing to the developer switch
 * (`devTiming`, read by the background only; tests/dev-settings.ts).
 */
export async function setSettings(page: Page, patch: TestSettings): Promise<void> {
  const current = await page.evaluate(async () => chrome.storage.local.get(['settings', 'devTiming']));
  const { settings, devTiming } = splitTestSettings(current, FAST, patch);
  await page.evaluate(
    async ({ settings, devTiming }) => {
      // The switch first: the settings' change event then finds it in place.
      await chrome.storage.local.set({ devTiming });
      await chrome.storage.local.set({ settings });
      await chrome.storage.sync.set({ settings });
    },
    { settings, devTiming },
  );
}

export async function storageGet<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>;
}

export async function notificationIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

export type { HistoryRow };

export async function historyRows(page: Page): Promise<HistoryRow[]> {
  return page.evaluate(readHistoryRows);
}

/** Stops every service worker through CDP (as Chrome does when the worker is idle). */
export const stopServiceWorker = stopServiceWorkers;

/** Waits until a prompt notification appears (tests/prompt-wait.ts); returns its id, break id, due time and when it was seen. */
export function waitForPrompt(page: Page, opts: { timeoutMs?: number; not?: string[] } = {}) {
  return pollForPrompt(() => notificationIds(page), opts);
}
