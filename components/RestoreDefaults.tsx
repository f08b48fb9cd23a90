/**
 * "Restore defaults" for one options section: puts that section's fields back, nothing else.
 * `pick(defaults, current)`: the section's part of the settings (a field another section edits
 * inside the same object is kept from `current`). `save`: the section's way of saving a change,
 * which says "Saved", or that the save failed, as for any other change in it.
 */
import { t } from '../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';

export function RestoreDefaults({ section, label, pick, save }: { section: string; label: string; pick: (d: Settings, current: Settings) => Partial<Settings>; save: (change: (s: Settings) => Settings) => Promise<unknown> }) {
  return (
    <button type="button" class="btn btn-quiet restore" data-testid={`restore-${section}`} aria-label={t('restoreDefaultsOf', label)} onClick={() => void save((s) => ({ ...s, ...pick(DEFAULT_SETTINGS, s) }))}>
      {t('restoreDefaults')}
    </button>
  );
}
