/**
 * The prompt offers only what the tracker will accept (the tracker is the outside reference here:
 * each button's intent is sent to it and must not be refused).
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, transition, type TrackerState } from '../tracker/tracker';
import { clearPauseNotice, clearPrompt, parsePromptId, promptShowing, promptShownThisSession, showNotice, showPrompt } from './notify';
import { englishMessage, speakEnglish } from '../../tests/support/linkedom-page';

const T0 = Date.UTC(2026, 2, 2, 9);
const MIN = 60_000;

/** Runs the tracker to its first prompt, then applies `snoozes` snoozes (each followed by the prompt coming back). */
function dueAfterSnoozes(settings: Settings, snoozes: number): TrackerState {
  let s = initialState(T0, 'UTC');
  let now = T0;
  const tick = () => (s = transition(s, { type: 'tick' }, now, settings).state);
  for (let m = 5; m <= settings.stretch.everySec / 60; m += 5) {
    now = T0 + m * MIN;
    tick();
  }
  for (let i = 0; i < snoozes; i++) {
    const id = s.phase.name === 'due' ? s.phase.brk.id : '';
    s = transition(s, { type: 'snooze', breakId: id }, now, settings).state;
    now += settings.snoozeSec * 1000;
    tick();
  }
  expect(s.phase.name).toBe('due');
  return s;
}

describe('prompt buttons', () => {
  const base: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, stretch: { enabled: true, everySec: 10 * 60, lengthSec: 60 } };
  const cases: Array<[string, Settings, number]> = [
    ['normal, fresh', { ...base, snoozeLimit: 2 }, 0],
    ['normal, snoozes used up', { ...base, snoozeLimit: 2 }, 2],
    ['strict (limit 3 set), fresh', { ...base, strict: true, snoozeLimit: 3 }, 0],
    ['strict (limit 3 set), after one snooze', { ...base, strict: true, snoozeLimit: 3 }, 1],
    ['strict, no snoozes allowed', { ...base, strict: true, snoozeLimit: 0 }, 0],
  ];
  for (const [name, settings, snoozes] of cases) {
    it(`${name}: every button's intent is accepted by the tracker`, async () => {
      const s = dueAfterSnoozes(settings, snoozes);
      const brk = s.phase.name === 'due' ? s.phase.brk : null;
      const create = vi.spyOn(browser.notifications, 'create');
      await showPrompt(brk!, settings, false, T0);
      const [id, opts] = create.mock.calls.at(-1) as unknown as [string, { buttons?: unknown[] }];
      const parsed = parsePromptId(id)!;
      const intents = [{ type: 'start' as const, breakId: brk!.id }];
      const buttons = opts.buttons ?? [];
      if (buttons.length === 2) {
        expect(parsed.second).not.toBe('none');
        intents.push({ type: parsed.second as 'start', breakId: brk!.id });
      } else {
        expect(buttons).toHaveLength(1);
        expect(parsed.second).toBe('none');
      }
      for (const e of intents) expect(transition(s, e, s.asOf + 1000, settings).refused).toBeUndefined();
      // What it leaves out would have been refused (a normal prompt has room for one of Snooze and Skip only).
      if (parsed.second !== 'snooze') expect(transition(s, { type: 'snooze', breakId: brk!.id }, s.asOf + 1000, settings).refused).toBeDefined();
      // With no second button at all, Skip too would have been refused (else it belonged there).
      if (settings.strict || parsed.second === 'none') expect(transition(s, { type: 'skip', breakId: brk!.id }, s.asOf + 1000, settings).refused).toBeDefined();
      create.mockRestore();
    });
  }
});

describe('a prompt taken away and shown again', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, stretch: { enabled: true, everySec: 10 * 60, lengthSec: 60 }, snoozeLimit: 1 };

  it('cleared by Limber (postponed, started, ended), it is no longer "shown this session": prompted again, a stopped worker puts it back', async () => {
    const s = dueAfterSnoozes(settings, 0);
    const brk = s.phase.name === 'due' ? s.phase.brk : null;
    await showPrompt(brk!, settings, false, T0);
    expect(await promptShownThisSession(brk!.id)).toBe(true);
    await clearPrompt('stretch-other');
    expect(await promptShownThisSession(brk!.id)).toBe(true); // another break's clearing changes nothing
    await clearPrompt(brk!.id);
    expect(await promptShownThisSession(brk!.id)).toBe(false);
  });

  it('is showing only with the buttons it would have now', async () => {
    const fresh = dueAfterSnoozes(settings, 0);
    const brk = fresh.phase.name === 'due' ? fresh.phase.brk : null;
    await showPrompt(brk!, settings, false, T0);
    expect(await promptShowing(brk!, settings)).toBe(true);
    // Its one postpone used: it would now offer Skip, not Postpone.
    expect(await promptShowing({ ...brk!, snoozes: 1 }, settings)).toBe(false);
  });
});

describe('the pause shortcut\'s notices', () => {
  it('"paused" says so until resumed, and "back on" takes its place: one notification, never both', async () => {
    speakEnglish();
    const create = vi.spyOn(browser.notifications, 'create');
    await showNotice('paused', DEFAULT_SETTINGS);
    await showNotice('pauseEnded', DEFAULT_SETTINGS);
    const [[pausedId, paused], [endedId, ended]] = create.mock.calls as unknown as [[string, { title: string; message: string }], [string, { title: string; message: string }]];
    expect(englishMessage('noticePausedTitle')).not.toBe('');
    expect(paused).toMatchObject({ title: englishMessage('noticePausedTitle'), message: englishMessage('whyPausedIndefinite') });
    expect(ended).toMatchObject({ title: englishMessage('noticePauseEndedTitle'), message: englishMessage('noticePauseEndedBody') });
    expect(endedId).toBe(pausedId);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([endedId]);
  });

  it('resumed outside working hours: "Reminders are back on", "Outside working hours" (nothing counts then), in the pause notice\'s place', async () => {
    speakEnglish();
    const create = vi.spyOn(browser.notifications, 'create');
    await showNotice('paused', DEFAULT_SETTINGS);
    await showNotice('whyOffHoursNoEnd', DEFAULT_SETTINGS);
    const [[pausedId], [backId, back]] = create.mock.calls as unknown as [[string], [string, { title: string; message: string }]];
    expect(englishMessage('whyOffHoursNoEnd')).not.toBe('');
    expect(back).toMatchObject({ title: englishMessage('noticePauseEndedTitle'), message: englishMessage('whyOffHoursNoEnd') });
    expect(backId).toBe(pausedId);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([backId]);
  });

  it('taken back when the pause changes another way (the popup): the daily limit\'s notice stays', async () => {
    await showNotice('dailyLimit', DEFAULT_SETTINGS);
    for (const notice of ['paused', 'pauseEnded', 'whyOffHoursNoEnd'] as const) {
      await showNotice(notice, DEFAULT_SETTINGS);
      await clearPauseNotice();
      expect(Object.keys(await browser.notifications.getAll())).toEqual(['notice:dailyLimit']);
    }
  });
});

// The worker writes the prompt without the routine library (it cannot tell whether any routine
// fits), and the notification said "A short guided stretch is ready" with every stretch routine left
// out in Options (or ruled out by the safety answer): Start then opened a break with no routine.
describe('the stretch prompt\'s words hold when no routine fits', () => {
  it('with every stretch and self-massage routine left out, the notification promises no guided routine', async () => {
    speakEnglish();
    const { ROUTINES } = await import('../../content/routines');
    const settings: Settings = { ...DEFAULT_SETTINGS, pauseWaitMin: 0, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, routines: { ...DEFAULT_SETTINGS.routines, excluded: ROUTINES.filter((r) => r.kind === 'stretch' || r.kind === 'self-massage').map((r) => r.id) } };
    const create = vi.spyOn(browser.notifications, 'create');
    const s = dueAfterSnoozes(settings, 0);
    if (s.phase.name !== 'due') throw new Error('not due');
    expect(s.phase.brk.kind).toBe('stretch');
    await showPrompt(s.phase.brk, settings, false, T0);
    const [[, shown]] = create.mock.calls as unknown as [[string, { title: string; message: string }]];
    expect(shown.title).toBe('Time for a 3-minute stretch');
    expect(shown.message).toBe(englishMessage('promptStretchBody'));
    expect(shown.message).not.toMatch(/guided|ready/i);
  });
});
