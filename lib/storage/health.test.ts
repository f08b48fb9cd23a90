import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../settings';
import { loadHealthAnswer, moveLegacyHealthAnswer, selfMassageOffered } from './health';

describe('the safety answer moves off the synced settings', () => {
  it('an answer older versions kept in settings moves to local storage, and leaves both settings copies', async () => {
    const old = (selfMassage: string) => ({ settings: { ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, selfMassage } } });
    await browser.storage.sync.set(old('hidden'));
    await browser.storage.local.set(old('allowed'));
    expect(await loadHealthAnswer()).toBe('ask');
    await moveLegacyHealthAnswer();
    expect(await loadHealthAnswer()).toBe('hidden'); // "one applies" wins
    for (const area of [browser.storage.sync, browser.storage.local]) {
      const s = (await area.get('settings')).settings as typeof DEFAULT_SETTINGS;
      expect(s.routines).toEqual(DEFAULT_SETTINGS.routines);
      expect(JSON.stringify(s)).not.toContain('selfMassage');
    }
    await moveLegacyHealthAnswer(); // nothing left to move: nothing changes
    expect(await loadHealthAnswer()).toBe('hidden');
  });
});

describe("a break's end offers to try self-massage", () => {
  it('while the safety check is unanswered, or answered before a back routine; not once it is on, ruled out, or switched off', () => {
    expect(['ask', 'screened', 'allowed', 'hidden', 'off'].filter((a) => selfMassageOffered(a as never))).toEqual(['ask', 'screened']);
  });
});
