/**
 * The week editor (components/ScheduleEditor.tsx) when the stored week changes elsewhere (another
 * options window, the welcome page, sync from another computer) while one of its time fields has
 * the focus, rendered with linkedom (tests/support/week-editor.ts): each case failed before its
 * fix, except the one marked control.
 */
import { describe, expect, it } from 'vitest';
import { tick } from '../tests/support/linkedom-page';
import { useWeekEditor } from '../tests/support/week-editor';
import type { Schedule } from './settings';

const hm = (h: number, m = 0) => h * 60 + m;
const NINE_TO_FIVE30 = [{ from: hm(9), to: hm(17, 30) }];
const WEEK: Schedule = { enabled: true, days: [NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, NINE_TO_FIVE30, [], []] };
const mondayFrom = (h: number): Schedule => ({ ...WEEK, days: WEEK.days.map((r, i) => (i === 0 ? [{ from: hm(h), to: hm(17, 30) }] : r)) });

describe('a time field with the focus while the week is changed elsewhere', () => {
  const mount = useWeekEditor();

  /** The editor with Monday's start focused (linkedom has no activeElement: one is given), and how to leave it. */
  async function focusedOnMonday() {
    const m = await mount(WEEK);
    const from = m.q('[data-testid="day-0-range-0-from"]');
    let active: unknown = from;
    Object.defineProperty(m.document, 'activeElement', { configurable: true, get: () => active });
    const leave = async () => {
      active = m.document.body;
      await m.blur('day-0-range-0-from');
      await tick(5);
    };
    return { m, from, leave };
  }

  it('once left, it shows the time in force, not the one it had (it kept 09:00 while 08:00 was in force and shown in the preview)', async () => {
    // A focused field stays focused while its window is in the background: the person changes
    // Monday in another window, then comes back and moves on.
    const { m, from, leave } = await focusedOnMonday();
    await m.show(mondayFrom(8));
    expect(from.value).toBe('09:00'); // not written while focused: right (typing there would be reset)
    await leave();
    expect(from.value).toBe('08:00');
    expect(from.getAttribute('aria-invalid')).toBe('false');
    // What the next edit saves is what the fields show.
    await m.setTime('day-0-range-0-to', '16:00');
    expect(m.saved.at(-1)?.days[0]).toEqual([{ from: hm(8), to: hm(16) }]);
  });

  it('control: a time typed there and left shows, and is saved, as typed', async () => {
    const { m, from, leave } = await focusedOnMonday();
    await m.setTime('day-0-range-0-from', '07:45');
    await leave();
    expect(from.value).toBe('07:45');
    expect(m.saved.at(-1)?.days[0]).toEqual([{ from: hm(7, 45), to: hm(17, 30) }]);
  });

  it('control: a time cleared there and left stays cleared, marked and explained', async () => {
    const { m, from, leave } = await focusedOnMonday();
    await m.setTime('day-0-range-0-from', '');
    await leave();
    expect(from.value).toBe('');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(m.q('[data-testid="day-0-error"]')).not.toBeNull();
    expect(m.saved).toHaveLength(0);
  });
});
