/**
 * Strict mode, end to end: a prompt offers only what will work (Start, one snooze, never Skip),
 * the break window has no Skip, no Done before the routine's last step, and Esc does not end the
 * break (it says why), and closing the
 * window early records the break as cut short. Also: Done works again after a request that failed.
 */
import { expect, test } from './support/fixtures';
import { historyRows, notificationIds, sendMessage, setSettings, waitForPrompt } from './support/ext';
import { BreakPage } from './support/pages';
import { shot } from './support/shots';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

test('strict mode: one snooze, no Skip anywhere, an early close is recorded as cut short', async ({ context, control }) => {
  test.setTimeout(90_000);
  await setSettings(control, { strict: true, snoozeLimit: 3, snoozeSec: 2, stretch: { enabled: true, everySec: 5, lengthSec: 60 } });
  // Snooze limit 3 set, strict allows one: the first prompt's second button is Snooze.
  const first = await waitForPrompt(control);
  expect(first.id).toMatch(/:snooze$/);
  expect(await sendMessage(control, { type: 'break/skip', breakId: first.breakId })).toEqual({ ok: false, error: 'strict' });
  expect(await sendMessage(control, { type: 'break/snooze', breakId: first.breakId })).toMatchObject({ ok: true });
  // Back after the snooze: no second button now (not Snooze, refused; not Skip, strict).
  const again = await waitForPrompt(control, { timeoutMs: 15_000 });
  expect(again.breakId).toBe(first.breakId);
  expect(again.id).toMatch(/:none$/);
  expect(await sendMessage(control, { type: 'break/snooze', breakId: first.breakId })).toEqual({ ok: false, error: 'snoozeLimit' });
  await setSettings(control, { strict: true, snoozeLimit: 3, snoozeSec: 60, stretch: { enabled: true, everySec: 3600, lengthSec: 60 } });

  // Start (the notification's only button): the break window, with no Skip.
  expect(await sendMessage(control, { type: 'break/start', breakId: first.breakId })).toMatchObject({ ok: true });
  const brk = await BreakPage.waitFor(context);
  await expect(brk.title.or(brk.page.getByTestId('break-free'))).toBeVisible();
  await expect(brk.skip).toHaveCount(0);
  // No Done before the routine's last step (or the free break's length): Enter on the focused title ends nothing.
  await expect(brk.done).toHaveCount(0);
  await brk.page.keyboard.press('Enter');
  const note = brk.page.getByTestId('strict-note');
  await expect(note).toContainText('Strict mode: this break has no Skip');
  await brk.page.keyboard.press('Escape');
  await expect(note).toHaveClass(/notice/); // Esc is answered, not ignored
  await brk.page.setViewportSize({ width: 460, height: 720 });
  await shot(brk.page, { path: test.info().outputPath('strict-break.png'), fullPage: true });
  await expect(brk.end).toHaveCount(0); // and the break goes on
  expect(await historyRows(control)).toEqual([]);
  expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([]);

  // Closing the window before the break's time: recorded as cut short.
  await brk.page.close();
  await expect.poll(async () => (await historyRows(control)).map((r) => [r.id, r.outcome])).toEqual([[first.breakId, 'partial']]);
});

test('Done works again after a request that failed, and the break is recorded once', async ({ context, control }) => {
  await setSettings(control, {});
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'break/start' }));
  const brk = await BreakPage.waitFor(context);
  await expect(brk.done).toBeVisible();
  // The next request from the break page fails (as when the background does not answer).
  await brk.page.evaluate(() => {
    const real = chrome.runtime.sendMessage.bind(chrome.runtime);
    let failNext = true;
    chrome.runtime.sendMessage = (m: unknown) => {
      if (failNext && (m as { type?: string }).type === 'break/finish') {
        failNext = false;
        return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      }
      return real(m);
    };
  });
  await brk.done.click();
  await expect(brk.page.getByRole('alert')).toBeVisible();
  expect(await historyRows(control)).toEqual([]);
  await brk.done.click();
  await expect(brk.end).toBeVisible();
  await expect(brk.page.getByRole('alert')).toHaveCount(0);
  expect((await historyRows(control)).map((r) => r.outcome)).toEqual(['completed']);
});
