/**
 * The options page's "Restore defaults", its own call sites and the week-start hint, from a review
 * of the page outside the week editor, own routines and data. Rendered with linkedom's document
 * over WXT's fake browser, English catalogue from disk (tests/support/linkedom-page.ts). Expected values come
 * from the README, the page's own text and the stored settings.
 * describe('bugs'): each case failed on the code as reviewed and passes with its fix.
 */
import { describe, expect, it, vi } from 'vitest';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, storedUntil } from '../tests/support/options-page';
import { DEFAULT_SETTINGS } from './settings';

useEnglishPages();

const saved = (p: Awaited<ReturnType<typeof mountOptionsPage>>) => p.q('[data-testid="saved"]')!.textContent === englishMessage('saved');

describe('bugs found in review (each test holds its fix)', () => {
  it('"Restore defaults (Snooze and idle)" after a refused entry: the field still shows "abc" and "Enter a number" although the default is stored', async () => {
    const p = await mountOptionsPage();
    // Nothing changed yet: the stored snooze is the default, 5 minutes.
    p.type('#snoozeMin', 'abc');
    await until(() => p.q('[data-testid="snoozeMin-error"]') !== null, 'the refusal');
    p.q('[data-testid="restore-snooze"]')!.click();
    await until(() => saved(p), 'the restore saved');
    await tick(30);
    expect({ text: p.q('#snoozeMin')!.value, error: p.q('[data-testid="snoozeMin-error"]')?.textContent ?? null }).toEqual({ text: '5', error: null });
  });

  it('"Restore defaults (Stretch breaks)" after a refused entry: the field still shows 999 and "at most 240"', async () => {
    const p = await mountOptionsPage();
    p.type('#stretch\\.everyMin', '999');
    await until(() => p.q('[data-testid="stretch.everyMin-error"]') !== null, 'the refusal');
    p.q('[data-testid="restore-stretch"]')!.click();
    await until(() => saved(p), 'the restore saved');
    await tick(30);
    expect({ text: p.q('#stretch\\.everyMin')!.value, error: p.q('[data-testid="stretch.everyMin-error"]')?.textContent ?? null }).toEqual({ text: '50', error: null });
  });

  it('"Restore defaults" whose save fails says so ("That change could not be saved"), as every other change on the page does (it said nothing)', async () => {
    const { saveSettings } = await import('./storage/settings-items');
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, strict: true });
    await until(() => p.q('[data-testid="strict"]')!.checked, 'strict shown');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.q('[data-testid="restore-behaviour"]')!.click();
    await until(() => p.q('[data-testid="save-failed"]') !== null, 'the failure said', 200).catch(() => undefined);
    expect(p.q('[data-testid="save-failed"]')?.textContent ?? null).toBe(englishMessage('errSaveFailed'));
    expect((await storedUntil(() => true, 'stored')).strict).toBe(true);
    expect(saved(p)).toBe(false);
  });

  it('"Restore defaults (Sounds)" whose save fails says so in its section (it said nothing)', async () => {
    const { saveSettings } = await import('./storage/settings-items');
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, sound: { chime: true, volume: 0.3, voice: true } });
    await until(() => p.q('[data-testid="voice"]')!.checked, 'voice shown');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.q('[data-testid="restore-sounds"]')!.click();
    await until(() => p.q('[data-testid="routine-prefs"] [role="alert"]') !== null, 'the failure said', 200).catch(() => undefined);
    expect(p.q('[data-testid="routine-prefs"] [role="alert"]')?.textContent ?? null).toBe(englishMessage('errSaveFailed'));
  });

  it('Call sites: removing two own sites in quick succession brings the first back (its permission already given back)', async () => {
    const { saveSettings } = await import('./storage/settings-items');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    // The browser's permissions API answers after a moment (it asks the browser process).
    const removed: string[] = [];
    const perms = fakeBrowser.permissions as unknown as Record<string, (...a: never[]) => unknown>;
    vi.spyOn(perms, 'remove').mockImplementation((async ({ origins }: { origins: string[] }) => {
      await tick(30);
      removed.push(...origins);
      return true;
    }) as never);
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: false, own: ['a.example.org', 'b.example.org'] } });
    await until(() => p.q('[data-testid="call-site-remove-b.example.org"]') !== null, 'the two sites');
    p.q('[data-testid="call-site-remove-a.example.org"]')!.click();
    await tick(5);
    p.q('[data-testid="call-site-remove-b.example.org"]')!.click();
    await until(() => removed.length === 2, 'both given back');
    await tick(50);
    const own = (await storedUntil(() => true, 'stored')).callSites.own;
    expect({ own, listed: p.q('.call-sites') !== null }).toEqual({ own: [], listed: false });
  });

  it('"Weeks start on": the hint names only what the choice changes (it promised "this week\'s streak days", which nothing shows: the popup shows the last 7 days)', async () => {
    // What follows the week start: the weekly review (README: "The weekly review's weeks follow
    // it"; lib/weekly-review.ts) and the order of the days in the working hours above it
    // (components/ScheduleEditor.tsx). Streaks do not: the popup's week is the last seven days
    // (lib/review.ts, lastDays), and lib/streaks.ts's thisWeek is used by no page.
    const hint = englishMessage('weekStartHint');
    expect(hint).not.toMatch(/streak/i);
    expect(hint).toMatch(/weekly review/);
    expect(hint).toMatch(/working hours/);
    // The week editor's order does follow it (its days show once working hours are on).
    const p = await mountOptionsPage();
    p.check('[data-testid="schedule-enabled"]', true);
    await storedUntil((s) => s.schedule.enabled, 'working hours on');
    const firstDay = () => p.q('.sched-day legend')?.textContent ?? '';
    p.choose('[data-testid="week-start"]', 'sat');
    await storedUntil((s) => s.weekStart === 'sat', 'Saturday');
    await until(() => firstDay() === 'Saturday', 'the week from Saturday', 200).catch(() => undefined);
    expect(firstDay()).toBe('Saturday');
  });
});
