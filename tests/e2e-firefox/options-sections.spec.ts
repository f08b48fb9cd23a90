/**
 * Every section of the options page in real Firefox, on the production build: each change is
 * made as a person makes it and read back from storage.sync (where the settings live). One
 * Firefox, one options page, one step per section. Texts are English and times 12-hour: the
 * test Firefox runs in its own locale (en-US), not the machine's.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { expect, test } from './support/fixtures';
import { badgeText, rebindCommand, storageGet } from './support/ext';
import { El, OptionsPage } from './support/pages';

/** The settings in storage.sync (undefined until the first save). */
const synced = (control: Page) => storageGet<Settings>(control, 'settings', 'sync');
/** The stored bytes, to prove that nothing was written. */
const syncedRaw = async (control: Page) => JSON.stringify(await synced(control));

/**
 * Types a time into a Firefox time input the way a keyboard user does. Firefox's time input is
 * three parts (hour, minute, AM/PM) that each take digits, and a part hands its value to the
 * input when it loses focus, so typing needs the options tab in front (OptionsPage.open sees to
 * it). Focus arrives by Tab from the element before; Tab lands on the hour part (and inside a
 * time input walks its parts first: hour -> minute -> AM/PM -> the next field). puppeteer's
 * keyboard.type works as is: "07" fills the hour and moves on, "30" the minutes, "A" picks AM.
 * Morning times and the trailing "A" read the same in a 12-hour field and a 24-hour one (no
 * AM/PM part there: the "A" is ignored; tried in an en-GB Firefox: "0730A" gives 07:30).
 */
async function typeTime(page: Page, before: string, input: El, minute: number): Promise<void> {
  await page.focus(before);
  for (let i = 0; i < 4 && !(await input.isFocused()); i++) await page.keyboard.press('Tab');
  expect(await input.isFocused(), `Tab from ${before} reaches ${input.selector}`).toBe(true);
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}`;
  await page.keyboard.type(`${hhmm}A`);
  await expect.poll(() => input.value()).toBe(`${hhmm.slice(0, 2)}:${hhmm.slice(2)}`);
}

test('every options section works in Firefox and is read back from storage.sync', async ({ ff, control }, testInfo) => {
  test.setTimeout(180_000); // seven sections in one Firefox (over 90 s on a loaded machine)
  // Rebound before the page opens: the Shortcuts section must show the browser's binding, not the manifest's.
  await rebindCommand(control, 'toggle-pause', 'Alt+Shift+O');
  const options = await OptionsPage.open(ff);
  const page = options.page;
  const el = (id: string) => options.byTestId(id);

  await test.step('Prompts: break window instead of a notification, badge off, chime, volume, voice', async () => {
    await el('prompt-window').click();
    await expect.poll(async () => (await synced(control))?.prompts).toEqual({ notification: true, openWindow: true });
    await el('prompt-notification').click();
    await expect.poll(async () => (await synced(control))?.prompts).toEqual({ notification: false, openWindow: true });
    // Neither is refused: a message, nothing stored.
    const before = await syncedRaw(control);
    await el('prompt-window').click();
    await expect.poll(() => new El(page, '.behaviour [role="alert"]').text()).toMatch(/at least one/i);
    expect(await syncedRaw(control)).toBe(before);
    expect(await el('prompt-window').isChecked(), 'the box shows what is in force').toBe(true);

    // The badge shows something: any time counts (this step comes before working hours are set, so
    // that the time of day of the run cannot make it "off", or empty when the next break falls
    // after the hours' end).
    await expect.poll(() => badgeText(control)).not.toBe('');
    await el('badge').click();
    await expect.poll(async () => (await synced(control))?.badge).toBe(false);
    await expect.poll(() => badgeText(control)).toBe('');

    await el('chime').click();
    await expect.poll(async () => (await synced(control))?.sound.chime).toBe(true);
    // The volume slider by keyboard: one step (5 %) up.
    await el('volume').press('ArrowRight');
    await expect.poll(async () => (await synced(control))?.sound.volume).toBe(DEFAULT_SETTINGS.sound.volume + 0.05);
    expect(await new El(page, 'output[for="rp-volume"]').text()).toBe(`${Math.round((DEFAULT_SETTINGS.sound.volume + 0.05) * 100)}%`);
    await el('voice').click();
    await expect.poll(async () => (await synced(control))?.sound).toEqual({ chime: true, volume: DEFAULT_SETTINGS.sound.volume + 0.05, voice: true });
  });

  await test.step('Schedule: working hours on, Monday typed by keyboard, copied to weekdays; an overlap is refused', async () => {
    const preview = el('schedule-preview');
    await expect.poll(() => preview.text()).toMatch(/any time/);
    await el('schedule-enabled').click();
    await expect.poll(() => preview.text()).toMatch(/Mon–Fri 9:00\sAM–5:30\sPM/);
    await expect.poll(async () => (await synced(control))?.schedule.enabled).toBe(true);

    // Monday 7:30-11:30: Tab from Monday's checkbox into "from", then on into "until".
    await typeTime(page, '[data-testid="day-0"]', el('day-0-range-0-from'), 7 * 60 + 30);
    await typeTime(page, '[data-testid="day-0-range-0-from"]', el('day-0-range-0-to'), 11 * 60 + 30);
    const monday = [{ from: 450, to: 690 }];
    const nineToHalfFive = [{ from: 540, to: 1050 }];
    await expect.poll(async () => (await synced(control))?.schedule.days).toEqual([monday, nineToHalfFive, nineToHalfFive, nineToHalfFive, nineToHalfFive, [], []]);
    await expect.poll(() => preview.text()).toMatch(/Mon 7:30\sAM–11:30\sAM and Tue–Fri 9:00\sAM–5:30\sPM/);

    await el('day-0-copy-weekdays').click();
    await expect.poll(async () => (await synced(control))?.schedule.days).toEqual([monday, monday, monday, monday, monday, [], []]);
    await expect.poll(() => preview.text()).toMatch(/^Reminders Mon–Fri 7:30\sAM–11:30\sAM\.$/);

    // A second range on Monday (saved), then its start typed into the first: refused, stored bytes unchanged.
    await el('day-0-add').click();
    await expect.poll(async () => (await synced(control))?.schedule.days[0]?.length).toBe(2);
    const before = await syncedRaw(control);
    const secondFrom = el('day-0-range-1-from');
    await typeTime(page, '[data-testid="day-0-range-0-to"] ~ button.sched-remove', secondFrom, 10 * 60);
    await expect.poll(() => el('day-0-error').text()).toMatch(/overlap/);
    expect(await secondFrom.attr('aria-invalid')).toBe('true');
    expect(await new El(page, '[data-testid="day-0-error"] > [role="alert"]').text()).toMatch(/overlap/); // each problem its own alert
    expect(await syncedRaw(control)).toBe(before);
    expect(await storageGet(control, 'settings')).toEqual(JSON.parse(before)); // the local copy too
    // Fixed (11:45, after Monday's first range ends): saved, message gone.
    await typeTime(page, '[data-testid="day-0-range-0-to"] ~ button.sched-remove', secondFrom, 11 * 60 + 45);
    await expect.poll(() => el('day-0-error').count()).toBe(0);
    await expect.poll(async () => (await synced(control))?.schedule.days[0]).toEqual([monday[0], { from: 705, to: 870 }]);
  });

  await test.step('Breaks: an interval and a length, a break kind off, restore the section', async () => {
    await options.setField('micro.everyMin', '25');
    await options.setField('stretch.lengthMin', '5');
    await expect.poll(async () => (await synced(control))?.micro.everySec).toBe(25 * 60);
    await expect.poll(async () => (await synced(control))?.stretch.lengthSec).toBe(5 * 60);
    await el('micro-enabled').click();
    await expect.poll(async () => (await synced(control))?.micro.enabled).toBe(false);
    await expect.poll(() => options.field('micro.everyMin').isDisabled()).toBe(true);

    await el('restore-micro').click();
    await expect.poll(async () => (await synced(control))?.micro).toEqual(DEFAULT_SETTINGS.micro);
    await expect.poll(() => options.field('micro.everyMin').value()).toBe(String(DEFAULT_SETTINGS.micro.everySec / 60));
    expect(await el('micro-enabled').isChecked()).toBe(true);
    expect(await options.field('micro.everyMin').isDisabled()).toBe(false);
    expect((await synced(control))?.stretch.lengthSec).toBe(5 * 60); // the other section is untouched
  });

  await test.step('Routines: leave one out, prefer an area, add equipment', async () => {
    const first = new El(page, '[data-testid^="exclude-"]');
    await first.waitFor();
    const routineId = (await first.attr('data-testid'))!.slice('exclude-'.length);
    await first.click();
    await el('area-neck').click();
    await el('equipment-tennis-ball').click();
    await expect.poll(async () => (await synced(control))?.routines).toEqual({
      ...DEFAULT_SETTINGS.routines,
      excluded: [routineId],
      focusAreas: ['neck'],
      equipment: [...DEFAULT_SETTINGS.routines.equipment, 'tennis-ball'],
    });
  });

  await test.step("Shortcuts: the browser's bindings, and a way to Firefox's shortcut settings", async () => {
    await expect.poll(() => new El(page, '[data-testid^="shortcut-"]:not([data-testid="shortcut-settings"])').count()).toBe(2);
    expect(await el('shortcut-start-break').text()).toMatch(/^Take a break now\s*Alt\+Shift\+B$/);
    expect(await new El(page, '[data-testid="shortcut-toggle-pause"] kbd').text()).toBe('Alt+Shift+O'); // as rebound, not the manifest's P
    expect(await new El(page, '[data-testid="shortcut-toggle-pause"] dt').text()).toBe('Pause or resume reminders');
    // The button opens Firefox's own page for it: about:addons, "Manage Extension Shortcuts".
    await el('shortcut-settings').click();
    await expect.poll(() => ff.chrome.addonsManager().then((m) => m?.view)).toMatch(/^addons:\/\/shortcuts\//);
    const manager = await ff.chrome.addonsManager();
    expect(manager?.text).toContain('Manage Extension Shortcuts');
    expect(manager?.text).toContain('Take a break now');
    await page.bringToFront();
  });

  await test.step('Data: export writes a backup of these settings; reset asks first, and Cancel keeps everything', async () => {
    const downloads = testInfo.outputPath('downloads');
    mkdirSync(downloads, { recursive: true });
    await ff.allowDownloads(downloads);
    await el('export-json').click();
    await expect.poll(() => readdirSync(downloads)).toEqual([expect.stringMatching(/^limber-\d{4}-\d\d-\d\d-\d{4}\.json$/)]);
    const file = readdirSync(downloads)[0]!;
    await expect.poll(() => el('data-message').text()).toBe(`Saved ${file}.`);
    let backup: { format?: string; settings?: unknown; history?: unknown[] } = {};
    await expect.poll(() => {
      try {
        backup = JSON.parse(readFileSync(`${downloads}/${file}`, 'utf8'));
      } catch {
        return 'incomplete'; // still being written
      }
      return backup.format;
    }).toBe('limber-backup');
    expect(backup.settings).toEqual(await synced(control)); // everything changed above
    expect(backup.history).toEqual([]);

    const before = await syncedRaw(control);
    await el('reset').click();
    await el('reset-confirm').waitFor();
    expect(await el('reset-confirm').text()).toMatch(/cannot be undone/);
    await expect.poll(() => el('reset-cancel').isFocused()).toBe(true); // the safe choice has the focus
    expect(await syncedRaw(control)).toBe(before); // asking changes nothing
    await el('reset-cancel').click();
    await expect.poll(() => el('reset-confirm').count()).toBe(0);
    expect(await syncedRaw(control)).toBe(before);
    expect(await el('data-message').text()).toBe(`Saved ${file}.`);

    // And confirming does reset (so the Cancel above was the one that kept the data).
    await el('reset').click();
    await el('reset-confirm-yes').click();
    await expect.poll(() => synced(control)).toEqual(DEFAULT_SETTINGS);
    await expect.poll(() => el('schedule-preview').text()).toMatch(/any time/);
  });
});
