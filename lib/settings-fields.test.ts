/**
 * The settings fields and the welcome page as a person uses them, rendered with linkedom's document
 * (as entrypoints/break/FreeBreak.test.ts does) over the fake browser's storage, with the English
 * catalogue read from disk. From a review; each case failed before its fix:
 * - Restore defaults after a refused entry shows the default, without the old error;
 * - "Count me as away after" follows the stored seconds after Restore defaults;
 * - a daily limit of 7.75 h is shown (field and notice) as stored, not rounded to 7.8;
 * - numbers in the fields are written as the page's language writes them (7,5 in German);
 * - the welcome page's "I'll wait" announces a first reminder within the working hours it shows.
 */
import { describe, expect, it, vi } from 'vitest';
import { onUnmount, selectLikeABrowser, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

useEnglishPages();


async function mountOptions() {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
  selectLikeABrowser(document);
  const { h, render } = await import('preact');
  const { browser } = await import('wxt/browser');
  Object.assign(browser.commands, { getAll: async () => [] });
  const { App } = await import('../entrypoints/options/App');
  const root = document.getElementById('app')!;
  render(h(App, {}), root);
  onUnmount(() => render(null, root));
  const q = (sel: string) => document.querySelector(sel) as unknown as (HTMLInputElement & HTMLSelectElement) | null;
  // The sections below the fold (break behaviour with the daily limit, ...) load after the first paint.
  await until(() => q('#snoozeMin') !== null && q('[data-testid="daily-limit"]') !== null, 'the options form and its later sections');
  const type = (sel: string, text: string) => {
    const el = q(sel)!;
    el.value = text;
    el.dispatchEvent(new window.Event('input', { bubbles: true }));
    el.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const click = (sel: string) => (q(sel) as unknown as { click(): void }).click();
  /** Picks an option as a person does: it becomes the selected one, then the select's change. */
  const choose = (sel: string, value: string) => {
    (q(`${sel} option[value="${value}"]`) as unknown as { selected: boolean }).selected = true;
    q(sel)!.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const check = (sel: string, on: boolean) => {
    const el = q(sel)!;
    el.checked = on;
    el.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const selectValue = (sel: string) => q(sel)!.value;
  return { document, q, type, click, choose, check, selectValue };
}

/** Waits until the stored settings satisfy `ok` (the page's saves are asynchronous). */
async function storedUntil(ok: (s: import('./settings').Settings) => boolean, label: string): Promise<void> {
  const { loadSettings } = await import('./storage/settings-items');
  for (let i = 0; i < 400; i++) {
    if (ok(await loadSettings())) return;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${label}`);
}

describe('options: restore defaults', () => {
  it('after a refused entry, "Restore defaults" shows the default in the field and takes the error away', async () => {
    const { loadSettings } = await import('./storage/settings-items');
    const p = await mountOptions();
    // Snooze and idle: 10 minutes, saved.
    p.type('#snoozeMin', '10');
    await until(() => p.q('[data-testid="saved"]')!.textContent === 'Saved', 'the first save');
    expect((await loadSettings()).snoozeSec).toBe(600);
    // A typo: 45 is over the 30-minute maximum, refused with its reason, nothing stored.
    p.type('#snoozeMin', '45');
    await until(() => p.q('[data-testid="snoozeMin-error"]') !== null, 'the field error');
    expect(p.q('[data-testid="snoozeMin-error"]')!.textContent).toBe('Too large: the maximum is 30.');
    // The person gives up and restores the section's defaults: 5 minutes (README: Snooze 5 minutes).
    p.click('[data-testid="restore-snooze"]');
    await storedUntil((s) => s.snoozeSec === 300, 'the restore');
    await tick(20);
    // Stored: 5 minutes. The field must say so, with no error left over from the refused 45.
    expect({ text: p.q('#snoozeMin')!.value, error: p.q('[data-testid="snoozeMin-error"]')?.textContent ?? null }).toEqual({ text: '5', error: null });
  });

  it('after "Custom" seconds, "Restore defaults" shows "Count me as away after" at its default choice again', async () => {
    const p = await mountOptions();
    expect(p.selectValue('[data-testid="idle-preset"]')).toBe('default');
    // Custom: 90 seconds typed below the choice.
    p.choose('[data-testid="idle-preset"]', 'custom');
    p.type('#idleSec', '90');
    await storedUntil((s) => s.idleSec === 90, 'the custom seconds');
    await tick(20);
    expect(p.selectValue('[data-testid="idle-preset"]')).toBe('custom');
    // Restore defaults (Snooze and idle): away after 60 s, the "1 minute ... (default)" choice.
    p.click('[data-testid="restore-snooze"]');
    await storedUntil((s) => s.idleSec === 60, 'the restore');
    await tick(20);
    expect(p.q('#idleSec')!.value).toBe('60');
    const value = p.selectValue('[data-testid="idle-preset"]');
    const label = p.q(`[data-testid="idle-preset"] option[value="${value}"]`)?.textContent;
    expect({ value, label }).toEqual({ value: 'default', label: '1 minute without keyboard or mouse (default)' });
  });
});

describe('options: the daily sitting limit in hours', () => {
  it('7.75 hours typed (7 h 45 min): the field and the notice say the limit that is stored', async () => {
    const { loadSettings } = await import('./storage/settings-items');
    const { browser } = await import('wxt/browser');
    const p = await mountOptions();
    p.check('[data-testid="daily-limit"]', true);
    await storedUntil((s) => s.dailyLimit.enabled, 'the switch');
    p.type('#dailyLimit\\.hours', '7.75');
    await storedUntil((s) => s.dailyLimit.minutes !== 6 * 60, 'the limit');
    await tick(20);
    const stored = (await loadSettings()).dailyLimit.minutes;
    // 7.75 h = 465 min is what is stored, and the reminder comes at 465 min of desk time.
    expect(stored).toBe(465);
    // The notice that comes then (lib/platform/notify.ts), in English.
    const created = vi.spyOn(browser.notifications, 'create').mockResolvedValue('notice:dailyLimit' as never);
    const { showNotice } = await import('./platform/notify');
    await showNotice('dailyLimit', await loadSettings());
    const message = (created.mock.calls[0]?.[1] as unknown as { message: string }).message;
    expect({ field: p.q('#dailyLimit\\.hours')!.value, notice: message }).toEqual({
      field: '7.75',
      notice: 'Today you have been at your desk for more than 7.75 hours. Time to stand up and move a little.',
    });
  });
});

describe('options: numbers as the page\'s language writes them', () => {
  it('German: a daily limit of 7,5 hours typed is shown back as 7,5, not 7.5', async () => {
    const de = JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', 'de', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | Array<string | number>) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (de[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
    });
    const p = await mountOptions();
    p.check('[data-testid="daily-limit"]', true);
    await storedUntil((s) => s.dailyLimit.enabled, 'the switch');
    // German writes seven and a half with a decimal comma (CLDR; README: numbers go through Intl.NumberFormat, never by hand).
    p.type('#dailyLimit\\.hours', '7,5');
    await storedUntil((s) => s.dailyLimit.minutes === 450, 'the limit');
    await tick(20);
    expect(new Intl.NumberFormat('de').format(7.5)).toBe('7,5');
    expect(p.q('#dailyLimit\\.hours')!.value).toBe('7,5');
  });
});

describe('welcome: the hours it shows and the first reminder it announces', () => {
  it('installed on a Monday at 20:00 with the shown hours (Mon-Fri 09:00-17:30) left as they are, "I\'ll wait" announces no reminder outside those hours', async () => {
    const { clock } = await import('./platform/clock');
    const { browser } = await import('wxt/browser');
    const MONDAY_2000 = Date.UTC(2026, 2, 2, 20, 0); // Monday 2 March 2026, 20:00 (UTC machine)
    const TUESDAY_0900 = Date.UTC(2026, 2, 3, 9, 0);
    const now = MONDAY_2000;
    vi.spyOn(clock, 'now').mockImplementation(() => now);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    Object.assign(browser, {
      idle: { setDetectionInterval: vi.fn(), queryState: vi.fn(async () => 'active'), onStateChanged: fakeBrowser.alarms.onAlarm },
    });
    Object.assign(browser.notifications, { getPermissionLevel: async () => 'granted' });
    vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 7 } as never);
    const { handleMessage, settingsChanged, wake } = await import('./engine');
    const replies: Array<{ tracker?: { next: { at: number } | null } }> = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (msg: unknown) => {
      const r = await handleMessage(msg);
      if (r.ok) replies.push(r.data as never);
      return r;
    }) as never);
    await wake();

    const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, Event: window.Event });
    Object.assign(window, { close: vi.fn() });
    const { h, render } = await import('preact');
    const { App } = await import('../entrypoints/welcome/App');
    const root = document.getElementById('app')!;
    render(h(App, {}), root);
    onUnmount(() => render(null, root));
    const q = (sel: string) => document.querySelector(sel) as unknown as (HTMLElement & { click(): void }) | null;
    await until(() => q('[data-testid="welcome-wait"]') !== null, 'the welcome page');
    // Step 1 shows the working hours, on: Monday to Friday, 09:00-17:30.
    expect(q('[data-testid="schedule-preview"]')!.textContent).toMatch(/Mon–Fri/);

    // Step 3: "I'll wait for my first reminder".
    q('[data-testid="welcome-wait"]')!.click();
    await until(() => replies.length > 0, 'the status');
    // The answer's live region is filled a moment after it is emptied (so that it is read out).
    await until(() => !!q('[data-testid="welcome-first-at"]')?.textContent, 'the answer');
    const shown = q('[data-testid="welcome-first-at"]')?.textContent ?? null;
    const promised = replies.at(-1)!.tracker!.next?.at ?? null;

    // Then Done: the hours shown are stored; the background applies them (storage.onChanged).
    q('[data-testid="welcome-done"]')!.click();
    await tick(50);
    await settingsChanged();
    const after = (await handleMessage({ type: 'status/get' })) as { ok: true; data: { tracker: { next: unknown; offHours: { until: number } | null } } };
    // With the hours the page showed, Limber is off until Tuesday 09:00 (README: no prompts outside working hours).
    expect(after.data.tracker.offHours?.until).toBe(TUESDAY_0900);
    expect(after.data.tracker.next).toBeNull();

    // So the page must not have promised a reminder on Monday evening (the background, with the
    // hours not yet stored, still answers 8:20 PM), but the first one once the hours start: a
    // posture check's 20 minutes of desk time after Tuesday 09:00.
    expect(promised).toBe(MONDAY_2000 + 20 * 60_000);
    expect(shown).not.toMatch(/around 8:20\s?PM/);
    expect(shown).toMatch(/^Your first reminder: .*Tue.* 9:20\s?AM/);
  });
});

describe('numbers typed with a Japanese input method', () => {
  it('full-width digits, point and comma (１５, ７．５, ７，５) are read as the numbers they are', async () => {
    const { DEFAULT_SETTINGS } = await import('./settings');
    const { validateField } = await import('./settings-validate');
    const read = (field: Parameters<typeof validateField>[1], text: string) => {
      const r = validateField(DEFAULT_SETTINGS, field, text);
      return r.ok ? r.settings : r.error.key;
    };
    expect((read('snoozeMin', '１５') as { snoozeSec: number }).snoozeSec).toBe(15 * 60);
    expect((read('dailyLimit.hours', '７．５') as { dailyLimit: { minutes: number } }).dailyLimit.minutes).toBe(450);
    expect((read('dailyLimit.hours', '７，５') as { dailyLimit: { minutes: number } }).dailyLimit.minutes).toBe(450);
    expect(read('snoozeMin', '１，５')).toBe('errNotWhole');
  });
});

// Also checked: number parsing, presets on any valid settings, migrations.
describe('what already held', () => {
  it('typed numbers: comma or point decimals, surrounding (also ideographic) spaces; empty and blank are "Enter a number"', async () => {
    const { DEFAULT_SETTINGS } = await import('./settings');
    const { validateField } = await import('./settings-validate');
    const ok = (field: Parameters<typeof validateField>[1], text: string) => {
      const r = validateField(DEFAULT_SETTINGS, field, text);
      return r.ok ? r.settings : r.error.key;
    };
    expect((ok('dailyLimit.hours', ' 1,5 ') as { dailyLimit: { minutes: number } }).dailyLimit.minutes).toBe(90);
    expect((ok('dailyLimit.hours', '1.5') as { dailyLimit: { minutes: number } }).dailyLimit.minutes).toBe(90);
    expect((ok('snoozeMin', '\u3000 10 ') as { snoozeSec: number }).snoozeSec).toBe(600);
    expect(ok('snoozeMin', '')).toBe('errRequired');
    expect(ok('snoozeMin', '   ')).toBe('errRequired');
    expect(ok('snoozeMin', '1,5')).toBe('errNotWhole');
    expect(ok('snoozeMin', '1 0')).toBe('errNotNumber');
    expect(ok('dailyLimit.hours', '0,5')).toBe('errTooSmall');
    expect(ok('dailyLimit.hours', '16,01')).toBe('errTooLarge');
    const long = { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, lengthSec: 30 * 60 } };
    const r = validateField(long, 'stretch.everyMin', '30');
    expect(r.ok ? r : r.error.key).toBe('errLengthNotShorter');
  });

  it('every preset gives valid settings from the longest breaks the form allows, and is recognised after', async () => {
    const { DEFAULT_SETTINGS } = await import('./settings');
    const { parseSettings } = await import('./settings-parse');
    const { applyPreset, presetOf, PRESETS } = await import('./presets');
    const longest = { ...DEFAULT_SETTINGS, micro: { enabled: false, everySec: 120 * 60, lengthSec: 120 }, stretch: { enabled: false, everySec: 240 * 60, lengthSec: 30 * 60 }, strict: true };
    expect(parseSettings(longest).ok).toBe(true);
    for (const p of PRESETS) {
      const s = applyPreset(longest, p);
      expect(parseSettings(s).ok).toBe(true);
      expect(presetOf(s)).toBe(p);
    }
  });

  it('v1 settings through every step keep a chosen posture length, the hold bound and the week start default', async () => {
    const { DEFAULT_SETTINGS, migrateSettings } = await import('./settings');
    const { parseSettings } = await import('./settings-parse');
    const { weekStart: _w, hold: _h, ...rest } = { ...DEFAULT_SETTINGS, micro: { enabled: true, everySec: 25 * 60, lengthSec: 30 } };
    const r = parseSettings(migrateSettings({ ...rest, fullscreen: { defer: true, maxMin: 45 } }, 1));
    expect(r.ok && { micro: r.value.micro, hold: r.value.hold, weekStart: r.value.weekStart }).toEqual({ micro: { enabled: true, everySec: 25 * 60, lengthSec: 30 }, hold: { enabled: true, maxMin: 45 }, weekStart: 'locale' });
  });
});
