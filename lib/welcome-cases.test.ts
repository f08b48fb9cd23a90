/**
 * The welcome page's step 3 when the background does not do what was asked, from an accessibility
 * review: "Try one now" and "I'll wait…" said nothing at all (the failure was an unhandled
 * rejection), so a person, and a screen reader, were left waiting for a break or a time that would
 * not come. Each case failed before its fix, except the controls. Rendered with linkedom over WXT's
 * fake browser, English catalogue from disk (tests/support/linkedom-page.ts).
 * Then, from a later review, the page's saves: Done and a preset whose save failed said nothing
 * either (an unhandled rejection; Done left the page open without a word).
 * Then, from a review of the first run: with notifications blocked, the page's own save of "open
 * the break window" that failed was made again at every redraw, without end and without a word
 * (now once, and again by Done, which says a failure); and the time "I'll wait…" said stayed on
 * the page after the hours or the breaks it was worked out from were changed.
 * (Later, that save was dropped: the setting syncs, and the person's other computers would open
 * windows too; the background opens the window for a prompt it cannot show on this computer.)
 * Then, from a review of "I'll wait…": paused, both kinds of break off, no working hours left, or
 * the hours ending before the next break, it said nothing at all; and its answer was inserted with
 * its live region (several screen readers say nothing then) and not read out when pressed again.
 */
import { describe, expect, it, vi } from 'vitest';
import { effectsSurviveTimerSwitches, englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { pageDom, storedUntil } from '../tests/support/options-page';
import type { Settings } from './settings';

useEnglishPages();
// Some cases fake setTimeout and switch back: Preact's effects must not be lost with the fake clock.
effectsSurviveTimerSwitches();

/** The welcome page, the background answering each message with `answer`, Limber's notifications `permission` (allowed unless said). */
async function mountWelcome(answer: (m: { type: string }) => Promise<unknown>, permission: 'granted' | 'denied' = 'granted') {
  const d = pageDom();
  const { browser } = await import('wxt/browser');
  Object.assign(browser.notifications, { getPermissionLevel: async () => permission });
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((m: { type: string }) => answer(m)) as never);
  const { h, render } = await import('preact');
  const { App } = await import('../entrypoints/welcome/App');
  const root = d.document.getElementById('app')!;
  render(h(App, {}), root);
  onUnmount(() => render(null, root));
  await until(() => d.q('[data-testid="welcome-try"]') !== null, 'the welcome page');
  const alert = () => d.q('[role="alert"]')?.textContent ?? null;
  return { ...d, alert };
}

/** What the browser does when no background answers (the worker not started, or stopped mid-update). */
const noReceiver = async () => {
  throw new Error('Could not establish connection. Receiving end does not exist.');
};

describe('welcome, step 3: a request that fails is said on the page', () => {
  it('"Try one now" with no background answering: "That did not work. Please try again." (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    d.q('[data-testid="welcome-try"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect(d.alert()).toBe(englishMessage('errActionFailed'));
  });

  it('"Try one now" refused by the background: the same message', async () => {
    const d = await mountWelcome(async () => ({ ok: false, error: 'internal' }));
    d.q('[data-testid="welcome-try"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect(d.alert()).toBe(englishMessage('errActionFailed'));
  });

  it('"I\'ll wait…" with no background answering: "Limber is not answering right now. Try again in a moment." (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    d.q('[data-testid="welcome-wait"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect({ alert: d.alert(), firstAt: d.q('[data-testid="welcome-first-at"]')!.textContent }).toEqual({ alert: englishMessage('errBackground'), firstAt: '' });
  });

  // "Try one now" too says "not answering", as the popup does: the background may still do it (see
  // the late answer below), so "That did not work" would not be true.
  for (const [button, message] of [['welcome-try', 'errBackground'], ['welcome-wait', 'errBackground']] as const) {
    it(`"${button === 'welcome-try' ? 'Try one now' : 'I\'ll wait…'}" with a worker alive but never answering: after 8 s, "${englishMessage(message)}" (it said nothing until Chrome closed the channel, minutes later)`, async () => {
      const d = await mountWelcome(() => new Promise(() => undefined));
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        d.q(`[data-testid="${button}"]`)!.click();
        await vi.advanceTimersByTimeAsync(7_500);
        expect(d.alert()).toBeNull(); // still waiting, as the break page does
        await vi.advanceTimersByTimeAsync(1_000);
        expect(d.alert()).toBe(englishMessage(message));
      } finally {
        vi.useRealTimers();
      }
    });
  }

  it('control: tried again and answered this time, the message goes', async () => {
    let up = false;
    const d = await mountWelcome(async (m) => {
      if (!up) return noReceiver();
      return m.type === 'break/start' ? { ok: true, data: { started: true } } : { ok: false, error: 'internal' };
    });
    d.q('[data-testid="welcome-try"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    up = true;
    d.q('[data-testid="welcome-try"]')!.click();
    await tick(30);
    expect(d.alert()).toBeNull();
  });
});

describe('welcome: a save that fails is said on the page', () => {
  /** The next write to storage fails (a full disk, the quota). */
  const failNextSave = async () => {
    const { browser } = await import('wxt/browser');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
  };
  const closed = (d: { window: unknown }) => (d.window as { close: { mock: { calls: unknown[] } } }).close.mock.calls.length > 0;

  it('Done whose save fails: "That change could not be saved. Please try again.", and the page stays open (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    await failNextSave();
    d.q('[data-testid="welcome-done"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect({ alert: d.alert(), closed: closed(d) }).toEqual({ alert: englishMessage('errSaveFailed'), closed: false });
    // Tried again, saved this time: the working hours are on and the page closes.
    d.q('[data-testid="welcome-done"]')!.click();
    await storedUntil((s) => s.schedule.enabled, 'working hours on');
    await until(() => closed(d), 'the page closed');
  });

  it('a preset whose save fails: the same message, and the radio shows the preset in force (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    await failNextSave();
    d.check('[data-testid="preset-gentle"]', true);
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    await tick(20);
    expect({ alert: d.alert(), gentle: d.q('[data-testid="preset-gentle"]')!.checked, balanced: d.q('[data-testid="preset-balanced"]')!.checked }).toEqual({ alert: englishMessage('errSaveFailed'), gentle: false, balanced: true });
  });

  it('control: Skip setup saves nothing and closes the page', async () => {
    const d = await mountWelcome(noReceiver);
    d.q('[data-testid="welcome-skip"]')!.click();
    await until(() => closed(d), 'the page closed');
    expect(d.alert()).toBeNull();
  });
});

describe('welcome, "I\'ll wait": the time said is not left standing after the choice it was worked out from changes', () => {
  it('a preset chosen after "I\'ll wait": the old time goes (it still said the 20-minute posture check\'s time under Focused)', async () => {
    const { clock } = await import('../lib/platform/clock');
    const NOW = Date.UTC(2026, 11, 2, 10, 0); // a Wednesday, 10:00, inside the prefilled Mon–Fri 09:00–17:30
    vi.spyOn(clock, 'now').mockReturnValue(NOW);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
    const d = await mountWelcome(async (m) =>
      m.type === 'status/get' ? { ok: true, data: { tracker: { next: { at: NOW + 20 * 60_000, kind: 'micro' }, offHours: null } } } : noReceiver(),
    );
    // Pressed again if need be: the page may first draw the settings module's copy from an earlier
    // test, then the stored ones; a time worked out from the first is not said under the second.
    for (let i = 0; i < 40 && !d.q('[data-testid="welcome-first-at"]')!.textContent; i++) {
      d.q('[data-testid="welcome-wait"]')!.click();
      await tick(125);
    }
    const said = d.q('[data-testid="welcome-first-at"]')!.textContent;
    d.check('[data-testid="preset-focused"]', true);
    await storedUntil((s) => s.stretch.everySec === 90 * 60, 'Focused saved');
    await tick(30);
    expect(said).toContain(':20');
    expect(d.q('[data-testid="welcome-first-at"]')!.textContent).not.toBe(said);
  });
});

describe('welcome, Done with working hours on screen that cannot be saved', () => {
  it('a time cleared in step 1: Done says to correct it, and neither closes the page nor saves other hours (it closed, the hours on screen lost)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    d.type('[data-testid="day-0-range-0-to"]', '');
    await until(() => d.q('[data-testid="day-0-error"]') !== null, 'the field marked');
    const field = d.q('[data-testid="day-0-range-0-to"]')!;
    const focus = vi.spyOn(field, 'focus');
    d.q('[data-testid="welcome-done"]')!.click();
    await tick(50);
    const { loadSettings } = await import('./storage/settings-items');
    expect({
      alert: d.q('[data-testid="welcome-error"]')?.textContent ?? null,
      closed: (d.window as unknown as { close: { mock: { calls: unknown[] } } }).close.mock.calls.length > 0,
      focused: focus.mock.calls.length > 0,
      hoursOn: (await loadSettings()).schedule.enabled,
    }).toEqual({ alert: englishMessage('welcomeFixHours'), closed: false, focused: true, hoursOn: false });
  });

  it('control: corrected (its save clears the message), Done saves the hours and closes the page', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    d.type('[data-testid="day-0-range-0-to"]', '');
    await until(() => d.q('[data-testid="day-0-error"]') !== null, 'the field marked');
    d.q('[data-testid="welcome-done"]')!.click();
    await until(() => d.q('[data-testid="welcome-error"]') !== null, 'the message');
    d.type('[data-testid="day-0-range-0-to"]', '16:00');
    await until(() => d.q('[data-testid="day-0-error"]') === null, 'the mark gone');
    await tick(20);
    expect(d.q('[data-testid="welcome-error"]')).toBeNull();
    d.q('[data-testid="welcome-done"]')!.click();
    const s = await storedUntil((x) => x.schedule.enabled, 'working hours on');
    expect(s.schedule.days[0]).toEqual([{ from: 540, to: 960 }]);
    await until(() => (d.window as unknown as { close: { mock: { calls: unknown[] } } }).close.mock.calls.length > 0, 'the page closed');
  });
});

describe('welcome, "I\'ll wait" when no reminder is coming as things stand, and its answer read out', () => {
  const NOW = Date.UTC(2026, 11, 2, 10, 0); // a Wednesday, 10:00, inside the prefilled Mon–Fri 09:00–17:30
  const MIN = 60_000;
  /** The tracker as the background describes it (lib/tracker/view.ts): counting, nothing held. */
  const tracker = (over: Record<string, unknown>) => ({ phase: 'working', activity: 'active', next: null, open: null, paused: null, offHours: null, held: null, hoursEnd: null, lastNaturalAt: null, ...over });
  /** The welcome page at `now` (UTC), with `stored` settings saved first, the background describing `tr`. */
  async function mountAt(now: number, tr: Record<string, unknown>, stored?: (s: Settings) => Settings) {
    const { clock } = await import('../lib/platform/clock');
    vi.spyOn(clock, 'now').mockReturnValue(now);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
    if (stored) {
      const { DEFAULT_SETTINGS } = await import('./settings');
      const { saveSettings } = await import('./storage/settings-items');
      await saveSettings(stored(DEFAULT_SETTINGS));
    }
    return mountWelcome(async (m) => (m.type === 'status/get' ? { ok: true, data: { now, tracker: tracker(tr) } } : noReceiver()));
  }
  const region = (d: { q: (s: string) => Element | null }) => d.q('[data-testid="welcome-first-at"]');
  /** What the region says, line by line (its paragraphs, or its own text). */
  const lines = (d: { q: (s: string) => Element | null }) => {
    const r = region(d);
    const ps = Array.from(r?.querySelectorAll('p') ?? []).map((p) => p.textContent);
    return ps.length > 0 ? ps : r?.textContent ? [r.textContent] : [];
  };
  /**
   * "I'll wait" pressed (again, if need be, until the page draws the stored settings: it may first
   * draw the settings module's copy from an earlier test) until it says `want`; what it said last.
   */
  async function press(d: { q: (s: string) => (Element & { click(): void }) | null }, want: string[]) {
    for (let i = 0; i < 20; i++) {
      d.q('[data-testid="welcome-wait"]')!.click();
      await until(() => lines(d).length > 0, 'an answer', 200).catch(() => undefined);
      if (JSON.stringify(lines(d)) === JSON.stringify(want)) break;
      await tick(20);
    }
    return lines(d);
  }
  const firstAt = async (at: number, now: number) => {
    const { tTime } = await import('./i18n-time');
    return englishMessage('welcomeFirstAt', tTime('around', at, { now }));
  };

  it('reminders paused until 11:00: says so, and that the first reminder comes around 11:20 (it said nothing)', async () => {
    const { tTime } = await import('./i18n-time');
    const d = await mountAt(NOW, { paused: { until: NOW + 60 * MIN } });
    const want = [englishMessage('whyPaused', tTime('until', NOW + 60 * MIN, { now: NOW })), await firstAt(NOW + 80 * MIN, NOW)];
    expect(want[1]).toContain('11:20');
    expect(await press(d, want)).toEqual(want);
  });

  it('paused until 17:20, the hours end at 17:30: the first reminder comes around Thursday 09:20 (it said nothing)', async () => {
    const { tTime } = await import('./i18n-time');
    const until = Date.UTC(2026, 11, 2, 17, 20);
    const d = await mountAt(NOW, { paused: { until } });
    const want = [englishMessage('whyPaused', tTime('until', until, { now: NOW })), await firstAt(Date.UTC(2026, 11, 3, 9, 20), NOW)];
    expect(await press(d, want)).toEqual(want);
  });

  it('strict mode, a posture check waiting out a pause until 11:00: it comes around 11:00, not an interval later', async () => {
    const { tTime } = await import('./i18n-time');
    const open = { id: 'b1', kind: 'micro', snoozes: 0, canSnooze: false, canSkip: false };
    const d = await mountAt(NOW, { phase: 'snoozed', open, paused: { until: NOW + 60 * MIN } });
    const want = [englishMessage('whyPaused', tTime('until', NOW + 60 * MIN, { now: NOW })), await firstAt(NOW + 60 * MIN, NOW)];
    expect(await press(d, want)).toEqual(want);
  });

  it('a posture check due now (its prompt out, or held): it is the first reminder, now, not an interval later (it said nothing)', async () => {
    const open = { id: 'b1', kind: 'micro', snoozes: 0, canSnooze: true, canSkip: true };
    const d = await mountAt(NOW, { phase: 'due', open });
    const want = [await firstAt(NOW, NOW)];
    expect(await press(d, want)).toEqual(want);
  });

  it('paused until resumed: "Paused until you resume" (it said nothing)', async () => {
    const d = await mountAt(NOW, { paused: { until: null } });
    const want = [englishMessage('whyPausedIndefinite')];
    expect(await press(d, want)).toEqual(want);
  });

  it('both kinds of break off: "All break kinds are off. Turn one on in Options." (it said nothing)', async () => {
    const d = await mountAt(NOW, {}, (s) => ({ ...s, micro: { ...s.micro, enabled: false }, stretch: { ...s.stretch, enabled: false } }));
    const want = [englishMessage('whyNoBreaks')];
    expect(await press(d, want)).toEqual(want);
  });

  // As step 1 saves it (the hours on: settings stored with them off are shown off, lib/welcome-synced-cases.test.ts).
  it('every day unticked in step 1: "Outside working hours", no reminder promised (it said nothing)', async () => {
    const d = await mountAt(NOW, { next: { kind: 'micro', at: NOW + 20 * MIN } }, (s) => ({ ...s, schedule: { enabled: true, days: [[], [], [], [], [], [], []] } }));
    const want = [englishMessage('whyOffHoursNoEnd')];
    expect(await press(d, want)).toEqual(want);
  });

  it('17:20, the hours on and ending at 17:30 (the background names no break before then): around Thursday 09:20 (it said nothing)', async () => {
    const now = Date.UTC(2026, 11, 2, 17, 20);
    const d = await mountAt(now, { hoursEnd: Date.UTC(2026, 11, 2, 17, 30) }, (s) => ({ ...s, schedule: { ...s.schedule, enabled: true } }));
    const want = [await firstAt(Date.UTC(2026, 11, 3, 9, 20), now)];
    expect(await press(d, want)).toEqual(want);
  });

  it('17:20, a posture check postponed past the end of the hours at 17:30 (it closes then): around Thursday 09:20', async () => {
    const now = Date.UTC(2026, 11, 2, 17, 20);
    const open = { id: 'b1', kind: 'micro', snoozes: 1, canSnooze: true, canSkip: true };
    const d = await mountAt(now, { phase: 'snoozed', open, hoursEnd: Date.UTC(2026, 11, 2, 17, 30) }, (s) => ({ ...s, schedule: { ...s.schedule, enabled: true } }));
    const want = [await firstAt(Date.UTC(2026, 11, 3, 9, 20), now)];
    expect(await press(d, want)).toEqual(want);
  });

  it('control: a break named inside the hours is the time said', async () => {
    const d = await mountAt(NOW, { next: { kind: 'micro', at: NOW + 12 * MIN } });
    const want = [await firstAt(NOW + 12 * MIN, NOW)];
    expect(await press(d, want)).toEqual(want);
  });

  it('the answer\'s live region is in the page from the start, empty (it was inserted with its text: several screen readers say nothing then)', async () => {
    const d = await mountAt(NOW, {});
    const r = region(d);
    expect({ role: r?.getAttribute('role') ?? null, text: r?.textContent ?? null }).toEqual({ role: 'status', text: '' });
  });

  it('pressed again with the same answer: the region is emptied, then filled again, so that it is read out again (it stayed as it was: nothing said)', async () => {
    const d = await mountAt(NOW, { next: { kind: 'micro', at: NOW + 12 * MIN } });
    const want = [await firstAt(NOW + 12 * MIN, NOW)];
    expect(await press(d, want)).toEqual(want);
    d.q('[data-testid="welcome-wait"]')!.click();
    const emptied = await until(() => region(d)!.textContent === '', 'the region emptied', 60).then(
      () => true,
      () => false,
    );
    await until(() => lines(d).length > 0, 'the answer again', 200).catch(() => undefined);
    expect({ emptied, again: lines(d) }).toEqual({ emptied: true, again: want });
  });
});

describe('welcome, a late answer to "Try one now" (from a review of the first run)', () => {
  /** The background starts the break, answering `after` ms later; "I'll wait…" is never answered. */
  const lateStart = (after: number) => (m: { type: string }) =>
    m.type === 'break/start' ? new Promise((ok) => setTimeout(() => ok({ ok: true, data: { started: true } }), after)) : noReceiver();

  it('answered after the 8 s: "not answering" at 8 s, then the message goes as the break window opens (it said "That did not work" and left it under the window)', async () => {
    const d = await mountWelcome(lateStart(9_000));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      d.q('[data-testid="welcome-try"]')!.click();
      await vi.advanceTimersByTimeAsync(8_500);
      const at8 = d.alert();
      await vi.advanceTimersByTimeAsync(1_000);
      expect({ at8, after: d.alert() }).toEqual({ at8: englishMessage('errBackground'), after: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('control: a late answer does not take away what a later action said', async () => {
    const d = await mountWelcome(lateStart(9_000));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      d.q('[data-testid="welcome-try"]')!.click();
      await vi.advanceTimersByTimeAsync(8_500);
      d.q('[data-testid="welcome-wait"]')!.click();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(d.alert()).toBe(englishMessage('errBackground'));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('welcome: the working hours shown are put in force by the first choice made on the page, not only by Done', () => {
  const hoursOn = async () => (await (await import('./storage/settings-items')).loadSettings()).schedule.enabled;

  it('a preset chosen, the tab then closed without Done: the hours shown are in force (reminders came at any hour, weekends too)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    d.check('[data-testid="preset-gentle"]', true);
    await storedUntil((s) => !s.micro.enabled, 'Gentle saved');
    await tick(30);
    expect(await hoursOn()).toBe(true);
  });

  it('"I\'ll wait…" pressed (its time worked out in the hours shown), the tab then closed: those hours are in force (the time said was not the one that came)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    d.q('[data-testid="welcome-wait"]')!.click();
    await until(() => d.alert() !== null, 'the answer', 100).catch(() => undefined);
    await tick(30);
    expect(await hoursOn()).toBe(true);
  });

  it('control: Skip setup before any choice keeps the defaults (no working hours)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    d.q('[data-testid="welcome-skip"]')!.click();
    await tick(30);
    expect(await hoursOn()).toBe(false);
  });
});

describe('welcome, notifications blocked on this computer', () => {
  it('"open the break window" (a synced setting) is left as it is: the background opens the window here anyway, and the person\'s other computers keep their notifications (it was switched on for all of them)', async () => {
    const { browser } = await import('wxt/browser');
    const set = vi.spyOn(browser.storage.sync, 'set');
    const local = vi.spyOn(browser.storage.local, 'set');
    const d = await mountWelcome(noReceiver, 'denied');
    await until(() => d.q('[data-testid="notifications-blocked"]') !== null, 'the blocked notice');
    await tick(300);
    const { loadSettings } = await import('./storage/settings-items');
    const wrote = [...set.mock.calls, ...local.mock.calls].some(([items]) => 'settings' in (items as object));
    expect({ openWindow: (await loadSettings()).prompts.openWindow, wrote }).toEqual({ openWindow: false, wrote: false });
  });
});

describe('"notifications blocked": the way back is the browser\'s setting, not Limber\'s Options', () => {
  const BROWSER: Record<string, string> = { en: 'browser', de: 'Browser', es: 'navegador', fr: 'navigateur', it: 'browser', ja: 'ブラウザー', nl: 'browser', pl: 'przeglądar', pt_BR: 'navegador' };
  it('each language\'s last sentence sends the person to the browser\'s settings (it said "You can change this in Options", where nothing unblocks them)', async () => {
    const { readFileSync } = await import('node:fs');
    const text = (lang: string) => (JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string; description?: string }>).notificationsBlocked!;
    const last = (s: string) => s.split(/(?<=[.。])\s*/).filter(Boolean).at(-1)!;
    const wrong = Object.entries(BROWSER).filter(([lang, word]) => !last(text(lang).message).includes(word)).map(([lang]) => lang);
    expect({ wrong, described: !!text('en').description }).toEqual({ wrong: [], described: true });
  });
});

// From a review of the first run: the page says twice that everything can be changed "in Options",
// and gave no way there (a new install's toolbar button is hidden in the browser's extensions menu).
describe('welcome: "in Options" leads there', () => {
  it('an "Options" button opens the options page, with the hours shown put in force as any choice does (there was none)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    const { browser } = await import('wxt/browser');
    const open = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const button = [...d.document.querySelectorAll('button')].find((b) => b.textContent === englishMessage('actionOptions')) ?? null;
    button?.click();
    await tick(30);
    const { loadSettings } = await import('./storage/settings-items');
    expect({ button: !!button, opened: open.mock.calls.length, hoursOn: (await loadSettings()).schedule.enabled }).toEqual({ button: true, opened: 1, hoursOn: true });
  });
});
