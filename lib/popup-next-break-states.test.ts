/**
 * The Preact popup's next-break card (entrypoints/popup/NextBreak.tsx), which replaces the first
 * frame, in the states a mutation hunt found unpinned there: each test failed on a broken variant
 * of NextBreak.tsx that every other test let pass (entrypoints/popup/first-frame-states.test.ts
 * holds the same for the first frame). Measured against the clock: the weekday and time the hours
 * start again, a natural break's age. English pages in linkedom; TZ=UTC (vitest.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { pageDom } from '../tests/support/options-page';
import { onUnmount, tick, useEnglishPages } from '../tests/support/linkedom-page';
import { timeOfDay } from './format';
import type { Status } from './protocol/messages';
import type { TrackerView } from './tracker/view';

useEnglishPages();

const MIN = 60_000;
const FRIDAY_1800 = Date.UTC(2026, 2, 6, 18, 0); // Friday 6 March 2026, 18:00 UTC
const MONDAY_0900 = Date.UTC(2026, 2, 9, 9, 0);
const base: TrackerView = { phase: 'working', activity: 'active', next: null, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null };

/** The card's lines of text, for `tracker` at `now`. */
async function card(tracker: Partial<TrackerView>, now = FRIDAY_1800): Promise<{ why: string; lines: string[] }> {
  const d = pageDom();
  const { h, render } = await import('preact');
  const { NextBreak } = await import('../entrypoints/popup/NextBreak');
  const status: Status = { now, tracker: { ...base, ...tracker }, today: null, historyError: false, waitingRecords: 0 };
  const root = d.document.getElementById('app')!;
  render(h(NextBreak, { status, now, act: async () => undefined, aria: () => undefined, told: '', tell: () => undefined }), root as never);
  onUnmount(() => render(null, root as never));
  await tick();
  const section = d.document.querySelector('[data-testid="next-break"]')!;
  return { why: d.byId('next-why')!.textContent ?? '', lines: Array.from(section.querySelectorAll('p')).map((p) => p.textContent ?? '') };
}

describe('the popup\'s next-break card', () => {
  it('a pause that ran into the end of working hours still says the pause (beside "Resume reminders")', async () => {
    expect((await card({ paused: { until: null }, offHours: { until: MONDAY_0900 } })).why).toBe('Paused until you resume');
  });

  it('outside working hours on Friday evening until Monday 9:00 names Monday, not just "9:00"', async () => {
    const { why } = await card({ offHours: { until: MONDAY_0900 } });
    expect(why.startsWith('Outside working hours until ')).toBe(true);
    expect(why).toContain(new Intl.DateTimeFormat('en-US', { weekday: 'short' }).format(MONDAY_0900));
    expect(why).toContain(timeOfDay(MONDAY_0900, 'en-US'));
  });

  it('a natural break is credited on the card for 3 hours after it, not longer', async () => {
    const next = { kind: 'stretch' as const, at: FRIDAY_1800 + 20 * MIN };
    const credited = (ago: number) => `Natural break credited at ${timeOfDay(FRIDAY_1800 - ago, 'en-US')}`;
    expect((await card({ next, lastNaturalAt: FRIDAY_1800 - 179 * MIN })).lines).toContain(credited(179 * MIN));
    expect((await card({ next, lastNaturalAt: FRIDAY_1800 - 181 * MIN })).lines).not.toContain(credited(181 * MIN));
  });
});
