/**
 * The popup's first frame (entrypoints/popup/first-frame.ts, drawn by the early script before
 * Preact loads) and the Preact popup (entrypoints/popup/App.tsx) that takes it over show the same
 * elements, with the same classes and text, in the same order, in every state of the next-break
 * area and of today's panel: as main.tsx does it, the first frame is drawn into #app from the
 * background's answer, then Preact renders over it with that answer as its first data. The states
 * come from the real background (tests/support/popup-world.ts: lib/engine over fake storage),
 * driven as a person would (a pause, a snooze, strict mode); the few it cannot reach in this world
 * (a hold for fullscreen, sound or a call: they need the platform's signals) are that answer with
 * its tracker view changed to what lib/tracker/view.ts gives for them.
 */
import 'preact/debug';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { PopupData } from './protocol/messages';
import type { TrackerView } from './tracker/view';
import { background, dom, MIN, STRETCH_ONLY, T0, usePopupWorld } from '../tests/support/popup-world';
import { clockDefaultsTo as clockOf, englishMessage, tick, until } from '../tests/support/linkedom-page';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatMessage, type Catalogue } from './i18n-fallback';
import { textLanguage } from './text-language';

usePopupWorld();

/** The background's answer to 'popup/get' now, after `asks` (each answered before the next). */
async function answer(...asks: Array<(open: { id: string } | null) => object>): Promise<PopupData> {
  const { handleMessage } = await import('./engine');
  const get = async () => {
    const r = (await handleMessage({ type: 'popup/get' })) as { ok: true; data: PopupData };
    expect(r.ok).toBe(true);
    return r.data;
  };
  for (const a of asks) {
    const r = (await handleMessage(a((await get()).status.tracker.open))) as { ok: boolean };
    expect(r.ok).toBe(true);
  }
  return get();
}

/** Every element under `root`, depth first: its tag, the attributes both renderings set, and its own text. */
function shape(root: Element | null): string[] {
  if (!root) return [];
  const out: string[] = [];
  const walk = (e: Element) => {
    const attrs = ['id', 'class', 'data-testid', 'role', 'aria-live', 'aria-label', 'aria-labelledby']
      .filter((a) => e.hasAttribute(a))
      .map((a) => `${a}=${e.getAttribute(a)}`);
    const own = Array.from(e.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent)
      .join('');
    out.push(`<${e.tagName.toLowerCase()}${attrs.length ? ' ' + attrs.join(' ') : ''}>${own}`);
    for (const c of Array.from(e.children)) walk(c);
  };
  walk(root);
  return out;
}

/**
 * The first frame drawn from `data` into #app, then Preact's first render over it with `data`
 * (main.tsx): the next-break section and today's panel of each, and the order of the first
 * frame's blocks in each.
 */
async function bothRenderings(data: PopupData, locale?: { catalogue: Catalogue; ui: string }, drawn?: string) {
  const d = dom();
  const { firstFrame } = await import('../entrypoints/popup/first-frame');
  const { h, render } = await import('preact');
  const { App } = await import('../entrypoints/popup/App');
  const app = d.document.getElementById('app')!;
  let msg = (key: string, subs?: Array<string | number>) => englishMessage(key, subs);
  if (locale) {
    // The browser serves this catalogue to both; the early script marks the page with its language (popup-early.ts).
    const c = locale.catalogue;
    msg = (key, subs) => (c[key] ? formatMessage(c[key], (subs ?? []).map(String)) : '');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale.ui);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string | string[]) => msg(k, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])) as typeof fakeBrowser.i18n.getMessage);
    d.document.documentElement.lang = textLanguage(locale.ui, msg('textLang'));
  }
  app.append(firstFrame(data, Date.now(), msg) as unknown as Node);
  const take = () => {
    const main = app.querySelector('main');
    return {
      next: shape(app.querySelector('[data-testid="next-break"]')),
      today: shape(app.querySelector('[data-testid="today"]') ?? app.querySelector('[data-testid="history-off"], [data-testid="history-unreachable"]')),
      blocks: Array.from(main?.children ?? []).map((c) => c.getAttribute('data-testid') ?? c.tagName.toLowerCase()),
      notes: Array.from(app.querySelector('[data-testid="popup-notes"]')?.children ?? []).map((c) => c.getAttribute('data-testid')),
    };
  };
  const early = take();
  const never = new Promise<PopupData>(() => undefined);
  // Preact's development checks (preact/debug, loaded by this file) say nothing about either rendering.
  const warned = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
  render(h(App, { load: { snapshot: Promise.resolve(data), ready: data, answer: () => never }, initial: data }), app);
  // Then what Preact learns by reads of its own (the notification check): drawn below, nothing above changes.
  await tick(20);
  if (drawn) await until(() => app.querySelector(`[data-testid="${drawn}"]`) !== null, drawn);
  const preact = take();
  render(null, app);
  expect(warned.flatMap((w) => w.mock.calls)).toEqual([]);
  for (const w of warned) w.mockRestore();
  return { early, preact };
}

/** Both renderings of `data` say the same; returns the next-break area's lines (for the case's own check). */
async function same(data: PopupData, locale?: { catalogue: Catalogue; ui: string }): Promise<string[]> {
  const { early, preact } = await bothRenderings(data, locale);
  expect(preact.next).toEqual(early.next);
  // Today's panel: the first frame draws its first row (the ring and the streak); the week comes below it.
  expect(preact.today.slice(0, early.today.length)).toEqual(early.today);
  // What Preact adds (the pause control, the actions, notices known later) comes below the first frame's blocks.
  expect(preact.blocks.slice(0, early.blocks.length)).toEqual(early.blocks);
  return early.next;
}

const STRICT: Settings = { ...STRETCH_ONLY, strict: true, headsUpSec: 0 };
const DUE = T0 + 50 * MIN + 30_000; // the stretch break is due at 09:50
const view = (data: PopupData, tr: Partial<TrackerView>): PopupData => ({ ...data, status: { ...data.status, tracker: { ...data.status.tracker, ...tr } } });

describe('the first frame and the Preact popup say the same in every state', () => {
  it('strict mode, a prompt open, then Pause: "Paused until …" and "Stretch break waits for the end of the pause", in that order, in both', async () => {
    await background(STRICT, DUE);
    const data = await answer(() => ({ type: 'pause/set', choice: '1h' }));
    const tr = data.status.tracker;
    // The real tracker's state: paused, the break still open and waiting (snoozed) behind the pause.
    expect({ paused: tr.paused !== null, open: tr.open?.kind, phase: tr.phase }).toEqual({ paused: true, open: 'stretch', phase: 'snoozed' });
    const lines = await same(data);
    expect(lines.slice(2)).toEqual(['<p class=why-big data-testid=next-why>Paused until 10:50 AM', '<p class=muted small>Stretch break waits for the end of the pause']);
    // With a natural break credited this morning, its line closes the section in both.
    expect((await same(view(data, { lastNaturalAt: T0 + 5 * MIN }))).slice(2)).toEqual([
      '<p class=why-big data-testid=next-why>Paused until 10:50 AM',
      '<p class=muted small>Stretch break waits for the end of the pause',
      '<p class=muted small>Natural break credited at 9:05 AM',
    ]);
  });

  it('strict mode, a prompt open, then a pause until resumed: the same two lines in both', async () => {
    await background(STRICT, DUE);
    const lines = await same(await answer(() => ({ type: 'pause/set', choice: 'indefinite' })));
    expect(lines.slice(2).map((l) => l.replace(/^<[^>]*>/, ''))).toEqual([englishMessage('whyPausedIndefinite'), 'Stretch break waits for the end of the pause']);
  });

  it('paused for an hour, nothing open (no waiting line)', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const lines = await same(await answer(() => ({ type: 'pause/set', choice: '1h' })));
    expect(lines.slice(2)).toEqual(['<p class=why-big data-testid=next-why>Paused until 10:10 AM']);
  });

  it('paused until resumed, nothing open', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    await same(await answer(() => ({ type: 'pause/set', choice: 'indefinite' })));
  });

  it('paused, off hours, held, away: the card\'s heading is not "Next break in" (no countdown follows it), in both; above a countdown it is', async () => {
    const heading = (lines: string[]) => lines[1];
    const plain = '<h2 id=next-h class=muted small>Break reminders';
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const running = await answer();
    expect(heading(await same(running))).toBe('<h2 id=next-h class=muted small>Next break in');
    const paused = await answer(() => ({ type: 'pause/set', choice: '1h' }));
    expect(heading(await same(paused))).toBe(plain);
    expect(heading(await same(view(paused, { paused: { until: null } })))).toBe(plain);
    expect(heading(await same(view(running, { offHours: { until: null }, next: null })))).toBe(plain);
    expect(heading(await same(view(running, { next: null, held: { reason: 'fullscreen', until: T0 + 30 * MIN } })))).toBe(plain);
    expect(heading(await same(view(running, { next: null, hoursEnd: T0 + 30 * MIN })))).toBe(plain);
    expect(heading(await same(view(running, { next: null, activity: 'idle' })))).toBe(plain);
    expect(heading(await same(view(running, { next: null })))).toBe(plain);
  });

  it('the countdown to the next break', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const lines = await same(await answer());
    expect(lines).toContain('<p class=countdown data-testid=countdown aria-live=off>40:00');
  });

  it('a heads-up out (a minute before the stretch break)', async () => {
    await background({ ...STRETCH_ONLY, headsUpSec: 60 }, T0 + 49 * MIN + 30_000);
    await same(await answer());
  });

  it('due, with Snooze and Skip', async () => {
    await background(STRETCH_ONLY, DUE);
    expect((await same(await answer()))[0]).toMatch(/^<section class=card next due/);
  });

  it('due in strict mode (no Skip)', async () => {
    await background(STRICT, DUE);
    await same(await answer());
  });

  it('postponed (snoozed)', async () => {
    await background(STRETCH_ONLY, DUE);
    const lines = await same(await answer((open) => ({ type: 'break/snooze', breakId: open!.id })));
    expect(lines.at(-1)).toMatch(/^<p class=muted small data-testid=next-why>Snoozed until/);
  });

  it('on a break', async () => {
    await background(STRETCH_ONLY, DUE);
    await same(await answer((open) => ({ type: 'break/start', breakId: open!.id })));
  });

  it('on a break taken while reminders are paused: "Paused until …" under "Break in progress", in both', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const data = await answer(() => ({ type: 'pause/set', choice: '1h' }), () => ({ type: 'break/start' }));
    expect({ phase: data.status.tracker.phase, paused: data.status.tracker.paused }).toEqual({ phase: 'onBreak', paused: { until: T0 + 70 * MIN } });
    const lines = await same(data);
    expect(lines.slice(1, 3)).toEqual(['<h2 id=next-h>Break in progress', '<p class=muted small data-testid=next-why>Paused until 10:10 AM']);
    expect((await same(view(data, { paused: { until: null } }))).slice(2, 3)).toEqual([`<p class=muted small data-testid=next-why>${englishMessage('whyPausedIndefinite')}`]);
  });

  it('waiting for a pause in typing', async () => {
    await background({ ...STRETCH_ONLY, pauseWaitMin: 2 }, T0 + 49 * MIN + 58_000);
    const { dispatch } = await import('./engine');
    vi.setSystemTime(T0 + 50 * MIN + 5_000);
    await dispatch({ type: 'tick' });
    const data = await answer();
    expect(data.status.tracker.held?.reason).toBe('typing');
    await same(data);
  });

  it('held for fullscreen, sound or a call, just released, or waiting for a tab switch (the view lib/tracker/view.ts gives), also when the hours end first', async () => {
    await background(STRETCH_ONLY, DUE);
    const data = await answer();
    for (const reason of ['fullscreen', 'sound', 'call', 'settle', 'pause'] as const) {
      await same(view(data, { phase: 'working', open: null, next: null, held: { reason, until: DUE + 30 * MIN } }));
      await same(view(data, { phase: 'working', open: null, next: null, held: { reason, until: DUE + 5 * MIN }, hoursEnd: DUE + 5 * MIN }));
    }
  });

  it('off hours (working hours start at 10:00), and outside them with none in the coming week', async () => {
    const tenToFive = [{ from: 10 * 60, to: 17 * 60 }];
    await background({ ...STRETCH_ONLY, schedule: { enabled: true, days: [tenToFive, tenToFive, tenToFive, tenToFive, tenToFive, [], []] } }, T0 + 10 * MIN);
    const data = await answer();
    expect(data.status.tracker.offHours).not.toBeNull();
    await same(data);
    await same(view(data, { offHours: { until: null } }));
  });

  it('the working hours end before the next break', async () => {
    const nineToHalfPast = [{ from: 9 * 60, to: 9 * 60 + 30 }];
    await background({ ...STRETCH_ONLY, schedule: { enabled: true, days: [nineToHalfPast, nineToHalfPast, nineToHalfPast, nineToHalfPast, nineToHalfPast, [], []] } }, T0 + 10 * MIN);
    const data = await answer();
    expect(data.status.tracker.hoursEnd).not.toBeNull();
    await same(data);
  });

  it('the daily limit reached (a notice; the popup goes on counting down)', async () => {
    await background({ ...STRETCH_ONLY, dailyLimit: { enabled: true, minutes: 60 } }, T0 + 40 * MIN, T0 - 30 * MIN);
    await same(await answer());
  });

  it('away, no break enabled, a natural break credited', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const data = await answer();
    await same(view(data, { next: null, activity: 'idle' }));
    await same(view(data, { next: null }));
    await same(view(data, { lastNaturalAt: T0 + 5 * MIN }));
  });

  it('notifications blocked: the notice comes last, below the first frame’s blocks', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const data = await answer();
    vi.spyOn(fakeBrowser.notifications, 'getPermissionLevel').mockResolvedValue('denied' as never);
    const { early, preact } = await bothRenderings(data, undefined, 'notifications-blocked');
    expect(preact.next).toEqual(early.next);
    expect(preact.blocks.slice(0, early.blocks.length)).toEqual(early.blocks);
    // In the notices' live region, the popup's last block (there from the first render, empty).
    expect(preact.blocks.at(-1)).toBe('popup-notes');
    expect(preact.notes).toEqual(['notifications-blocked']);
  });

  it('history off, not read just now (with and without figures kept), and history rows waiting to be written', async () => {
    await background({ ...DEFAULT_SETTINGS }, T0 + 10 * MIN);
    const data = await answer();
    await same({ ...data, status: { ...data.status, historyError: false, today: null }, history: null });
    await same({ ...data, status: { ...data.status, historyError: true, today: null }, history: null });
    await same({ ...data, status: { ...data.status, historyError: true, today: null, waitingRecords: 2 }, history: null });
    await same({ ...data, status: { ...data.status, historyError: true } });
    await same({ ...data, status: { ...data.status, historyError: true, waitingRecords: 2 } });
    await same({ ...data, status: { ...data.status, waitingRecords: 2 } });
  });

  it('in every catalogue: paused until 1:20 with a break waiting and a natural break credited, and paused until tomorrow', async () => {
    // Midnight to 00:50:30, when the stretch break is due (strict mode); then a 30-minute pause: until 1:20,
    // the hour whose phrase differs in Spanish, Italian, Portuguese ("hasta la 1:20").
    const midnight = T0 - 9 * 60 * MIN;
    await background(STRICT, midnight + 50 * MIN + 30_000, midnight);
    const data = await answer(() => ({ type: 'pause/set', choice: '30m' }));
    expect(data.status.tracker.phase).toBe('snoozed');
    const dir = path.join(process.cwd(), 'public', '_locales');
    const locales = readdirSync(dir);
    expect(locales).toHaveLength(9);
    for (const loc of locales) {
      const catalogue = JSON.parse(readFileSync(path.join(dir, loc, 'messages.json'), 'utf8')) as Catalogue;
      const locale = { catalogue, ui: loc.replace('_', '-') };
      const lines = await same(view(data, { lastNaturalAt: midnight + 10 * MIN }), locale);
      expect(lines.slice(2).map((l) => l.replace(/^<[^>]*>/, ''))[1], loc).toBe(formatMessage(catalogue.whyPausedBreakWaits!, [catalogue.kindStretch!.message]));
      await same(view(data, { paused: { until: T0 + 24 * 60 * MIN } }), locale);
    }
  });
});

describe('working hours that end at midnight: the popup writes their end as the options page does ("18:00–24:00", "12:00 AM")', () => {

  it('in every catalogue, with the browser\'s own clock: "… at 24:00" on a 24-hour clock, "… at 12:00 AM" on a 12-hour one; a held break "… until 24:00"; in both renderings', async () => {
    await background(STRETCH_ONLY, T0 + 10 * MIN);
    const data = await answer();
    // The machine's zone is UTC: the hours end at midnight, the start of Tuesday 3 March.
    const midnight = Date.UTC(2026, 2, 3);
    const dir = path.join(process.cwd(), 'public', '_locales');
    const wrong: string[] = [];
    for (const loc of readdirSync(dir)) {
      const catalogue = JSON.parse(readFileSync(path.join(dir, loc, 'messages.json'), 'utf8')) as Catalogue;
      const m = (key: string, subs: string[]) => formatMessage(catalogue[key]!, subs);
      for (const browserLocale of loc === 'en' ? ['en-US', 'en-GB'] : [loc.replace('_', '-')]) {
        // A 12-hour clock keeps midnight as it writes it (Node's ICU: "12:00 AM", with a plain or a narrow space).
        const end = browserLocale === 'en-US' ? new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(midnight) : '24:00';
        const undo = clockOf(browserLocale);
        try {
          const locale = { catalogue, ui: browserLocale };
          const why = async (tr: Partial<TrackerView>) => (await same(view(data, { next: null, ...tr }), locale)).find((l) => l.includes('data-testid=next-why'))!.replace(/^<[^>]*>/, '');
          const ends = await why({ hoursEnd: midnight });
          if (ends !== m('whyHoursEnd', [m('timeAt_plural', [end])])) wrong.push(`${browserLocale}: ${ends}`);
          const held = await why({ held: { reason: 'call', until: midnight }, hoursEnd: midnight });
          if (held !== m('whyHeldCall', [m('timeUntil_plural', [end])])) wrong.push(`${browserLocale}: ${held}`);
        } finally {
          undo();
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
