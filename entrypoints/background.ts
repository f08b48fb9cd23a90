/**
 * Wiring only: browser events -> engine. `main` is synchronous and registers every listener at
 * top level, so an event that wakes a stopped worker always finds its listener.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { command, dispatch, handleMessage, installed, settingsChanged, wake, windowClosed } from '../lib/engine';
import { NEXT_ALARM, WATCHDOG_ALARM } from '../lib/platform/alarms';
import { NOTIFICATION_POSTPONE_MIN, parsePromptId } from '../lib/platform/notify';
import { parseHeadsUpId } from '../lib/platform/heads-up';
import { releaseUnusedCallSites } from '../lib/platform/call-sites';
import type { Settings } from '../lib/settings';
import type { TrackerEvent } from '../lib/tracker/tracker';
import { SETTINGS_KEY } from '../lib/storage/items';
import { SETTINGS_SYNC_KEY } from '../lib/storage/live';
import { DEV_TIMING_KEY } from '../lib/dev-timing';

export default defineBackground({
  type: 'module',
  main() {
    performance.mark('limber:main');
    browser.idle.onStateChanged.addListener((state) => {
      void dispatch({ type: 'activity', state: state === 'locked' || state === 'idle' ? state : 'active' });
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === NEXT_ALARM || alarm.name === WATCHDOG_ALARM) void dispatch({ type: 'tick' });
    });

    // A notification of a break the tracker no longer has (its clearing was lost: the worker
    // stopped, a damaged state was set aside) is refused: closed, not left with buttons that do nothing.
    const act = (id: string, event: TrackerEvent) => void dispatch(event).then((h) => h.result.refused === 'noSuchBreak' && browser.notifications.clear(id));

    browser.notifications.onClicked.addListener((id) => {
      const p = parsePromptId(id);
      if (p) act(id, { type: 'start', breakId: p.breakId });
      // The heads-up and the notices only inform: a click on their text closes them.
      else void browser.notifications.clear(id).catch(() => undefined);
    });

    browser.notifications.onButtonClicked?.addListener((id, index) => {
      // The heads-up's one button (Chrome): postpone the coming break (lib/tracker/heads-up.ts).
      // A prompt's: Start, then what its id says ("none": there is no second button).
      const early = parseHeadsUpId(id);
      const p = parsePromptId(id);
      const breakId = early ?? p?.breakId;
      const what = early ? 'snooze' : index ? p?.second : 'start';
      if (!breakId || what === 'none') return;
      act(id, what === 'snooze' ? { type: 'snooze', breakId, minutes: NOTIFICATION_POSTPONE_MIN } : { type: what!, breakId });
    });

    browser.windows.onRemoved.addListener((windowId) => void windowClosed(windowId));

    // The call sites last given back for: one save writes both areas, and is one release.
    let released = '';
    browser.storage.onChanged.addListener((changes, area) => {
      if ((area === 'local' || area === 'sync') && SETTINGS_KEY in changes) {
        void settingsChanged();
        // Call sites changed other than by the switch (a reset, an import, sync from another
        // computer): host permissions they no longer use are given back.
        const { oldValue, newValue } = changes[SETTINGS_KEY]! as { oldValue?: Partial<Settings>; newValue?: Partial<Settings> };
        const sites = newValue?.callSites && JSON.stringify(newValue.callSites);
        if (sites && sites !== JSON.stringify(oldValue?.callSites) && sites !== released) {
          released = sites;
          void releaseUnusedCallSites(newValue.callSites!);
        }
      }
      // A save that sync refused switches the settings in force to the local copy: its flag changes
      // after that copy was written (and read, as long as the flag still said sync).
      else if (area === 'local' && (DEV_TIMING_KEY in changes || SETTINGS_SYNC_KEY in changes)) void settingsChanged();
    });

    browser.runtime.onMessage.addListener((msg, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      return handleMessage(msg);
    });

    browser.commands.onCommand.addListener((name) => void command(name));

    browser.runtime.onStartup.addListener(() => void wake());
    browser.runtime.onInstalled.addListener((details) => {
      void wake();
      void installed(details.reason, browser.runtime.getManifest().version, details.previousVersion);
    });

    // Every start of the worker (install, browser start, an event after it was stopped).
    // The marks time a start in the bench (scripts/bench/worker-start.ts).
    performance.mark('limber:listening');
    void wake().finally(() => performance.mark('limber:woke'));
  },
});
