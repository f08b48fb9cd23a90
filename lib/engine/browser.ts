/** The real ports: the browser's APIs (lib/platform) and storage (lib/storage). */
import { browser } from 'wxt/browser';
import { withDevTiming } from '../dev-timing';
import { popupSummary } from '../popup-summary';
import { reconcileNextAlarm, reconcileWatchdog } from '../platform/alarms';
import { setBadge } from '../platform/badge';
import { clock } from '../platform/clock';
import { callTabAudible } from '../platform/call-sites';
import { configureIdle, queryActivity } from '../platform/idle';
import { clearHeadsUp, showHeadsUp } from '../platform/heads-up';
import { clearPauseNotice, clearPrompt, promptOnScreen, promptShowing, promptShownThisSession, showNotice, showPrompt } from '../platform/notify';
import { breakWindowClosed, breakWindowDismissed, breakWindowFinished, breakWindowState, focusedWindow, openBreakWindow } from '../platform/windows';
import { devTimingItem } from '../storage/dev-timing';
import { moveLegacyHealthAnswer } from '../storage/health';
import { recordBreak } from '../storage/history';
import { loadSettings, loadTrackerAndOutbox, saveTracker, welcomedItem, whatsNewItem } from '../storage/items';
import { statusSnapshotItem } from '../storage/status-cache';
import type { Platform, Store } from './ports';

export const browserPlatform: Platform = {
  now: () => clock.now(),
  timeZone: () => clock.timeZone(),
  focusedWindow,
  callAudible: callTabAudible,
  configureIdle,
  queryActivity,
  showPrompt,
  promptShowing,
  promptOnScreen,
  promptShownThisSession,
  clearPrompt,
  showNotice,
  clearNotice: clearPauseNotice,
  showHeadsUp,
  clearHeadsUp,
  openBreakWindow,
  breakWindowFinished,
  breakWindowState,
  breakWindowClosed,
  breakWindowDismissed,
  reconcileNextAlarm,
  reconcileWatchdog,
  setBadge,
  openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/welcome.html') })),
};

export const browserStore: Store = {
  settings: async () => {
    const [settings, dev] = await Promise.all([loadSettings(), devTimingItem.getValue().catch(() => null)]);
    return withDevTiming(settings, dev);
  },
  loadTracker: loadTrackerAndOutbox,
  saveTracker,
  recordBreak: async (entry, timeZone) => void (await recordBreak(entry, timeZone)),
  summary: popupSummary,
  readSnapshot: () => statusSnapshotItem.getValue(),
  writeSnapshot: (s) => statusSnapshotItem.setValue(s),
  firstWelcome: async () => {
    if (await welcomedItem.getValue()) return false;
    await welcomedItem.setValue(true);
    return true;
  },
  noteUpdate: async (version) => {
    await whatsNewItem.setValue(version);
    // Older versions kept the safety screen's answer in the synced settings: move it here.
    await moveLegacyHealthAnswer().catch((err: unknown) => console.warn('[limber] health answer not moved', err));
  },
};
