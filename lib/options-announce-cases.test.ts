/**
 * The options page, for a screen reader: what appears after a change is in a live region that was
 * in the page before it, and not hidden by the style sheets (one inserted with its text, or shown
 * with it, is not read out by several screen readers), and a failure or a refusal said again is
 * put in afresh (the same element with the same text says nothing).
 * From a review of what appears on screen but is not said; each test failed before its fix.
 * Rendered with linkedom over WXT's fake browser (tests/support/options-page.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { mountOptionsPage, mountWithTwoRoutines } from '../tests/support/options-page';
import { englishMessage, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { DEFAULT_SETTINGS } from './settings';

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
    // The refused move is taken back from the list shown: trying again is the same button.
    const { first, second } = await failTwice(p, () => p.q(`[data-testid="own-down-${a.id}"]`)!.click(), alert);
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

  it('a number field\'s refusal, for two entries in a row refused for the same reason ("Every" at 3, then at 5: the second left it as it was, silent, and nothing said "Saved" either)', async () => {
    const p = await mountOptionsPage();
    const alert = () => p.q('[data-testid="stretch.everyMin-error"]');
    p.type('#stretch\\.everyMin', '3');
    await until(() => alert() !== null, 'the first refusal said');
    const first = alert();
    await tick(30);
    p.type('#stretch\\.everyMin', '5');
    await until(() => alert() !== null && alert() !== first, 'the second refusal said afresh', 200).catch(() => undefined);
    const second = alert();
    expect(first?.textContent).toBe(englishMessage('errTooSmall', [10]));
    expect({ text: second?.textContent ?? null, afresh: second !== first }).toEqual({ text: englishMessage('errTooSmall', [10]), afresh: true });
  });
});

/**
 * A live region is heard when its text changes; one that is not in the accessibility tree (display:
 * none, visibility: hidden) when its text comes, or one put in the page with its text, is not read
 * out by several screen readers (Chrome with NVDA or VoiceOver).
 */
describe('what an action comes to is said in a live region that is in the page, and shown, before it speaks', () => {
  /** The rules of the options page's style sheets that take an element out of the accessibility tree, as [selector, declaration]. */
  function hidingRules(): Array<[string, string]> {
    const here = (f: string) => new URL(f, import.meta.url);
    const dir = here('../components/');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.css')).map((f) => new URL(f, dir)), here('../entrypoints/options/options.css')];
    const css = files.map((f) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')).join('\n');
    return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].flatMap((m) => {
      const hide = /\b(display\s*:\s*none|visibility\s*:\s*hidden)\b/.exec(m[2]!)?.[1];
      return hide ? m[1]!.split(',').map((s) => [s.trim(), hide] as [string, string]) : [];
    });
  }

  it('"Your data": no live region is hidden while it is empty ("Saved limber-….json", "Import cancelled", the reset\'s outcome went unheard: .data-message:empty was display: none)', async () => {
    const p = await mountOptionsPage();
    const rules = hidingRules();
    const regions = Array.from(p.document.querySelectorAll(LIVE));
    expect(regions.length).toBeGreaterThan(5);
    const hidden = regions.flatMap((r) => rules.filter(([sel]) => r.matches(sel)).map(([sel, how]) => `${r.getAttribute('data-testid') ?? r.className}: ${sel} { ${how} }`));
    expect(hidden).toEqual([]);
  });

  it('"Routines": leaving out the last routine a break kind has left is said (the notice came outside any live region)', async () => {
    const { ROUTINES } = await import('../content/routines');
    const { anyRoutineLeft, pickPrefsFor } = await import('../content/picker');
    const { saveSettings } = await import('./storage/settings-items');
    const all = ROUTINES.map((r) => r.id);
    const only = (id: string) => ({ ...DEFAULT_SETTINGS.routines, excluded: all.filter((x) => x !== id) });
    // A routine that is, left alone, enough for a stretch break.
    const last = ROUTINES.find((r) => anyRoutineLeft(ROUTINES, 'stretch', pickPrefsFor(only(r.id), 'ask', DEFAULT_SETTINGS.stretch.lengthSec)))!;
    const p = await mountOptionsPage();
    await saveSettings({ ...DEFAULT_SETTINGS, routines: only(last.id) });
    await until(() => p.q(`[data-testid="exclude-${all.find((x) => x !== last.id)!}"]`)?.checked === true, 'the others left out');
    await tick(30);
    expect(p.q('[data-testid="none-left-stretch"]'), 'one routine left').toBeNull();
    const before = new Set(Array.from(p.document.querySelectorAll(LIVE)));
    p.check(`[data-testid="exclude-${last.id}"]`, true);
    await until(() => p.q('[data-testid="none-left-stretch"]') !== null, 'the notice');
    const region = p.q('[data-testid="none-left-stretch"]')!.closest(LIVE);
    expect({ inRegion: region !== null, regionThereBefore: region !== null && before.has(region) }).toEqual({ inRegion: true, regionThereBefore: true });
  });
});
