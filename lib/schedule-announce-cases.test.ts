/**
 * What a screen reader hears while a time is typed in the working hours (components/ScheduleEditor.tsx,
 * on the options and welcome pages), from an accessibility review in Chromium: a time field saves on
 * every change, so "0830" typed into Monday's start read out "8:00", "8:03" and "8:30", each with the
 * options page's "Saved". Each case failed before its fix, except those marked control.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { useWeekEditor } from '../tests/support/week-editor';
import { mountOptionsPage, storedUntil } from '../tests/support/options-page';
import type { Schedule } from './settings';

const hm = (h: number, m = 0) => h * 60 + m;
const NINE = [{ from: hm(9), to: hm(17, 30) }];
const WEEK: Schedule = { enabled: true, days: [NINE, NINE, NINE, NINE, NINE, [], []] };

/** The text of the page's live regions (what a screen reader says as it changes), aria-hidden parts left out. */
function heard(document: { querySelectorAll(s: string): ArrayLike<Element> }): string {
  return Array.from(document.querySelectorAll('[role="status"], [aria-live]'))
    .filter((el) => !el.closest('[aria-hidden="true"]'))
    .map((el) => el.textContent ?? '')
    .join(' | ');
}

describe('the working-hours summary, as a screen reader hears it', () => {
  const mount = useWeekEditor();
  afterEach(() => void vi.useRealTimers());

  it('"0830" typed into Monday\'s start is said once, for 8:30, a second after the last digit, not as 8:00, 8:03 and 8:30; the summary on screen follows each digit', async () => {
    const m = await mount(WEEK);
    vi.useFakeTimers();
    const said = [heard(m.document)];
    const note = () => said.at(-1) !== heard(m.document) && said.push(heard(m.document));
    const shown: string[] = [];
    for (const time of ['08:00', '08:03', '08:30']) {
      await m.setTime('day-0-range-0-from', time);
      note();
      shown.push(m.q('[data-testid="schedule-preview"]').textContent ?? '');
      await m.act(() => void vi.advanceTimersByTime(300));
      note();
    }
    // Every change saved, and shown at once (sighted users see the summary follow the field).
    expect(m.saved.map((s) => s.days[0]![0]!.from)).toEqual([hm(8), hm(8, 3), hm(8, 30)]);
    expect(new Set(shown).size).toBe(3);
    expect(said).toHaveLength(1); // nothing said while the digits come
    await m.act(() => void vi.advanceTimersByTime(1000));
    note();
    expect(said).toHaveLength(2); // said once...
    expect(said[1]).toContain(shown[2]); // ...for the time settled on
  });

  it('the time field left (Tab) says the summary at once, without the wait', async () => {
    const m = await mount(WEEK);
    vi.useFakeTimers();
    const before = heard(m.document);
    await m.setTime('day-0-range-0-to', '16:00');
    expect(heard(m.document)).toBe(before);
    await m.blur('day-0-range-0-to');
    expect(heard(m.document)).not.toBe(before);
    expect(heard(m.document)).toContain(m.q('[data-testid="schedule-preview"]').textContent);
  });

  it('"0830" typed where the first digit leaves the field half filled (Chromium then reports \'\'): no "Enter a time" alert mid-typing; a field left half filled, or let be a second, still says it', async () => {
    const m = await mount(WEEK);
    // linkedom has no focus: the field typed in is the active element until it is left.
    let active: unknown = null;
    Object.defineProperty(m.document, 'activeElement', { configurable: true, get: () => active });
    vi.useFakeTimers();
    const alerts: string[] = [];
    active = m.q('[data-testid="day-0-range-0-from"]');
    for (const time of ['', '08:00', '08:03', '08:30']) {
      await m.setTime('day-0-range-0-from', time);
      alerts.push(m.document.querySelector('[role="alert"]')?.textContent ?? '');
    }
    expect(alerts.filter(Boolean)).toEqual([]);
    expect(m.saved.at(-1)?.days[0]).toEqual([{ from: hm(8, 30), to: hm(17, 30) }]);
    // The end's hour cleared (Backspace), the person pauses: marked at once, said after the pause.
    active = m.q('[data-testid="day-0-range-0-to"]');
    await m.setTime('day-0-range-0-to', '');
    expect(m.q('[data-testid="day-0-range-0-to"]').getAttribute('aria-invalid')).toBe('true');
    expect(m.document.querySelector('[role="alert"]')).toBeNull();
    await m.act(() => void vi.advanceTimersByTime(1000));
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrTime'));
    // Tuesday's start half typed and left at once: said as it is left; nothing saved.
    active = m.q('[data-testid="day-1-range-0-from"]');
    await m.setTime('day-1-range-0-from', '');
    expect(m.document.querySelector('[data-testid="day-1-error"]')).toBeNull();
    active = m.document.body;
    await m.blur('day-1-range-0-from');
    expect(m.q('[data-testid="day-1-error"]').textContent).toBe(englishMessage('schedErrTime'));
    expect(m.saved).toHaveLength(3);
  });

  it('Monday\'s second start changed from 09:00 to 13:30 key by key (01:00, 13:00, 13:03, 13:30): no "overlap" alert for the 01:00 on the way; a time settled on that overlaps is said after the pause, and once the field is left', async () => {
    const m = await mount({ ...WEEK, days: WEEK.days.map((r, i) => (i === 0 ? [{ from: hm(6), to: hm(8) }, { from: hm(9), to: hm(17, 30) }] : r)) });
    let active: unknown = m.q('[data-testid="day-0-range-1-from"]');
    Object.defineProperty(m.document, 'activeElement', { configurable: true, get: () => active });
    vi.useFakeTimers();
    const alerts: string[] = [];
    for (const time of ['01:00', '13:00', '13:03', '13:30']) {
      await m.setTime('day-0-range-1-from', time); // 01:00-17:30 overlaps 06:00-08:00
      alerts.push(m.document.querySelector('[role="alert"]')?.textContent ?? '');
      await m.act(() => void vi.advanceTimersByTime(300));
      alerts.push(m.document.querySelector('[role="alert"]')?.textContent ?? '');
    }
    await m.act(() => void vi.advanceTimersByTime(1000));
    alerts.push(m.document.querySelector('[role="alert"]')?.textContent ?? '');
    expect(alerts.filter(Boolean)).toEqual([]);
    expect(m.saved.at(-1)?.days[0]).toEqual([{ from: hm(6), to: hm(8) }, { from: hm(13, 30), to: hm(17, 30) }]);
    // Typed on to a start that does overlap (07:00): marked at once, said once settled.
    await m.setTime('day-0-range-1-from', '07:00');
    expect(m.q('[data-testid="day-0-range-1-from"]').getAttribute('aria-invalid')).toBe('true');
    expect(m.document.querySelector('[role="alert"]')).toBeNull();
    await m.act(() => void vi.advanceTimersByTime(1000));
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrOverlap'));
    // Left at once instead of the pause: said as it is left.
    await m.setTime('day-0-range-1-from', '13:30');
    await m.act(() => void vi.advanceTimersByTime(1000));
    await m.setTime('day-0-range-1-from', '07:30');
    expect(m.document.querySelector('[role="alert"]')).toBeNull();
    active = m.document.body;
    await m.blur('day-0-range-1-from');
    expect(m.q('[data-testid="day-0-error"]').textContent).toBe(englishMessage('schedErrOverlap'));
  });

  it('control: an overlap already said is not said again on the way to its fix (07:00 to 13:30: 01:00 still overlaps), and goes as soon as it is fixed (13:00)', async () => {
    const m = await mount({ ...WEEK, days: WEEK.days.map((r, i) => (i === 0 ? [{ from: hm(6), to: hm(8) }, { from: hm(7), to: hm(17, 30) }] : r)) });
    Object.defineProperty(m.document, 'activeElement', { configurable: true, get: () => m.q('[data-testid="day-0-range-1-from"]') });
    vi.useFakeTimers();
    const alert = () => m.document.querySelector('[role="alert"]');
    const first = alert();
    expect(first?.textContent).toBe(englishMessage('schedErrOverlap'));
    await m.setTime('day-0-range-1-from', '01:00');
    expect(alert()).toBe(first); // the same node, the same words: nothing said again
    expect(alert()?.textContent).toBe(englishMessage('schedErrOverlap'));
    for (const time of ['13:00', '13:03', '13:30']) {
      await m.setTime('day-0-range-1-from', time);
      expect(alert()).toBeNull();
    }
    await m.act(() => void vi.advanceTimersByTime(1000));
    expect(alert()).toBeNull();
  });

  // Held while a time is typed, a day's message went as a whole: Monday's "Enter a time" (its end
  // cleared) vanished as soon as its start was typed on to one with a problem of its own, and came
  // back, said again with the new problem, once typing settled.
  it('Monday\'s end left cleared ("Enter a time"), then its start typed on to one with a new problem (17:30-17:30): "Enter a time" stays shown and is not said again; only the new problem waits until settled', async () => {
    const m = await mount(WEEK);
    let active: unknown = m.q('[data-testid="day-0-range-0-to"]');
    Object.defineProperty(m.document, 'activeElement', { configurable: true, get: () => active });
    vi.useFakeTimers();
    /** The page's alerts (each said as it comes into the page, or as its text changes): the one of before, or new. */
    let before: unknown = null;
    const alerts = () => Array.from(m.document.querySelectorAll('[role="alert"]')).map((el) => `${el === before ? 'before' : 'new'}: ${el.textContent}`);
    await m.setTime('day-0-range-0-to', '');
    active = m.document.body;
    await m.blur('day-0-range-0-to');
    before = m.document.querySelector('[role="alert"]');
    expect(alerts()).toEqual([`before: ${englishMessage('schedErrTime')}`]);
    active = m.q('[data-testid="day-0-range-0-from"]');
    for (const time of ['01:00', '17:00', '17:03', '17:30']) {
      await m.setTime('day-0-range-0-from', time);
      expect(alerts(), `typing ${time}`).toEqual([`before: ${englishMessage('schedErrTime')}`]); // the same node, the same words: nothing said again
      await m.act(() => void vi.advanceTimersByTime(300));
    }
    expect(m.q('[data-testid="day-0-range-0-from"]').getAttribute('aria-invalid')).toBe('true');
    await m.act(() => void vi.advanceTimersByTime(1000));
    // Settled: the new problem is said, on its own; the message of before stays as it was.
    expect(alerts().sort()).toEqual([`before: ${englishMessage('schedErrTime')}`, `new: ${englishMessage('schedErrZero')}`]);
    const shown = m.q('[data-testid="day-0-error"]').textContent ?? '';
    expect(shown).toContain(englishMessage('schedErrZero'));
    expect(shown).toContain(englishMessage('schedErrTime'));
  });

  it('control: a day switched off is said at once (a single change, nothing to wait for)', async () => {
    const m = await mount(WEEK);
    const before = heard(m.document);
    await m.check('[data-testid="day-4"]', false);
    expect(heard(m.document)).not.toBe(before);
    expect(heard(m.document)).toContain(m.q('[data-testid="schedule-preview"]').textContent);
  });
});

describe('the options page\'s "Saved" while a time is typed', () => {
  useEnglishPages();
  /** The options page, with working hours on (Mon-Fri 09:00-17:30) as stored. */
  const mountWithHours = async () => {
    const { loadSettings, saveSettings } = await import('./storage/settings-items');
    await saveSettings({ ...(await loadSettings()), schedule: WEEK });
    return mountOptionsPage();
  };

  it('"0830" typed into Monday\'s start (three saves) says "Saved" once, as the field is left, not once per digit', async () => {
    const p = await mountWithHours();
    const spans = new Set<unknown>();
    const note = () => void (p.q('[data-testid="saved"] span') && spans.add(p.q('[data-testid="saved"] span')));
    for (const [time, min] of [['08:00', hm(8)], ['08:03', hm(8, 3)], ['08:30', hm(8, 30)]] as const) {
      p.type('[data-testid="day-0-range-0-from"]', time);
      await storedUntil((s) => s.schedule.days[0]![0]!.from === min, time);
      await tick(20);
      note();
    }
    expect(spans.size).toBe(0); // each saved, none said
    p.q('[data-testid="day-0-range-0-from"]')!.dispatchEvent(new p.window.Event('blur'));
    await until(() => p.q('[data-testid="saved"] span') !== null, 'Saved');
    await tick(20);
    note();
    expect(spans.size).toBe(1);
    expect(p.q('[data-testid="saved"]')!.textContent).toBe(englishMessage('saved'));
  });

  it('a time typed on to one that cannot be saved (Monday 17:30-17:30) says no "Saved" as the field is left: the last digit was not saved', async () => {
    const p = await mountWithHours();
    p.type('[data-testid="day-0-range-0-from"]', '17:00');
    await storedUntil((s) => s.schedule.days[0]![0]!.from === hm(17), '17:00');
    p.type('[data-testid="day-0-range-0-from"]', '17:30');
    await until(() => p.q('[data-testid="day-0-error"]') !== null, 'the problem said');
    p.q('[data-testid="day-0-range-0-from"]')!.dispatchEvent(new p.window.Event('blur'));
    await tick(60);
    expect(p.q('[data-testid="saved"]')!.textContent).toBe('');
  });

  it('control: a day switched off still says "Saved" at once', async () => {
    const p = await mountWithHours();
    p.check('[data-testid="day-4"]', false);
    await storedUntil((s) => s.schedule.days[4]!.length === 0, 'Friday off');
    await until(() => p.q('[data-testid="saved"]')!.textContent === englishMessage('saved'), 'Saved');
  });
});
