/** The break player window: one at a time, reused and focused if already open. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

const breakWindowItem = storage.defineItem<{ windowId: number; breakId: string } | null>('local:breakWindow', { fallback: null });

export const BREAK_WINDOW = { width: 460, height: 700 };

export async function openBreakWindow(breakId: string): Promise<void> {
  const open = await breakWindowItem.getValue();
  if (open) {
    try {
      await browser.windows.get(open.windowId);
      if (open.breakId === breakId) {
        await browser.windows.update(open.windowId, { focused: true });
        return;
      }
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

/** The break whose window this was, if it was the break window. */
export async function breakWindowClosed(windowId: number): Promise<string | null> {
  const open = await breakWindowItem.getValue();
  if (!open || open.windowId !== windowId) return null;
  await breakWindowItem.setValue(null);
  return open.breakId;
}
