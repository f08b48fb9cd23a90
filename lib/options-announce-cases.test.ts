/**
 * The options page, for a screen reader: what appears after a change is in a live region that was
 * in the page before it (one inserted with its text is not read out by several screen readers),
 * and a failure said again is put in afresh (the same element with the same text says nothing).
 * From a review of what appears on screen but is not said; each test failed before its fix.
 * Rendered with linkedom over WXT's fake browser (tests/support/options-page.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { mountOptionsPage, mountWithTwoRoutines } from '../tests/support/options-page';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';

useEnglishPages();

/** Live regions (polite or assertive) as a screen reader knows them. */
const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';

describe('"kept on this device only" after a change that could not reach the browser\'s sync', () => {
  it('is said: its live region was in the page before the change, empty (it was inserted with its text)', async () => {
    const p = await mountOptionsPage();
    expect(p.q('[data-testid="sync-off"]')).toBeNull();
    const before = new Map(Array.from(p.document.querySelectorAll(LIVE)).map((r) => [r, r.textContent]));
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    p.check('[data-testid="strict"]', true);
    await until(() => p.q('[data-testid="sync-off"]') !== null, 'the notice');
    expect(p.q('[data-testid="sync-off"]')!.textContent).toBe(englishMessage('syncOff'));
    const region = p.q('[data-testid="sync-off"]')!.closest(LIVE);
    expect({ inPageBefore: region !== null && before.has(region), then: region ? (before.get(region) ?? null) : null }).toEqual({ inPageBefore: true, then: '' });
  });
});

describe('a change that cannot be saved, then another: the failure is said each time', () => {
  const failTwice = async (p: Awaited<ReturnType<typeof mountOptionsPage>>, change: (i: number) => void, alert: () => Element | null) => {
    // Storage full (sync refusing too, so that nothing written there is taken back over here).
    for (const area of [browser.storage.local, browser.storage.sync]) vi.spyOn(area, 'set').mockImplementation(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded')));
    change(0);
    await until(() => alert() !== null, 'the first failure said');
    const first = alert();
    await tick(30);
    change(1);
    await until(() => alert() !== null && alert() !== first, 'the second failure said afresh', 200).catch(() => undefined);
    return { first, second: alert() };
  };

  it('the page\'s own alert ("That change could not be saved"), for two changes in a row (the second left it as it was: silent)', async () => {
    const p = await mountOptionsPage();
    const alert = () => p.q('[data-testid="save-failed"]');
    const { first, second } = await failTwice(p, (i) => p.check('[data-testid="strict"]', i === 0), alert);
    expect(first?.textContent).toBe(englishMessage('errSaveFailed'));
    expect({ text: second?.textContent ?? null, afresh: second !== first }).toEqual({ text: englishMessage('errSaveFailed'), afresh: true });
  });

  it('the routines section\'s alert, for two equipment boxes ticked in a row (the second left it as it was: silent)', async () => {
    const p = await mountOptionsPage();
    const alert = () => p.q('[data-testid="routine-prefs"] [role="alert"]');
    const boxes = Array.from(p.document.querySelectorAll('[data-testid="routine-prefs"] fieldset input[type="checkbox"]')).map((b) => b.getAttribute('data-testid'));
    const { first, second } = await failTwice(p, (i) => p.check(`[data-testid="${boxes[i]}"]`, !p.q(`[data-testid="${boxes[i]}"]`)!.checked), alert);
    expect(first?.textContent).toBe(englishMessage('errSaveFailed'));
    expect({ text: second?.textContent ?? null, afresh: second !== first }).toEqual({ text: englishMessage('errSaveFailed'), afresh: true });
  });

  it('the routines section\'s alert, for self-massage switched off twice while that cannot be saved (the second left it as it was: silent)', async () => {
    const { saveHealthAnswer } = await import('./storage/health');
    await saveHealthAnswer('allowed'); // the safety screen answered, self-massage on
    const p = await mountOptionsPage();
    await until(() => p.q('[data-testid="self-massage"]')?.checked === true, 'self-massage on');
    const alert = () => p.q('[data-testid="routine-prefs"] [role="alert"]');
    const { first, second } = await failTwice(p, () => p.check('[data-testid="self-massage"]', false), alert);
    expect(first?.textContent).toBe(englishMessage('errSaveFailed'));
    expect({ text: second?.textContent ?? null, afresh: second !== first }).toEqual({ text: englishMessage('errSaveFailed'), afresh: true });
  });

  it('your own routines\' alert, for two moves in a row that could not be saved (the second left it as it was: silent)', async () => {
    const { p, a } = await mountWithTwoRoutines();
    const alert = () => p.q('[data-testid="own-routines"] [role="alert"]');
    const { first, second } = await failTwice(p, (i) => p.q(`[data-testid="own-${i === 0 ? 'down' : 'up'}-${a.id}"]`)!.click(), alert);
    expect(first?.textContent).toBe(englishMessage('errSaveFailed'));
    expect({ text: second?.textContent ?? null, afresh: second !== first }).toEqual({ text: englishMessage('errSaveFailed'), afresh: true });
  });

  it('the own routine form\'s alert, for Save pressed twice while it cannot be saved (the second left it as it was: silent)', async () => {
    const p = await mountOptionsPage();
    p.q('[data-testid="own-add"]')!.click();
    await until(() => p.q('[data-testid="own-form"]') !== null, 'the form');
    p.type('#own-name', 'Wrist circles');
    p.check('#own-area-wrists', true);
    p.type('#own-step0-text', 'Circle the wrists');
    p.type('#own-step0-seconds', '60');
    await tick(20);
    const alert = () => p.q('[data-testid="own-form-failed"]');
    const save = () => p.q('[data-testid="own-form"]')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    const { first, second } = await failTwice(p, save, alert);
    expect(first?.textContent).toBe(englishMessage('errSaveFailed'));
    expect({ text: second?.textContent ?? null, afresh: second !== first }).toEqual({ text: englishMessage('errSaveFailed'), afresh: true });
  });
});
