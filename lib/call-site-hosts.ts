/**
 * An own call site as a person types it (options only, loaded with the call-sites part, not up
 * front): a typed host name checked and put in its DNS form.
 */
import { HOST, MAX_OWN_SITES, presetPatterns } from './call-sites';

export type HostError = 'errHostInvalid' | 'errHostDuplicate' | 'errHostTooMany';

/**
 * A host name typed by a person: trimmed and lower-cased; a pasted address (`https://x.org/room`)
 * is reduced to its host. Returns the host, or why it cannot be added.
 */
export function parseHost(input: string, own: readonly string[]): { ok: true; host: string } | { ok: false; error: HostError } {
  let text = input.trim().toLowerCase();
  const url = /^https?:\/\/([^/?#:]+)/.exec(text);
  if (url) text = url[1]!;
  // A port typed with the name (talk.example.org:8443) goes as a pasted address's does: the
  // permission is for the host on every port.
  else text = text.replace(/^([^/?#:[\]]+):\d{1,5}$/, '$1');
  text = text.replace(/\.$/, '');
  // A name typed in its own script (jitsi.пример.рф) in the DNS form tabs and permissions use.
  if (/[^\x00-\x7f]/.test(text)) {
    try {
      text = new URL(`https://${text}`).hostname;
    } catch {
      return { ok: false, error: 'errHostInvalid' };
    }
  }
  if (!HOST.test(text)) return { ok: false, error: 'errHostInvalid' };
  if (own.includes(text) || covered(text)) return { ok: false, error: 'errHostDuplicate' };
  if (own.length >= MAX_OWN_SITES) return { ok: false, error: 'errHostTooMany' };
  return { ok: true, host: text };
}

/**
 * Whether a built-in site already covers this host: its own pattern, or a subdomain wildcard's
 * (`*.zoom.us` is zoom.us and every subdomain). Adding it would add nothing but a place in the list.
 */
function covered(host: string): boolean {
  return presetPatterns().some((p) => {
    const h = p.slice('https://'.length, -'/*'.length);
    return h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h;
  });
}
