/**
 * The break player and the self-massage safety screen in real Firefox, by keyboard alone: a
 * routine played to the end with Space and the arrows, Esc to skip, reduced motion (Firefox's
 * ui.prefersReducedMotion preference) stopping the ring's animation, and the one-time safety
 * screen from the break's end, its focus kept inside, its answer kept on this device only.
 * One Firefox for all of it. Expected words come from the catalogue on disk, not from the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { stepKey, titleKey } from '../../content/keys';
import { ROUTINES } from '../../content/routines';
import type { Routine } from '../../content/types';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { axeViolations } from './support/axe';
import { inkInPage } from '../support/ink';
import { historyRows, sendMessage, setSettings, storageGet, type HistoryRow } from './support/ext';
import { expect, test } from './support/fixtures';
import { sleep } from './support/firefox';
import { BreakPage, type El, PopupPage } from './support/pages';

const english = JSON.parse(readFileSync(path.resolve('public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const titleOf = (r: Routine) => english[titleKey(r)]!.message;
const stepOf = (r: Routine, i: number) => english[stepKey(r, i)]!.message;
const stretchIds = ROUTINES.filter((r) => r.kind === 'stretch').map((r) => r.id);

/** The break window in front (keys go to the focused page), its routine or free break drawn. */
async function startBreak(ff: Parameters<typeof BreakPage.waitFor>[0], control: Page): Promise<BreakPage> {
  await sendMessage(control, { type: 'break/start' });
  const brk = await BreakPage.waitFor(ff);
  await brk.page.bringToFront();
  await expect.poll(async () => (await brk.title.isVisible()) || (await brk.free.isVisible())).toBe(true);
  return brk;
}

const focused = (el: El) => expect.poll(() => el.isFocused(), { message: `${el.selector} has the focus` }).toBe(true);
const transition = (el: El) => el.page.$eval(el.selector, (e) => getComputedStyle(e).transitionDuration);

async function rowsNow(control: Page, n: number): Promise<HistoryRow[]> {
  await expect.poll(async () => (await historyRows(control)).length).toBe(n);
  return historyRows(control);
}

test('the player and the safety screen by keyboard alone', async ({ ff, control }) => {
  test.setTimeout(180_000); // three scenarios in one Firefox
  await setSettings(control, {});

  await test.step('a routine plays to the end with Space and the arrows, and is recorded as completed', async () => {
    const popup = await PopupPage.open(ff);
    await popup.page.bringToFront();
    await popup.breakNow.enterClosing(); // the popup closes once the break starts
    const brk = await BreakPage.waitFor(ff);
    await brk.page.bringToFront();
    await focused(brk.title);
    const id = await brk.routineId();
    const routine = ROUTINES.find((r) => r.id === id)!;
    expect(routine, id).toBeDefined();
    expect(routine.kind).not.toBe('self-massage'); // behind the safety screen until it is answered
    const n = routine.steps.length;
    expect(await brk.title.text()).toBe(titleOf(routine));
    expect(await brk.stepIndex.text()).toBe(`Step 1 of ${n}`);
    // Its figure, from the one packaged file of figures (routines.svg#<id>): drawn, and alone.
    expect(await brk.page.$eval('[data-testid="illustration"]', (e) => e.getAttribute('src'))).toBe(`/routines.svg#${id}`);
    const other = ROUTINES.find((r) => r.id !== id)!.id;
    const [own, bare, another] = await brk.page.evaluate(inkInPage, [`/routines.svg#${id}`, '/routines.svg', `/routines.svg#${other}`]);
    expect(own!.ink).toBeGreaterThan(1000);
    expect(bare!.ink).toBe(0);
    expect(another!.print).not.toBe(own!.print);
    expect(await brk.stepText.text()).toBe(stepOf(routine, 0));
    expect(await brk.disclaimer.text()).toContain('not medical advice');
    expect(await brk.cautions.isVisible()).toBe(true);

    // Space pauses (the clock stops) and resumes.
    await brk.page.keyboard.press(' ');
    await expect.poll(() => brk.pause.text()).toBe('Resume'); // named for what it does (no aria-pressed)
    await expect.poll(() => brk.announce.text()).toBe('Paused');
    const frozen = await brk.remaining.text();
    await sleep(1300);
    expect(await brk.remaining.text()).toBe(frozen);
    await brk.page.keyboard.press(' ');
    await expect.poll(() => brk.pause.text()).toBe('Pause');

    // The arrows walk through every step; the live region follows.
    for (let i = 1; i < n; i++) {
      await brk.page.keyboard.press('ArrowRight');
      await expect.poll(() => brk.stepIndex.text()).toBe(`Step ${i + 1} of ${n}`);
      expect(await brk.stepText.text()).toBe(stepOf(routine, i));
      await expect.poll(() => brk.announce.text()).toBe(`Step ${i + 1} of ${n}: ${stepOf(routine, i)}`);
    }
    expect(await brk.text('Last step').isVisible()).toBe(true);
    await brk.page.keyboard.press('ArrowLeft');
    await expect.poll(() => brk.stepIndex.text()).toBe(`Step ${n - 1} of ${n}`);
    await brk.page.keyboard.press('ArrowRight');
    await expect.poll(() => brk.stepIndex.text()).toBe(`Step ${n} of ${n}`);
    await brk.page.keyboard.press('ArrowRight'); // past the last step: done
    await brk.end.waitFor();
    expect(await brk.endHeading.text()).toBe('Nice work. Break done.');
    await focused(brk.endHeading);
    expect(await brk.endToday.text()).toBe('1');
    expect((await rowsNow(control, 1))[0]).toMatchObject({ kind: 'stretch', outcome: 'completed', routineId: id });
    await brk.page.close();
  });

  await test.step('reduced motion stops the ring animation; Esc skips, recorded as skipped', async () => {
    const brk = await startBreak(ff, control);
    const id = await brk.routineId();
    expect(await transition(brk.ringBar)).toBe('0.25s');
    await ff.chrome.setPref('ui.prefersReducedMotion', 1);
    await expect.poll(() => transition(brk.ringBar)).toBe('0s');
    await ff.chrome.setPref('ui.prefersReducedMotion', 0);
    await expect.poll(() => transition(brk.ringBar)).toBe('0.25s');
    await brk.page.keyboard.press('Escape');
    await brk.end.waitFor();
    expect(await brk.endHeading.text()).toBe('Break skipped.');
    expect((await rowsNow(control, 2)).find((r) => r.outcome === 'skipped')).toMatchObject({ routineId: id });
    await brk.page.close();
  });

  await test.step('self-massage waits for the safety screen; its focus stays inside; "none apply" is kept on this device and lets it be picked', async () => {
    // Only self-massage is left for stretch breaks, and it is still behind the screen.
    await setSettings(control, { routines: { ...DEFAULT_SETTINGS.routines, excluded: stretchIds } });
    const brk = await startBreak(ff, control);
    expect(await brk.free.isVisible()).toBe(true); // no routine rather than an unscreened self-massage
    expect(await brk.title.count()).toBe(0);
    await brk.page.keyboard.press('Escape');
    await brk.end.waitFor();
    expect((await rowsNow(control, 3)).filter((r) => r.outcome === 'skipped').map((r) => r.routineId)).toContain(null);

    await brk.trySelfMassage.press('Enter');
    const safety = brk.safety;
    await safety.root.waitFor();
    expect(await safety.root.attr('aria-labelledby')).toBe('safety-h');
    await focused(safety.heading);
    expect(await safety.redFlags.count()).toBe(5);
    expect(await safety.root.text()).toContain('general wellness tips, not medical advice');
    expect(await axeViolations(brk.page)).toEqual([]);
    // Tab never reaches the page behind the modal dialog. Firefox difference: past the dialog's
    // last button, Tab goes out to Firefox's own window controls (the page then has no focused
    // element: the body), as a native modal dialog allows, and the next Tab comes back in.
    const where: string[] = [];
    for (let i = 0; i < 9; i++) {
      await brk.page.keyboard.press('Tab');
      where.push(await brk.page.evaluate(() => {
        const a = document.activeElement;
        if (a?.closest('dialog')) return 'dialog';
        return !a || a === document.body ? 'outside the page' : `page: ${a.outerHTML.slice(0, 80)}`;
      }));
    }
    expect(where.filter((w) => w.startsWith('page:')), where.join(' | ')).toEqual([]);
    expect(where.slice(where.indexOf('outside the page')), where.join(' | ')).toContain('dialog'); // and back in
    expect(where.filter((w) => w === 'dialog').length).toBeGreaterThanOrEqual(3);
    expect(await storageGet(control, 'healthScreen')).toBeUndefined();

    await safety.none.press('Enter');
    await safety.result('allowed').waitFor();
    await focused(safety.heading);
    await expect.poll(() => storageGet(control, 'healthScreen')).toBe('allowed');
    // On this device only: not in the settings, not in storage.sync.
    expect(JSON.stringify(await storageGet(control, 'settings'))).not.toMatch(/selfMassage|allowed/);
    expect(JSON.stringify(await control.evaluate(async () => (globalThis as unknown as { browser: { storage: { sync: { get(k: null): Promise<object> } } } }).browser.storage.sync.get(null)))).not.toMatch(/healthScreen|allowed/);
    await safety.close.press('Enter');
    await expect.poll(() => safety.root.count()).toBe(0);
    expect(await brk.trySelfMassage.count()).toBe(0); // answered: no more offer
    await brk.page.close();

    const next = await startBreak(ff, control);
    expect(await next.routineKind()).toBe('self-massage');
    expect(await next.cautions.isVisible()).toBe(true);
    expect(await next.cautions.text()).toContain('sharp pain');
  });
});
