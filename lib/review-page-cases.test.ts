/**
 * The weekly review page as a person uses it, against README.md ("History, streaks and your
 * data", "Languages"): what it says after the data changed elsewhere, and the words its
 * sentences are built from. Rows are written through the real history (lib/storage/history.ts
 * over the in-memory IndexedDB) in explicit IANA zones; the page renders with linkedom over WXT's
 * fake browser and the English catalogue (tests/support/popup-world.ts). Expected values are
 * worked out by hand from the rows each test writes.
 *
 * describe('bugs found in review'): each test failed on the code as reviewed and passes with its
 * fix (the review never read the history again once drawn, so a reset or an import in the options
 * tab left it showing the old week; the conjunction of its body-area list came from the browser's
 * locale inside an English sentence; a day off on which breaks were taken read "No breaks due";
 * the routines chart cut an emoji in a long name in half; a break recorded while the review stayed
 * in front, as a natural break is, never showed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { background, dom, openReview, onCleanup, setUiLanguage, STRETCH_ONLY, T0, usePopupWorld } from '../tests/support/popup-world';
import { listFormatDefaultsTo, tick, until } from '../tests/support/linkedom-page';
import { resetData } from './data';
import { aggregate } from './aggregates';
import { popupHistory } from './review';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './storage/items';
import { closeHistory, recordBreak } from './storage/history';
import type { BreakRecord } from './tracker/tracker';

usePopupWorld();

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

/** A stretch break ending at `endedAt`, as the tracker records it. */
function rec(id: string, endedAt: number, routineId: string | null = null): BreakRecord {
  return { id, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 5 * MIN, promptedAt: endedAt - 5 * MIN, startedAt: endedAt - 3 * MIN, endedAt, routineId, deskMs: 45 * MIN, snoozes: 0, manual: false };
}

describe('bugs found in review (each test holds its fix)', () => {
  it('README: reset "everything, after a confirmation" in Options: coming back to a weekly review left open in another tab shows the empty history, not the breaks just erased (it kept them until reloaded by hand)', async () => {
    const tz = 'Europe/Berlin';
    // Monday 2 and Tuesday 3 March 2026, 10:00 CET: one stretch break each (both days count).
    await recordBreak(rec('mon', at('2026-03-02T09:00:00Z')), tz);
    await recordBreak(rec('tue', at('2026-03-03T09:00:00Z')), tz);
    vi.spyOn((await import('./platform/clock')).clock, 'timeZone').mockReturnValue(tz);
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-03T15:00:00Z') }); // Tuesday 16:00 CET
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    expect([taken(), r.text('tile-streak'), r.q('[data-testid="review-empty"]')]).toEqual(['2', 'Current streak2Best streak: 2', null]);

    // The options tab: Reset everything (lib/data.ts, as components/DataPrefs.tsx runs it).
    // The review's tab is hidden meanwhile, then shown again.
    const shown = (state: 'hidden' | 'visible') => {
      Object.defineProperty(r.document, 'visibilityState', { value: state, configurable: true });
      r.document.dispatchEvent(new r.window.Event('visibilitychange'));
    };
    shown('hidden');
    await resetData();
    shown('visible');
    await until(() => taken() === '0', `the review after the reset (breaks taken: ${taken()})`);
    expect([taken(), r.text('tile-streak'), r.text('review-empty')]).toEqual(['0', 'Current streak0Best streak: 0', 'No breaks recorded yet. Your review fills in as you take breaks.']);

    // The review in a window of its own: a break taken meanwhile (the break window's own
    // window) shows once the review's window has the focus again.
    await recordBreak(rec('tue2', at('2026-03-03T15:30:00Z')), tz);
    vi.setSystemTime(at('2026-03-03T15:40:00Z'));
    r.window.dispatchEvent(new r.window.Event('focus'));
    await until(() => taken() === '1', `the review after a break (breaks taken: ${taken()})`);
    await tick(20);
    expect(r.text('tile-streak')).toBe('Current streak1Best streak: 1');
  });

  it('README (weekly review, "compares this week with last week"): a break recorded while the review is open in front (a natural break: stepped away, came back) shows without the page being hidden or refocused (it kept the figures from before the break)', async () => {
    // Monday 2 March 2026, UTC, stretch breaks only: the background running since 09:00; a break
    // completed at 09:30 (this week's first). The review opened at 10:00, in front all along.
    await recordBreak(rec('mon', T0 + 30 * MIN), 'UTC');
    await background(STRETCH_ONLY, T0 + 60 * MIN);
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    expect([taken(), r.q('[data-key="hlNatural"]')]).toEqual(['1', null]);

    // 10:00: no input for "away after", then back 15 minutes later: the background records a natural break.
    const { dispatch } = await import('./engine');
    await dispatch({ type: 'activity', state: 'idle' });
    vi.setSystemTime(T0 + 75 * MIN);
    await dispatch({ type: 'activity', state: 'active' });
    const { breaksOnDay } = await import('./storage/history');
    expect((await breaksOnDay('2026-03-02')).map((b) => b.outcome)).toEqual(['completed', 'natural']);

    // No focus, no visibility change: the review says so by itself.
    await until(() => taken() === '2', `the review after the natural break (breaks taken: ${taken()})`);
    expect(r.q('[data-key="hlNatural"]')?.textContent).toBe('Natural breaks, when you stepped away before Limber asked: 1.');
  });

  it('"Grace days left this month" is said only while a streak runs, as the popup lights its flame only then (it said "Grace days left this month: 1" under a streak of 0, a grace day for no streak)', async () => {
    // Monday 2 March 2026 (UTC): one stretch break; Tuesday 3 and Wednesday 4 missed (the one break
    // due each day skipped): the first is the grace day, the second breaks the streak.
    await recordBreak(rec('mon', at('2026-03-02T10:00:00Z')), 'UTC');
    for (const d of [3, 4]) await recordBreak({ ...rec(`skip${d}`, at(`2026-03-0${d}T10:00:00Z`)), outcome: 'skipped', startedAt: null }, 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-05T15:00:00Z') }); // Thursday, nothing yet
    const rules = (r: Awaited<ReturnType<typeof openReview>>) => r.q('[data-testid="streak-rules"]')?.textContent ?? '';
    let r = await openReview();
    expect(r.text('tile-streak')).toBe('Current streak0Best streak: 1');
    expect({ rules: rules(r).includes('One missed day a month is forgiven'), left: rules(r).includes('Grace days left') }).toEqual({ rules: true, left: false });

    // A break on Thursday: a streak runs again (1 day), and its grace day is there to be kept.
    await recordBreak(rec('thu', at('2026-03-05T15:30:00Z')), 'UTC');
    vi.setSystemTime(at('2026-03-05T16:00:00Z'));
    r = await openReview();
    await until(() => r.text('tile-streak') === 'Current streak1Best streak: 1', `the streak (${r.text('tile-streak')})`);
    expect(r.text('grace-left')).toBe('Grace days left this month: 1');
  });

  it('README: "The weekly review ... compares this week with last week": left open over the midnight that starts a new week, it turns to the new week by itself (it went on calling the week just over "this week")', async () => {
    // en-US: weeks start on Sunday (README "Weeks start on": the usual first day for your language).
    // Monday 2 - Saturday 7 March 2026, UTC: one stretch break a day.
    for (let d = 2; d <= 7; d++) await recordBreak(rec(`d${d}`, at(`2026-03-0${d}T10:00:00Z`)), 'UTC');
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: at('2026-03-07T23:58:00Z') }); // Saturday 23:58
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    expect([r.text('week-range'), taken()]).toEqual(['Mar 1 – Mar 7', '6']);

    vi.advanceTimersByTime(3 * MIN); // Sunday 8 March, 00:01: the page untouched, in view all along
    await until(() => r.text('week-range') !== 'Mar 1 – Mar 7', `the new week (${r.text('week-range')})`);
    expect([r.text('week-range'), taken(), r.q('[data-testid="tile-taken"] .small')?.textContent]).toEqual(['Mar 8 – Mar 14', '0', 'By this day last week: 0']);
  });

  it('README ("A browser in a language Limber has no catalogue for gets English pages"): the body areas highlight joins its list with "and", not with the browser\'s own word ("Upper back och Lower back" in a Swedish browser)', async () => {
    // In a browser Intl's default locale is the browser's language (Swedish here: no catalogue,
    // so the page is English, lang="en"). Intl.ListFormat answers in Swedish unless told otherwise.
    onCleanup(listFormatDefaultsTo('sv'));
    expect(new Intl.ListFormat(undefined, { type: 'conjunction' }).format(['a', 'b'])).toBe('a och b');
    setUiLanguage('sv-SE');

    // Seated cat-cow (upper and lower back), Thursday 5 March 2026 in Stockholm.
    await recordBreak(rec('cc', at('2026-03-05T09:00:00Z'), 'cat-cow'), 'Europe/Stockholm');
    vi.spyOn((await import('./platform/clock')).clock, 'timeZone').mockReturnValue('Europe/Stockholm');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-05T12:00:00Z') });
    const r = await openReview();
    expect((await import('./i18n')).pageLanguage()).toBe('en');
    expect(r.q('[data-key="hlAreas"]')?.textContent).toBe('Body areas you worked most: Lower back and Upper back.');
  });

  it('README ("days off in your working hours neither break a streak nor add to it"): a day off on which breaks were taken is called a day off, not "No breaks due" next to the breaks it shows, in the review\'s streak calendar and the popup\'s last 7 days', async () => {
    // Working hours Monday to Friday (the default week), weeks from Monday. Friday 6 March 2026:
    // one stretch break (the day counts); Saturday 7 March, a day off: two breaks taken anyway
    // ("Take a break now", or hours switched on after working Saturdays). Today: Sunday 8 March.
    await saveSettings({ ...DEFAULT_SETTINGS, weekStart: 'mon', schedule: { ...DEFAULT_SETTINGS.schedule, enabled: true } });
    await recordBreak(rec('fri', at('2026-03-06T10:00:00Z')), 'UTC');
    await recordBreak(rec('sat1', at('2026-03-07T10:00:00Z')), 'UTC');
    await recordBreak(rec('sat2', at('2026-03-07T11:00:00Z')), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-08T12:00:00Z') });
    const r = await openReview();
    const cells = (sel: string) => [...r.document.querySelectorAll(sel)].map((e) => (e as unknown as HTMLElement).textContent);
    // The breaks chart's table: Saturday 2, Sunday 0.
    expect(cells('[data-testid="table-breaks"] tbody tr:nth-child(6) td')).toEqual(['2', '0']);
    // The streak calendar's last week (Mar 2 - Mar 8): Monday to Thursday nothing recorded,
    // Friday counted, Saturday a day off with its two breaks, Sunday (today) a day off with none.
    const week = cells('[data-testid="table-heatmap"] tbody tr:last-child > *');
    expect(week).toEqual(['Mar 2', 'No breaks due', 'No breaks due', 'No breaks due', 'No breaks due', 'Counted', 'Day off', 'No breaks due']);
    // Its cell's tooltip says the same.
    const lastWeekCells = [...r.document.querySelectorAll('[data-testid="heatmap"] g')].at(-1)!.querySelectorAll('title');
    expect(lastWeekCells[5]?.textContent).toBe('Sat, Mar 7: Day off');

    // The popup's last 7 days (its table, for screen readers), from the same rows.
    const { WeekBars } = await import('../components/WeekCharts');
    const { h, render } = await import('preact');
    const rows = [...aggregate([
      { id: 'f', day: '2026-03-06', kind: 'stretch', outcome: 'completed', deskMs: 45 * MIN, routineId: null },
      { id: 's1', day: '2026-03-07', kind: 'stretch', outcome: 'completed', deskMs: 45 * MIN, routineId: null },
      { id: 's2', day: '2026-03-07', kind: 'stretch', outcome: 'completed', deskMs: 45 * MIN, routineId: null },
    ]).values()];
    const ph = popupHistory(rows, '2026-03-08', { ...DEFAULT_SETTINGS.schedule, enabled: true }, { stretchOn: true });
    const p = dom();
    render(h(WeekBars, { days: ph.days, today: ph.today, tables: true }), p.document.getElementById('app')!);
    const sat = [...p.document.querySelectorAll('[data-testid="week-table"] tbody tr')].map((e) => (e as unknown as HTMLElement).textContent)[5];
    render(null, p.document.getElementById('app')!);
    // Day, taken, natural, skipped, streak.
    expect(sat).toBe('Sat, Mar 7200Day off');
  });

  it('README (streak calendar): its legend names every kind of cell it draws: the dashed days still to come, and the grey ones as days off as well as days with no breaks due (it had no entry for the dashed cells, and the grey one said only "No breaks due")', async () => {
    // Working hours Monday to Friday, weeks from Monday, UTC. Sunday 1 March 2026, a day off: a
    // break taken anyway; Monday 2 March: a break (counted). Today: Wednesday 4 March, nothing
    // yet. The calendar runs to this week's Sunday, so Thursday 5 to Sunday 8 are still to come.
    await saveSettings({ ...DEFAULT_SETTINGS, weekStart: 'mon', schedule: { ...DEFAULT_SETTINGS.schedule, enabled: true } });
    await recordBreak(rec('mon', at('2026-03-02T10:00:00Z')), 'UTC');
    await recordBreak(rec('sun1', at('2026-03-01T10:00:00Z')), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-04T12:00:00Z') }); // Wednesday
    const r = await openReview();
    const heat = r.q('[data-testid="heatmap"]')!;
    // The kinds of cell drawn: counted (Mon 2), a day off with breaks (Sun 1), no breaks due
    // (weekends before), in progress (today, nothing due yet), to come (Thu 5 - Sun 8).
    const drawn = new Set([...heat.querySelectorAll('rect')].map((e) => e.getAttribute('class')));
    expect([...drawn].sort()).toEqual(['heat-future', 'heat-met', 'heat-off', 'heat-pending']);
    const legend = heat.parentElement!.nextElementSibling!; // after the chart's box
    const entries = [...legend.querySelectorAll('li')].map((li) => [li.querySelector('.swatch')?.getAttribute('class'), li.textContent]);
    expect(entries).toEqual([
      ['swatch met', 'Counted'],
      ['swatch grace', 'Grace day'],
      ['swatch missed', 'Missed'],
      ['swatch off', 'No breaks due or day off'],
      ['swatch pending', 'In progress'],
      ['swatch future', 'To come'],
    ]);
  });

  it('README (weekly review, share of due breaks taken): 199 of 200 due breaks taken reads 99%, never 100%, in the tile and in the highlight (99.5% was rounded up to "100%" with a break skipped)', async () => {
    // en-US, weeks from Sunday 1 March 2026, UTC. Monday 2 March: 100 stretch breaks completed;
    // Tuesday 3 March: 99 completed and 1 skipped. Due 200, taken 199: 199 / 200 = 0.995, which
    // rounds to 100 but is less than all of them. Last week: nothing, so the tile's comparison is "–".
    for (let i = 0; i < 100; i++) await recordBreak(rec(`m${i}`, at('2026-03-02T08:00:00Z') + i * MIN), 'UTC');
    for (let i = 0; i < 99; i++) await recordBreak(rec(`t${i}`, at('2026-03-03T08:00:00Z') + i * MIN), 'UTC');
    await recordBreak({ ...rec('skip', at('2026-03-03T20:00:00Z')), outcome: 'skipped', startedAt: null }, 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-04T12:00:00Z') });
    const r = await openReview();
    const taken = r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    const share = r.q('[data-testid="tile-share"] .tile-value')?.textContent;
    const hl = r.q('[data-testid="review-highlights"] li[data-key="hlShareOnly"]')?.textContent;
    expect([taken, share, hl]).toEqual(['199', '99%', 'You took 99% of your due breaks.']);
  }, 30_000);

  it('README (your own routines, named as you like): a long name with an emoji is shortened in the routines chart without cutting the emoji in half (it drew a broken character)', async () => {
    // The chart's room before its bars (drawn for its default width, the page's small text 13 px):
    // 182 px, 14 em (a letter 0.6 em, the cat and the ellipsis 1 em each). A name drawn on two
    // lines: 23 letters fill the first, and the second (20 letters, a cat, two UTF-16 units, and
    // more) is longer than the room.
    const name = `${'b'.repeat(23)}${'a'.repeat(20)}\u{1F408} and her friends`;
    const { RankBars } = await import('../components/ReviewCharts');
    const { h, render } = await import('preact');
    const p = dom();
    const root = p.document.getElementById('app')!;
    render(h(RankBars, { id: 'routines', caption: 'Most-used routines this week', colLabel: 'Routine', items: [{ label: name, n: 3 }], tables: false }), root);
    const drawn = [...p.document.querySelectorAll('[data-testid="chart-routines"] text.label')].map((e) => e.textContent);
    const inTable = p.q('[data-testid="table-routines"] tbody th')?.textContent;
    const title = p.q('[data-testid="chart-routines"] title')?.textContent;
    render(null, root);
    // Shortened after the whole cat, with an ellipsis; the tooltip and the table keep the whole name.
    expect([drawn, title, inTable]).toEqual([['b'.repeat(23), `${'a'.repeat(20)}\u{1F408}…`], name, name]);
  });

  it('the weekly review\'s routines chart draws a name too long for one line whole on two, broken at a space (it was cut to "Standing desk posture c…" with no way to read the rest but hovering)', async () => {
    const { RankBars } = await import('../components/ReviewCharts');
    const { h, render } = await import('preact');
    const p = dom();
    const root = p.document.getElementById('app')!;
    const en = JSON.parse(readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
    const name = en.r_standing_desk_check_title!.message;
    render(h(RankBars, { id: 'routines', caption: '', colLabel: '', items: [{ label: name, n: 3 }], tables: false }), root);
    const drawn = [...p.document.querySelectorAll('[data-testid="chart-routines"] text.label')].map((e) => e.textContent);
    const title = p.q('[data-testid="chart-routines"] title');
    render(null, root);
    expect([drawn, title]).toEqual([['Standing desk posture', 'check'], null]);
  });

  it('README (weekly review, share of due breaks taken): 1 of 300 due breaks taken reads "<1%", never "0%", in the tile and in the highlight, in every language (a share above none was rounded down to "0%")', async () => {
    const { percent } = await import('../components/history-format');
    const { highlightText } = await import('../entrypoints/review/App');
    const { weeklyReview } = await import('./review');
    const { highlights } = await import('./review-highlights');
    const { installFallbackMessages } = await import('./i18n');
    const { formatMessage } = await import('./i18n-fallback');
    // Monday 2 March 2026: 300 stretch breaks due, 1 taken; last week nothing (the highlight alone).
    const rows = [...aggregate([
      { id: 'a', day: '2026-03-02', kind: 'stretch', outcome: 'completed', deskMs: 45 * MIN, routineId: null },
      ...Array.from({ length: 299 }, (_, i) => ({ id: `s${i}`, day: '2026-03-02', kind: 'stretch' as const, outcome: 'skipped' as const, deskMs: 45 * MIN, routineId: null })),
    ]).values()];
    const r = weeklyReview(rows, '2026-03-04', null);
    expect([r.thisWeek.due, r.thisWeek.taken]).toEqual([300, 1]);
    const hl = highlights(r.thisWeek, r.lastWeek, { current: 0, longest: 0 } as never).find((h) => h.key === 'hlShareOnly')!;
    // The tile, the highlight, and the rule's other end kept (0.995 -> 99%), and none and all as they are.
    expect([percent(r.thisWeek.share), highlightText(hl), percent(0.995), percent(0), percent(1)]).toEqual(['<1%', 'You took <1% of your due breaks.', '99%', '0%', '100%']);
    // Every catalogue says "less than" its own way around the number (the number as Intl writes it).
    const said: Record<string, string> = {};
    for (const lang of ['en', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR']) {
      const cat = JSON.parse(readFileSync(new URL(`../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;
      installFallbackMessages((k, subs) => (cat[k] ? formatMessage(cat[k]!, subs) : undefined));
      said[lang] = percent(1 / 300);
    }
    installFallbackMessages(null);
    expect(said).toEqual({ en: '<1%', de: '<1%', es: '<1%', fr: '<1%', it: '<1%', ja: '1%未満', nl: '<1%', pl: '<1%', pt_BR: '<1%' });
  });

  it('README (weekly review, "the figures on screen staying until the new ones replace them"): a reload that fails when the page is shown again keeps the week on screen and says briefly that refreshing failed (the error replaced the whole review)', async () => {
    await recordBreak(rec('mon', at('2026-03-02T09:00:00Z')), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-02T15:00:00Z') });
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent;
    expect([taken(), r.q('[role="alert"]'), r.q('[data-testid="review-stale"]')]).toEqual(['1', null, null]);

    // Reading the history fails on the next reload (the page focused again).
    const { clock } = await import('./platform/clock');
    const zone = vi.spyOn(clock, 'timeZone').mockImplementation(() => {
      throw new Error('IndexedDB went away');
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    r.window.dispatchEvent(new r.window.Event('focus'));
    await until(() => r.q('[data-testid="review-stale"]') !== null || r.q('[role="alert"]') !== null, 'the failed reload');
    expect([taken(), r.q('[role="alert"]')?.textContent ?? null, r.text('review-stale')]).toEqual(['1', null, 'The review could not be refreshed just now. These are the figures from when it last loaded.']);

    // The next reload that works takes the note away.
    zone.mockReturnValue('UTC');
    r.window.dispatchEvent(new r.window.Event('focus'));
    await until(() => r.q('[data-testid="review-stale"]') === null, 'the note gone');
    expect(taken()).toBe('1');
  });

  it('README (weekly review: "if reading it again fails, it keeps the figures it had and says it could not refresh them"): a history that cannot be opened just now (the disk answers with an error) is not called off: the week stays with the refresh note (it was replaced by "Break history is off in this browser, so there is nothing to review.")', async () => {
    await recordBreak(rec('mon', at('2026-03-02T09:00:00Z')), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-02T15:00:00Z') });
    const r = await openReview();
    const taken = () => r.q('[data-testid="tile-taken"] .tile-value')?.textContent ?? null;
    expect([taken(), r.q('[data-testid="review-history-off"]')]).toEqual(['1', null]);

    // The next reload opens the history afresh, and IndexedDB fails for the moment (Chromium's
    // UnknownError: a disk or profile error), not for good as in a browser without it.
    await closeHistory();
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' });
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    r.window.dispatchEvent(new r.window.Event('focus'));
    await until(() => r.q('[data-testid="review-stale"]') !== null || r.q('[data-testid="review-history-off"]') !== null, 'the failed reload');
    expect([taken(), r.q('[data-testid="review-history-off"]')?.textContent ?? null, r.text('review-stale')]).toEqual(['1', null, 'The review could not be refreshed just now. These are the figures from when it last loaded.']);

    // Once the history opens again, the note goes.
    open.mockRestore();
    r.window.dispatchEvent(new r.window.Event('focus'));
    await until(() => r.q('[data-testid="review-stale"]') === null, 'the note gone');
    expect(taken()).toBe('1');
  });

  it('README (weekly review in Japanese): a routine title in the routines chart ends before its bar starts (17 full-width characters, 12 px each, ran 14 px into the bar)', async () => {
    const { RankBars } = await import('../components/ReviewCharts');
    const { h, render } = await import('preact');
    const p = dom();
    const root = p.document.getElementById('app')!;
    // The Japanese catalogue's longest routine title, and the longest own name the chart draws whole.
    const ja = JSON.parse(readFileSync(new URL('../public/_locales/ja/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
    const items = [{ label: ja.r_standing_desk_check_title!.message, n: 4 }, { label: 'あ'.repeat(30), n: 2 }];
    render(h(RankBars, { id: 'routines', caption: '', colLabel: '', items, tables: false }), root);
    const labels = [...p.document.querySelectorAll('[data-testid="chart-routines"] g')].map((g) => {
      const [text, bar] = [g.querySelector('text')!, g.querySelector('rect')!];
      // A full-width character (CJK, and the ellipsis in a Japanese font) is 1 em wide.
      const width = Array.from(text.textContent ?? '').length * Number(text.getAttribute('font-size'));
      return { text: text.textContent, room: Number(bar.getAttribute('x')) - Number(text.getAttribute('x')) - width };
    });
    render(null, root);
    expect(labels.filter((l) => l.room < 4)).toEqual([]);
  });

  it('README (your own routines, named as you like): two own routines with the same name each keep their own bar and count when the chart is drawn again', async () => {
    const { RankBars } = await import('../components/ReviewCharts');
    const { h, render } = await import('preact');
    const p = dom();
    const root = p.document.getElementById('app')!;
    const draw = (items: Array<{ label: string; n: number }>) =>
      render(h(RankBars, { id: 'routines', caption: 'Most-used routines this week', colLabel: 'Routine', items, tables: true }), root);
    const all = (sel: string) => Array.from(p.document.querySelectorAll(sel) as unknown as ArrayLike<HTMLElement>);
    const rows = () => all('[data-testid="table-routines"] tbody tr').map((tr) => tr.textContent);
    const bars = () => all('[data-testid="chart-routines"] g').map((g) => g.textContent);
    draw([{ label: 'Morning', n: 5 }, { label: 'Neck', n: 3 }, { label: 'Morning', n: 2 }]);
    const first = [rows(), bars()];
    // The week moves on: the ranking changes, the names stay.
    draw([{ label: 'Neck', n: 6 }, { label: 'Morning', n: 4 }, { label: 'Morning', n: 1 }]);
    const second = [rows(), bars()];
    render(null, root);
    expect(first).toEqual([['Morning5', 'Neck3', 'Morning2'], ['Morning5', 'Neck3', 'Morning2']]);
    expect(second).toEqual([['Neck6', 'Morning4', 'Morning1'], ['Neck6', 'Morning4', 'Morning1']]);
  });
});

describe('the review\'s words for an empty fortnight and a first week (each test failed before its fix)', () => {
  it('a long-time user back from two weeks away reads that no breaks were recorded in the last two weeks, without the new user\'s "yet" (it said "... in the last two weeks yet.")', async () => {
    // en-US, weeks from Sunday, UTC. Monday 2 - Friday 6 February 2026: a stretch break a day.
    // Today Wednesday 4 March: nothing since 6 February (this week from 1 March, last from 22 Feb).
    for (let d = 2; d <= 6; d++) await recordBreak(rec(`f${d}`, at(`2026-02-0${d}T10:00:00Z`)), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-04T12:00:00Z') });
    const r = await openReview();
    expect([r.q('[data-testid="review-highlights"] li')?.textContent, r.q('[data-testid="review-empty"]')]).toEqual(['No breaks recorded in the last two weeks.', null]);
  });

  it('a new user with no breaks yet is told so once: the empty card, not a highlight saying nearly the same under it (both showed)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-04T12:00:00Z') });
    const r = await openReview();
    expect([r.text('review-empty'), r.q('[data-testid="review-highlights"]')]).toEqual(['No breaks recorded yet. Your review fills in as you take breaks.', null]);
    expect(r.q('[data-testid="tile-taken"] .small')?.textContent).toBe('Last week: –');
  });

  it('on a new user\'s first day the breaks tile compares with last week as the other tiles do, with a dash, not "By this day last week: 0" (no history before this week)', async () => {
    // Monday 2 March 2026, UTC: the first break ever, at 09:00. Today: the same Monday, 15:00.
    await recordBreak(rec('first', at('2026-03-02T09:00:00Z')), 'UTC');
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-03-02T15:00:00Z') });
    const r = await openReview();
    const sub = (id: string) => r.q(`[data-testid="${id}"] .small`)?.textContent;
    expect([sub('tile-taken'), sub('tile-share'), sub('tile-desk')]).toEqual(['Last week: –', 'Last week: –', 'Last week: –']);
  });
});
