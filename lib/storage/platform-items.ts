/**
 * What the platform layer remembers between worker starts, kept here with every other storage
 * item (only lib/storage touches browser.storage): the open break window, and the prompt shown
 * in this browser session.
 */
import { storage } from 'wxt/utils/storage';

/**
 * The break window, by its window id. In storage.session: it outlives a stopped worker, but not
 * the browser session whose window ids it names (after a restart, the same id can be one of the
 * person's own windows). `finished`: the break was ended from its window (Done, Skip): closing
 * the window then changes nothing. `dismissed`: the window was the prompt, closed before its
 * Start; the break is still due, and a wake does not open the window again (its reminder does).
 */
export const breakWindowItem = storage.defineItem<{ windowId: number; breakId: string; finished?: boolean; dismissed?: boolean } | null>('session:breakWindow', { fallback: null });

/**
 * The prompt shown in this browser session, with when. It survives the worker (or Firefox's
 * event page) being stopped, but not a browser restart, which also clears notifications: so a
 * wake re-shows a prompt only when the browser lost it, never one the user or the system closed.
 * Each prompt shown is a new value (its time), so a page can count them (the e2e tests).
 */
export const shownPromptItem = storage.defineItem<{ breakId: string; at: number } | null>('session:shownPrompt', { fallback: null });
