/**
 * "Restore defaults" for one options section: puts that section's fields back, nothing else.
 * `pick(defaults, current)`: the section's part of the settings (a field another section edits
 * inside the same object is kept from `current`).
 */
import { t } from '../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { updateSettings } from './hooks/use-settings';

export function RestoreDefaults({ section, label, pick, onSaved }: { section: string; label: string; pick: (d: Settings, current: Settings) => Partial<Settings>; onSaved?: () => void }) {
  return (
    <button
      type="button"
      class="btn btn-quiet restore"
      data-testid={`restore-${section}`}
      onClick={() => void updateSettings((s) => ({ ...s, ...pick(DEFAULT_SETTINGS, s) })).then((r) => r && onSaved?.())}
    >
      {t('restoreDefaults')}
      <span class="visually-hidden"> {t('restoreDefaultsFor', label)}</span>
    </button>
  );
}
