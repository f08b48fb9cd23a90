/**
 * Call sites (opt-in): the video-call sites whose audible tabs hold a due break, as host
 * permission match patterns. Only these patterns are ever requested (permissions.request, at the
 * click that turns the option on) and queried (tabs.query with `url` and `audible`: nothing of
 * the page is read). The built-in sites, the user's own host names (validated here), and the
 * patterns both make. Pure: lib/platform/call-sites.ts asks the browser.
 */
import * as v from 'valibot';

/**
 * The built-in call sites' patterns, which cover their web apps, in the order of their names in
 * `CALL_SITE_PRESETS`: apart, so that the worker, which needs only the patterns, leaves out the names.
 */
const PRESET_PATTERNS: ReadonlyArray<readonly string[]> = [
  ['https://meet.google.com/*'],
  ['https://*.zoom.us/*'],
  ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*', 'https://teams.live.com/*'],
  ['https://*.webex.com/*'],
  ['https://meet.jit.si/*'],
  ['https://whereby.com/*'],
];

/** The built-in call sites, by name, with their patterns. */
export const CALL_SITE_PRESETS: ReadonlyArray<{ name: string; patterns: readonly string[] }> = /* @__PURE__ */ [
  'Google Meet',
  'Zoom',
  'Microsoft Teams',
  'Webex',
  'Jitsi Meet',
  'Whereby',
].map((name, i) => ({ name, patterns: PRESET_PATTERNS[i]! }));

/**
 * The manifest's optional_host_permissions: the built-in sites, and any https site for the user's own.
 * Marked pure so that bundles that do not use it (the worker, the pages) leave it out.
 */
export const OPTIONAL_HOSTS: string[] = /* @__PURE__ */ PRESET_PATTERNS.flat().concat('https://*/*');

/** At most this many own sites. */
export const MAX_OWN_SITES = 20;

/**
 * A host name as a person types it: lower-case labels of letters, digits and inner hyphens, at least
 * one dot; the top-level label letters, or an internationalised one in its DNS form (xn--p1ai, .рф).
 */
export const HOST = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{0,58}[a-z0-9])$/;

export const CallSitesSchema = v.object({
  enabled: v.boolean(),
  /** The user's own sites, as host names (`meet.example.org`). */
  own: v.pipe(v.array(v.pipe(v.string(), v.regex(HOST))), v.maxLength(MAX_OWN_SITES)),
});
export type CallSites = v.InferOutput<typeof CallSitesSchema>;

export const DEFAULT_CALL_SITES: CallSites = { enabled: false, own: [] };

/** The match pattern for one own site. */
export function patternFor(host: string): string {
  return `https://${host}/*`;
}

export function presetPatterns(): string[] {
  return PRESET_PATTERNS.flat();
}

/** Whether a host is one of the built-in sites (an own site may not repeat one). */
function builtIn(host: string): boolean {
  return presetPatterns().includes(patternFor(host));
}

/** The own sites the form could have made of a list: each once, none built in (they add nothing). */
export function ownSitesRepaired(own: readonly string[]): string[] {
  return [...new Set(own)].filter((h) => !builtIn(h));
}

/** Whether a list of own sites is one the form could have made: no site twice, none built in. */
export function ownSitesValid(own: readonly string[]): boolean {
  return ownSitesRepaired(own).length === own.length;
}

/** Every pattern the option covers: the built-in sites and the user's own. */
export function callPatterns(sites: CallSites): string[] {
  return [...presetPatterns(), ...sites.own.map(patternFor)];
}
