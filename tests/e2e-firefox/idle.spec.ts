/**
 * Firefox's idle API has no 'locked' state: time away arrives as 'idle' only. Headless Firefox
 * gets no keyboard or mouse input, so its idle service really counts the time since the last
 * (simulated) input; with idleSec 15 (the API's minimum) Firefox reports idle 15 s later.
 */
import { expect, test } from './support/fixtures';
import { historyRows, idleQueryState, notificationIds, setSettings, storageGet, waitForPrompt } from './support/ext';
import { PopupPage } from './support/pages';
import { clearOfMidnight } from '../midnight';

interface Tracker {
  activity: string;
  awaySince: number | null;
  lastNaturalAt: number | null;
  phase: { name: string; brk?: { id: string } };
}

test("away is reported as 'idle' and counts like locked: an unanswered prompt becomes a natural break", async ({ ff, control }) => {
  await clearOfMidnight(60_000, (ms) => test.setTimeout(test.info().timeout + ms)); // today's figures are read below
  // The person was at the machine until now; from here nobody touches it.
  await ff.chrome.userInput();
  await setSettings(control, { idleSec: 15, stretch: { enabled: true, everySec: 5, lengthSec: 2 } });
  const prompt = await waitForPrompt(control);
  await setSettings(control, { idleSec: 15, stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });

  // Nobody touches the machine: Firefox's idle service crosses 15 s and tells the add-on.
  await expect.poll(() => storageGet<Tracker>(control, 'tracker').then((t) => t?.activity), { timeout: 25_000, intervals: [250] }).toBe('idle');
  expect(await ff.chrome.idleTimeMs()).toBeGreaterThanOrEqual(15_000);
  expect(await idleQueryState(control, 15)).toBe('idle');
  const away = (await storageGet<Tracker>(control, 'tracker'))!;
  expect(away.awaySince).not.toBeNull();
  expect(away.phase).toMatchObject({ name: 'due', brk: { id: prompt.breakId } });
  expect(await notificationIds(control)).toEqual([prompt.id]);

  // The person comes back (input reaches Firefox's idle service): having been away longer than
  // the break counts as the break taken, the prompt closes, one 'natural' row is written.
  await ff.chrome.userInput();
  await expect.poll(() => storageGet<Tracker>(control, 'tracker').then((t) => t?.activity)).toBe('active');
  await expect.poll(() => notificationIds(control)).toEqual([]);
  const back = (await storageGet<Tracker>(control, 'tracker'))!;
  expect(back.phase.name).toBe('working');
  expect(back.lastNaturalAt).toBe(away.awaySince);
  expect(await historyRows(control)).toEqual([expect.objectContaining({ id: prompt.breakId, kind: 'stretch', outcome: 'natural' })]);

  const popup = await PopupPage.open(ff);
  await expect.poll(() => popup.todayCount.text()).toBe('1');
});
