/**
 * The week editor (components/ScheduleEditor.tsx), rendered with linkedom, and the help above it,
 * from a second review of working hours: each test failed before its fix, except those marked control.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clockDefaultsTo as clockOf, englishMessage, listFormatDefaultsTo, speakEnglish } from '../tests/support/linkedom-page';
import { formatMinute, weekdayNames } from './schedule-form';
import { useWeekEditor } from '../tests/support/week-editor';
import { DEFAULT_SETTINGS, type Schedule, type Settings } from './settings';
import { BASE, H, MIN, Sim } from '../tests/tracker-rules-sim';

const hm = (h: number, m = 0) => h * 60 + m;
const NINE_TO_FIVE30 = [{ from: hm(9), to: hm(17, 30) }];
const WEEK: Schedule = { enabled: true, days: [NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []] };

describe('the week editor (second review)', () => {
  const mount = useWeekEditor();

  it('a Swedish browser (no catalogue: the page is English) reads the preview with "and", not "och"', async () => {
    // In a browser Intl's default locale is the browser's language; "and" is a word of the
    // page's sentence, so it comes in the page's language (dates and times keep the browser's).
    const restore = listFormatDefaultsTo('sv');
    try {
      speakEnglish('sv-SE');
      const split = [{ from: hm(9), to: hm(12) }, { from: hm(13), to: hm(17) }];
      const m = await mount({ enabled: true, days: [split, split, split, split, split, [{ from: hm(10), to: hm(12) }], []] });
      const text = m.q('[data-testid="schedule-preview"]').textContent ?? '';
      expect(text).not.toMatch(/ och /);
      expect(text.match(/ and /g)).toHaveLength(2); // between the two ranges, and between the two groups of days
    } finally {
      restore();
    }
  });

  it('a Japanese page writes the preview\'s ranges with its own range mark, as its "Remove 月曜日 9:00～17:30" label does (it was "–" and ", " by hand)', async () => {
    const ja = JSON.parse(readFileSync(path.join(process.cwd(), 'public/_locales/ja/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const message = (key: string, subs?: string | Array<string | number>) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (ja[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
    };
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ja');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(message as typeof fakeBrowser.i18n.getMessage);
    const weekend = [{ from: hm(10), to: hm(12) }];
    const m = await mount({ ...WEEK, days: [...WEEK.days.slice(0, 5), weekend, weekend] });
    // Names and times as Intl writes them here; the marks between them are the page's (Japanese: ～ and ・).
    const d = weekdayNames(undefined);
    const range = (a: string, b: string) => message('schedRemove', ['', a, b]).match(new RegExp(`${a}(.+)${b}`))![1]!;
    expect(range('9:00', '17:30')).toBe('～'); // the catalogue's own range mark, in the label it already had
    const text = m.q('[data-testid="schedule-preview"]').textContent ?? '';
    expect(text).toContain(`${d[0]}～${d[4]} ${formatMinute(hm(9))}～${formatMinute(hm(17, 30))}`);
    expect(text).toContain(`${d[5]}・${d[6]} ${formatMinute(hm(10))}～${formatMinute(hm(12))}`);
  });

  it('a time cleared, then "Restore defaults": switching working hours on again is saved, with no stale "Enter a time" message', async () => {
    const m = await mount(WEEK);
    // Monday's start cleared and left: marked unreadable, nothing handed on (right).
    await m.setTime('day-0-range-0-from', '');
    await m.blur('day-0-range-0-from');
    expect(m.saved).toHaveLength(0);
    // "Restore defaults (Working hours)": the stored week becomes the default one (off, Mon-Fri 09:00-17:30).
    await m.show(DEFAULT_SETTINGS.schedule);
    expect(m.q('[data-testid="schedule-preview"]').textContent).toBe(englishMessage('schedPreviewAlways'));
    // The person switches working hours on again: every field shows a complete time...
    await m.check('[data-testid="schedule-enabled"]', true);
    expect(m.q('[data-testid="day-0-range-0-from"]').value).toBe('09:00');
    // ...so no message says otherwise, and the switch is saved.
    expect(m.document.querySelector('[role="alert"]')?.textContent ?? null).toBeNull();
    expect(m.saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS.schedule, enabled: true });
  });

  it('a time cleared, then a week imported (or saved in another window) with working hours on: every field shows the new week', async () => {
    const m = await mount(WEEK);
    await m.setTime('day-0-range-0-from', '');
    await m.blur('day-0-range-0-from');
    // The stored week changes elsewhere: Tuesday now ends at 18:00; Monday is as before.
    const imported: Schedule = { ...WEEK, days: WEEK.days.map((r, i) => (i === 1 ? [{ from: hm(9), to: hm(18) }] : r)) };
    await m.show(imported);
    expect(m.q('[data-testid="day-1-range-0-to"]').value).toBe('18:00');
    // Monday's start is the week's 09:00 again, not a blank field that no message explains.
    expect(m.q('[data-testid="day-0-range-0-from"]').value).toBe('09:00');
    expect(m.q('[data-testid="day-0-range-0-from"]').getAttribute('aria-invalid')).toBe('false');
    expect(m.document.querySelector('[role="alert"]')).toBeNull();
    // And the next edit is handed on.
    await m.setTime('day-2-range-0-to', '16:00');
    expect(m.saved.at(-1)?.days[2]).toEqual([{ from: hm(9), to: hm(16) }]);
  });

  it('a start cleared, then another range of that day removed with its ✕: the field shows the time that is saved, not a blank', async () => {
    const m = await mount(WEEK);
    await m.click('[data-testid="day-0-add"]'); // Monday: a second range, 18:30-20:30
    await m.setTime('day-0-range-0-from', ''); // the first range's start cleared...
    await m.blur('day-0-range-0-from');
    // ...and the second range removed: Monday's marks go with the edit, and the week is saved.
    await m.act(() => (m.document.querySelectorAll('.sched-day')[0]!.querySelectorAll('.sched-remove')[1] as unknown as { click(): void }).click());
    expect(m.saved.at(-1)?.days[0]).toEqual(NINE_TO_FIVE30);
    // What was saved is what the field shows (it showed a blank, with no message, while 09:00 was saved).
    expect(m.q('[data-testid="day-0-range-0-from"]').value).toBe('09:00');
  });

  it('overlapping hours synced from another computer, then "Restore defaults": the editor shows the restored week, not the overlap', async () => {
    // README: "overlapping hours show in the options with what to fix". Stored (synced) settings
    // hold Monday 09:00-12:00 and 11:00-14:00: shown, with the message.
    const synced: Schedule = { ...WEEK, days: WEEK.days.map((r, i) => (i === 0 ? [{ from: hm(9), to: hm(12) }, { from: hm(11), to: hm(14) }] : r)) };
    const m = await mount(synced);
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrOverlap'));
    // "Restore defaults (Working hours)": stored is now the default week (off). Nothing was edited
    // on this page, so that is what it shows.
    await m.show(DEFAULT_SETTINGS.schedule);
    expect(m.q('[data-testid="schedule-preview"]').textContent).toBe(englishMessage('schedPreviewAlways'));
    expect(m.document.querySelector('.sched-days')).toBeNull(); // the days are hidden while the schedule is off
    expect(m.document.querySelector('[role="alert"]')).toBeNull();
  });

  it('control: a week made invalid by an edit here is kept while another week arrives (mid-edit)', async () => {
    const m = await mount(WEEK);
    await m.setTime('day-0-range-0-to', '09:00'); // 09:00-09:00: the person is typing
    await m.show({ ...WEEK, days: WEEK.days.map((r, i) => (i === 1 ? [{ from: hm(8), to: hm(16) }] : r)) });
    await m.blur('day-0-range-0-to'); // its problem said once the field is left
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrZero'));
    expect(m.q('[data-testid="day-0-range-0-to"]').value).toBe('09:00');
  });

  describe('from the keyboard: an action whose button goes away leaves the focus on the day, not on the page', () => {
    /** The element focused last (linkedom has no document.activeElement: focus() is watched instead). */
    function watchFocus(m: Awaited<ReturnType<typeof mount>>) {
      const focused: Element[] = [];
      vi.spyOn(m.window.HTMLElement.prototype, 'focus').mockImplementation(function (this: Element) {
        focused.push(this);
      });
      return () => focused.at(-1) ?? null;
    }
    const removeButtons = (m: Awaited<ReturnType<typeof mount>>, d: number) => Array.from(m.document.querySelectorAll('.sched-day')[d]!.querySelectorAll('.sched-remove')) as unknown as Array<HTMLElement & { click(): void }>;

    it('✕ on a range: the focus goes to the range now in its place, else the one before, else the day\'s checkbox', async () => {
      const m = await mount({ ...WEEK, days: WEEK.days.map((r, i) => (i === 0 ? [{ from: hm(8), to: hm(12) }, { from: hm(13), to: hm(15) }, { from: hm(16), to: hm(18) }] : r)) });
      const focused = watchFocus(m);
      // The middle range (13:00-15:00) removed: the range that takes its place (16:00-18:00) has the focus.
      await m.act(() => removeButtons(m, 0)[1]!.click());
      expect(m.saved.at(-1)?.days[0]).toEqual([{ from: hm(8), to: hm(12) }, { from: hm(16), to: hm(18) }]);
      expect(focused()).toBe(removeButtons(m, 0)[1]);
      // The last range removed: the one before it.
      await m.act(() => removeButtons(m, 0)[1]!.click());
      expect(focused()).toBe(removeButtons(m, 0)[0]);
      // The only range removed (the day is off now, and has no range and no "Add hours"): the day's checkbox.
      await m.act(() => removeButtons(m, 0)[0]!.click());
      expect(m.saved.at(-1)?.days[0]).toEqual([]);
      expect(focused()).toBe(m.q('[data-testid="day-0"]'));
    });

    it('"Add hours": the focus goes to the new range\'s start, also when it was the sixth (the button then goes)', async () => {
      const m = await mount(WEEK);
      const focused = watchFocus(m);
      await m.click('[data-testid="day-0-add"]');
      expect(m.saved.at(-1)?.days[0]).toHaveLength(2);
      expect(focused()).toBe(m.q('[data-testid="day-0-range-1-from"]'));
      for (let n = 3; n <= 6; n++) await m.click('[data-testid="day-0-add"]');
      expect(m.q('[data-testid="day-0-add"]')).toBeNull(); // six ranges: no more
      expect(focused()).toBe(m.q('[data-testid="day-0-range-5-from"]'));
    });
  });

  describe('a day with several ranges: each field\'s label says which range it is in (a screen reader read "Monday: from" for every start)', () => {
    /** The label of each of a day's time fields, in order (each field's <label for>). */
    const labels = (m: Awaited<ReturnType<typeof mount>>, d: number) =>
      Array.from(m.document.querySelectorAll('.sched-day')[d]!.querySelectorAll('input[type="time"]')).map(
        (f) => m.document.querySelector(`label[for="${(f as unknown as HTMLInputElement).id}"]`)?.textContent ?? null,
      );

    it('two ranges on Monday: "Monday, range 1: from", "Monday, range 1: until", "Monday, range 2: from", "Monday, range 2: until"', async () => {
      const m = await mount(WEEK);
      await m.click('[data-testid="day-0-add"]');
      expect(labels(m, 0)).toEqual(['Monday, range 1: from', 'Monday, range 1: until', 'Monday, range 2: from', 'Monday, range 2: until']);
      // Back to one range: the label without a number again.
      await m.act(() => (m.document.querySelectorAll('.sched-day')[0]!.querySelectorAll('.sched-remove')[1] as unknown as { click(): void }).click());
      expect(labels(m, 0)).toEqual(['Monday: from', 'Monday: until']);
    });

    it('control: a day with one range keeps "Tuesday: from" and "Tuesday: until"; the ✕ buttons already differ (they name their times)', async () => {
      const m = await mount(WEEK);
      expect(labels(m, 1)).toEqual(['Tuesday: from', 'Tuesday: until']);
      await m.click('[data-testid="day-0-add"]');
      const remove = Array.from(m.document.querySelectorAll('.sched-day')[0]!.querySelectorAll('.sched-remove')).map((b) => b.getAttribute('aria-label'));
      // "Remove Monday 9:00 AM–5:30 PM" and "Remove Monday 6:30 PM–8:30 PM" (times as the locale writes them).
      expect(remove).toEqual([expect.stringMatching(/^Remove Monday \S/), expect.stringMatching(/^Remove Monday \S/)]);
      expect(remove[0]).not.toBe(remove[1]);
    });
  });

  describe('"Remind me only during working hours" switched off while a day shows a problem: saved (the days, and so the problem, are hidden)', () => {
    it('a start cleared, then working hours off: reminders at any time are saved', async () => {
      const m = await mount(WEEK);
      await m.setTime('day-0-range-0-from', '');
      await m.blur('day-0-range-0-from');
      await m.check('[data-testid="schedule-enabled"]', false);
      expect(m.document.querySelector('.sched-days')).toBeNull();
      expect(m.saved.at(-1)).toEqual({ ...WEEK, enabled: false });
      await m.show(m.saved.at(-1)!);
      // Back on: the week as saved, every field complete, and that is saved too.
      await m.check('[data-testid="schedule-enabled"]', true);
      expect(m.q('[data-testid="day-0-range-0-from"]').value).toBe('09:00');
      expect(m.document.querySelector('[role="alert"]')).toBeNull();
      expect(m.saved.at(-1)).toEqual(WEEK);
    });

    it('two ranges overlapping, then working hours off: off is saved with the last valid week; back on, the overlap is shown again', async () => {
      const m = await mount(WEEK);
      await m.click('[data-testid="day-0-add"]'); // Monday: 09:00-17:30 and 18:30-20:30 (saved)
      const lastValid = m.saved.at(-1)!;
      await m.show(lastValid); // the save comes back, as on the page
      await m.setTime('day-0-range-1-from', '17:00'); // 17:00-20:30 overlaps 09:00-17:30: not saved
      await m.blur('day-0-range-1-from'); // left for the switch
      await m.check('[data-testid="schedule-enabled"]', false);
      expect(m.saved.at(-1)).toEqual({ ...lastValid, enabled: false });
      await m.show(m.saved.at(-1)!);
      await m.check('[data-testid="schedule-enabled"]', true);
      expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrOverlap'));
      expect(m.saved.at(-1)?.enabled).toBe(false); // nothing invalid handed on
    });
  });
});

describe('the help above the week editor says what the timer does with a lunch break', () => {
  const LUNCH: Settings = {
    ...BASE,
    stretch: { ...BASE.stretch, everySec: 240 * 60 }, // no break due all day: only the count matters
    schedule: { enabled: true, days: [[{ from: hm(9), to: hm(12) }, { from: hm(13), to: hm(17) }], [], [], [], [], [], []] },
  };

  it('control: the afternoon range starts fresh (README: "each working range starts fresh")', () => {
    // Monday 2 March 2026, Berlin (UTC+1), at the desk from 09:00 to 14:00, lunch included.
    const sim = new Sim(LUNCH, Date.UTC(2026, 2, 2, 8), 'Europe/Berlin');
    sim.send({ type: 'tick' });
    sim.runUntil(Date.UTC(2026, 2, 2, 10, 59));
    sim.send({ type: 'tick' }, Date.UTC(2026, 2, 2, 10, 59)); // 11:59
    expect(sim.state.desk.stretch).toBe(3 * H - MIN);
    sim.runUntil(Date.UTC(2026, 2, 2, 13));
    sim.send({ type: 'tick' }, Date.UTC(2026, 2, 2, 13)); // 14:00
    expect(sim.state.desk.stretch).toBe(1 * H); // 13:00-14:00 only: the morning's count did not carry over
  });

  it('so the options do not say that only each day\'s first range starts fresh', () => {
    expect(englishMessage('schedHelp')).not.toMatch(/first range/i);
    expect(englishMessage('schedHelp')).toMatch(/each working range starts fresh/i);
  });
});

describe('the ✕ of a range names its times as the preview writes them', () => {
  const mount = useWeekEditor();

  it.each([
    ['en-GB', 0, 'Remove Monday 18:00–24:00', 'Mon 18:00–24:00'],
    ['de-DE', 0, 'Remove Montag 18:00–24:00', 'Mo 18:00–24:00'],
    ['de-DE', hm(24), 'Remove Montag 18:00–24:00', 'Mo 18:00–24:00'],
    ['en-US', 0, 'Remove Monday 6:00 PM–12:00 AM', 'Mon 6:00 PM–12:00 AM'],
  ])('a browser in %s, Monday 18:00 to midnight (stored as %i): "%s", as the preview says "%s" (the label said "0:00" on a 24-hour clock)', async (lang, to, label, preview) => {
    const undo = clockOf(lang);
    try {
      const m = await mount({ enabled: true, days: [[{ from: hm(18), to }], [], [], [], [], [], []] });
      const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
      expect(plain(m.q('[data-testid="schedule-preview"]').textContent)).toContain(preview);
      expect(plain(m.document.querySelector('.sched-remove')!.getAttribute('aria-label'))).toBe(label);
    } finally {
      undo();
    }
  });
});

describe('the week editor (third review)', () => {
  const mount = useWeekEditor();
  const invalid = (m: Awaited<ReturnType<typeof mount>>) =>
    Array.from(m.document.querySelectorAll('input[aria-invalid="true"]')).map((f) => (f as unknown as HTMLInputElement).dataset.testid);

  it('a day with two different problems says both, and marks only the ranges that have one (it said the first, and marked every range)', async () => {
    const m = await mount(WEEK);
    await m.click('[data-testid="day-0-add"]'); // 18:30-20:30
    await m.click('[data-testid="day-0-add"]'); // 21:30-23:30
    await m.setTime('day-0-range-0-to', '09:00'); // 09:00-09:00: starts and ends at the same time
    await m.blur('day-0-range-0-to');
    await m.setTime('day-0-range-2-from', '19:00'); // 19:00-23:30 overlaps 18:30-20:30
    await m.blur('day-0-range-2-from');
    const text = m.q('[data-testid="day-0-error"]').textContent ?? '';
    expect(text).toContain(englishMessage('schedErrZero'));
    expect(text).toContain(englishMessage('schedErrOverlap'));
    // The range 18:30-20:30 is not at fault on its own: a range of no length is not read as a whole day.
    expect(invalid(m)).toEqual(['day-0-range-0-from', 'day-0-range-0-to', 'day-0-range-2-from', 'day-0-range-2-to']);
    expect(m.saved.at(-1)?.days[0]).toHaveLength(3);
    expect(m.saved.at(-1)?.days[0]?.[0]).toEqual(NINE_TO_FIVE30[0]); // nothing invalid handed on
  });

  it('a range left unfinished here (09:00-09:00) while Tuesday is changed in another window (or synced): the fix saves this page\'s Monday and the new Tuesday, not the Tuesday of before', async () => {
    const m = await mount(WEEK);
    await m.setTime('day-0-range-0-to', '09:00'); // Monday 09:00-09:00: not saved, the message shown once left
    await m.blur('day-0-range-0-to');
    const elsewhere: Schedule = { ...WEEK, days: WEEK.days.map((r, i) => (i === 1 ? [{ from: hm(8), to: hm(16) }] : r)) };
    await m.show(elsewhere);
    // Monday's edit stays on screen, with its message; Tuesday shows the hours saved elsewhere.
    expect(m.q('[data-testid="day-0-range-0-to"]').value).toBe('09:00');
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrZero'));
    expect(m.q('[data-testid="day-1-range-0-from"]').value).toBe('08:00');
    await m.setTime('day-0-range-0-to', '17:00');
    // It saved (and showed) Tuesday 09:00-17:30 again: the other window's change was undone everywhere.
    expect(m.saved.at(-1)).toEqual({ ...elsewhere, days: elsewhere.days.map((r, i) => (i === 0 ? [{ from: hm(9), to: hm(17) }] : r)) });
  });

  it('control: one problem, one message (no repeat for two ranges with the same problem)', async () => {
    const m = await mount({ ...WEEK, days: WEEK.days.map((r, i) => (i === 0 ? [{ from: hm(9), to: hm(12) }, { from: hm(11), to: hm(14) }, { from: hm(13), to: hm(15) }] : r)) });
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrOverlap'));
  });

  it('a browser in Hebrew (the page in English, weeks from Sunday, work from Sunday): "Copy to …" names the days it copies to', async () => {
    speakEnglish('he-IL');
    const restore = clockOf('he-IL');
    try {
      const { h, render } = await import('preact');
      const { ScheduleEditor } = await import('../components/ScheduleEditor');
      const m = await mount(WEEK);
      await m.act(() => render(h(ScheduleEditor, { value: WEEK, onChange: (s: Schedule) => m.saved.push(s), weekStart: 'locale' }), m.document.getElementById('app')!));
      const short = weekdayNames(undefined);
      const sunday = m.q('[data-testid="day-6-copy-weekdays"]');
      // "Copy to weekdays" read Sunday to Thursday here; the button copies to Monday-Friday, and now says so.
      expect(sunday.textContent).toBe(`Copy to ${short[0]}–${short[4]}`);
      expect(sunday.getAttribute('aria-label')!.startsWith(sunday.textContent!)).toBe(true);
      await m.click('[data-testid="day-5-copy-weekdays"]'); // Saturday's (none) to Monday-Friday
      expect(m.saved.at(-1)?.days).toEqual([[], [], [], [], [], [], []]);
    } finally {
      restore();
    }
  });

  it.each(['en', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR'])('%s: "Copy to …" names Monday and Friday as the browser writes them ("giorni feriali" includes Saturday in Italian)', async (lang) => {
    const cat = JSON.parse(readFileSync(path.join(process.cwd(), `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
    const message = (key: string, subs?: string | Array<string | number>) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (cat[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => String(list[Number(d) - 1] ?? ''));
    };
    const locale = lang.replace('_', '-');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(message as typeof fakeBrowser.i18n.getMessage);
    const restore = clockOf(locale);
    try {
      const m = await mount(WEEK);
      const short = weekdayNames(undefined);
      const text = m.q('[data-testid="day-0-copy-weekdays"]').textContent ?? '';
      expect(text).toContain(short[0]);
      expect(text).toContain(short[4]);
      expect(text).not.toContain(short[5]);
    } finally {
      restore();
    }
  });
});
