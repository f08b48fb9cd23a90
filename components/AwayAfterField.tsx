/**
 * "Count me as away after": presets for the idle threshold (1 minute, the default; 3 minutes for
 * reading) or a custom number of seconds in the field below it (15-600, checked by validateField).
 * Choosing a preset sets the seconds; typing other seconds shows "Custom".
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { Settings } from '../lib/settings';

/** The presets, in seconds. */
export const IDLE_PRESETS = { default: 60, reading: 180 } as const;
type Choice = keyof typeof IDLE_PRESETS | 'custom';

export function AwayAfterField({ value, save }: { value: number; save: (change: (s: Settings) => Settings | null) => Promise<unknown> }) {
  const preset = (Object.keys(IDLE_PRESETS) as Array<keyof typeof IDLE_PRESETS>).find((k) => IDLE_PRESETS[k] === value);
  const [custom, setCustom] = useState(false);
  // Seconds changed from outside the choice (typed below, Restore defaults, an import): the choice
  // follows what is stored.
  useEffect(() => setCustom(false), [value]);
  const choice: Choice = custom || !preset ? 'custom' : preset;
  const labels: Record<Choice, string> = { default: t('idlePresetDefault'), reading: t('idlePresetReading'), custom: t('idlePresetCustom') };
  return (
    <div class="field field-wide">
      <label for="idle-preset">{t('fieldIdlePreset')}</label>
      <select
        id="idle-preset"
        data-testid="idle-preset"
        value={choice}
        aria-describedby="idle-preset-hint"
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v === 'default' || v === 'reading') {
            setCustom(false);
            void save((s) => ({ ...s, idleSec: IDLE_PRESETS[v] }));
          } else if (v === 'custom') setCustom(true);
        }}
      >
        {(Object.keys(labels) as Choice[]).map((c) => (
          <option key={c} value={c}>
            {labels[c]}
          </option>
        ))}
      </select>
      <p id="idle-preset-hint" class="muted small">{t('idlePresetHint')}</p>
    </div>
  );
}
