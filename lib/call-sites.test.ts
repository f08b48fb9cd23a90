/**
 * Call sites (lib/call-sites.ts): host names a person types are validated, the patterns asked
 * for are exactly the built-in sites and the person's own, and the manifest's optional list
 * covers every pattern that can be asked for.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from './storage/settings-items';
import { DEFAULT_SETTINGS } from './settings';
import { parseSettings } from './settings-parse';
import { CALL_SITE_PRESETS, callPatterns, MAX_OWN_SITES, OPTIONAL_HOSTS, ownSitesValid, patternFor } from './call-sites';
import { parseHost } from './call-site-hosts';

/** Whether a Chrome match pattern (https only, `*.` host wildcard, path `/*`) covers another pattern. */
function covers(outer: string, inner: string): boolean {
  const o = /^https:\/\/(\*|\*\.[^/]+|[^/*]+)\/\*$/.exec(outer)!;
  const i = /^https:\/\/([^/]+)\/\*$/.exec(inner)!;
  const h = o[1]!;
  const host = i[1]!;
  return h === '*' || h === host || (h.startsWith('*.') && (host === h.slice(2) || host.endsWith(h.slice(1))));
}

describe('call sites', () => {
  it('the six built-in call sites, with https patterns only', () => {
    expect(CALL_SITE_PRESETS.map((p) => p.name)).toEqual(['Google Meet', 'Zoom', 'Microsoft Teams', 'Webex', 'Jitsi Meet', 'Whereby']);
    for (const p of callPatterns(DEFAULT_SETTINGS.callSites)) expect(p).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  it('a typed host name is checked: trimmed, lower-cased, a pasted address reduced to its host', () => {
    expect(parseHost('  Meet.Example.ORG ', [])).toEqual({ ok: true, host: 'meet.example.org' });
    expect(parseHost('https://talk.example.org/room/42?x=1', [])).toEqual({ ok: true, host: 'talk.example.org' });
    for (const bad of ['', 'localhost', 'exa mple.org', '*.example.org', 'example', '-a.example.org', 'a..b.org', 'ftp://x.org', 'x.org/path', `${'a'.repeat(64)}.org`]) {
      expect(parseHost(bad, [])).toEqual({ ok: false, error: 'errHostInvalid' });
    }
    expect(parseHost('talk.example.org', ['talk.example.org'])).toEqual({ ok: false, error: 'errHostDuplicate' });
    expect(parseHost('meet.google.com', [])).toEqual({ ok: false, error: 'errHostDuplicate' });
    const full = Array.from({ length: MAX_OWN_SITES }, (_, i) => `s${i}.example.org`);
    expect(parseHost('one-more.example.org', full)).toEqual({ ok: false, error: 'errHostTooMany' });
  });

  it('the settings refuse what the form refuses (a synced or imported list is checked too)', () => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: true, own: ['talk.example.org'] } }).ok).toBe(true);
    expect(parseSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: true, own: ['https://evil/*'] } }).ok).toBe(false);
    expect(parseSettings({ ...DEFAULT_SETTINGS, callSites: { enabled: true, own: Array.from({ length: MAX_OWN_SITES + 1 }, (_, i) => `s${i}.example.org`) } }).ok).toBe(false);
    // Stored before the option existed: off.
    const { callSites: _c, pauseWaitMin: _p, ...old } = DEFAULT_SETTINGS;
    const parsed = parseSettings(old);
    expect(parsed.ok && parsed.value.callSites).toEqual({ enabled: false, own: [] });
    expect(parsed.ok && parsed.value.pauseWaitMin).toBe(2);
  });

  it('asks for exactly the built-in sites and the own ones; the manifest lists every one as optional', () => {
    const own = ['talk.example.org', 'video.example.net'];
    const patterns = callPatterns({ enabled: true, own });
    expect(patterns).toEqual([...CALL_SITE_PRESETS.flatMap((p) => p.patterns), ...own.map(patternFor)]);
    for (const p of patterns) expect(OPTIONAL_HOSTS.some((o) => covers(o, p))).toBe(true);
    // Nothing but https, nothing like <all_urls>.
    expect(OPTIONAL_HOSTS.every((o) => o.startsWith('https://'))).toBe(true);
  });
});

describe('stored or synced own call sites the form could not make', () => {
  it('are read as the form could have made them: a site twice once, a built-in one dropped, nothing else lost', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, snoozeLimit: 1, callSites: { enabled: true, own: ['meet.google.com', 'talk.example.org', 'talk.example.org', 'b.example.org'] } },
    });
    const s = await loadSettings();
    expect(s.callSites).toEqual({ enabled: true, own: ['talk.example.org', 'b.example.org'] });
    expect(ownSitesValid(s.callSites.own)).toBe(true);
    expect(s.snoozeLimit).toBe(1);
  });
});
