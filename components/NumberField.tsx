import { useLayoutEffect, useState } from 'preact/hooks';
import type { FieldError } from '../lib/settings-fields';
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
  /** The id of the section heading, read before the label where two sections have fields of the same name ("Stretch breaks, Every"). */
  section?: string;
  /** The stored value an entry here is checked against (a break's interval for its length, and the other way round). */
  against?: number;
  /** It takes a fraction (7.5 hours): a touch keyboard with the decimal separator. */
  decimal?: boolean;
}

let numbers: { lang: string; format: Intl.NumberFormat } | null = null;
/** A stored number as the page's language writes it (7,5 in German; what validateField reads back). */
function shown(n: number): string {
  const lang = pageLanguage();
  if (numbers?.lang !== lang) numbers = { lang, format: new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 2 }) };
  return numbers.format.format(n);
}

/**
 * Each field's text as last shown or left (saved, or refused: its message said so). An entry typed
 * is checked and saved on leaving the field or Enter, never as the tab closes, so closing or
 * reloading the tab with a field holding other text asks first (the options page's later part
 * compares, components/BehaviourPrefs.tsx); typed back to it, leaving fires no change, and nothing
 * is unsaved.
 */
export const leftAs = new Map<string, string>();

/** A labelled number input that validates on change and shows a clear inline message. */
export function NumberField({ id, label, unit, hint, value, min, max, disabled, onCommit, section, against, decimal }: Props) {
  const [text, setText] = useState(() => shown(value));
  const [error, setError] = useState<FieldError | null>(null);
  // A new stored value (this field's save, Restore defaults, an import, another window, sync) is
  // shown, and any refusal of an earlier entry goes with it (a refused entry stores nothing); so
  // too when the field is disabled or enabled again (the hold switched off, "Away after" lowered).
  // As the render commits (an effect waits for the next frame: an entry typed meanwhile, the
  // first one included, was put back to the stored value and its refusal shown beside that).
  const reset = () => {
    const s = shown(value);
    leftAs.set(id, s);
    setText(s);
    setError(null);
  };
  useLayoutEffect(reset, [value, disabled]);
  // What it is checked against changed (a length refused as not shorter than the interval, then
  // the interval raised): a refusal no longer holds, and the value in force shows. An entry not
  // refused (being typed while another window changes the other field) stays as typed.
  useLayoutEffect(() => void (error && reset()), [against]);
  const commit = async (raw: string) => {
    leftAs.set(id, raw);
    setError(await onCommit(raw));
  };
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  const unitId = `${id}-unit`;
  return (
    <div class="field">
      <label for={id} id={`${id}-label`}>{label}</label>
      <div class="field-input">
        <input
          id={id}
          name={id}
          type="text"
          inputMode={decimal ? 'decimal' : 'numeric'}
          value={text}
          disabled={disabled}
          aria-invalid={error ? 'true' : 'false'}
          aria-labelledby={section ? `${section} ${id}-label` : undefined}
          aria-describedby={[unitId, hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ')}
          data-min={min}
          data-max={max}
          onInput={(ev) => setText((ev.target as HTMLInputElement).value)}
          onChange={(ev) => void commit((ev.target as HTMLInputElement).value)}
        />
        <span class="unit" id={unitId}>{unit}</span>
      </div>
      {hint && <p id={hintId} class="muted small">{hint}</p>}
      {error && (
        // Keyed on the refusal (a new object each time): put in afresh, so that one for the same reason as the last is heard too.
        <p key={error} id={errId} class="field-error" role="alert" data-testid={`${id}-error`}>
          {fieldErrorText(error)}
        </p>
      )}
    </div>
  );
}
