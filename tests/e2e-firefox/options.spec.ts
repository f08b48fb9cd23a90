/** The options page in real Firefox: validation on leaving a field, storage untouched by bad input. */
import { expect, test } from './support/fixtures';
import { storageGet } from './support/ext';
import { OptionsPage, PopupPage } from './support/pages';

test('options validate input, keep the stored value, and apply valid changes live', async ({ ff, control }) => {
  const options = await OptionsPage.open(ff);
  const before = await storageGet(control, 'settings');
  for (const bad of ['0', '-5', 'abc', '99999', '']) {
    await options.setField('stretch.everyMin', bad);
    await expect.poll(() => options.error('stretch.everyMin').isVisible(), { message: `error shown for "${bad}"` }).toBe(true);
    expect(await options.field('stretch.everyMin').attr('aria-invalid')).toBe('true');
    expect(await storageGet(control, 'settings')).toEqual(before);
  }
  expect(await options.error('stretch.everyMin').text()).toMatch(/Enter a number/);

  await options.setField('stretch.everyMin', '45');
  await expect.poll(() => options.error('stretch.everyMin').count()).toBe(0);
  await expect.poll(() => options.saved.text()).toBe('Saved');
  const after = await storageGet<{ stretch: { everySec: number } }>(control, 'settings');
  expect(after?.stretch.everySec).toBe(45 * 60);

  // Posture checks (every 20 min) come first by default: switch them off, then the stretch
  // break 45 minutes out is the next one.
  await options.page.click('[data-testid="micro-enabled"]');
  await expect.poll(async () => (await storageGet<{ micro: { enabled: boolean } }>(control, 'settings'))?.micro.enabled).toBe(false);
  const popup = await PopupPage.open(ff);
  await expect.poll(() => popup.countdown.text()).toMatch(/^4[0-5]:\d\d$/);
  expect(await popup.nextWhy.text()).toContain('Stretch break');
});
