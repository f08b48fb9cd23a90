/** The break page's choice of routine: fits the settings and the safety answer, repeatable for a break, and "another" changes it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ROUTINES } from '../content/routines';
import { chooseRoutine } from './routine-choice';
import { DEFAULT_SETTINGS } from './settings';
import { saveHealthAnswer } from './storage/health';
import { closeHistory } from './storage/history';
import { saveSettings } from './storage/settings-items';

beforeEach(async () => {
  await closeHistory();
  fakeBrowser.reset();
  await saveSettings(DEFAULT_SETTINGS);
});

describe('chooseRoutine (break page)', () => {
  it('picks a routine of the break\'s kind, the same one for the same break, another when asked', async () => {
    const a = await chooseRoutine('stretch', 'stretch-100', null);
    expect(a).toBeDefined();
    expect(ROUTINES.filter((r) => r.kind !== 'eyes' && r.kind !== 'posture').map((r) => r.id)).toContain(a!.id);
    expect((await chooseRoutine('stretch', 'stretch-100', null))?.id).toBe(a!.id);
    const b = await chooseRoutine('stretch', 'stretch-100', a!.id);
    expect(b?.id).not.toBe(a!.id);
  });

  it('follows the routine settings: an excluded routine is never chosen', async () => {
    const first = (await chooseRoutine('stretch', 'stretch-200', null))!;
    await saveSettings({ ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, excluded: [first.id] } });
    for (let i = 0; i < 20; i++) {
      const r = await chooseRoutine('stretch', `stretch-${200 + i}`, null);
      expect(r).toBeDefined();
      expect(r!.id).not.toBe(first.id);
    }
  });

  it('after "one of these applies", never a routine with the spine caution, over many breaks', async () => {
    await saveHealthAnswer('hidden');
    for (let i = 0; i < 60; i++) {
      // A routine every time (no break left without one), and never one the answer rules out.
      const r = (await chooseRoutine('stretch', `stretch-${1000 + i}`, null))!;
      expect(r).toBeDefined();
      expect(r.cautions).not.toContain('spineCondition');
      expect(r.kind).toBe('stretch');
    }
  });
});
