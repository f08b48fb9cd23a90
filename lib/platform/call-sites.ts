/**
 * Call sites on the browser (opt-in, lib/call-sites.ts): asking for and giving back the optional
 * host permissions, and at a decision moment whether a tab on a granted call site plays sound.
 * Only a tab's address and "audible" are used: nothing of the page is read.
 */
import { browser } from 'wxt/browser';
import { callPatterns, type CallSites } from '../call-sites';

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

/** Whether this browser holds all of these origins (the option may have come on through sync or an import). */
export async function callSitesHeld(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return true; // no way to tell: the switch shows what is saved
  }
}

/**
 * Calls `changed` whenever this browser grants or takes back host permissions: the person can take
 * a site back at any time outside Limber (Firefox's about:addons, Permissions; Chrome's site
 * access), or allow it there. Returns the way to stop listening.
 */
export function watchCallSites(changed: () => void): () => void {
  const events = [browser.permissions.onAdded, browser.permissions.onRemoved].filter((e) => {
    try {
      e.addListener(changed);
      return true;
    } catch {
      return false; // no such event here: the page reads the permissions when it opens
    }
  });
  return () => events.forEach((e) => e.removeListener(changed));
}

/**
 * Gives back every granted origin these settings no longer use: the option turned off or a site
 * dropped other than by the switch (a reset, an import, sync from another computer). Only call
 * sites are ever granted (the manifest's only optional host permissions).
 */
export async function releaseUnusedCallSites(sites: CallSites): Promise<void> {
  try {
    const keep = sites.enabled ? callPatterns(sites) : [];
    const drop = ((await browser.permissions.getAll()).origins ?? []).filter((o) => !keep.includes(o));
    if (drop.length) await browser.permissions.remove({ origins: drop });
  } catch {
    // No permissions API (or the browser refused): nothing this can do; the switch's own removal stays.
  }
}

/**
 * Whether a tab on one of these patterns plays sound: only while this browser allows all of them,
 * as the options page's switch shows (components/CallSitesPrefs.tsx, callSitesHeld): a site taken
 * back outside Limber (Firefox's about:addons) turns the option off here until it is ticked again,
 * for every site, not only that one. `contains`, not the granted list: a broader grant (Firefox's
 * about:addons can allow "all websites") covers the sites without naming them.
 */
export async function callTabAudible(patterns: string[]): Promise<boolean> {
  try {
    return (await browser.permissions.contains({ origins: patterns })) && (await browser.tabs.query({ url: patterns, audible: true })).length > 0;
  } catch {
    return false;
  }
}
