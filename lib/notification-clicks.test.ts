/**
 * Clicks on Limber's notifications, as background.ts wires them (its real main() on the fake
 * browser, Chrome build: buttons and requireInteraction). describe('bugs'): each failed before its
 * fix. A prompt whose clearing was lost (the worker stopped while it carried out a start or a
 * postpone, a damaged saved state set aside) is of a break the tracker no longer has: its click
 * and buttons are refused, and it stayed on screen with buttons that do nothing. A notice ("reminders
 * are back", the daily limit) stayed on screen after a click on it, while the heads-up closes.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { dispatch, handleMessage } from './engine';
import { promptId, showNotice } from './platform/notify';
import { loadTracker, saveSettings } from './storage/items';
import background from '../entrypoints/background';

let now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);

const listener = () => ({ addListener: vi.fn() });

/** background.ts's main() run on the fake browser (it lacks these events), its wake() done. */
async function startWorker() {
  now = T0;
  Object.assign(browser, { commands: { onCommand: listener() } });
  Object.assign(browser.runtime, { onStartup: listener(), onInstalled: listener() });
  background.main!();
  await handleMessage({ type: 'status/get' });
}

/** A prompt left on screen for a break the tracker does not have (its clearing was lost). */
async function leftoverPrompt(second: 'snooze' | 'skip' = 'snooze'): Promise<string> {
  const id = promptId(`stretch-${T0 - 10 * MIN}`, second);
  await browser.notifications.create(id, { type: 'basic', iconUrl: '', title: 't', message: 'm', requireInteraction: true });
  return id;
}

const onScreen = async (id: string) => id in (await browser.notifications.getAll());

describe('bugs', () => {
  it('a click on a prompt whose break is gone is refused and closes it', async () => {
    await startWorker();
    const id = await leftoverPrompt();
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(async () => expect(await onScreen(id)).toBe(false), { timeout: 5000 });
    expect((await loadTracker())?.phase.name).toBe('working'); // refused: nothing started
  });

  for (const [second, index] of [['snooze', 0], ['snooze', 1], ['skip', 1]] as const) {
    it(`its button ${index} (${second} prompt: ${index ? second : 'start'}) is refused and closes it`, async () => {
      await startWorker();
      const id = await leftoverPrompt(second);
      await fakeBrowser.notifications.onButtonClicked.trigger(id, index);
      await vi.waitFor(async () => expect(await onScreen(id)).toBe(false), { timeout: 5000 });
      expect((await loadTracker())?.phase.name).toBe('working');
    });
  }

  for (const notice of ['pauseEnded', 'dailyLimit'] as const) {
    it(`a click on the ${notice} notice closes it`, async () => {
      await startWorker();
      await showNotice(notice, ENGINE_SETTINGS);
      const id = `notice:${notice}`;
      expect(await onScreen(id)).toBe(true);
      await fakeBrowser.notifications.onClicked.trigger(id);
      await vi.waitFor(async () => expect(await onScreen(id)).toBe(false), { timeout: 5000 });
    });
  }
});

describe('holds', () => {
  it('the prompt of the break that is due: Postpone is taken, not refused', async () => {
    await startWorker();
    for (let t = 4; t <= 52; t += 4) {
      now = T0 + Math.min(t, 50) * MIN;
      await dispatch({ type: 'tick' });
    }
    const id = Object.keys(await browser.notifications.getAll()).find((n) => n.startsWith('prompt:'))!;
    expect(id).toBe(promptId(`stretch-${T0 + 50 * MIN}`, 'snooze'));
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await vi.waitFor(async () => expect((await loadTracker())?.phase.name).toBe('snoozed'), { timeout: 5000 });
    expect(await onScreen(id)).toBe(false);
  });
});

describe('every button does what its label says', () => {
  // background.ts reads the button from the id: the heads-up's one button is "Postpone 5 min", a
  // prompt's first is Start, its second what the id names ("Postpone 5 min", Skip; none in strict mode).
  const dueNow = async () => {
    for (let t = 4; t <= 52; t += 4) {
      now = T0 + Math.min(t, 50) * MIN;
      await dispatch({ type: 'tick' });
    }
    return Object.keys(await browser.notifications.getAll()).find((n) => n.startsWith('prompt:'))!;
  };
  const phase = async () => (await loadTracker())?.phase;

  it('the heads-up: Postpone 5 min, to 5 min past the break\'s moment', async () => {
    await saveSettings({ ...ENGINE_SETTINGS, headsUpSec: 60 });
    await startWorker();
    for (let t = 4; t <= 49; t += 4) {
      now = T0 + Math.min(t, 49) * MIN;
      await dispatch({ type: 'tick' });
    }
    now = T0 + 49 * MIN;
    await dispatch({ type: 'tick' });
    const id = Object.keys(await browser.notifications.getAll()).find((n) => n.startsWith('headsup:'))!;
    expect(id).toBe(`headsup:stretch-${T0 + 50 * MIN}`);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(async () => expect(await phase()).toMatchObject({ name: 'snoozed', until: T0 + 55 * MIN, brk: { snoozes: 1 } }), { timeout: 5000 });
  });

  it('a prompt\'s Start starts its break', async () => {
    await startWorker();
    const id = await dueNow();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(async () => expect((await phase())?.name).toBe('onBreak'), { timeout: 5000 });
  });

  it('Postpone 5 min postpones it 5 min', async () => {
    await startWorker();
    const id = await dueNow();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await vi.waitFor(async () => expect(await phase()).toMatchObject({ name: 'snoozed', until: now + 5 * MIN }), { timeout: 5000 });
  });

  it('Skip (no postpone left) skips it', async () => {
    await saveSettings({ ...ENGINE_SETTINGS, snoozeLimit: 0 });
    await startWorker();
    const id = await dueNow();
    expect(id).toMatch(/:skip$/);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await vi.waitFor(async () => expect((await phase())?.name).toBe('working'), { timeout: 5000 });
    expect(await onScreen(id)).toBe(false);
  });

  it('strict mode with its postpone used: Start is the only button, a second index does nothing', async () => {
    await saveSettings({ ...ENGINE_SETTINGS, strict: true, snoozeLimit: 0 });
    await startWorker();
    const id = await dueNow();
    expect(id).toMatch(/:none$/);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await new Promise((r) => setTimeout(r, 50));
    expect((await phase())?.name).toBe('due');
    expect(await onScreen(id)).toBe(true);
  });
});
