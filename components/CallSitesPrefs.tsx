/**
 * Options: "Hold breaks during calls on these sites" (opt-in). Turning it on asks the browser for
 * exactly those sites' host permissions, in the click itself (permissions.request needs a user
 * gesture); refused, the option stays off and says so. Turning it off, or removing an own site,
 * gives the permission back. Own sites are host names, validated (lib/call-sites.ts). The option
 * can also come on through sync or an import, in a browser that has not allowed the sites, and
 * the person can take a site back in the browser's own settings (Firefox's about:addons) at any
 * time: the switch then shows off, and says so (ticking it asks), also on a page already open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { CALL_SITE_PRESETS, callPatterns, patternFor } from '../lib/call-sites';
import { parseHost, type HostError } from '../lib/call-site-hosts';
import { callSitesHeld, removeCallSites, requestCallSites, watchCallSites } from '../lib/platform/call-sites';
import type { Settings } from '../lib/settings';
import { useFocusAfterRender } from './hooks/use-focus-after';

interface Props {
  settings: Settings;
  save: (change: (s: Settings) => Settings | null) => Promise<unknown>;
}

export function CallSitesPrefs({ settings, save }: Props) {
  const sites = settings.callSites;
  const [refused, setRefused] = useState(false);
  const [host, setHost] = useState('');
  // What the field says about the site typed: refused as a host name, or the browser refused its permission.
  const [error, setError] = useState<HostError | 'errCallSitesRefused' | null>(null);
  const set = (patch: Partial<Settings['callSites']>) => save((s) => ({ ...s, callSites: { ...s.callSites, ...patch } }));
  // The own sites as stored when the change runs (not as drawn when clicked: a removal or an add
  // still waiting for the browser's permissions must not bring back or drop another's site).
  const setOwn = (change: (own: string[]) => string[]) => save((s) => ({ ...s, callSites: { ...s.callSites, own: change(s.callSites.own) } }));
  // Whether this browser holds the sites' permissions (null: not known yet).
  const [held, setHeld] = useState<boolean | null>(null);
  // Bumped when the browser grants or takes back a permission (outside this page too): look again.
  const [granted, setGranted] = useState(0);
  useEffect(() => watchCallSites(() => setGranted((n) => n + 1)), []);
  const patterns = callPatterns(sites);
  useEffect(() => {
    let live = true;
    // Allowed after all (the browser's own settings, another window): a refusal here is over.
    if (sites.enabled) void callSitesHeld(patterns).then((h) => live && (setHeld(h), h && setRefused(false)));
    return () => void (live = false);
  }, [sites.enabled, patterns.join(' '), granted]);
  const notHere = sites.enabled && held === false;
  // Calls hold a break as the other holds do (lib/tracker/hold.ts): not while holds are off.
  const holdsOff = !settings.hold.enabled;
  // The browser's refusal too: the switch shows off again, and says why when it is gone back to.
  const described = ['call-sites-hint', ...(holdsOff ? ['call-sites-holds-off'] : []), ...(notHere && !refused ? ['call-sites-not-here'] : []), ...(refused ? ['call-sites-refused'] : [])].join(' ');

  const toggle = async (box: HTMLInputElement) => {
    const on = box.checked;
    // A site's refusal at the field is over once the switch changes (off: adding asks nothing).
    if (error === 'errCallSitesRefused') setError(null);
    if (!on) {
      await removeCallSites(callPatterns(sites));
      await set({ enabled: false });
      return;
    }
    const granted = await requestCallSites(callPatterns(sites));
    setRefused(!granted);
    if (granted) setHeld(true);
    if (granted) await set({ enabled: true });
    // Refused: the switch shows what is saved, off. Preact sees `checked` unchanged (false before
    // and after) and would leave the box ticked by the click.
    else box.checked = false;
  };
  const add = async () => {
    const r = parseHost(host, sites.own);
    if (!r.ok) return setError(r.error);
    setError(null);
    // While on, the new site needs its own permission (still inside the click). Refused, it is said
    // at the field, with what was typed kept: the switch stays on, for the sites it already has.
    if (sites.enabled && !notHere && !(await requestCallSites([patternFor(r.host)]))) return setError('errCallSitesRefused');
    setHost('');
    await setOwn((own) => (own.includes(r.host) ? own : [...own, r.host]));
  };
  // Remove takes its button away: the focus goes to the site that takes its place in the list (the
  // one before it, at the end), or to the field to add one once the list is empty.
  const root = useRef<HTMLFieldSetElement>(null);
  const focusNext = useFocusAfterRender(root, null, '#call-site-host');
  const remove = async (h: string) => {
    const rest = sites.own.filter((x) => x !== h);
    const next = rest[Math.min(sites.own.indexOf(h), rest.length - 1)];
    await removeCallSites([patternFor(h)]);
    focusNext.current = next ? `[data-testid="call-site-remove-${next}"]` : '#call-site-host';
    await setOwn((own) => own.filter((x) => x !== h));
  };

  return (
    <fieldset class="group" data-testid="call-sites" ref={root}>
      <legend>{t('callSitesTitle')}</legend>
      <label class="switch" for="call-sites-enabled">
        <input id="call-sites-enabled" type="checkbox" data-testid="call-sites-enabled" checked={sites.enabled && !notHere} aria-describedby={described} onChange={(e) => void toggle(e.target as HTMLInputElement)} />
        <span>{t('fieldCallSites')}</span>
      </label>
      <p id="call-sites-hint" class="muted small">{t('callSitesHint', CALL_SITE_PRESETS.map((p) => p.name).join(', '))}</p>
      {holdsOff && <p id="call-sites-holds-off" class="notice small" data-testid="call-sites-holds-off">{t('callSitesHoldsOff')}</p>}
      {notHere && !refused && <p id="call-sites-not-here" class="notice" data-testid="call-sites-not-here">{t('callSitesNotHere')}</p>}
      {refused && <p id="call-sites-refused" class="field-error" role="alert" data-testid="call-sites-refused">{t('errCallSitesRefused')}</p>}
      {sites.own.length > 0 && (
        <ul class="call-sites" aria-label={t('callSitesOwn')}>
          {sites.own.map((h) => (
            <li key={h}>
              <span>{h}</span>{' '}
              <button type="button" class="btn btn-quiet" data-testid={`call-site-remove-${h}`} aria-label={t('callSiteRemove', h)} onClick={() => void remove(h)}>
                {t('actionRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* A form of its own: Enter in the host field adds the site, as the button does. */}
      <form class="field" noValidate onSubmit={(e) => (e.preventDefault(), void add())}>
        <label for="call-site-host">{t('fieldCallSiteAdd')}</label>
        <div class="field-input">
          <input id="call-site-host" type="text" data-testid="call-site-host" value={host} placeholder={t('callSiteHostPlaceholder')} aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? 'call-site-host-error' : undefined} onInput={(e) => (setHost((e.target as HTMLInputElement).value), setError(null))} />
          <button type="submit" class="btn" data-testid="call-site-add">
            {t('actionAddSite')}
          </button>
        </div>
        {error && <p id="call-site-host-error" class="field-error" role="alert" data-testid="call-site-host-error">{t(error)}</p>}
      </form>
    </fieldset>
  );
}
