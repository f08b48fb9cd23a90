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
  // Each number section: a refused entry, then its "Restore defaults" while the stored value is already the default.
  const cases = [
    { title: '"Restore defaults (Snooze and idle)" after a refused entry: the field still shows "abc" and "Enter a number" although the default is stored', field: 'snoozeMin', section: 'snooze', typed: 'abc', want: '5' },
    { title: '"Restore defaults (Stretch breaks)" after a refused entry: the field still shows 999 and "at most 240"', field: 'stretch.everyMin', section: 'stretch', typed: '999', want: '50' },
  ];
  for (const c of cases) {
    it(c.title, async () => {
      const p = await mountOptionsPage();
      const input = `#${c.field.replace('.', '\\.')}`;
      p.type(input, c.typed);
      await until(() => p.q(`[data-testid="${c.field}-error"]`) !== null, 'the refusal');
      p.q(`[data-testid="restore-${c.section}"]`)!.click();
      await until(() => saved(p), 'the restore saved');
      await tick(30);
      expect({ text: p.q(input)!.value, error: p.q(`[data-testid="${c.field}-error"]`)?.textContent ?? null }).toEqual({ text: c.want, error: null });
    });
  }

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
    await until(() => p.q('[data-testid="sound-prefs"] [role="alert"]') !== null, 'the failure said', 200).catch(() => undefined);
    expect(p.q('[data-testid="sound-prefs"] [role="alert"]')?.textContent ?? null).toBe(englishMessage('errSaveFailed'));
  });

  it('Sounds: a volume change whose save fails says so by the volume, in the Sounds section (it said so at the top of Routines, a long list above), and the alert goes once a sound change saves', async () => {
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const volume = p.q('[data-testid="volume"]')!;
    volume.value = '30';
    volume.dispatchEvent(new p.window.Event('input', { bubbles: true }));
    volume.dispatchEvent(new p.window.Event('change', { bubbles: true }));
    const alert = (section: string) => p.q(`[data-testid="${section}"] [role="alert"]`)?.textContent ?? null;
    await until(() => alert('sound-prefs') !== null || alert('routine-prefs') !== null, 'the failure said', 200).catch(() => undefined);
    expect({ sounds: alert('sound-prefs'), routines: alert('routine-prefs') }).toEqual({ sounds: englishMessage('errSaveFailed'), routines: null });
    expect((await storedUntil(() => true, 'stored')).sound.volume).toBe(DEFAULT_SETTINGS.sound.volume);
    // Tried again, it saves, and the alert is no longer true.
    p.check('[data-testid="chime"]', true);
    await storedUntil((s) => s.sound.chime, 'the chime on');
    await until(() => alert('sound-prefs') === null, 'the alert gone', 200).catch(() => undefined);
    expect(alert('sound-prefs')).toBeNull();
  });

  it('Routines: a change whose save fails says so in Routines, not in Sounds', async () => {
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.check('[data-testid="equipment-tennis-ball"]', true);
    const alert = (section: string) => p.q(`[data-testid="${section}"] [role="alert"]`)?.textContent ?? null;
    await until(() => alert('routine-prefs') !== null, 'the failure said', 200).catch(() => undefined);
    expect({ sounds: alert('sound-prefs'), routines: alert('routine-prefs') }).toEqual({ sounds: null, routines: englishMessage('errSaveFailed') });
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

  it('"Length": the hint promised that being away for a posture check\'s 45 s counts as the break taken, yet the browser only reports an absence after "Away after" (60 s by default), so 45-59 s away (the screen not locked) is never noticed', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { configureIdle } = await import('./platform/idle');
    const interval = vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => undefined);
    // What the worker asks of the browser with the defaults: idle after "Away after", not after a break's length.
    await configureIdle(DEFAULT_SETTINGS.idleSec);
    expect(interval).toHaveBeenCalledWith(60);
    expect(DEFAULT_SETTINGS.micro.lengthSec).toBeLessThan(DEFAULT_SETTINGS.idleSec);
    // The Length fields' hint must say when an absence is noticed: after "Away after" (or on a locked screen, which Chrome reports at once).
    const p = await mountOptionsPage();
    const hints = ['stretch.lengthMin', 'micro.lengthSec'].map((id) => p.document.getElementById(`${id}-hint`)?.textContent ?? '');
    for (const hint of hints) expect(hint).toContain(`“${englishMessage('fieldIdle')}”`);
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
