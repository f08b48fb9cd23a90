/**
 * Helpers that run the WebExtension API inside an extension page (the `control` page), like
 * tests/e2e/support/ext.ts (same names, same shapes): settings, storage, badge, notifications,
 * the history, protocol messages, and the background page's window.
 */
import type { Page } from 'puppeteer-core';
import { splitTestSettings, type TestSettings } from '../../dev-settings';
import { readHistoryRows, type HistoryRow } from '../../history-rows';
import { pollForPrompt } from '../../prompt-wait';
import { FAST } from './firefox';

/** The slice of the WebExtension API the helpers use inside an extension page. */
interface ExtApi {
  storage: {
    local: { get(k: string | string[] | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    sync: { get(k: string | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  };
  action: { getBadgeText(d: object): Promise<string> };
  commands: { update(d: { name: string; shortcut: string }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, NotificationInfo>> };
  runtime: { getBackgroundPage(): Promise<(Window & Record<string, unknown>) | null>; sendMessage(m: unknown): Promise<unknown> };
  idle: { queryState(sec: number): Promise<string> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
}
declare const browser: ExtApi;

/** When the extension's alarm `name` is due, or 0 when there is none (as tests/e2e/support/ext.ts). */
export async function alarmTime(page: Page, name: string): Promise<number> {
  return page.evaluate(async (n) => (await browser.alarms.get(n))?.scheduledTime ?? 0, name);
}

/** What Firefox's `notifications.getAll()` returns for a notification (its creation options). */
export interface NotificationInfo {
  type?: string;
  title?: string;
  message?: string;
  buttons?: unknown;
  requireInteraction?: unknown;
  [k: string]: unknown;
}
/** Writes settings straight to storage over the defaults and FAST (seconds-long timing to the developer switch: tests/dev-settings.ts). */
export async function setSettings(page: Page, patch: TestSettings): Promise<void> {
  const current = (await page.evaluate(async () => browser.storage.local.get(['settings', 'devTiming']))) as { settings?: unknown; devTiming?: unknown };
  const { settings, devTiming } = splitTestSettings(current, FAST, patch);
  await page.evaluate(
    async (s, d) => {
      await browser.storage.local.set({ devTiming: d });
      await browser.storage.local.set({ settings: s });
      await browser.storage.sync.set({ settings: s }); // settings live in sync, with a local copy
    },
    settings,
    devTiming,
  );
}

/** A value in storage.local, or in storage.sync with `area: 'sync'` (where the settings live). */
export async function storageGet<T = unknown>(page: Page, key: string, area: 'local' | 'sync' = 'local'): Promise<T | undefined> {
  return page.evaluate(async (k, a) => (await browser.storage[a].get(k))[k], key, area) as Promise<T | undefined>;
}

/** The toolbar badge's text, as the add-on set it. */
export async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => browser.action.getBadgeText({}));
}

/** Rebinds one of the add-on's commands, as a person does in "Manage Extension Shortcuts". */
export async function rebindCommand(page: Page, name: string, shortcut: string): Promise<void> {
  await page.evaluate((n, s) => browser.commands.update({ name: n, shortcut: s }), name, shortcut);
}

export async function notifications(page: Page): Promise<Record<string, NotificationInfo>> {
  return page.evaluate(async () => browser.notifications.getAll());
}

export async function notificationIds(page: Page): Promise<string[]> {
  return Object.keys(await notifications(page));
}

export type { HistoryRow };

export async function historyRows(page: Page): Promise<HistoryRow[]> {
  return page.evaluate(readHistoryRows);
}

/** Waits until a prompt notification appears (tests/prompt-wait.ts); returns its id, break id, due time and when it was seen. */
export function waitForPrompt(page: Page, opts: { timeoutMs?: number; not?: string[] } = {}) {
  return pollForPrompt(() => notificationIds(page), opts);
}

/** Sets a value on the background page's window (getBackgroundPage may wake a suspended event page). */
export async function markBackground(page: Page, token: string): Promise<boolean> {
  return page.evaluate(async (t) => {
    const bg = await browser.runtime.getBackgroundPage();
    if (!bg) return false;
    bg.__limberTestMark = t;
    return true;
  }, token);
}

/** The mark on the background page now running (undefined once that page was torn down and restarted). */
export async function backgroundMark(page: Page): Promise<unknown> {
  return page.evaluate(async () => (await browser.runtime.getBackgroundPage())?.__limberTestMark);
}

export async function idleQueryState(page: Page, sec: number): Promise<string> {
  return page.evaluate(async (s) => browser.idle.queryState(s), sec);
}

/** Sends a protocol message to the background, as the extension's pages do; returns its answer. */
export async function sendMessage(page: Page, msg: unknown): Promise<unknown> {
  return page.evaluate((m) => browser.runtime.sendMessage(m), msg);
}
