/**
 * Counts the prompts the extension really shows: every notification Limber creates for a break is
 * recorded, with its time, in storage.session (`shownPrompt`); an observer on an extension page
 * hears each write as a change (each value is new, so none is merged), independent of how many
 * notifications happen to be on screen at a given moment.
 */
import type { Page } from '@playwright/test';

declare const chrome: { storage: { onChanged: { addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void } } };

export async function countShownPrompts(page: Page): Promise<{ count(breakId: string): Promise<number>; all(): Promise<string[]> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __shown?: string[] };
    if (w.__shown) return;
    w.__shown = [];
    chrome.storage.onChanged.addListener((changes, area) => {
      const v = changes.shownPrompt?.newValue as { breakId?: string } | undefined;
      if (area === 'session' && v?.breakId) w.__shown!.push(v.breakId);
    });
  });
  const all = () => page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
  return { all, count: async (id) => (await all()).filter((x) => x === id).length };
}
