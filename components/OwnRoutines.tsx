/**
 * The options page's "Your own routines" section: the list (edit, move up, move down, delete with
 * undo; a deleted routine also leaves "Routines to leave out"), how often the picker uses them,
 * where they are kept (synced or this computer only), and the form (OwnRoutineForm) to add or edit
 * one. Every action keeps keyboard focus on something sensible and says what happened in a live
 * region.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { draftOf, emptyDraft, newOwnId, OWN_LIMITS, OWN_SYNC_BUDGET, syncBytes, totalSec, type OwnRoutine } from '../lib/own-routines';
import { OWN_WEIGHTS, type OwnWeight, type Settings } from '../lib/settings';
import { OWN_KEY, ownSyncItem, saveOwnRoutines, type OwnSyncState } from '../lib/storage/own-routines';
import { loadOwnRoutinesHere, retryOwnSync, watchOwnRoutines } from '../lib/storage/own-routines-synced';
import { Echoes } from './hooks/echoes';
import { useFocusAfterRender } from './hooks/use-focus-after';
import { useStored } from './hooks/use-stored';
import { updateSettings } from './hooks/use-settings';
import { duration, KIND_LABEL } from './routine-labels';
import { breakKindOf } from '../content/types';
import { OwnRoutineForm } from './OwnRoutineForm';
import './own-routines.css';

type Editing = { id: string; isNew: boolean } | null;
/** An Undo puts the routine back in its place, and back in "Routines to leave out" if it was there. */
type Note = { text: string; undo?: { routine: OwnRoutine; index: number; excluded: boolean } } | null;

const WEIGHT_LABEL = { equal: 'ownWeight_equal', half: 'ownWeight_half', only: 'ownWeight_only' } as const;

export function OwnRoutines({ settings, onSaved }: { settings: Settings; onSaved: (ok?: boolean) => void }) {
  /** The list as storage last told it changed: ahead of `stored` until the page draws again (an Undo pressed meanwhile sees it). */
  const told = useRef<OwnRoutine[] | null>(null);
  const stored = useStored(loadOwnRoutinesHere, (cb) => watchOwnRoutines((v) => cb((told.current = v))));
  const sync = useStored(retryOwnSync, (cb) => ownSyncItem.watch((v) => cb(v ?? 'on')));
  const [list, setList] = useState<OwnRoutine[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState<Note>(null);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLElement>(null);
  /** A selector to focus after the next render (the element an action leaves focus on). */
  const focusNext = useFocusAfterRender(root, null, '[data-testid="own-add"]');
  /** What opened the form, to return to on Cancel. */
  const opener = useRef<string>('[data-testid="own-add"]');

  /** This page's own saves coming back are not adopted (one older than the list would undo moves). */
  const echoes = useRef(new Echoes<OwnRoutine[]>());
  /**
   * Changed elsewhere (an import, another window, sync): shown, and an Undo offered before it is
   * withdrawn (it would put back a routine into a list it was not taken from). Whether it was.
   */
  const adopt = (v: OwnRoutine[], pressed = false): boolean => {
    if (echoes.current.receive(v) !== 'new') return false;
    setList(v);
    if (note?.undo) undoGone(note.undo.routine, v, pressed);
    return true;
  };
  useEffect(() => void (stored && adopt(stored)), [stored]);

  /**
   * Shows `next` and stores it. Refused, the routines stored here (the ones breaks play) are as they
   * were: so is the list shown (unless it changed elsewhere meanwhile), and `refused` takes back
   * what the action said and where it put the focus. `quiet`: the form says the failure itself.
   */
  const store = async (next: OwnRoutine[], refused?: () => void, quiet = false): Promise<boolean> => {
    const before = list;
    setList(next);
    echoes.current.send(next);
    setFailed(false); // a failure again is put in afresh, and so heard again
    try {
      await saveOwnRoutines(next);
      onSaved();
      return true;
    } catch {
      echoes.current.refused(next);
      setList((now) => (now === next ? before : now));
      setFailed(!quiet);
      onSaved(false);
      refused?.();
      return false;
    }
  };

  /** The open form's guard: a changed draft is discarded only once the person says so. */
  const leave = useRef<((then: () => void) => void) | null>(null);
  const sel = (id: string, what: string) => `[data-testid="own-${what}-${id}"]`;
  const save = async (r: OwnRoutine): Promise<boolean | string> => {
    const at = list.findIndex((x) => x.id === r.id);
    // The list may have filled up since the form opened (another window, sync, an import): a 31st
    // would be a list that sync, an import of its export and the other computers refuse.
    if (at < 0 && list.length >= OWN_LIMITS.routines) return t('ownLimitReached', OWN_LIMITS.routines);
    const ok = await store(at < 0 ? [...list, r] : list.map((x) => (x.id === r.id ? r : x)), undefined, true);
    if (!ok) return false;
    setEditing(null);
    setNote({ text: t('ownSavedNote', r.name) });
    focusNext.current = sel(r.id, 'edit');
    return true;
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    const r = list[i]!;
    void store(next, () => {
      setNote(null);
      focusNext.current = sel(r.id, by < 0 ? 'up' : 'down');
    });
    setNote({ text: t('ownMovedNote', [r.name, j + 1, list.length]) });
    // Stay on the same button; at the end of the list its counterpart takes focus.
    const edge = j === 0 || j === list.length - 1;
    focusNext.current = sel(r.id, edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down');
  };
  /**
   * Puts `id` in or takes it out of the stored "Routines to leave out" (a deleted routine's id
   * would stay there for good, synced and exported, towards the list's limit). Nothing is written
   * when it is already so; a failure leaves no more than an id no routine has.
   */
  const setExcluded = (id: string, on: boolean) =>
    void updateSettings((s) =>
      s.routines.excluded.includes(id) === on ? null : { ...s, routines: { ...s.routines, excluded: on ? [...s.routines.excluded, id] : s.routines.excluded.filter((x) => x !== id) } },
    ).catch(() => null);
  const remove = (r: OwnRoutine) => {
    const i = list.findIndex((x) => x.id === r.id);
    if (i < 0) return;
    const excluded = settings.routines.excluded.includes(r.id);
    void store(
      list.filter((x) => x.id !== r.id),
      () => {
        if (excluded) setExcluded(r.id, true);
        setNote(null);
        focusNext.current = sel(r.id, 'delete');
      },
    );
    if (excluded) setExcluded(r.id, false);
    setNote({ text: t('ownDeletedNote', r.name), undo: { routine: r, index: i, excluded } });
    // The routine open in the form goes with its draft (its Save would store it again, last).
    if (editing && !editing.isNew && editing.id === r.id) setEditing(null);
    focusNext.current = '[data-testid="own-undo"]';
  };
  /**
   * Delete: the routine open in the form with changes asks "Discard your changes?" first, as Edit
   * on another routine does (Undo brings back the routine as stored, not the edits).
   */
  const askRemove = (r: OwnRoutine) => {
    // Once answered, with the list as it is then (it may have changed elsewhere meanwhile).
    if (editing && !editing.isNew && editing.id === r.id && leave.current) leave.current(() => latestRemove.current(r));
    else remove(r);
  };
  const latestRemove = useRef(remove);
  latestRemove.current = remove;
  /**
   * An Undo that can no longer be (withdrawn, or refused as pressed): what is so instead is said
   * (the routine is back, or the list is full), and the focus the Undo had goes to that (or to
   * Add), not to the page.
   */
  const undoGone = (r: OwnRoutine, now: OwnRoutine[], pressed: boolean) => {
    const back = now.some((x) => x.id === r.id);
    const full = !back && now.length >= OWN_LIMITS.routines;
    setNote(back ? { text: t('ownRestoredNote', r.name) } : full ? { text: t('ownLimitReached', OWN_LIMITS.routines) } : null);
    const undoButton = root.current?.querySelector('[data-testid="own-undo"]');
    if (pressed || (undoButton && document.activeElement === undoButton)) focusNext.current = back ? sel(r.id, 'edit') : full ? '[data-testid="own-note-text"]' : '[data-testid="own-add"]';
  };
  const undo = () => {
    if (!note?.undo) return;
    const { routine, index, excluded } = note.undo;
    // A list changed elsewhere that the page has not drawn yet: as it is drawn, the Undo goes.
    if (told.current && adopt(told.current, true)) return;
    // Never a routine twice, never more than the limit (the list a backup or sync must accept).
    if (list.some((x) => x.id === routine.id) || list.length >= OWN_LIMITS.routines) return undoGone(routine, list, true);
    const next = [...list];
    next.splice(Math.min(index, next.length), 0, routine);
    const deleted = note;
    void store(next, () => {
      if (excluded) setExcluded(routine.id, false);
      setNote(deleted);
      focusNext.current = '[data-testid="own-undo"]';
    });
    if (excluded) setExcluded(routine.id, true);
    setNote({ text: t('ownRestoredNote', routine.name) });
    focusNext.current = sel(routine.id, 'edit');
  };
  const open = (e: Editing, from: string) => {
    const go = () => {
      opener.current = from;
      setNote(null);
      setEditing(e);
    };
    if (editing && e?.id !== editing.id && leave.current) leave.current(go);
    else go();
  };
  const cancel = () => {
    setEditing(null);
    focusNext.current = opener.current;
  };
  // A write that fails (rejects) is said as one refused is, as the page's other changes are.
  const setWeight = (mine: OwnWeight) =>
    void updateSettings((s) => ({ ...s, routines: { ...s.routines, mine } }))
      .catch(() => null)
      .then((r) => {
        setFailed(!r);
        onSaved(!!r);
      });

  const bytes = syncBytes(OWN_KEY, list);
  const kb = (n: number) => (Math.ceil(n / 100) / 10).toLocaleString();
  const syncText = (s: OwnSyncState | null) =>
    s === 'tooLarge' ? t('ownSyncTooLarge', [kb(bytes), kb(OWN_SYNC_BUDGET)]) : s === 'unavailable' ? t('ownSyncOff') : t('ownSyncOn', [kb(bytes), kb(OWN_SYNC_BUDGET)]);
  const editingRoutine = editing && !editing.isNew ? list.find((r) => r.id === editing.id) : undefined;
  /** As storage has it (not as shown while this page's save is on its way, or after it was refused). */
  const storedRoutine = editingRoutine && stored?.find((r) => r.id === editingRoutine.id);

  return (
    <section ref={root} class="card section own-routines" aria-labelledby="own-h" data-testid="own-routines">
      <div class="section-head">
        <h2 id="own-h">{t('ownTitle')}</h2>
      </div>
      <p class="muted small">{t('ownIntro')}</p>
      <p class="small own-responsibility" data-testid="own-responsibility">{t('ownResponsibility')}</p>
      {failed && <p class="notice" role="alert">{t('errSaveFailed')}</p>}
      <div class="own-field own-weight">
        <label for="own-weight">{t('ownWeightLabel')}</label>
        <select id="own-weight" data-testid="own-weight" value={settings.routines.mine} onChange={(e) => setWeight(e.currentTarget.value as OwnWeight)}>
          {OWN_WEIGHTS.map((w) => <option key={w} value={w}>{t(WEIGHT_LABEL[w])}</option>)}
        </select>
      </div>
      <p class="muted small" data-testid="own-sync" data-state={sync ?? 'on'}>{list.length > 0 ? syncText(sync) : t('ownSyncEmpty')}</p>
      <div role="status" aria-live="polite" class="own-note" data-testid="own-note">
        {note && (
          <p class="small" tabIndex={-1} data-testid="own-note-text">
            {note.text}
            {note.undo && <> <button type="button" class="btn btn-quiet" data-testid="own-undo" onClick={undo}>{t('ownUndo')}</button></>}
          </p>
        )}
      </div>
      {list.length === 0 ? (
        <p class="muted" data-testid="own-empty">{t('ownEmpty')}</p>
      ) : (
        <ol class="own-list" aria-labelledby="own-h" data-testid="own-list">
          {list.map((r, i) => (
            <li key={r.id} class="own-item" data-testid={`own-item-${r.id}`} data-name={r.name}>
              <div class="own-item-text">
                <span class="own-item-name">{r.name}</span>
                <span class="muted small">{t(KIND_LABEL[r.kind])} · {duration(totalSec(r.steps))} · {t('ownStepCount', r.steps.length)}</span>
                {/* The picker takes no routine longer than its break (content/picker.ts), so this one waits. */}
                {totalSec(r.steps) > settings[breakKindOf(r)].lengthSec && (
                  <span class="small own-too-long" data-testid={`own-too-long-${r.id}`}>{t('ownLongerThanBreak', duration(settings[breakKindOf(r)].lengthSec))}</span>
                )}
              </div>
              <div class="own-item-actions">
                <button type="button" class="btn btn-quiet" data-testid={`own-edit-${r.id}`} aria-label={t('ownEditOf', r.name)} onClick={() => open({ id: r.id, isNew: false }, sel(r.id, 'edit'))}>{t('ownEdit')}</button>
                <button type="button" class="btn btn-quiet" data-testid={`own-up-${r.id}`} aria-label={t('ownUpOf', r.name)} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                <button type="button" class="btn btn-quiet" data-testid={`own-down-${r.id}`} aria-label={t('ownDownOf', r.name)} disabled={i === list.length - 1} onClick={() => move(i, 1)}>↓</button>
                <button type="button" class="btn btn-quiet" data-testid={`own-delete-${r.id}`} aria-label={t('ownDeleteOf', r.name)} onClick={() => askRemove(r)}>{t('ownDelete')}</button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {editing ? (
        <OwnRoutineForm
          key={editing.id}
          id={editing.id}
          editing={!editing.isNew}
          initial={editingRoutine ? draftOf(editingRoutine) : emptyDraft()}
          stored={storedRoutine && draftOf(storedRoutine)}
          onSave={save}
          onCancel={cancel}
          leave={leave}
        />
      ) : (
        <button type="button" class="btn" data-testid="own-add" disabled={list.length >= OWN_LIMITS.routines} onClick={() => open({ id: newOwnId(list.map((r) => r.id), Math.random), isNew: true }, '[data-testid="own-add"]')}>
          {t('ownAdd')}
        </button>
      )}
      {list.length >= OWN_LIMITS.routines && <p class="muted small">{t('ownLimitReached', OWN_LIMITS.routines)}</p>}
    </section>
  );
}
