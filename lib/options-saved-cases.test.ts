/**
 * The options page's "Saved" at the top right (entrypoints/options/App.tsx) against what was
 * last saved, from a review of the routines, sounds, shortcuts and restore-defaults sections.
 * Rendered with linkedom's document over WXT's fake browser, English catalogue from disk.
 * Each case failed on the code as reviewed ("Saved" stayed beside "could not be saved") and
 * passes with its fix.
 */
import { describe, expect, it, vi } from 'vitest';
import { englishMessage, until, useEnglishPages } from '../tests/support/linkedom-page';
import { mountOptionsPage, storedUntil } from '../tests/support/options-page';

useEnglishPages();

type Page = Awaited<ReturnType<typeof mountOptionsPage>>;
const savedText = (p: Page) => p.q('[data-testid="saved"]')!.textContent;

describe('"Saved" after a change that could not be saved', () => {
  it('a break switch saved, then one whose save fails: the header no longer says "Saved" beside "That change could not be saved"; the next save says it again', async () => {
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    p.check('[data-testid="micro-enabled"]', false);
    await storedUntil((s) => !s.micro.enabled, 'posture checks off');
    await until(() => savedText(p) === englishMessage('saved'), 'Saved');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.check('[data-testid="stretch-enabled"]', false);
    await until(() => p.q('[data-testid="save-failed"]') !== null, 'the failure said');
    expect((await storedUntil(() => true, 'stored')).stretch.enabled).toBe(true);
    expect(savedText(p)).toBe('');
    // Tried again, it saves: "Saved" is true again, and said.
    p.check('[data-testid="stretch-enabled"]', false);
    await storedUntil((s) => !s.stretch.enabled, 'stretch breaks off');
    await until(() => savedText(p) === englishMessage('saved'), 'Saved again', 200).catch(() => undefined);
    expect(savedText(p)).toBe(englishMessage('saved'));
  });

  it('Routines: a box saved, then one whose save fails (said in the section): the header no longer says "Saved"', async () => {
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    p.check('[data-testid="equipment-tennis-ball"]', true);
    await storedUntil((s) => s.routines.equipment.includes('tennis-ball'), 'the ball');
    await until(() => savedText(p) === englishMessage('saved'), 'Saved');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.check('[data-testid="area-neck"]', true);
    await until(() => p.q('[data-testid="routine-prefs"] [role="alert"]') !== null, 'the failure said');
    expect(savedText(p)).toBe('');
  });

  it('Sounds: the chime switched on and saved, then reading aloud whose save fails: the header no longer says "Saved"', async () => {
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    p.check('[data-testid="chime"]', true);
    await storedUntil((s) => s.sound.chime, 'the chime');
    await until(() => savedText(p) === englishMessage('saved'), 'Saved');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.check('[data-testid="voice"]', true);
    await until(() => p.q('[data-testid="sound-prefs"] [role="alert"]') !== null, 'the failure said');
    expect(savedText(p)).toBe('');
  });

  it('Your own routines: "How often to use them" saved, then a choice whose save fails: the header no longer says "Saved"', async () => {
    const { browser } = await import('wxt/browser');
    const p = await mountOptionsPage();
    p.choose('[data-testid="own-weight"]', 'half');
    await storedUntil((s) => s.routines.mine === 'half', 'the weight');
    await until(() => savedText(p) === englishMessage('saved'), 'Saved');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    p.choose('[data-testid="own-weight"]', 'only');
    await until(() => p.q('[data-testid="own-routines"] [role="alert"]') !== null, 'the failure said');
    expect(savedText(p)).toBe('');
  });

  it('control: a number refused as invalid (said by its field, nothing stored) leaves the "Saved" of the last save', async () => {
    const p = await mountOptionsPage();
    p.check('[data-testid="micro-enabled"]', false);
    await until(() => savedText(p) === englishMessage('saved'), 'Saved');
    p.type('#snoozeMin', 'abc');
    await until(() => p.q('[data-testid="snoozeMin-error"]') !== null, 'the refusal');
    expect(savedText(p)).toBe(englishMessage('saved'));
  });
});
