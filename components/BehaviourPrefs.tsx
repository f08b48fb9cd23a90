/** Options: how breaks behave (strict mode, holds, daily limit, how prompts appear, the heads-up, badge). */
import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { Settings } from '../lib/settings';
import { FIELDS, type FieldError, type FieldId } from '../lib/settings-fields';
import { LOW_IDLE_SEC } from '../lib/tracker/state';
import { HeadsUpField } from './HeadsUpField';
import { leftAs, NumberField } from './NumberField';
import { useAskBeforeLeaving } from './hooks/use-ask-before-leaving';
import type { ComponentChildren } from 'preact';

interface Props {
  settings: Settings;
  /** The page's one way to change the settings (updateSettings underneath). */
  save: (change: (s: Settings) => Settings | null) => Promise<unknown>;
  commit: (field: FieldId, text: string) => Promise<FieldError | null>;
  /** The call-sites part (components/CallSitesPrefs.tsx), loaded with the page's later sections (entrypoints/options/later.ts). */
  callSites?: ComponentChildren;
}

export function BehaviourPrefs({ settings, save, commit, callSites }: Props) {
  // The prompts as they were stored when "Keep at least one way of being told" refused an untick:
  // the refusal holds while they stay so, and goes for good once the stored settings change them
  // (another window, sync). A ref read as the page draws: an effect clearing it could run late,
  // after the next refusal, and clear that one.
  const refused = useRef<Settings['prompts'] | null>(null);
  // A number typed into any of the page's fields and not yet left: closing or reloading the tab
  // asks first (components/NumberField.tsx). Here, in the part loaded after the first paint.
  useAskBeforeLeaving({
    get current() {
      return [...leftAs].some(([id, text]) => {
        const el = document.getElementById(id) as HTMLInputElement | null;
        return el !== null && el.value !== text;
      });
    },
  });
  const [, redraw] = useState(0);
  const now = settings.prompts;
  if (refused.current && (refused.current.notification !== now.notification || refused.current.openWindow !== now.openWindow)) refused.current = null;
  const promptError = refused.current !== null;
  // `onChange` false: refused, and the box shows the stored value again (no re-render may come to do it).
  const check = (id: string, label: string, checked: boolean, onChange: (v: boolean) => unknown, describedBy?: string, invalid?: boolean) => (
    <label class="switch" for={id}>
      <input
        id={id}
        type="checkbox"
        data-testid={id}
        checked={checked}
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
        onChange={(e) => {
          const box = e.target as HTMLInputElement;
          if (onChange(box.checked) === false) box.checked = checked;
        }}
      />
      <span>{label}</span>
    </label>
  );
  const field = (id: FieldId, label: string, unit: string, disabled: boolean, hint?: string) => (
    <NumberField id={id} label={label} unit={unit} hint={hint} value={FIELDS[id].get(settings)} min={FIELDS[id].min} max={FIELDS[id].max} disabled={disabled} decimal={!FIELDS[id].integer} onCommit={(text) => commit(id, text)} />
  );
  const setPrompts = (patch: Partial<Settings['prompts']>) => {
    const next = { ...settings.prompts, ...patch };
    if (!next.notification && !next.openWindow) {
      refused.current = settings.prompts;
      redraw((n) => n + 1);
      return false;
    }
    refused.current = null;
    redraw((n) => n + 1);
    void save((s) => {
      const prompts = { ...s.prompts, ...patch };
      return prompts.notification || prompts.openWindow ? { ...s, prompts } : null;
    });
  };
  return (
    <div class="behaviour">
      <fieldset class="group">
        <legend>{t('promptsTitle')}</legend>
        {/* The refusal is tied to both switches: either one unticked last may be the one refused. */}
        {check('prompt-notification', t('fieldPromptNotification'), settings.prompts.notification, (v) => setPrompts({ notification: v }), promptError ? 'prompt-notification-hint prompts-error' : 'prompt-notification-hint', promptError)}
        {/* The one-off notices (a pause ended, the daily sitting limit) are notifications either way (lib/engine/effects.ts).
            Right under its switch: below the second, "With it off" read as the break window's. */}
        <p id="prompt-notification-hint" class="muted small">{t('fieldPromptNotificationHint')}</p>
        {check('prompt-window', t('fieldPromptWindow'), settings.prompts.openWindow, (v) => setPrompts({ openWindow: v }), promptError ? 'prompts-error' : undefined, promptError)}
        {promptError && <p id="prompts-error" class="field-error" role="alert">{t('errPromptNeeded')}</p>}
        <HeadsUpField value={settings.headsUpSec} disabled={!settings.prompts.notification || !settings.stretch.enabled} onChange={(headsUpSec) => void save((s) => ({ ...s, headsUpSec }))} />
        {check('badge', t('fieldBadge'), settings.badge, (v) => void save((s) => ({ ...s, badge: v })))}
      </fieldset>
      <fieldset class="group">
        <legend>{t('behaviourTimingTitle')}</legend>
        {/* At most one snooze (lib/tracker/due.ts effectiveSnoozeLimit): none with "Snoozes allowed" at 0. */}
        {check('strict', t('fieldStrict'), settings.strict, (v) => void save((s) => ({ ...s, strict: v })))}
        {check('fullscreen-defer', t('fieldFullscreen'), settings.hold.enabled, (v) => void save((s) => ({ ...s, hold: { ...s.hold, enabled: v } })))}
        <div class="fields">{field('hold.maxMin', t('fieldFullscreenMax'), t('unitMin'), !settings.hold.enabled)}</div>
        {/* No wait while "away after" is at the lowered interval already (lib/tracker/moment.ts pauseWaitOn): the field says so. */}
        <div class="fields">{field('pauseWaitMin', t('fieldPauseWait'), t('unitMin'), settings.idleSec <= LOW_IDLE_SEC, settings.idleSec <= LOW_IDLE_SEC ? t('fieldPauseWaitOff') : t('fieldPauseWaitHint'))}</div>
        {check('daily-limit', t('fieldDailyLimit'), settings.dailyLimit.enabled, (v) => void save((s) => ({ ...s, dailyLimit: { ...s.dailyLimit, enabled: v } })))}
        <div class="fields">{field('dailyLimit.hours', t('fieldDailyLimitHours'), t('unitHours'), !settings.dailyLimit.enabled)}</div>
      </fieldset>
      {callSites}
    </div>
  );
}
