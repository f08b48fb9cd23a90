/**
 * Pause, resume and snooze in real Firefox, and a whole break cycle that makes no network request.
 * Firefox's notifications have no buttons, so Snooze is the popup's (and the notification, which
 * Firefox closes by itself after a while, is closed by Limber at once). One Firefox for all of it:
 * Firefox's own network observer (http-on-opening-request, every HTTP(S)/WebSocket channel from
 * any page, the event page or Firefox itself) records from launch, before the add-on is installed
 * (so the event page's start-up is seen: a build that fetches at start-up fails here), to the end.
 */
import { EXT_BASE, sleep } from './support/firefox';
import { badgeText, historyRows, notificationIds, sendMessage, setSettings, storageGet, waitForPrompt } from './support/ext';
import { expect, test } from './support/fixtures';
import { BreakPage, PopupPage } from './support/pages';

interface Tracker {
  paused: { until: number | null } | null;
  phase: { name: string; brk?: { id: string }; until?: number };
}
const tracker = async (control: Parameters<typeof storageGet>[0]) => (await storageGet<Tracker>(control, 'tracker'))!;

/** A request Limber makes on purpose in the end, from an extension page and from the event page: the observer must see both. */
test.use({ recordNetwork: true });

const PROBE = 'http://127.0.0.1:45678/limber-network-probe'; // a port Firefox does not ban (9 is)

test('pause and resume by keyboard, snooze from the popup, a break: no network request throughout', async ({ ff, control }) => {
  test.setTimeout(180_000); // three scenarios in one Firefox
  await ff.chrome.countAlerts();

  await test.step('pause for an hour from the popup, by keyboard: no prompt while paused; resume', async () => {
    await setSettings(control, { stretch: { enabled: true, everySec: 1800, lengthSec: 120 } });
    const popup = await PopupPage.open(ff);
    await popup.countdown.waitFor();
    await popup.pauseMenu.press('Enter');
    expect(await popup.pauseMenu.attr('aria-expanded')).toBe('true');
    const asked = Date.now();
    await popup.pauseChoice('1h').press('Enter');
    await expect.poll(() => popup.nextWhy.text()).toMatch(/^Paused until /);
    expect(await popup.countdown.count()).toBe(0);
    const until = (await tracker(control)).paused?.until ?? 0;
    // An hour from the moment it was asked (the Enter above), give or take the round trip.
    expect(until).toBeGreaterThanOrEqual(asked + 3600_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(await badgeText(control)).toBe('❚❚');

    // A break that falls due while paused is not prompted.
    await setSettings(control, { stretch: { enabled: true, everySec: 2, lengthSec: 2 } });
    await sleep(4000);
    expect(await notificationIds(control)).toEqual([]);
    expect(await ff.chrome.alertsOpened()).toEqual([]);

    await setSettings(control, { stretch: { enabled: true, everySec: 1800, lengthSec: 120 } });
    await popup.resume.press('Enter');
    await popup.countdown.waitFor();
    expect((await tracker(control)).paused).toBeNull();
    await expect.poll(() => badgeText(control)).toMatch(/^(\d+m\+|≤\d+m)$/);
  });

  await test.step('snooze from the popup (no notification buttons in Firefox): the prompt goes, comes back after the snooze, and the break records it', async () => {
    await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, snoozeSec: 4 });
    const first = await waitForPrompt(control);
    await expect.poll(() => ff.chrome.alerts().then((a) => a.length)).toBe(1);
    const popup = await PopupPage.open(ff);
    const snoozedAt = Date.now();
    await popup.snooze.click();
    // Limber closes its notification (Firefox's alert window with it) rather than leaving it to time out.
    await expect.poll(() => notificationIds(control)).toEqual([]);
    await expect.poll(() => ff.chrome.alerts()).toEqual([]);
    await expect.poll(() => popup.nextWhy.text()).toMatch(/^Snoozed until /);
    const snoozed = (await tracker(control)).phase;
    expect(snoozed.name).toBe('snoozed');
    // Snoozed for what the settings ask (4 s), counted from the click.
    expect(snoozed.until).toBeGreaterThanOrEqual(snoozedAt + 4000);
    expect(snoozed.until).toBeLessThanOrEqual(Date.now() + 4000);

    const again = await waitForPrompt(control, { timeoutMs: 15_000 });
    expect(again.breakId).toBe(first.breakId);
    expect(again.id).toMatch(/:snooze$/); // one snooze of two used: it still says a snooze is left
    // Back when the snooze ends, not before (and within waitForPrompt's 15 s).
    expect(again.seenAt).toBeGreaterThanOrEqual(snoozed.until! - 250);
    // Firefox opens its alert window a moment after the notification exists (as for the first prompt above).
    await expect.poll(() => ff.chrome.alertsOpened().then((a) => a.length)).toBe(2);

    await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
    await popup.reload();
    await popup.startDue.click();
    const brk = await BreakPage.waitFor(ff);
    expect(await brk.breakId()).toBe(first.breakId);
    await brk.done.click();
    await brk.end.waitFor();
    expect(await historyRows(control)).toEqual([expect.objectContaining({ id: first.breakId, outcome: 'completed', snoozes: 1 })]);
  });

  await test.step('no network request from any page or the event page; the observer does see both', async () => {
    await sendMessage(control, { type: 'status/get' });
    const before = await ff.chrome.network();
    // The probes: one fetch from this extension page, one from the event page's own window.
    await control.evaluate(async (url) => void (await fetch(url).catch(() => null)), PROBE);
    await control.evaluate(async (url) => {
      const bg = (await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser.runtime.getBackgroundPage());
      await bg.fetch(url).catch(() => null);
    }, PROBE);
    await expect.poll(async () => (await ff.chrome.network()).filter((r) => r.url.endsWith('/limber-network-probe')).map((r) => r.doc)).toEqual([
      `${EXT_BASE}/options.html`,
      expect.stringMatching(new RegExp(`^${EXT_BASE}/_generated_background_page\\.html$`)),
    ]);
    const fromLimber = before.filter((r) => r.origin.startsWith(EXT_BASE) || r.doc.startsWith(EXT_BASE));
    expect(fromLimber).toEqual([]);
    test.info().annotations.push({ type: 'firefox-own-requests', description: JSON.stringify(before.map((r) => r.url)) });
  });
});
