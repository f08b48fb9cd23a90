/**
 * The form that adds or edits one of the user's own routines: name, kind, position, body areas,
 * equipment and the steps (text and seconds). Checked as a whole on Save with
 * validateOwnRoutine (lib/own-routines.ts): each error is shown next to its field, and focus
 * goes to the first field in error; nothing is stored until the draft is valid. After a refused
 * Save the errors follow the draft as it is edited: a fixed field's error goes, and the total's
 * error says the new sum (or goes once the steps fit). Esc cancels, unless it closes an input
 * method's composition (Japanese, Chinese, Korean): that one leaves the draft as it is. A changed
 * draft is not thrown away by Cancel or Esc (pressed to close a select's list, or by habit) or by
 * Edit on another routine or Delete on this one (`leave`): the form asks "Discard your changes?" first,
 * with "Keep editing" focused, which returns the focus to where it was in the form. Closing or
 * reloading the tab with a changed draft makes the browser ask first (beforeunload). The routine
 * edited elsewhere meanwhile (another window, sync, an import): the fields not changed here follow.
 */
import type { MutableRef } from 'preact/hooks';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useAskBeforeLeaving } from './hooks/use-ask-before-leaving';
import { useFocusAfterRender } from './hooks/use-focus-after';
import { BODY_AREAS, breakKindOf, EQUIPMENT, POSITIONS, ROUTINE_KINDS, type Equipment, type RoutineKind, type Position } from '../content/types';
import { draftTotalSec, OWN_LIMITS, validateOwnRoutine, type DraftError, type DraftField, type OwnDraft, type OwnRoutine } from '../lib/own-routines';
import { t, tp } from '../lib/i18n';
import { AREA_LABEL, duration, EQUIPMENT_LABEL, KIND_LABEL, POSITION_LABEL } from './routine-labels';

interface Props {
  /** The routine's id (kept when editing; a fresh one when adding). */
  id: string;
  initial: OwnDraft;
  editing: boolean;
  /** The routine edited, as stored now (changed elsewhere meanwhile: followed where the draft is unchanged; none once deleted). */
  stored?: OwnDraft;
  /** Resolves to true once stored; else false (not saved) or why not (shown in the form, which stays). */
  onSave: (r: OwnRoutine) => Promise<boolean | string>;
  onCancel: () => void;
  /** Set by the form: runs `then` at once if the draft is unchanged, else once the person chooses Discard. */
  leave?: MutableRef<((then: () => void) => void) | null>;
}

/** The element id of a field, for labels, errors and focus. */
const fieldId = (f: DraftField) => `own-${f.replace('.', '-')}`;

function FieldError({ errors, field }: { errors: readonly DraftError[]; field: DraftField }) {
  const e = errors.find((x) => x.field === field);
  if (!e) return null;
  return (
    <p id={`${fieldId(field)}-error`} class="field-error" data-testid={`${fieldId(field)}-error`}>
      {'count' in e ? tp(e.key, e.count, e.subs) : t(e.key, e.subs)}
    </p>
  );
}

export function OwnRoutineForm({ id, initial, editing, stored, onSave, onCancel, leave }: Props) {
  const [d, setD] = useState<OwnDraft>(initial);
  /** The routine as the form last had it from storage: what the person's edits are told apart from. */
  const [start, setStart] = useState(initial);
  // Edited elsewhere meanwhile (another window, sync, an import): a field changed here stays as
  // typed, the others take the new values (Save put back the routine as the form had opened it).
  const storedNow = stored && JSON.stringify(stored);
  useEffect(() => {
    if (!stored || storedNow === JSON.stringify(start)) return;
    const same = (k: keyof OwnDraft, x: OwnDraft) => JSON.stringify(x[k]) === JSON.stringify(start[k]);
    setD((x) => ({ ...x, ...Object.fromEntries(Object.keys(stored).filter((k) => same(k as keyof OwnDraft, x)).map((k) => [k, stored[k as keyof OwnDraft]])) }));
    setStart(stored);
  }, [storedNow]);
  /** "Discard your changes?" while asked: what Discard then does. */
  const [asking, setAsking] = useState<(() => void) | null>(null);
  /** The last element focused in the form, for "Keep editing" to go back to. */
  const last = useRef<HTMLElement | null>(null);
  /**
   * Save presses so far: after the first, the errors are the draft's as it is now. A count, not a
   * flag, so that every refused Save renders again and its focus move (useFocusAfterRender) runs.
   */
  const [saves, setSaves] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const focusNext = useFocusAfterRender(form, '#own-name');
  /** The field (by element id) a change or a refused Save leaves focus on, after its render. */
  const focusField = (elementId: string) => (focusNext.current = `#${elementId}`);

  const changed = JSON.stringify(d) !== JSON.stringify(start);
  const confirmLeave = (then: () => void) => {
    if (!changed) return then();
    focusField('own-keep-editing');
    setAsking(() => then);
  };
  const keepEditing = () => {
    setAsking(null);
    const back = last.current && form.current?.contains(last.current) ? last.current : form.current?.querySelector<HTMLElement>('#own-name');
    back?.focus();
  };
  const discard = () => {
    const then = asking;
    setAsking(null);
    then?.();
  };
  // Closing or reloading the tab would lose a changed draft: the browser asks first, only while
  // there is something to lose (the listener is there while the form is open).
  const lose = useRef(changed);
  lose.current = changed;
  useAskBeforeLeaving(lose);
  if (leave) leave.current = confirmLeave;
  useEffect(() => () => {
    if (leave?.current === confirmLeave) leave.current = null;
  });
  useLayoutEffect(() => {
    // A listener of its own (not Preact's), from the first render: the element focused, wherever in the form.
    const el = form.current;
    const track = (e: Event) => {
      const target = e.target as HTMLElement;
      if (!target.closest('[data-testid="own-discard"]')) last.current = target;
    };
    el?.addEventListener('focusin', track);
    return () => el?.removeEventListener('focusin', track);
  }, []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.isComposing || e.keyCode === 229) return;
    if (asking) keepEditing();
    else confirmLeave(onCancel);
  };

  const check = validateOwnRoutine(d, id);
  const errors: readonly DraftError[] = saves > 0 && !check.ok ? check.errors : [];

  const set = (patch: Partial<OwnDraft>) => setD((x) => ({ ...x, ...patch }));
  const setStep = (i: number, patch: Partial<OwnDraft['steps'][number]>) => setD((x) => ({ ...x, steps: x.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const toggle = <T,>(list: readonly T[], item: T, on: boolean, order: readonly T[]) => order.filter((x) => (x === item ? on : list.includes(x)));
  const invalid = (f: DraftField) => errors.some((e) => e.field === f);
  /** A control's description: its hint, then the errors of `fields` that it carries (the ones a refused Save may focus it for). */
  const described = (f: DraftField | DraftField[], hint?: string) => [hint, ...[f].flat().map((x) => (invalid(x) ? `${fieldId(x)}-error` : null))].filter(Boolean).join(' ') || undefined;

  const addStep = () => {
    focusField(fieldId(`step${d.steps.length}.text`));
    set({ steps: [...d.steps, { text: '', seconds: '30' }] });
  };
  const removeStep = (i: number) => {
    focusField(d.steps.length > 1 ? fieldId(`step${Math.max(0, i - 1)}.text`) : 'own-add-step');
    set({ steps: d.steps.filter((_, j) => j !== i) });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const r = check;
    setSaves((n) => n + 1);
    if (!r.ok) {
      const first = r.errors[0]!.field;
      // The total's error is under "Add a step"; with every step written that button is disabled, so the last step's seconds.
      const steps = d.steps.length >= OWN_LIMITS.steps ? fieldId(`step${d.steps.length - 1}.seconds`) : 'own-add-step';
      focusField(first === 'areas' ? 'own-area-neck' : first === 'steps' || first === 'total' ? steps : fieldId(first));
      return;
    }
    setFailed(null); // a failure again is put in afresh, and so heard again
    const saved = await onSave(r.value);
    setFailed(saved === true ? null : saved === false ? t('errSaveFailed') : saved);
  };

  const kind = breakKindOf(d);
  const range = OWN_LIMITS.totalSec[kind];
  const total = draftTotalSec(d);
  const full = d.steps.length >= OWN_LIMITS.steps;
  return (
    <form ref={form} class="own-form" aria-labelledby="own-form-h" noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKey} data-testid="own-form">
      <h3 id="own-form-h">{editing ? t('ownEditTitle') : t('ownNewTitle')}</h3>
      {asking && (
        <div class="notice own-discard" role="alertdialog" aria-labelledby="own-discard-q" data-testid="own-discard">
          <p id="own-discard-q">{t('ownDiscardQuestion')}</p>
          <div class="controls">
            <button type="button" class="btn" onClick={discard} data-testid="own-discard-yes">{t('ownDiscard')}</button>
            <button type="button" id="own-keep-editing" class="btn btn-primary" onClick={keepEditing} data-testid="own-discard-no">{t('ownKeepEditing')}</button>
          </div>
        </div>
      )}
      {errors.length > 0 && <p class="notice" role="alert" data-testid="own-form-errors">{t('ownFormHasErrors', errors.length)}</p>}
      {failed && <p class="notice" role="alert" data-testid="own-form-failed">{failed}</p>}
      <div class="own-field">
        <label for="own-name">{t('ownNameLabel')}</label>
        <input id="own-name" type="text" value={d.name} autoComplete="off" aria-invalid={invalid('name')} aria-describedby={described('name')} onInput={(e) => set({ name: e.currentTarget.value })} />
        <FieldError errors={errors} field="name" />
      </div>
      <div class="own-row">
        <div class="own-field">
          <label for="own-kind">{t('ownKindLabel')}</label>
          <select id="own-kind" value={d.kind} aria-describedby="own-kind-hint" onChange={(e) => set({ kind: e.currentTarget.value as RoutineKind })}>
            {ROUTINE_KINDS.map((k) => <option key={k} value={k}>{t(KIND_LABEL[k])}</option>)}
          </select>
          <p id="own-kind-hint" class="muted small hint">{kind === 'micro' ? t('ownKindMicroHint') : t('ownKindStretchHint')}</p>
        </div>
        <div class="own-field">
          <label for="own-position">{t('ownPositionLabel')}</label>
          <select id="own-position" value={d.position} onChange={(e) => set({ position: e.currentTarget.value as Position })}>
            {POSITIONS.map((p) => <option key={p} value={p}>{t(POSITION_LABEL[p])}</option>)}
          </select>
        </div>
      </div>
      <fieldset class="choices" aria-describedby={described('areas')}>
        <legend>{t('ownAreasLegend')}</legend>
        <div class="choice-grid">
          {BODY_AREAS.map((a) => (
            <label class="choice" key={a}>
              <input type="checkbox" id={`own-area-${a}`} checked={d.areas.includes(a)} aria-invalid={invalid('areas')} aria-describedby={described('areas')} onChange={(e) => set({ areas: toggle(d.areas, a, e.currentTarget.checked, BODY_AREAS) })} />
              <span>{t(AREA_LABEL[a])}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} field="areas" />
      </fieldset>
      <fieldset class="choices" aria-describedby="own-equipment-hint">
        <legend>{t('ownEquipmentLegend')}</legend>
        <p id="own-equipment-hint" class="muted small hint">{t('ownEquipmentHint')}</p>
        <div class="choice-grid">
          {EQUIPMENT.filter((x): x is Exclude<Equipment, 'none'> => x !== 'none').map((x) => (
            <label class="choice" key={x}>
              <input type="checkbox" id={`own-equipment-${x}`} checked={d.equipment.includes(x)} onChange={(e) => set({ equipment: toggle(d.equipment, x, e.currentTarget.checked, EQUIPMENT.filter((y): y is Exclude<Equipment, 'none'> => y !== 'none')) })} />
              <span>{t(EQUIPMENT_LABEL[x])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="own-steps" aria-describedby={['own-total', full && 'own-steps-limit', described('steps'), described('total')].filter(Boolean).join(' ')}>
        <legend>{t('ownStepsLegend')}</legend>
        <ol class="own-step-list">
          {d.steps.map((s, i) => (
            <li key={i} class="own-step" data-testid={`own-step-${i}`}>
              <div class="own-field own-step-text">
                <label for={fieldId(`step${i}.text`)}>{t('ownStepTextLabel', i + 1)}</label>
                <textarea id={fieldId(`step${i}.text`)} rows={2} value={s.text} aria-invalid={invalid(`step${i}.text`)} aria-describedby={described(`step${i}.text`)} onInput={(e) => setStep(i, { text: e.currentTarget.value })} />
                <FieldError errors={errors} field={`step${i}.text`} />
              </div>
              <div class="own-field own-step-sec">
                <label for={fieldId(`step${i}.seconds`)}>{t('ownStepSecLabel', i + 1)}</label>
                <input id={fieldId(`step${i}.seconds`)} type="text" inputMode="numeric" size={4} value={s.seconds} aria-invalid={invalid(`step${i}.seconds`)} aria-describedby={described([`step${i}.seconds`, 'total'], 'own-sec-hint')} onInput={(e) => setStep(i, { seconds: e.currentTarget.value })} />
                <FieldError errors={errors} field={`step${i}.seconds`} />
              </div>
              <button type="button" class="btn btn-quiet" aria-label={t('ownRemoveStepOf', i + 1)} onClick={() => removeStep(i)} disabled={d.steps.length === 1} data-testid={`own-remove-step-${i}`}>
                {t('ownRemoveStep')}
              </button>
            </li>
          ))}
        </ol>
        <p id="own-sec-hint" class="muted small hint">{t('ownSecHint', [OWN_LIMITS.stepSec.min, OWN_LIMITS.stepSec.max])}</p>
        <button type="button" id="own-add-step" class="btn" aria-describedby={described(['steps', 'total'])} onClick={addStep} disabled={full} data-testid="own-add-step">{t('ownAddStep')}</button>
        {/* Why "Add a step" is disabled (as the list says why "Add a routine" is). */}
        {full && <p id="own-steps-limit" class="muted small">{t('ownErrTooManySteps', OWN_LIMITS.steps)}</p>}
        <p id="own-total" class="muted small" data-testid="own-total">
          {t(kind === 'micro' ? 'ownTotalMicro' : 'ownTotalStretch', [duration(total), duration(range.min), duration(range.max)])}
        </p>
        <FieldError errors={errors} field="steps" />
        <FieldError errors={errors} field="total" />
      </fieldset>
      <div class="controls">
        <button type="submit" class="btn btn-primary" data-testid="own-save">{t('ownSave')}</button>
        <button type="button" class="btn" onClick={() => confirmLeave(onCancel)} data-testid="own-cancel">{t('ownCancel')}</button>
      </div>
    </form>
  );
}
