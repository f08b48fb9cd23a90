/**
 * The popup's status snapshot and a computer that slept: while desk time counts, the background
 * expects to be heard from at least every WATCHDOG_MS (its watchdog alarm). Not heard by then and
 * the alarm's grace, the machine slept, and the next event counts that time as time away (a
 * natural break credited, desk time afresh, a due prompt closed). A snapshot taken before the
 * sleep no longer says what the background will answer then, so the popup must not draw it as
 * current: README "valid until the next moment the picture can change by itself".
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { dispatch, handleMessage, wake } from './engine';
import { saveSettings } from './storage/items';
import { statusSnapshotItem, usableSnapshot } from './storage/status-cache';
import type { PopupData } from './protocol/messages';

let now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);
beforeEach(() => {
  now = T0;
});

/** The watchdog's ticks every 5 minutes from T0, up to and including `until`. */
async function awakeUntil(until: number): Promise<void> {
  for (let t = T0 + 5 * MIN; t <= until; t += 5 * MIN) {
    now = t;
    await dispatch({ type: 'tick' });
  }
  now = until;
}

async function popupGet(): Promise<PopupData> {
  const r = await handleMessage({ type: 'popup/get' });
  if (!r.ok) throw new Error(r.error);
  return r.data as PopupData;
}

/** What the first frame would show of `d`: the card and today's count. */
const picture = (d: PopupData) => ({ phase: d.status.tracker.phase, next: d.status.tracker.next, natural: d.status.tracker.lastNaturalAt, taken: d.status.today?.taken });

/**
 * The popup opened at `at`, after a sleep: the snapshot it reads is drawn only if it shows what
 * the background then answers.
 */
async function openAfterSleep(at: number): Promise<{ drawn: PopupData | null; answer: PopupData }> {
  const snap = (await statusSnapshotItem.getValue())!;
  now = at;
  const drawn = usableSnapshot(snap, now);
  return { drawn, answer: await popupGet() };
}

describe('status snapshot: a computer that slept', () => {
  it('asleep 15 minutes mid-interval: the popup opened on waking does not draw "Next break in 15:00" from before the sleep (the background answers 50:00: desk time afresh)', async () => {
    await wake();
    await awakeUntil(T0 + 20 * MIN); // last heard from at 10:20; the stretch break is at 10:50
    const { drawn, answer } = await openAfterSleep(T0 + 35 * MIN); // the lid opened at 10:35
    // The background's own picture: the sleep was time away, longer than a stretch break, so
    // desk time starts afresh: "50:00 · Stretch break at 11:25" (README "Being away counts").
    expect(answer.status.tracker.next).toEqual({ kind: 'stretch', at: T0 + 85 * MIN });
    // Drawn, the first frame said "15:00 · Stretch break at 10:50", counting down from a break that no longer comes then.
    if (drawn) expect(picture(drawn)).toEqual(picture(answer));
  });

  it('the same after a popup opened just before the sleep (its reading is no sign of life: the background counts the sleep from its last save)', async () => {
    await wake();
    await awakeUntil(T0 + 20 * MIN);
    now = T0 + 24 * MIN;
    await popupGet(); // the popup opened at 10:24 (its reading rewrites the snapshot)
    const { drawn, answer } = await openAfterSleep(T0 + 30 * MIN); // asleep from 10:24 to 10:30
    // Away from 10:20 (the last save) to 10:30: desk time afresh, the break at 11:20, not 10:50.
    expect(answer.status.tracker.next).toEqual({ kind: 'stretch', at: T0 + 80 * MIN });
    if (drawn) expect(picture(drawn)).toEqual(picture(answer));
  });

  it('a break due when the computer went to sleep (no reminder set): the first frame does not offer "Stretch break due now" with Start, Snooze and Skip for a prompt the sleep closed, beside 0 breaks today', async () => {
    await saveSettings({ ...ENGINE_SETTINGS, remindAfterSec: 0 });
    await wake();
    await awakeUntil(T0 + 50 * MIN); // due at 10:50
    expect((await statusSnapshotItem.getValue())!.data.status.tracker.phase).toBe('due');
    const { drawn, answer } = await openAfterSleep(T0 + 58 * MIN);
    // The background's own picture: the sleep was the break, credited, and counted today.
    expect(picture(answer)).toMatchObject({ phase: 'working', natural: T0 + 50 * MIN, taken: 1 });
    if (drawn) expect(picture(drawn)).toEqual(picture(answer));
  });

  it('holds: awake, heard from by the watchdog, the snapshot is drawn and says what the background answers', async () => {
    await wake();
    await awakeUntil(T0 + 20 * MIN);
    const { drawn, answer } = await openAfterSleep(T0 + 24 * MIN);
    expect(drawn).not.toBeNull();
    expect(picture(drawn!)).toEqual(picture(answer));
  });
});
