/** The break player window: one at a time, reused and focused if already open. */
import { browser } from 'wxt/browser';
import { breakWindowItem } from '../storage/platform-items';

export const BREAK_WINDOW = { width: 460, height: 700 };

/**
 * Opens (or focuses) the break window. Opened as the prompt itself or by a Start, the page learns
 * which from the break's session (due: it waits for its Start; under way: it plays).
 */
export async function openBreakWindow(breakId: string): Promise<void> {
  const open = await breakWindowItem.getValue();
  if (open && (await isPopup(open.windowId))) {
    try {
      if (open.breakId === breakId) {
        await browser.windows.update(open.windowId, { focused: true });
        return;
      }
      // Forget the old window before closing it, so its onRemoved cannot clear the new record.
      await breakWindowItem.setValue(null);
      await browser.windows.remove(open.windowId);
    } catch {
      // The window is gone.
    }
  }
  const win = await browser.windows.create({
    url: browser.runtime.getURL(`/break.html?id=${encodeURIComponent(breakId)}`),
    type: 'popup',
    focused: true,
    ...BREAK_WINDOW,
  });
  if (win?.id !== undefined) await breakWindowItem.setValue({ windowId: win.id, breakId });
}

/**
 * Whether the recorded window is there and a popup: only a popup can be the break window, so one
 * of the person's own windows that has the id is never focused or closed.
 */
async function isPopup(windowId: number): Promise<boolean> {
  try {
    return (await browser.windows.get(windowId)).type === 'popup';
  } catch {
    return false; // gone
  }
}

/**
 * This break's window as the record and the browser know it: `'open'` (its own popup is there),
 * the id of the window if it was closed unseen (the record still names the break and the window
 * is gone: closed while the worker was stopped, the close is what woke it), `'dismissed'` (it
 * was the prompt, closed before its Start: see breakWindowDismissed), or `'none'` (no window was
 * ever opened for it, or the record names another break). One read of the record.
 */
export async function breakWindowState(breakId: string): Promise<'open' | 'none' | 'dismissed' | { closed: number }> {
  const open = await breakWindowItem.getValue();
  if (!open || open.breakId !== breakId) return 'none';
  if (open.dismissed) return 'dismissed';
  return (await isPopup(open.windowId)) ? 'open' : { closed: open.windowId };
}

/** The break whose window this was, if it was the break window and the break was not finished in it. */
export async function breakWindowClosed(windowId: number): Promise<string | null> {
  const open = await breakWindowItem.getValue();
  if (!open || open.windowId !== windowId) return null;
  await breakWindowItem.setValue(null);
  return open.finished ? null : open.breakId;
}

/**
 * The window closed was the prompt (its break not started): the break stays due, as when a
 * notification is closed, and the record says so, so that a wake does not open the window again
 * (the prompt's reminder, or a Start elsewhere, opens a new one).
 */
export async function breakWindowDismissed(windowId: number, breakId: string): Promise<void> {
  await breakWindowItem.setValue({ windowId, breakId, dismissed: true });
}

/**
 * The break was finished (its end screen may stay open): closing its window is then not an early
 * end, and need not wake the worker's engine. The record stays, so that the next break still
 * replaces this window rather than opening a second one.
 */
export async function breakWindowFinished(breakId: string): Promise<void> {
  const open = await breakWindowItem.getValue();
  if (open && open.breakId === breakId && !open.finished) await breakWindowItem.setValue({ ...open, finished: true });
}

/**
 * What the user is in, in the focused browser window: fullscreen (a video, slides), whether its
 * active tab plays sound, and which tab that is (a tab switch ends a wait for a pause). Music in
 * a background tab, or in a window behind another app, does not count. Asked only at decision
 * moments; no permission needed (`audible` and a tab's id are no host data).
 */
export async function focusedWindow(): Promise<FocusedWindow> {
  try {
    const w = await browser.windows.getLastFocused();
    if (w.focused !== true || w.id === undefined) return { fullscreen: false, sound: false, tab: null };
    const [tab] = await browser.tabs.query({ windowId: w.id, active: true });
    return { fullscreen: w.state === 'fullscreen', sound: tab?.audible === true, tab: tab?.id ?? null };
  } catch {
    return { fullscreen: false, sound: false, tab: null };
  }
}

/** What `focusedWindow` finds. */
export interface FocusedWindow {
  fullscreen: boolean;
  sound: boolean;
  tab: number | null;
}
