/**
 * Firefox closes the break window when the page asks (window.close() from an extension window it
 * opened): after Skip and Close in a running break, and after Skip in the window shown as the
 * prompt. The clicks' own errors are ignored because the page may be gone before they return; the
 * window's absence from Firefox's list of pages is what is asserted.
 */
import { sendMessage, setSettings, waitForPrompt } from './support/ext';
import { expect, test } from './support/fixtures';
import { BreakPage, El } from './support/pages';

const hrefs = async (ff: Parameters<typeof BreakPage.waitFor>[0]) => (await ff.pagesWithHref()).map((p) => p.href);

test('break window Skip closes it', async ({ ff, control }) => {
  await setSettings(control, { snoozeLimit: 2, stretch: { enabled: true, everySec: 4, lengthSec: 60 } });
  const prompt = await waitForPrompt(control);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 60 } });
  expect(await sendMessage(control, { type: 'break/start', breakId: prompt.breakId })).toMatchObject({ ok: true });
  const brk = await BreakPage.waitFor(ff);
  await brk.skip.click().catch(() => undefined);
  await new El(brk.page, '[data-testid="close"]').click().catch(() => undefined);
  await expect.poll(async () => (await hrefs(ff)).filter((h) => h.includes('break.html')), { timeout: 5000 }).toEqual([]);
});

test('prompt window Skip closes it', async ({ ff, control }) => {
  await setSettings(control, { stretch: { enabled: true, everySec: 4, lengthSec: 2 }, prompts: { notification: false, openWindow: true } });
  const brk = await BreakPage.waitFor(ff);
  await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
  await new El(brk.page, '[data-testid="prompt-skip"]').click().catch(() => undefined);
  await expect.poll(async () => (await hrefs(ff)).filter((h) => h.includes('break.html')), { timeout: 5000 }).toEqual([]);
});
