/**
 * A worker stopped at an exact instant of handling a due break (issue: a one-shot alarm is used
 * up the moment it fires; a worker stopped before it set the next one left only the 5-minute
 * watchdog). A debugger pauses the production worker at a chosen place in its own built code,
 * the test stops the worker there, and the break must still be prompted, once, within seconds.
 */
import { expect, test } from './support/fixtures';
import { historyRows, notificationIds, sendMessage, setSettings, storageGet, waitForPrompt } from './support/ext';
import { breakInWorker, watchWorkerStarts } from './support/worker-cdp';
import { countShownPrompts } from './support/shown';

const WHERE = [
  // In the tracker's transition: the break is due, nothing is saved yet.
  { name: 'before the due state is saved', marker: 'effects:[{type:`prompt`' },
  // In showPrompt, asking whether notifications are blocked (its first step): the due state is
  // saved, the notification not yet created.
  { name: 'after the state is saved, before the notification is shown', marker: '`denied`' },
];

for (const where of WHERE) {
  test(`a worker stopped ${where.name} still prompts, once, within seconds`, async ({ context, control }) => {
    test.setTimeout(60_000);
    await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
    const shown = await countShownPrompts(control);
    const starts = await watchWorkerStarts(context, control);
    // Desk time starts from zero at the end of a break the user takes; the next one then falls
    // due 8 s later, when its alarm fires (not while this settings change is handled).
    await setSettings(control, { stretch: { enabled: true, everySec: 8, lengthSec: 2 } });
    await sendMessage(control, { type: 'break/start' });
    const manual = (await storageGet<{ phase: { brk: { id: string } } }>(control, 'tracker'))!.phase.brk.id;
    const dbg = await breakInWorker(context, control, where.marker);
    const endedAt = Date.now();
    await sendMessage(control, { type: 'break/finish', breakId: manual, outcome: 'completed', routineId: null });
    await Promise.race([dbg.paused, control.waitForTimeout(20_000).then(() => Promise.reject(new Error('the worker never reached the marker')))]);
    const startsBefore = starts.starts();
    const stoppedAt = Date.now();
    // Stopped where it paused: that worker never gets further. (Nothing is asserted on screen
    // right now: under load the repeating alarm may already have started a new worker.)
    await starts.stop();
    await dbg.release();

    // The repeating alarm wakes a new worker: asked for every second under the developer
    // switch's timing, it came 3.5-9 s after the stop in this unpacked build (Chromium's own
    // alarm granularity); a packed build repeats after 30 s. Without it: the 5-minute watchdog.
    const p = await waitForPrompt(control, { timeoutMs: 25_000 });
    expect(stoppedAt - endedAt, 'paused when the break fell due').toBeGreaterThanOrEqual(8000);
    expect(p.seenAt - stoppedAt, 'prompt after the stop').toBeLessThan(20_000);
    expect(starts.starts(), 'a new worker start, not the old one resumed').toBeGreaterThan(startsBefore);
    // Nothing twice: one prompt shown, one due state, and no more in the seconds after.
    await setSettings(control, { stretch: { enabled: true, everySec: 3600, lengthSec: 2 } });
    await control.waitForTimeout(2500);
    expect(await shown.count(p.breakId)).toBe(1);
    expect((await notificationIds(control)).filter((i) => i.startsWith('prompt:'))).toEqual([p.id]);
    expect(await storageGet(control, 'tracker')).toMatchObject({ phase: { name: 'due', brk: { id: p.breakId } } });
    expect((await historyRows(control)).map((r) => r.id)).toEqual([manual]);
    await starts.close();
  });
}
