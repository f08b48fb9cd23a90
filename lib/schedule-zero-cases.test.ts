/**
 * Working hours whose range starts and ends at the same time ("09:00–09:00"), from a review. The
 * week editor refuses them ("A range cannot start and end at the same time.", schedErrZero), but
 * stored settings keep them as they come (sync from another computer or version, a damaged sync
 * item, an imported backup: every export must import back, lib/backup.test.ts), and the options
 * page shows what to fix. The worker, the popup's "until tomorrow" and the welcome page read such a
 * range as a whole day: reminders all night on a day the person set no hours for. A range of no
 * length is now no hours at all. Each case failed before its fix, except the controls.
 * Fixed instants; March 2026, Monday the 2nd.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockDefaultsTo, englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { pageDom } from '../tests/support/options-page';
import { BASE, Sim } from '../tests/tracker-rules-sim';
import { useWeekEditor } from '../tests/support/week-editor';
import { aggregate } from './aggregates';
import { makeBackup } from './backup';
import { parseBackup } from './backup-parse';
import { popupHistory } from './review';
import { currentInterval, isWorking, nextWorkStart, tomorrowStart, workingIntervals } from './schedule';
import { weekProblems } from './schedule-form';
import { DEFAULT_SETTINGS, settingsOrDefaults, type Schedule, type TimeRange } from './settings';

useEnglishPages();

const at = (iso: string) => Date.parse(iso);
const hm = (h: number, m = 0) => h * 60 + m;
const NINE_TO_FIVE30: TimeRange[] = [{ from: hm(9), to: hm(17, 30) }];
/** Monday 09:00–09:00 (as the editor would have refused it), Tuesday to Friday 09:00–17:30. */
const MONDAY_ZERO: Schedule = { enabled: true, days: [[{ from: hm(9), to: hm(9) }], NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []] };
const WEEK_FROM = at('2026-03-01T00:00:00Z');
const WEEK_TO = at('2026-03-09T00:00:00Z');

describe('a range of no length in the worker\'s hours (lib/schedule.ts)', () => {
  it('control: the week editor says what is wrong with it', () => {
    expect(weekProblems(MONDAY_ZERO.days)[0]).toEqual([{ index: 0, problem: 'zeroLength' }]);
  });

  it('Monday 09:00–09:00 is no working hours on Monday, not 24 hours from 09:00 (it was working at 03:00 on Tuesday, and all Monday night)', () => {
    expect(isWorking(MONDAY_ZERO, at('2026-03-02T09:00:00Z'), 'UTC')).toBe(false); // Mon 09:00
    expect(isWorking(MONDAY_ZERO, at('2026-03-02T23:00:00Z'), 'UTC')).toBe(false); // Mon 23:00
    expect(isWorking(MONDAY_ZERO, at('2026-03-03T03:00:00Z'), 'UTC')).toBe(false); // Tue 03:00
    expect(currentInterval(MONDAY_ZERO, at('2026-03-03T10:00:00Z'), 'UTC')).toEqual({ start: at('2026-03-03T09:00:00Z'), end: at('2026-03-03T17:30:00Z') });
    expect(nextWorkStart(MONDAY_ZERO, at('2026-03-02T08:00:00Z'), 'UTC')).toBe(at('2026-03-03T09:00:00Z'));
  });

  it('the same for 00:00–00:00 and 24:00–24:00, and next to a day\'s other range: the hours are those of the other ranges alone', () => {
    const without: Schedule = { enabled: true, days: [NINE_TO_FIVE30, [], NINE_TO_FIVE30, [], [], [], []] };
    const withZero = (zero: TimeRange): Schedule => ({ enabled: true, days: [[...NINE_TO_FIVE30, zero], [zero], NINE_TO_FIVE30, [], [], [], [zero]] });
    const want = workingIntervals(without, WEEK_FROM, WEEK_TO, 'Europe/Berlin');
    for (const zero of [{ from: 0, to: 0 }, { from: 24 * 60, to: 24 * 60 }, { from: hm(13), to: hm(13) }]) {
      expect(workingIntervals(withZero(zero), WEEK_FROM, WEEK_TO, 'Europe/Berlin'), JSON.stringify(zero)).toEqual(want);
    }
  });

  it('control (it held before by chance: the whole day read into Tuesday merged with Tuesday\'s hours): "Pause until tomorrow" on Tuesday at 08:00 after Monday 09:00–09:00, tomorrow is Wednesday 09:00', () => {
    expect(tomorrowStart(MONDAY_ZERO, at('2026-03-03T08:00:00Z'), 'UTC')).toBe(at('2026-03-04T09:00:00Z'));
  });

  it('"Pause until tomorrow" on Monday, Tuesday 00:00–00:00: Tuesday has no hours, so it lasts until Wednesday 09:00 (it ended at Tuesday\'s midnight)', () => {
    const tuesdayZero: Schedule = { enabled: true, days: [NINE_TO_FIVE30, [{ from: 0, to: 0 }], NINE_TO_FIVE30, [], [], [], []] };
    expect(tomorrowStart(tuesdayZero, at('2026-03-02T10:00:00Z'), 'UTC')).toBe(at('2026-03-04T09:00:00Z'));
  });
});

describe('a range of no length in the streak and the popup\'s line (lib/streaks.ts)', () => {
  it('Thursday 09:00–09:00 is a day off: "Day off" with the streak kept, not "A stretch break today keeps your streak going"', () => {
    const thursdayZero: Schedule = { ...MONDAY_ZERO, days: [NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [{ from: hm(9), to: hm(9) }], NINE_TO_FIVE30, [], []] };
    const past = ['2026-03-02', '2026-03-03', '2026-03-04'].map((day, i) => ({ id: `r${i}`, day, kind: 'stretch' as const, outcome: 'completed' as const, deskMs: 40 * 60_000, routineId: null }));
    const p = popupHistory([...aggregate(past).values()], '2026-03-05', thursdayZero, { stretchOn: true });
    expect({ cheer: p.cheer, today: p.days[6]?.status }).toEqual({ cheer: { key: 'cheerDayOffStreak', count: 3, subs: [3] }, today: 'off' });
  });
});

describe('how such hours arrive', () => {
  it('synced from another computer: kept as they are (the options page shows what to fix), and no break is prompted on Monday evening or in the night (it prompted at 22:50)', () => {
    const synced = settingsOrDefaults(JSON.parse(JSON.stringify({ ...BASE, schedule: MONDAY_ZERO })));
    expect(synced.schedule).toEqual(MONDAY_ZERO);
    // Berlin (UTC+1): Monday 22:00 to Tuesday 10:00, the person at the computer throughout.
    const sim = new Sim(synced, at('2026-03-02T21:00:00Z'), 'Europe/Berlin');
    sim.send({ type: 'tick' });
    sim.runUntil(at('2026-03-03T09:00:00Z'));
    expect(sim.prompts().map((p) => new Date(p.at).toISOString())).toEqual(['2026-03-03T08:50:00.000Z']); // Tuesday 09:50
  });

  it('imported from a backup: the import takes them (every export imports back), the data intact, and they are no hours', () => {
    const NOW = at('2026-03-05T15:00:00Z');
    const settings = { ...DEFAULT_SETTINGS, schedule: MONDAY_ZERO };
    const r = parseBackup(JSON.stringify(makeBackup(settings, [], NOW)), NOW);
    expect(r.ok && r.value.settings).toEqual(settings);
    const schedule = r.ok ? r.value.settings.schedule : DEFAULT_SETTINGS.schedule;
    expect(isWorking(schedule, at('2026-03-03T03:00:00Z'), 'UTC')).toBe(false);
  });

  it('on the welcome page, "I\'ll wait" on a Monday whose only hours are 09:00–09:00: the first reminder comes around Tuesday 09:20, not at 10:20 on Monday', async () => {
    const now = at('2026-03-02T10:00:00Z');
    const { clock } = await import('./platform/clock');
    vi.spyOn(clock, 'now').mockReturnValue(now);
    vi.spyOn(clock, 'timeZone').mockReturnValue('UTC');
    const { browser } = await import('wxt/browser');
    await browser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, schedule: MONDAY_ZERO } });
    const d = pageDom();
    Object.assign(browser.notifications, { getPermissionLevel: async () => 'granted' });
    const tracker = { phase: 'working', activity: 'active', next: null, open: null, paused: null, offHours: null, held: null, hoursEnd: null, lastNaturalAt: null };
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, data: { now, tracker } })) as never);
    const { h, render } = await import('preact');
    const { App } = await import('../entrypoints/welcome/App');
    const root = d.document.getElementById('app')!;
    render(h(App, {}), root);
    onUnmount(() => render(null, root));
    await until(() => d.q('[data-testid="welcome-wait"]') !== null, 'the welcome page');
    await tick(30);
    const { tTime } = await import('./i18n-time');
    const want = englishMessage('welcomeFirstAt', tTime('around', at('2026-03-03T09:20:00Z'), { now }));
    const said = () => d.q('[data-testid="welcome-first-at"]')?.textContent ?? '';
    d.q('[data-testid="welcome-wait"]')!.click();
    await until(() => said() !== '', 'an answer', 200).catch(() => undefined);
    expect(said()).toBe(want);
  });
});

describe('a range of no length in the week editor\'s words (components/ScheduleEditor.tsx)', () => {
  const mount = useWeekEditor();
  // Times as a 24-hour browser writes them (a 12-hour clock writes both ends "12:00 AM").
  let restore = () => {};
  beforeEach(() => void (restore = clockDefaultsTo('en-GB')));
  afterEach(() => restore());
  // 00:00–00:00 read as a whole day before, and the preview and the remove button said so
  // ("00:00–24:00"); it is no hours now: said as its fields show it, next to its error.
  it('Monday 00:00–00:00: the preview and the remove button say 00:00–00:00, not 00:00–24:00 (a whole day it no longer is)', async () => {
    const m = await mount({ enabled: true, days: [[{ from: 0, to: 0 }], NINE_TO_FIVE30, [], [], [], [], []] });
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrZero'));
    expect(m.q('[data-testid="schedule-preview"]').textContent).toContain('Mon 00:00–00:00');
    expect(m.q('[data-testid="schedule-preview"]').textContent).not.toContain('24:00');
    expect(m.q('#sched-d0-r0-remove').getAttribute('aria-label')).toMatch(/^Remove Monday 0?0:00–0?0:00$/);
  });

  it('control: a range to midnight is still said to 24:00 (18:00–00:00 and 00:00–24:00)', async () => {
    const m = await mount({ enabled: true, days: [[{ from: hm(18), to: 0 }], [{ from: 0, to: 24 * 60 }], [], [], [], [], []] });
    expect(m.q('[data-testid="schedule-preview"]').textContent).toContain('Mon 18:00–24:00');
    expect(m.q('[data-testid="schedule-preview"]').textContent).toContain('Tue 00:00–24:00');
    expect(m.q('#sched-d0-r0-remove').getAttribute('aria-label')).toBe('Remove Monday 18:00–24:00');
    expect(m.q('#sched-d1-r0-remove').getAttribute('aria-label')).toMatch(/^Remove Tuesday 0?0:00–24:00$/);
  });
});
