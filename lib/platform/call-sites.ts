/**
 * Call sites on the browser (opt-in, lib/call-sites.ts): asking for and giving back the optional
 * host permissions, and at a decision moment whether a tab on a granted call site plays sound.
 * Only a tab's address and "audible" are used: nothing of the page is read.
 */
import { browser } from 'wxt/browser';

/** Asks for exactly these origins (call inside a click handler: the browser needs a user gesture). False when refused or failed. */
export async function requestCallSites(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins });
  } catch (err) {
    console.warn('[limber] call-site permission request failed', err);
    return false;
  }
}

/** Gives these origins back (turning the option off, removing a site). */
export async function removeCallSites(origins: string[]): Promise<void> {
  try {
    await browser.permissions.remove({ origins });
  } catch (err) {
    console.warn('[limber] call-site permission not removed', err);
  }
}

/** Whether a tab on one of these patterns plays sound, asking only about the patterns still granted. */
export async function callTabAudible(patterns: string[]): Promise<boolean> {
  try {
    const granted = new Set((await browser.permissions.getAll()).origins ?? []);
    const url = patterns.filter((p) => granted.has(p));
    if (url.length === 0) return false;
    return (await browser.tabs.query({ url, audible: true })).length > 0;
  } catch {
    return false;
  }
}
