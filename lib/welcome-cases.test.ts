/**
 * The welcome page's step 3 when the background does not do what was asked, from an accessibility
 * review: "Try one now" and "I'll wait…" said nothing at all (the failure was an unhandled
 * rejection), so a person, and a screen reader, were left waiting for a break or a time that would
 * not come. Each case failed before its fix, except the controls. Rendered with linkedom over WXT's
 * fake browser, English catalogue from disk (tests/support/linkedom-page.ts).
 * Then, from a later review, the page's saves: Done and a preset whose save failed said nothing
 * either (an unhandled rejection; Done left the page open without a word).
 */
import { describe, expect, it, vi } from 'vitest';
import { englishMessage, onUnmount, tick, until, useEnglishPages } from '../tests/support/linkedom-page';
import { pageDom, storedUntil } from '../tests/support/options-page';

useEnglishPages();

/** The welcome page, the background answering each message with `answer` (notifications allowed). */
async function mountWelcome(answer: (m: { type: string }) => Promise<unknown>) {
  const d = pageDom();
  const { browser } = await import('wxt/browser');
  Object.assign(browser.notifications, { getPermissionLevel: async () => 'granted' });
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((m: { type: string }) => answer(m)) as never);
  const { h, render } = await import('preact');
  const { App } = await import('../entrypoints/welcome/App');
  const root = d.document.getElementById('app')!;
  render(h(App, {}), root);
  onUnmount(() => render(null, root));
  await until(() => d.q('[data-testid="welcome-try"]') !== null, 'the welcome page');
  const alert = () => d.q('[role="alert"]')?.textContent ?? null;
  return { ...d, alert };
}

/** What the browser does when no background answers (the worker not started, or stopped mid-update). */
const noReceiver = async () => {
  throw new Error('Could not establish connection. Receiving end does not exist.');
};

describe('welcome, step 3: a request that fails is said on the page', () => {
  it('"Try one now" with no background answering: "That did not work. Please try again." (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    d.q('[data-testid="welcome-try"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect(d.alert()).toBe(englishMessage('errActionFailed'));
  });

  it('"Try one now" refused by the background: the same message', async () => {
    const d = await mountWelcome(async () => ({ ok: false, error: 'internal' }));
    d.q('[data-testid="welcome-try"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect(d.alert()).toBe(englishMessage('errActionFailed'));
  });

  it('"I\'ll wait…" with no background answering: "Limber is not answering right now. Try again in a moment." (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    d.q('[data-testid="welcome-wait"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect({ alert: d.alert(), firstAt: d.q('[data-testid="welcome-first-at"]') }).toEqual({ alert: englishMessage('errBackground'), firstAt: null });
  });

  it('control: tried again and answered this time, the message goes', async () => {
    let up = false;
    const d = await mountWelcome(async (m) => {
      if (!up) return noReceiver();
      return m.type === 'break/start' ? { ok: true, data: { started: true } } : { ok: false, error: 'internal' };
    });
    d.q('[data-testid="welcome-try"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    up = true;
    d.q('[data-testid="welcome-try"]')!.click();
    await tick(30);
    expect(d.alert()).toBeNull();
  });
});

describe('welcome: a save that fails is said on the page', () => {
  /** The next write to storage fails (a full disk, the quota). */
  const failNextSave = async () => {
    const { browser } = await import('wxt/browser');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
  };
  const closed = (d: { window: unknown }) => (d.window as { close: { mock: { calls: unknown[] } } }).close.mock.calls.length > 0;

  it('Done whose save fails: "That change could not be saved. Please try again.", and the page stays open (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    await failNextSave();
    d.q('[data-testid="welcome-done"]')!.click();
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    expect({ alert: d.alert(), closed: closed(d) }).toEqual({ alert: englishMessage('errSaveFailed'), closed: false });
    // Tried again, saved this time: the working hours are on and the page closes.
    d.q('[data-testid="welcome-done"]')!.click();
    await storedUntil((s) => s.schedule.enabled, 'working hours on');
    await until(() => closed(d), 'the page closed');
  });

  it('a preset whose save fails: the same message, and the radio shows the preset in force (it said nothing)', async () => {
    const d = await mountWelcome(noReceiver);
    await tick(20);
    await failNextSave();
    d.check('[data-testid="preset-gentle"]', true);
    await until(() => d.alert() !== null, 'the message', 100).catch(() => undefined);
    await tick(20);
    expect({ alert: d.alert(), gentle: d.q('[data-testid="preset-gentle"]')!.checked, balanced: d.q('[data-testid="preset-balanced"]')!.checked }).toEqual({ alert: englishMessage('errSaveFailed'), gentle: false, balanced: true });
  });

  it('control: Skip setup saves nothing and closes the page', async () => {
    const d = await mountWelcome(noReceiver);
    d.q('[data-testid="welcome-skip"]')!.click();
    await until(() => closed(d), 'the page closed');
    expect(d.alert()).toBeNull();
  });
});
