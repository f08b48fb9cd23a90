/**
 * Checks a value typed into one of the options page's number fields (lib/settings-fields.ts): the
 * settings to store, or a message key for what is wrong. Invalid input never reaches storage.
 * Apart from the fields themselves so that the options page loads it after its first paint (it is
 * needed only once a value is committed; see entrypoints/options/later.ts).
 */
import { BREAK_KINDS, type Settings } from './settings';
import { parseSettings } from './settings-parse';
import { FIELDS, type FieldError, type FieldId } from './settings-fields';

/**
 * Validates one typed field against the current settings. Returns the new settings (to store)
 * or an error (to show next to the field; nothing is stored).
 */
export function validateField(
  current: Settings,
  field: FieldId,
  input: string,
): { ok: true; settings: Settings } | { ok: false; error: FieldError } {
  const spec = FIELDS[field];
  // NFKC: full-width digits, point and comma (a Japanese input method) as their ASCII forms.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, error: { key: 'errRequired' } };
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return { ok: false, error: { key: 'errNotNumber' } };
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n)) return { ok: false, error: { key: 'errNotNumber' } };
  if (spec.integer && !Number.isInteger(n)) return { ok: false, error: { key: 'errNotWhole' } };
  if (n < spec.min) return { ok: false, error: { key: 'errTooSmall', min: spec.min } };
  if (n > spec.max) return { ok: false, error: { key: 'errTooLarge', max: spec.max } };
  const next = spec.set(current, n);
  for (const kind of BREAK_KINDS) {
    if (next[kind].lengthSec >= next[kind].everySec) return { ok: false, error: { key: 'errLengthNotShorter' } };
  }
  const parsed = parseSettings(next);
  if (!parsed.ok) return { ok: false, error: { key: 'errNotNumber' } };
  return { ok: true, settings: parsed.value };
}
