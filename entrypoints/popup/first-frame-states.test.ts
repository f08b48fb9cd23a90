/**
 * The popup's first frame (first-frame.ts) in states a mutation hunt found unpinned: each test
 * failed on a broken variant of first-frame.ts that every other test let pass. Measured against
 * what the person would read on a clock and what the Preact popup that replaces the frame says
 * (NextBreak.tsx, TodayPanel.tsx). English catalogue; times in the test's zone (vitest.config.ts: TZ=UTC).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeElement } from '../../tests/support/fake-element';
import { formatMessage, type Catalogue } from '../../lib/i18n-fallback';
import { clockCountdown, timeOfDay } from '../../lib/format';
import type { PopupData } from '../../lib/protocol/messages';
import type { TrackerView } from '../../lib/tracker/view';
import { firstFrame, type Msg } from './first-frame';

const en = JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Catalogue;
const msg: Msg = (key, subs) => (en[key] ? formatMessage(en[key], subs?.map(String)) : '');

const saved = (globalThis as { document?: unknown }).document;
beforeEach(() => {
  (globalThis as { document?: unknown }).document = {
    createElement: (tag: string) => new FakeElement(tag),
    createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
    documentElement: { lang: 'en' },
  };
});
afterEach(() => {
  (globalThis as { document?: unknown }).document = saved;
});

const MIN = 60_000;
const FRIDAY_1800 = Date.UTC(2026, 2, 6, 18, 0); // Friday 6 March 2026, 18:00 UTC
const MONDAY_0900 = Date.UTC(2026, 2, 9, 9, 0);
const base: TrackerView = { phase: 'working', activity: 'active', next: null, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null };

function frame(tracker: Partial<TrackerView>, now = FRIDAY_1800, today?: { taken: number; due: number }): FakeElement {
  const data: PopupData = {
    status: { now, tracker: { ...base, ...tracker }, today: today ? { day: '2026-03-06', taken: today.taken, completed: today.taken, skipped: 0, streak: 1, longest: 1 } : null, historyError: false, waitingRecords: 0 },
    history: today ? { today: '2026-03-06', ring: { taken: today.taken, due: today.due, share: 1, met: true }, streak: { current: 1, longest: 1, graceLeft: 1 }, days: [], cheer: { key: 'cheerTodayStarts', subs: [] } } : null,
    validUntil: now + 60 * MIN,
  };
  return firstFrame(data, now, msg) as unknown as FakeElement;
}

describe('first frame: what the next-break card says', () => {
  it('a pause that ran into the end of working hours still says the pause (the person\'s own choice, with "Resume reminders" beside it)', () => {
    const root = frame({ paused: { until: null }, offHours: { until: MONDAY_0900 } });
    expect(root.find('next-why')!.textContent).toBe('Paused until you resume');
  });

  it('outside working hours on Friday evening until Monday 9:00 names Monday, not just "9:00"', () => {
    const why = frame({ offHours: { until: MONDAY_0900 } }).find('next-why')!.textContent;
    const monday = new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(MONDAY_0900);
    expect(why).toContain(monday);
    expect(why).toContain(timeOfDay(MONDAY_0900));
    expect(why.startsWith('Outside working hours until ')).toBe(true);
  });

  it('a natural break is credited on the card for 3 hours after it, not longer (as the popup then shows it)', () => {
    const next = { kind: 'stretch' as const, at: FRIDAY_1800 + 20 * MIN };
    const lines = (ago: number) => frame({ next, lastNaturalAt: FRIDAY_1800 - ago }).find('next-break')!.all('small').map((e) => e.textContent);
    const credited = (ago: number) => `Natural break credited at ${timeOfDay(FRIDAY_1800 - ago)}`;
    expect(lines(179 * MIN)).toContain(credited(179 * MIN));
    expect(lines(181 * MIN)).not.toContain(credited(181 * MIN));
  });

  it('the countdown is the time left on the clock, to the second, counting up to the whole minute at an exact minute', () => {
    const at = (left: number) => frame({ next: { kind: 'stretch', at: FRIDAY_1800 + left } }).find('countdown')!.textContent;
    expect(at(25 * MIN)).toBe(clockCountdown(25 * MIN));
    expect(at(25 * MIN)).toMatch(/^\D*2\D*5\D*0\D*0\D*$/); // 25:00 in the locale's digits
    expect(at(25 * MIN - 400)).toBe(at(25 * MIN)); // 24:59.6 left: still 25:00 until a whole second has passed
  });
});

describe('first frame: today\'s ring', () => {
  it('more breaks taken than were due: the ring counts them all ("5 of 5"), never "5 of 3"', () => {
    const ring = frame({ next: { kind: 'stretch', at: FRIDAY_1800 + 20 * MIN } }, FRIDAY_1800, { taken: 5, due: 3 }).find('today-ring')!;
    expect(ring.attrs['aria-label']).toBe('5 of 5 due breaks taken today');
    expect(ring.textContent).toBe('5of 5');
  });

  it('its bar is the share taken: 2 of 4 is half the circle', () => {
    const ring = frame({ next: { kind: 'stretch', at: FRIDAY_1800 + 20 * MIN } }, FRIDAY_1800, { taken: 2, due: 4 }).find('today-ring')!;
    const bar = ring.all('ring-bar')[0]!;
    const c = 2 * Math.PI * 26;
    expect(bar.attrs['stroke-dasharray']).toBe(`${(c / 2).toFixed(2)} ${c.toFixed(2)}`);
  });
});
