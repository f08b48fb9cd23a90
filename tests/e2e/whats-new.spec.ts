/**
 * The line the popup shows once after an update (issue #13, part of 10): it used to send people to
 * a "what's new" section the options page does not have; it now says which version Limber was
 * updated to, and points nowhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { PopupPage } from './support/pages';

const en = JSON.parse(readFileSync(path.resolve(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

declare const chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void>; get(k: string): Promise<Record<string, unknown>> } } };

test('after an update the popup says the new version once, and sends nobody to a section that does not exist', async ({ context, extensionId, control }) => {
  // What the background stores on runtime.onInstalled with reason 'update' (lib/engine/lifecycle.ts).
  await control.evaluate(() => chrome.storage.local.set({ whatsNew: '9.8.7' }));
  const popup = await PopupPage.open(context, extensionId);
  const line = popup.page.getByTestId('whats-new');
  await expect(line).toHaveText(en.whatsNew!.message.replace('$1', '9.8.7'));
  await expect(line).toHaveText('Limber was updated to version 9.8.7.');
  await expect(line).not.toContainText(/options/i);
  await expect.poll(() => control.evaluate(async () => (await chrome.storage.local.get('whatsNew')).whatsNew ?? null)).toBeNull();

  await popup.reload();
  await expect(popup.breakNow).toBeVisible();
  await expect(popup.page.getByTestId('whats-new')).toHaveCount(0);
});
