/**
 * The break page's choice of routine: fits the settings and the safety answer, repeatable for a break, and "another" changes it.
 * From a review of the rotation: the choice read the last 30 routines of the history, both break
 * kinds together; with posture checks on (two or so for each stretch break) that held about ten
 * stretch breaks, fewer than the stretches it rotates through, so the picker's "no repeat until every
 * one has had its turn" never held: a stretch came back after 11 breaks while others waited for
 * weeks, and before the safety screen was answered the back bends and twists (and the screen) never
 * came. The last two cases below failed before the fix.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ROUTINES } from '../content/routines';
import { eligibleRoutines, needsScreening, pickPrefsFor } from '../content/picker';
import { chooseRoutine } from './routine-choice';
import { DEFAULT_SETTINGS } from './settings';
import { saveHealthAnswer, type HealthAnswer } from './storage/health';
import { clearHistory, closeHistory, recordBreak } from './storage/history';
import { saveSettings } from './storage/settings-items';
import { healthLaterItem } from './storage/health-later';
import { clock } from './platform/clock';
import { resetData } from './data';

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

  describe('the rotation, with posture checks between the stretch breaks (as the default intervals give: two for each)', () => {
    const T0 = Date.UTC(2026, 2, 2, 9); // Monday 09:00 UTC
    /** `n` stretch breaks, each after two posture checks, every routine chosen as the page does and recorded as done. */
    async function stretchesPlayed(n: number): Promise<string[]> {
      await clearHistory();
      const played: string[] = [];
      for (let i = 0; i < n * 3; i++) {
        const kind = i % 3 === 2 ? 'stretch' : 'micro';
        const at = T0 + i * 20 * 60_000;
        const id = `${kind}-${at}`;
        const r = (await chooseRoutine(kind, id, null))!;
        await recordBreak({ id, kind, outcome: 'completed', dueAt: at, promptedAt: at, startedAt: at, endedAt: at + 60_000, routineId: r.id, deskMs: 0, snoozes: 0, manual: false }, 'UTC');
        if (kind === 'stretch') played.push(r.id);
      }
      return played;
    }
    const eligible = (health: HealthAnswer) => eligibleRoutines(ROUTINES, 'stretch', pickPrefsFor(DEFAULT_SETTINGS.routines, health, DEFAULT_SETTINGS.stretch.lengthSec));

    it('no stretch comes again before every other that fits has had its turn (README: "routines played recently make way for others that fit")', async () => {
      await saveHealthAnswer('screened');
      const fits = eligible('screened').length; // 17
      const played = await stretchesPlayed(fits * 2);
      for (let i = 0; i + fits <= played.length; i++) expect(new Set(played.slice(i, i + fits)).size, `stretch breaks ${i + 1}-${i + fits}: ${played.slice(i, i + fits).join(' ')}`).toBe(fits);
    });

    it('before the safety screen is answered, a back bend or twist comes (and the screen before it) once every other stretch has been done (content/picker.ts, rule 3)', async () => {
      const plain = eligible('ask').filter((r) => !needsScreening(r)).length; // 12
      const first = await stretchesPlayed(plain + 1);
      expect(new Set(first.slice(0, plain)).size).toBe(plain);
      expect(needsScreening(ROUTINES.find((r) => r.id === first[plain])!), `stretch break ${plain + 1}: ${first[plain]}`).toBe(true);
    });

    it('"Not now" puts the back routines off for the rest of the local day only, and only while the screen is unanswered; a reset forgets it', async () => {
      vi.spyOn(clock, 'timeZone').mockReturnValue('Asia/Tokyo');
      const now = vi.spyOn(clock, 'now').mockReturnValue(Date.UTC(2026, 2, 2, 14, 0)); // 23:00 in Tokyo
      const plain = eligible('ask').filter((r) => !needsScreening(r)).length;
      await stretchesPlayed(plain);
      // "Not now" (the break page asks for one that needs no screen, lib/routine-choice.ts `unscreened`).
      expect(needsScreening((await chooseRoutine('stretch', 'stretch-not-now', null, { unscreened: true }))!)).toBe(false);
      expect(await healthLaterItem.getValue()).toBe('3/2/2026');
      const next = async () => (await chooseRoutine('stretch', `stretch-${clock.now()}`, null))!;
      expect(needsScreening(await next()), 'later that day').toBe(false);
      now.mockReturnValue(Date.UTC(2026, 2, 2, 15, 30)); // 00:30 the next day in Tokyo (still 2 March in UTC)
      expect(needsScreening(await next()), 'the next day').toBe(true);
      now.mockReturnValue(Date.UTC(2026, 2, 2, 14, 30));
      await saveHealthAnswer('screened'); // answered since (Options): the put-off no longer counts
      expect(needsScreening(await next()), 'answered').toBe(true);
      await resetData();
      expect(await healthLaterItem.getValue()).toBeNull();
      vi.restoreAllMocks();
    });
  });
});
