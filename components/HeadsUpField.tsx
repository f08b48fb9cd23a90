/**
 * "Heads-up before a stretch break": off, 1 or 2 minutes before (lib/tracker/heads-up.ts). A
 * notification, so it is off while prompts come as the break window only, and it is before a
 * stretch break, so off while those are (lib/tracker/due.ts, transition.ts headsUpKept).
 */
import { t, tp } from '../lib/i18n';
import { HEADS_UP_CHOICES_SEC, type HeadsUpSec } from '../lib/settings';

export function HeadsUpField({ value, disabled, onChange }: { value: number; disabled: boolean; onChange: (v: HeadsUpSec) => void }) {
  return (
    <div class="field heads-up">
      <label for="heads-up">{t('fieldHeadsUp')}</label>
      <select
        id="heads-up"
        data-testid="heads-up"
        value={String(value)}
        disabled={disabled}
        aria-describedby="heads-up-hint"
        onChange={(e) => {
          // Only one of the choices is stored (the settings schema refuses anything else too).
          const v = Number((e.target as HTMLSelectElement).value);
          const choice = HEADS_UP_CHOICES_SEC.find((c) => c === v);
          if (choice !== undefined) onChange(choice);
        }}
      >
        {HEADS_UP_CHOICES_SEC.map((sec) => (
          <option key={sec} value={String(sec)}>
            {sec === 0 ? t('headsUpOff') : tp('headsUpBefore', sec / 60)}
          </option>
        ))}
      </select>
      <p id="heads-up-hint" class="muted small">{t('fieldHeadsUpHint')}</p>
    </div>
  );
}
