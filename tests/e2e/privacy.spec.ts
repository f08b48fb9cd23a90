/**
 * What the browser really keeps in storage.sync (which the browser maker's sync carries off the
 * machine) after a person has used Limber: the settings item and its version, with exactly the
 * fields PRIVACY.md lists; never the safety screen's answer, the history, or the timer's state.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { sendMessage, setSettings, storageGet } from './support/ext';
import { OptionsPage, SafetyDialog } from './support/pages';

declare const chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };

const documented = [...(/<!-- synced-fields: start -->([\s\S]*?)<!-- synced-fields: end -->/.exec(readFileSync('PRIVACY.md', 'utf8'))?.[1] ?? '').matchAll(/^- `([a-zA-Z]+)`:/gm)].map((m) => m[1]!);

test('after a break, option changes and a "one of these applies" safety answer, storage.sync holds only the documented settings', async ({ context, extensionId, control }) => {
  await setSettings(control, {});
  // A break in the history, and the timer's state in use.
  await sendMessage(control, { type: 'break/start' });
  const id = (await storageGet<{ phase: { brk: { id: string } } }>(control, 'tracker'))!.phase.brk.id;
  await sendMessage(control, { type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });

  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  await page.getByLabel('A tennis ball', { exact: true }).check();
  await options.setField('stretch.everyMin', '45');
  await expect(options.saved).toHaveText('Saved');
  // The safety screen: one of its cautions applies.
  await page.getByTestId('self-massage').click();
  const safety = new SafetyDialog(page);
  await safety.applies.click();
  await expect(safety.result('hidden')).toBeVisible();
  await expect.poll(async () => storageGet(control, 'healthScreen')).toBe('hidden');

  const sync = await control.evaluate(() => chrome.storage.sync.get(null));
  expect(Object.keys(sync).sort()).toEqual(['settings', 'settings$']);
  const settings = sync.settings as Record<string, unknown>;
  expect(documented.length).toBeGreaterThan(10);
  expect(Object.keys(settings).sort()).toEqual([...documented].sort());
  expect(settings.stretch).toMatchObject({ everySec: 45 * 60 });
  const text = JSON.stringify(sync);
  for (const secret of ['selfMassage', 'hidden', 'healthScreen', id, 'tracker', 'outbox', 'devTiming']) expect(text, secret).not.toContain(secret);
});
