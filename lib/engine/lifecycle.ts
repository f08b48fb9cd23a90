/**
 * Browser events other than messages: a worker start, alarms and idle changes (as tracker events),
 * a closed window, keyboard shortcuts, install and update, a settings change.
 */
import { idleDetectionSec, type TrackerEvent } from '../tracker/tracker';
import type { Handled, Runtime } from './runtime';

export interface Lifecycle {
  dispatch(event: TrackerEvent): Promise<Handled>;
  wake(): Promise<void>;
  windowClosed(windowId: number): Promise<void>;
  command(name: string): Promise<unknown>;
  installed(reason: string, version: string, previousVersion?: string): Promise<void>;
  settingsChanged(): Promise<void>;
}

export function lifecycle(rt: Runtime): Lifecycle {
  const { platform, store } = rt;
  /** The settings the last settingsChanged() applied (one save writes two areas: handle it once). */
  let appliedSettings: string | null = null;

  const dispatch = (event: TrackerEvent) => rt.serial(() => rt.handle(event, { heard: true }));

  /**
   * The break window `windowId` is gone (in the queue). The break it was for, not finished in it,
   * ended early (partial) if it was under way; if it was still due, the window was its prompt,
   * closed before its Start: nothing is recorded (as for a notification closed) and the break
   * waits, for its reminder, a Start elsewhere, or its natural end (away, the working hours' end).
   */
  const closed = async (windowId: number) => {
    const breakId = await platform.breakWindowClosed(windowId);
    if (!breakId) return;
    const { result } = await rt.handle({ type: 'finish', breakId, outcome: 'partial', underWay: true }, { heard: true });
    const p = result.state.phase;
    if (result.refused && p.name === 'due' && p.brk.id === breakId) await platform.breakWindowDismissed(windowId, breakId);
  };

  return {
    dispatch,

    // On every worker start: apply the idle settings, catch up with the machine's activity, fire
    // anything overdue, and put back a prompt that a restart may have swept away.
    wake: () =>
      rt.serial(async () => {
        const [settings, { state: stored }] = await Promise.all([store.settings(), rt.load()]);
        // The interval in force: lowered while a break waits for a pause in input (state, not memory).
        const idleSec = stored ? idleDetectionSec(stored, settings) : settings.idleSec;
        await platform.configureIdle(idleSec);
        let activity = stored?.activity ?? 'active';
        try {
          activity = await platform.queryActivity(idleSec);
        } catch {
          // idle unavailable: keep what we had
        }
        if (!stored || activity !== stored.activity) await rt.handle({ type: 'activity', state: activity });
        const { result } = await rt.handle({ type: 'tick' });
        const p = result.state.phase;
        // A break window that should be open and is not. Closed by the person while the worker was
        // stopped (the record still names it; the close woke the worker and waits behind this):
        // that close is handled here, as an early end, never reopened. Never opened (the worker
        // was stopped after the state was saved and before the window opened: a break prompted
        // with the window, or Start just clicked): opened now, also for a break under way whose
        // window, as its prompt, was closed before that Start. One that is open is left alone.
        if (p.name === 'onBreak' || (p.name === 'due' && settings.prompts.openWindow)) {
          const win = await platform.breakWindowState(p.brk.id);
          if (typeof win === 'object') await closed(win.closed);
          else if (win === 'none' || (win === 'dismissed' && p.name === 'onBreak')) await platform.openBreakWindow(p.brk.id);
        }
        // Put back a prompt the browser lost (a restart); not one that was closed (by the user,
        // or by Firefox, which closes notifications after a while).
        if (p.name === 'due' && settings.prompts.notification && !(await platform.promptShowing(p.brk, settings)) && !(await platform.promptShownThisSession(p.brk.id))) {
          // Still no notification (blocked, or it failed): the break window instead, unless it is
          // there already or was closed before its Start (its reminder opens it again).
          if (!(await platform.showPrompt(p.brk, settings, false, platform.now()).catch(() => false)) && (await platform.breakWindowState(p.brk.id)) === 'none') {
            await platform.openBreakWindow(p.brk.id);
          }
        }
      }),

    // A window was closed. If it was the window of a break not finished in it, the break ended
    // early (partial). In the queue, so that a finish being handled cannot interleave.
    windowClosed: (windowId) =>
      rt.serial(() => closed(windowId)),

    // Keyboard shortcuts (the `commands` API): start a break now; pause or resume reminders.
    command: (name) => {
      if (name === 'start-break') return dispatch({ type: 'start' });
      if (name === 'toggle-pause') {
        return rt.serial(async () => {
          const { state } = await rt.load();
          // A timed pause already over (its alarm not heard yet: a late alarm, a wake from sleep) is no
          // pause; none (undefined) neither.
          const until = state?.paused?.until;
          const paused = until === null || until! > platform.now();
          const h = await rt.handle(paused ? { type: 'resume' } : { type: 'pause', until: null });
          // Said, as the popup says it: the badge is out of sight in the browser's extensions menu
          // (where a new extension's button goes). "Counting again" only when it is (working hours);
          // outside them, back on and "Outside working hours" (a toggle said only one way is no answer).
          await platform.showNotice(paused ? (h.result.state.offHours ? 'whyOffHoursNoEnd' : 'pauseEnded') : 'paused', h.settings).catch(() => undefined);
          return h;
        });
      }
      return Promise.resolve();
    },

    // First install: the welcome page. An update: a one-time "what's new" line in the popup; not
    // a reload of the same version (chrome://extensions, about:debugging), also called "update".
    installed: async (reason, version, previousVersion) => {
      if (reason === 'install') {
        // Some installs report "install" again while keeping storage (Chromium's --load-extension
        // on every start): welcome once.
        if (await store.firstWelcome()) await platform.openTab('/welcome.html');
      } else if (reason === 'update' && previousVersion !== version) {
        await store.noteUpdate(version);
      }
    },

    settingsChanged: () =>
      rt.serial(async () => {
        const settings = await store.settings();
        const json = JSON.stringify(settings);
        if (json === appliedSettings) return;
        appliedSettings = json;
        // The idle interval follows in the runtime's reconcile (lowered while a pause is waited for).
        const { result } = await rt.handle({ type: 'settingsChanged' });
        const p = result.state.phase;
        if (p.name !== 'due') return;
        // Notifications turned off: the prompt's notification goes (its buttons would still act) and
        // the break window is the prompt now, as a wake would open it.
        if (!settings.prompts.notification) {
          await platform.clearPrompt(p.brk.id);
          if ((await platform.breakWindowState(p.brk.id)) === 'none') await platform.openBreakWindow(p.brk.id);
        }
        // A prompt on screen whose buttons these settings change (strict mode, the snooze limit) is
        // shown again with the ones that work now; one the person closed stays closed.
        else if (!(await platform.promptShowing(p.brk, settings)) && (await platform.promptOnScreen(p.brk.id))) {
          await platform.showPrompt(p.brk, settings, false, platform.now()).catch(() => false);
        }
      }),
  };
}
