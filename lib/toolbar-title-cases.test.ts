/**
 * The toolbar button's name says what its badge says (from a review). Chrome gives the button the
 * action's title as its accessible name and does not read the badge text, so a screen-reader user
 * heard "Limber: next break" whatever the badge showed ("25m+", "≤6m", "!", "❚❚", "off") and had to
 * open the popup to learn anything. The title is set with the badge, at the same wakes, in words.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TrackerView } from './tracker/tracker';
import { speak } from '../tests/support/speak';
import { setBadge } from './platform/badge';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const LOCALES = ['en', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR'];

const base = { phase: 'working', activity: 'active', next: null, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null } as TrackerView;
const STATES: Record<string, TrackerView> = {
  atLeast: { ...base, next: { kind: 'stretch', at: T0 + 40 * MIN } }, // "30m+"
  snoozed: { ...base, phase: 'snoozed', next: { kind: 'stretch', at: T0 + 6 * MIN } }, // "≤6m"
  due: { ...base, phase: 'due', open: { id: 'b1', kind: 'stretch', snoozes: 0, canSnooze: true, canSkip: true } },
  paused: { ...base, paused: { until: null } },
  offHours: { ...base, offHours: { until: null } },
  onBreak: { ...base, phase: 'onBreak', open: { id: 'b1', kind: 'stretch', snoozes: 0, canSnooze: true, canSkip: true } },
  away: { ...base, activity: 'idle' }, // no next break: a blank badge
};

async function shown(v: TrackerView, enabled = true): Promise<{ badge: string; title: string }> {
  await setBadge(v, T0, enabled);
  return { badge: await fakeBrowser.action.getBadgeText({}), title: await fakeBrowser.action.getTitle({}) };
}

describe('the toolbar button\'s name says what the badge says', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    speak('en');
  });
  afterEach(() => vi.restoreAllMocks());

  it('in English, in words, and the plain title again when the badge is blank', async () => {
    expect(await shown(STATES.atLeast!)).toEqual({ badge: '30m+', title: 'Limber: next break in at least 30 min' });
    expect(await shown(STATES.snoozed!)).toEqual({ badge: '≤6m', title: 'Limber: next break in at most 6 min' });
    expect(await shown(STATES.due!)).toEqual({ badge: '!', title: 'Limber: Stretch break due now' });
    expect(await shown(STATES.paused!)).toEqual({ badge: '❚❚', title: 'Limber: Reminders paused' });
    expect(await shown(STATES.offHours!)).toEqual({ badge: 'off', title: 'Limber: Outside working hours' });
    expect(await shown(STATES.onBreak!)).toEqual({ badge: '…', title: 'Limber: Break in progress' });
    // Blank badges (away; "Show minutes ... on the toolbar icon" off) leave no stale words behind.
    expect(await shown(STATES.away!)).toEqual({ badge: '', title: 'Limber: next break' });
    await shown(STATES.snoozed!);
    expect(await shown(STATES.atLeast!, false)).toEqual({ badge: '', title: 'Limber: next break' });
    // A hold's three-digit bound is too wide for the badge: the title says nothing either.
    const held = { ...base, next: { kind: 'stretch', at: T0 }, held: { reason: 'call', until: T0 + 120 * MIN } } as TrackerView;
    expect(await shown(held)).toEqual({ badge: '', title: 'Limber: next break' });
  });

  it.each(LOCALES)('%s: every state has its own words, with its number, and never a message key or the badge\'s symbols', async (locale) => {
    speak(locale);
    const titles = new Set<string>();
    for (const [name, v] of Object.entries(STATES)) {
      const { badge, title } = await shown(v);
      expect(title, name).not.toMatch(/title|status|notice|why|heat|app[A-Z]|\$\d|[≤+]/);
      if (name !== 'away') expect(title, name).not.toBe(badge);
      if (name === 'atLeast') expect(title).toContain('30');
      if (name === 'snoozed') expect(title).toContain('6');
      titles.add(title);
    }
    expect(titles.size).toBe(Object.keys(STATES).length);
  });

});
