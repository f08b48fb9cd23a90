/** Options: how breaks behave (strict mode, holds, daily limit, how prompts appear, badge). */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { FIELDS, type FieldError, type FieldId, type Settings } from '../lib/settings';
import { NumberField } from './NumberField';

interface Props {
  settings: Settings;
  store: (next: Settings) => Promise<void>;
  commit: (field: FieldId, text: string) => Promise<FieldError | null>;
}

export function BehaviourPrefs({ settings, store, commit }: Props) {
  const [promptError, setPromptError] = useState(false);
  const check = (id: string, label: string, checked: boolean, onChange: (v: boolean) => void) => (
    <label class="switch" for={id}>
      <input id={id} type="checkbox" data-testid={id} checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
      <span>{label}</span>
    </label>
  );
  const field = (id: FieldId, label: string, unit: string, disabled: boolean) => (
    <NumberField id={id} label={label} unit={unit} value={FIELDS[id].get(settings)} min={FIELDS[id].min} max={FIELDS[id].max} disabled={disabled} onCommit={(text) => commit(id, text)} />
  );
  const setPrompts = (patch: Partial<Settings['prompts']>) => {
    const next = { ...settings.prompts, ...patch };
    if (!next.notification && !next.openWindow) {
      setPromptError(true);
      return;
    }
    setPromptError(false);
    void store({ ...settings, prompts: next });
  };
  return (
    <div class="behaviour">
      <fieldset class="group">
        <legend>{t('promptsTitle')}</legend>
        {check('prompt-notification', t('fieldPromptNotification'), settings.prompts.notification, (v) => setPrompts({ notification: v }))}
        {check('prompt-window', t('fieldPromptWindow'), settings.prompts.openWindow, (v) => setPrompts({ openWindow: v }))}
        {promptError && <p class="field-error" role="alert">{t('errPromptNeeded')}</p>}
        {check('badge', t('fieldBadge'), settings.badge, (v) => void store({ ...settings, badge: v }))}
      </fieldset>
      <fieldset class="group">
        <legend>{t('behaviourTimingTitle')}</legend>
        {check('strict', t('fieldStrict'), settings.strict, (v) => void store({ ...settings, strict: v }))}
        {check('fullscreen-defer', t('fieldFullscreen'), settings.hold.enabled, (v) => void store({ ...settings, hold: { ...settings.hold, enabled: v } }))}
        <div class="fields">{field('hold.maxMin', t('fieldFullscreenMax'), t('unitMin'), !settings.hold.enabled)}</div>
        {check('daily-limit', t('fieldDailyLimit'), settings.dailyLimit.enabled, (v) => void store({ ...settings, dailyLimit: { ...settings.dailyLimit, enabled: v } }))}
        <div class="fields">{field('dailyLimit.hours', t('fieldDailyLimitHours'), t('unitHours'), !settings.dailyLimit.enabled)}</div>
      </fieldset>
    </div>
  );
}
