import { useEffect, useState } from 'preact/hooks';
import type { FieldError } from '../lib/settings';
import { pageLanguage, t } from '../lib/i18n';

export function fieldErrorText(e: FieldError): string {
  switch (e.key) {
    case 'errTooSmall':
      return t('errTooSmall', e.min);
    case 'errTooLarge':
      return t('errTooLarge', e.max);
    default:
      return t(e.key);
  }
}

interface Props {
  id: string;
  label: string;
  unit: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  /** Returns an error to show, or null when the value was accepted. */
  onCommit: (text: string) => Promise<FieldError | null>;
}

let numbers: { lang: string; format: Intl.NumberFormat } | null = null;
/** A stored number as the page's language writes it (7,5 in German; what validateField reads back). */
function shown(n: number): string {
  const lang = pageLanguage();
  if (numbers?.lang !== lang) numbers = { lang, format: new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 2 }) };
  return numbers.format.format(n);
}

/** A labelled number input that validates on change and shows a clear inline message. */
export function NumberField({ id, label, unit, hint, value, min, max, disabled, onCommit }: Props) {
  const [text, setText] = useState(() => shown(value));
  const [error, setError] = useState<FieldError | null>(null);
  // A new stored value (this field's save, Restore defaults, an import, another window, sync) is
  // shown, and any refusal of an earlier entry goes with it (a refused entry stores nothing).
  useEffect(() => {
    setText(shown(value));
    setError(null);
  }, [value]);
  const commit = async (raw: string) => {
    const e = await onCommit(raw);
    setError(e);
  };
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field-input">
        <input
          id={id}
          name={id}
          type="text"
          inputMode="numeric"
          value={text}
          disabled={disabled}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={[hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined}
          data-min={min}
          data-max={max}
          onInput={(ev) => setText((ev.target as HTMLInputElement).value)}
          onChange={(ev) => void commit((ev.target as HTMLInputElement).value)}
        />
        <span class="unit" aria-hidden="true">{unit}</span>
      </div>
      {hint && <p id={hintId} class="muted small">{hint}</p>}
      {error && (
        <p id={errId} class="field-error" role="alert" data-testid={`${id}-error`}>
          {fieldErrorText(error)}
        </p>
      )}
    </div>
  );
}
