/**
 * The options page's validation in real Firefox: every number field of every section (breaks,
 * snooze and idle, behaviour) refuses what the form does not allow, on leaving the field, with a
 * message next to it and the stored settings untouched; the routine positions refuse "none"; a
 * valid change is stored and followed by the popup. (Working hours, prompts and imports are
 * refused in options-sections.spec.ts and data.spec.ts.) The limits are the form's published ones
 * (lib/settings FIELDS, which unit tests hold to the stored schema), the messages the catalogue's.
 */
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { FIELDS, type FieldId } from '../../lib/settings-fields';
import { storageGet } from './support/ext';
import { expect, test } from './support/fixtures';
import { El, OptionsPage, PopupPage } from './support/pages';

test('every number field refuses bad input and keeps the stored value; positions need one; valid changes apply live', async ({ ff, control }) => {
  test.setTimeout(180_000); // every field of the page in one Firefox
  const options = await OptionsPage.open(ff);
  const page = options.page;
  const stored = () => storageGet(control, 'settings', 'sync');
  // Fields that wait for their switch: on, so they can be typed into.
  for (const sw of ['fullscreen-defer', 'daily-limit']) if (!(await options.byTestId(sw).isChecked())) await options.byTestId(sw).click();
  await expect.poll(async () => (await storageGet<{ dailyLimit: { enabled: boolean } }>(control, 'settings', 'sync'))?.dailyLimit.enabled).toBe(true);

  // Every field the form knows is on the page, and nothing else takes a number.
  const onPage = await page.$$eval('input[data-min]', (els) => els.map((e) => e.id).sort());
  expect(onPage).toEqual(Object.keys(FIELDS).sort());

  // Each field refuses a value just past either of its limits (and the integer fields a
  // fraction); what is not a number at all is one check shared by every field, tried on one.
  const cases = (id: FieldId): Array<[string, string]> => {
    const { min, max, integer } = FIELDS[id];
    return [
      ...(id === 'idleSec' ? [['', 'Enter a number.'], ['abc', 'That is not a number.']] as Array<[string, string]> : []),
      [String(min - 1), `Too small: the minimum is ${min}.`],
      [String(max + 1), `Too large: the maximum is ${max}.`],
      ...(integer && id === 'snoozeLimit' ? [['1.5', 'Use a whole number.']] as Array<[string, string]> : []),
    ];
  };
  for (const id of Object.keys(FIELDS) as FieldId[]) {
    const before = JSON.stringify(await stored());
    const shown = await options.field(id).value();
    for (const [bad, message] of cases(id)) {
      await options.setField(id, bad);
      await expect.poll(() => options.error(id).text(), { message: `${id}: "${bad}"` }).toBe(message);
      expect(await options.field(id).attr('aria-invalid'), id).toBe('true');
      expect(JSON.stringify(await stored()), `${id}: "${bad}" stored nothing`).toBe(before);
    }
    expect(await options.error(id).attr('role'), id).toBe('alert');
    expect(await options.field(id).attr('aria-describedby'), id).toContain(`${id}-error`);
    // Its old value back: the message goes, and storage still holds what it held.
    await options.setField(id, shown!);
    await expect.poll(() => options.error(id).count(), { message: id }).toBe(0);
    expect(await stored(), id).toEqual(JSON.parse(before)); // the same values (rewritten, maybe in another key order)
  }

  // A break as long as the time between breaks is refused too (a rule across two fields).
  await options.setField('stretch.everyMin', '10');
  await expect.poll(async () => (await storageGet<{ stretch: { everySec: number } }>(control, 'settings', 'sync'))?.stretch.everySec).toBe(600);
  const beforeLength = JSON.stringify(await stored());
  await options.setField('stretch.lengthMin', '10');
  await expect.poll(() => options.error('stretch.lengthMin').text()).toBe('A break must be shorter than the time between breaks.');
  expect(JSON.stringify(await stored())).toBe(beforeLength);
  await options.setField('stretch.lengthMin', '2');
  await expect.poll(() => options.error('stretch.lengthMin').count()).toBe(0);

  // Positions: unticking the last one is refused in words, and saves nothing.
  const positions = DEFAULT_SETTINGS.routines.positions;
  for (const p of positions.slice(0, -1)) await options.byTestId(`position-${p}`).click();
  await expect.poll(async () => (await storageGet<{ routines: { positions: string[] } }>(control, 'settings', 'sync'))?.routines.positions).toEqual(positions.slice(-1));
  const beforePositions = JSON.stringify(await stored());
  await options.byTestId(`position-${positions.at(-1)}`).click();
  await expect.poll(() => options.byTestId('positions-error').text()).toBe('Choose at least one position. Nothing was saved.');
  expect(JSON.stringify(await stored())).toBe(beforePositions);
  // The boxes show the choice being made (none ticked), as in Chromium: ticking one saves that one.
  expect(await options.byTestId(`position-${positions.at(-1)}`).isChecked()).toBe(false);
  await options.byTestId(`position-${positions[0]}`).click();
  await expect.poll(() => options.byTestId('positions-error').count()).toBe(0);
  await expect.poll(async () => (await storageGet<{ routines: { positions: string[] } }>(control, 'settings', 'sync'))?.routines.positions).toEqual([positions[0]]);

  // A valid interval is stored and the popup follows: posture checks off, the stretch break 45 minutes out is next.
  await options.setField('stretch.everyMin', '45');
  await expect.poll(() => options.saved.text()).toBe('Saved');
  await expect.poll(async () => (await storageGet<{ stretch: { everySec: number } }>(control, 'settings'))?.stretch.everySec).toBe(45 * 60);
  await new El(page, '[data-testid="micro-enabled"]').click();
  await expect.poll(async () => (await storageGet<{ micro: { enabled: boolean } }>(control, 'settings'))?.micro.enabled).toBe(false);
  // Headless Firefox gets no real input: on a slow run the person would count as away by now.
  await ff.chrome.userInput();
  const popup = await PopupPage.open(ff);
  await expect.poll(() => popup.countdown.text()).toMatch(/^4[0-5]:\d\d$/);
  expect(await popup.nextWhy.text()).toContain('Stretch break');
});
