/**
 * Carries out the tracker's effects (data) on the platform, in order. A failed notification or
 * window is logged and does not stop the rest: the state change is already saved.
 */
import type { Settings } from '../settings';
import type { Effect } from '../tracker/tracker';
import type { Platform } from './ports';

export async function interpret(effects: readonly Effect[], settings: Settings, platform: Platform): Promise<void> {
  for (const e of effects) {
    try {
      await carryOut(e, settings, platform);
    } catch (err) {
      console.error('[limber] effect failed', e.type, err);
    }
  }
}

async function carryOut(e: Effect, settings: Settings, platform: Platform): Promise<void> {
  switch (e.type) {
    case 'prompt': {
      // Already on screen (the same break prompted again because its state could not be saved,
      // storage full): not shown twice.
      // One on screen whose buttons no longer fit (a postpone used up, its clearing lost to a stopped
      // worker) is shown again.
      if (!e.reminder && (await platform.promptShownThisSession(e.brk.id)) && (await platform.promptShowing(e.brk, settings))) return;
      // A notification that could not be shown (blocked, or it failed), or none at all (stored
      // settings with both ways off, which the options page refuses), falls back to the break window.
      const shown = settings.prompts.notification && (await platform.showPrompt(e.brk, settings, e.reminder, platform.now()).catch(() => false));
      // The window as the prompt: opened, or (its reminder) brought to the front, or opened again
      // if it was closed before its Start.
      if (settings.prompts.openWindow || !shown) await platform.openBreakWindow(e.brk.id);
      return;
    }
    case 'notice':
      return platform.showNotice(e.notice, settings);
    case 'clearNotice':
      return platform.clearNotice();
    case 'headsUp':
      // Never with notifications off for prompts: the tracker has no heads-up then (lib/tracker/due.ts headsUpAt).
      return platform.showHeadsUp(e.headsUp, e.postpone, platform.now());
    case 'clearHeadsUp':
      return platform.clearHeadsUp(e.id);
    case 'clearPrompt':
      return platform.clearPrompt(e.breakId);
    case 'openBreak':
      return platform.openBreakWindow(e.brk.id);
    case 'breakEnded':
      // The person ended it (from its window, the popup or a notification): closing its window is then not an early end.
      return platform.breakWindowFinished(e.breakId);
    case 'record':
      // Written before the state is saved (lib/engine/runtime.ts), not here.
      return;
  }
}
