/**
 * Helpers that act on the extension from an extension page (never through the worker handle,
 * which hangs while the worker is stopped).
 */
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { readHistoryRows, type HistoryRow } from '../../history-rows';
import { stopServiceWorkers } from '../../../scripts/chromium-args';

/** Fast test defaults: no posture checks, hour-long stretch interval unless a test says otherwise. */
export const FAST: Partial<Settings> = {
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 3600, lengthSec: 2 },
  snoozeSec: 300,
  snoozeLimit: 2,
  idleSec: 60,
  remindAfterSec: 0,
};

declare const chrome: {
  storage: {
    local: { get(k: string | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    sync: { get(k: string | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: { getBadgeText(d: object): Promise<string> };
};

/** Sends a protocol message to the background, as the extension's pages do. */
export async function sendMessage(page: Page, msg: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

export async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

/** Writes settings straight to storage (as a test may: seconds-long intervals), over the defaults. */
export async function setSettings(page: Page, patch: Partial<Settings>): Promise<void> {
  await page.evaluate(
    async ({ defaults, p }) => {
      // Settings live in storage.sync with a local copy: write both, as the extension does.
      const cur = ((await chrome.storage.local.get('settings')).settings ?? {}) as object;
      const next = { settings: { ...defaults, ...cur, ...p } };
      await chrome.storage.local.set(next);
      await chrome.storage.sync.set(next);
    },
    { defaults: { ...DEFAULT_SETTINGS, ...FAST }, p: patch },
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

/** Polls until a prompt notification appears; returns its id, break id, due time and when it was seen. */
export async function waitForPrompt(page: Page, opts: { timeoutMs?: number; not?: string[] } = {}) {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    const ids = await notificationIds(page);
    const id = ids.find((i) => i.startsWith('prompt:') && !(opts.not ?? []).some((n) => i.includes(n)));
    if (id) {
      const breakId = id.split(':')[1]!;
      const dueAt = Number(breakId.split('-').pop());
      return { id, breakId, dueAt, seenAt: Date.now() };
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no prompt notification appeared');
}
