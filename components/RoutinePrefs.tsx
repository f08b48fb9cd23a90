/**
 * The options page's Routines and Sounds sections: equipment, focus areas, positions,
 * self-massage (behind the safety screen), routines to leave out, voice and chime.
 * It draws the page's settings (useSettings) and saves every change at once through
 * updateSettings, which validates it; `onSaved` lets the page show its "Saved" feedback.
 * The leave-out list shows the library the picker draws from (loadRoutineLibrary): the built-in
 * routines and the user's own, each in its kind's group, kept live as own routines change.
 * Whether any routine is left is the picker's own answer (anyRoutineLeft, content/picker.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { ROUTINES } from '../content/routines';
import { anyRoutineLeft, pickPrefsFor } from '../content/picker';
import { BODY_AREAS, EQUIPMENT, POSITIONS, ROUTINE_KINDS, type Equipment, type Position } from '../content/types';
import { t, type MessageKey } from '../lib/i18n';
import { AREA_LABEL, EQUIPMENT_LABEL, KIND_GROUP, POSITION_LABEL, SELF_MASSAGE_STATUS } from './routine-labels';
import { RoutineRow } from './RoutineRow';
import type { RoutinePrefs as Prefs, Settings } from '../lib/settings';
import { updateSettings } from './hooks/use-settings';
import { useHealthAnswer } from './hooks/use-health';
import { saveHealthAnswer } from '../lib/storage/health';
import { localOwn, loadRoutineLibrary } from '../lib/storage/own-routines';
import { latestReload } from '../lib/storage/latest';
import { useStored } from './hooks/use-stored';
import { RestoreDefaults } from './RestoreDefaults';
import { SafetyScreen, type SafetyAnswer } from './SafetyScreen';
import { canSpeak, chime, primeAudio, speak } from './sound';
import './routine-prefs.css';

/** `list` with `item` in or out, in the order of `order` (values not in `order` are kept last). */
function toggled<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return [...order.filter((x) => set.has(x)), ...[...set].filter((x) => !order.includes(x))];
}

interface Props {
  settings: Settings;
  onSaved: (ok?: boolean) => void; // false: a save failed (said here)
}

export function RoutinePrefs({ settings, onSaved }: Props) {
  const prefs = settings.routines;
  const sound = settings.sound;
  /** The volume while the slider moves (saved when it is let go). */
  const [volumeDraft, setVolumeDraft] = useState<number | null>(null);
  /** Positions as shown while they are invalid (none chosen: not saved) or being saved. */
  const [positionsDraft, setPositionsDraft] = useState<Position[] | null>(null);
  /** Whether each section's last change could not be saved: said in that section, by the control changed. */
  const [failed, setFailed] = useState({ routines: false, sounds: false });
  const [screen, setScreen] = useState(false);
  const [testNote, setTestNote] = useState<MessageKey | null>(null);
  // The safety screen's answer: on this device only (lib/storage/health.ts), not in the settings.
  const health = useHealthAnswer() ?? 'ask';
  // What the picker draws from: the library, then the user's own routines (live).
  const library = useStored(loadRoutineLibrary, (cb) => localOwn.watch(latestReload(loadRoutineLibrary, cb))) ?? ROUTINES;

  const save = (section: 'routines' | 'sounds') => async (change: (s: Settings) => Settings): Promise<void> => {
    setFailed((f) => ({ ...f, [section]: false })); // a failure again is put in afresh, and so heard again
    const saved = await updateSettings(change).catch(() => null);
    setFailed((f) => ({ ...f, [section]: saved === null }));
    onSaved(saved !== null);
  };
  const saveRoutines = (change: (r: Prefs) => Prefs) => save('routines')((s) => ({ ...s, routines: change(s.routines) }));
  const saveSound = (change: (x: Settings['sound']) => Settings['sound']) => save('sounds')((s) => ({ ...s, sound: change(s.sound) }));

  const positions = positionsDraft ?? prefs.positions;
  // Stored positions changed (this page's save, Restore defaults, sync, an import): shown, and an
  // unsaved draft (every box unticked, refused) goes with its error.
  useEffect(() => setPositionsDraft(null), [prefs.positions.join()]);
  const setPosition = (p: Position, on: boolean) => {
    const next = toggled(positions, p, on, POSITIONS);
    // Shown as chosen while it saves (the stored value, told to the page on saving, then takes over); none chosen is not saved.
    setPositionsDraft(next);
    if (next.length > 0) void saveRoutines((r) => ({ ...r, positions: next })).then(() => setPositionsDraft((d) => (d === next ? null : d)));
  };

  // The safety answer saved or not, as for the settings ("Saved" goes with a failure, said here or by the screen).
  const told = (write: Promise<void>) => write.then(() => onSaved(), (e: unknown) => {
    onSaved(false);
    throw e;
  });
  const answer = (a: SafetyAnswer) => told(saveHealthAnswer(a));

  const onSelfMassage = (e: Event) => {
    const box = e.currentTarget as HTMLInputElement;
    if (box.checked) {
      // Turning it on goes through the safety screen; the box stays off until confirmed.
      box.checked = false;
      setScreen(true);
    } else {
      // Off again: the answer stays (none of the warning signs applies), self-massage stops, and
      // a break's end stops offering it (turning it on again is here). A failure again is put
      // in afresh, and so heard again.
      setFailed((f) => ({ ...f, routines: false }));
      void told(saveHealthAnswer('off')).catch(() => setFailed((f) => ({ ...f, routines: true })));
    }
  };

  // Plays what a break would: the chime if it is on, the voice if steps are read aloud; with
  // neither on, a break makes no sound, and the note says so (the chime played anyway).
  const testSound = async () => {
    primeAudio();
    // The note's live region is emptied, then filled a moment later: the same note is read out again.
    setTestNote(null);
    const gap = new Promise((r) => setTimeout(r, 100));
    // No voice for the page's language: the sample is said anyway (as a break would), the note says why.
    const voiced = sound.voice ? canSpeak() : true;
    const played = sound.chime && (await chime(volume, 'test'));
    await gap;
    // The volume is the voice's too: with steps read aloud, a sentence at it once the note has rung.
    if (sound.voice) setTimeout(() => speak(t('voiceSample'), volume), played ? 600 : 0);
    setTestNote(!(volume > 0) ? 'soundMuted' : !sound.chime && !sound.voice ? 'soundOff' : sound.chime && !played ? 'soundBlocked' : !(await voiced) ? 'soundNoVoice' : null);
  };

  const positionsInvalid = positions.length === 0;
  // As the break page asks (lib/routine-choice.ts): with each break kind's length, which an own routine must fit.
  const left = (kind: 'micro' | 'stretch') => anyRoutineLeft(library, kind, pickPrefsFor(prefs, health, settings[kind].lengthSec));
  const volume = volumeDraft ?? sound.volume;
  // As the browser's locale writes a share, as every number on the page is: "60 %" in French.
  const volumeText = new Intl.NumberFormat(undefined, { style: 'percent' }).format(Math.round(volume * 100) / 100);
  // "The volume is at 0%" (or "blocked", "both off", "no voice") belongs to the test with these
  // sounds at that volume: gone once it moves or a switch changes.
  useEffect(() => setTestNote(null), [volume, sound.chime, sound.voice]);
  return (
    <>
      <section class="card section routine-prefs" aria-labelledby="rp-routines-h" data-testid="routine-prefs">
        <div class="section-head">
          <h2 id="rp-routines-h">{t('routinesTitle')}</h2>
          <RestoreDefaults section="routines" label={t('routinesTitle')} pick={(d, s) => ({ routines: { ...d.routines, mine: s.routines.mine } })} save={save('routines')} />
        </div>
        <p class="muted small">{t('routinesIntro')}</p>
        {failed.routines && <p class="notice" role="alert">{t('errSaveFailed')}</p>}

        <fieldset class="choices" aria-describedby="equipment-hint">
          <legend>{t('equipmentLegend')}</legend>
          <p id="equipment-hint" class="muted small hint">{t('equipmentHint')}</p>
          <div class="choice-grid">
            {EQUIPMENT.filter((e): e is Exclude<Equipment, 'none'> => e !== 'none').map((e) => (
              <label class="choice" key={e}>
                <input
                  type="checkbox"
                  data-testid={`equipment-${e}`}
                  checked={prefs.equipment.includes(e)}
                  onChange={(ev) => {
                    const on = (ev.currentTarget as HTMLInputElement).checked;
                    void saveRoutines((r) => ({ ...r, equipment: toggled(r.equipment, e, on, EQUIPMENT) }));
                  }}
                />
                <span>{t(EQUIPMENT_LABEL[e])}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset class="choices" aria-describedby="areas-hint">
          <legend>{t('areasLegend')}</legend>
          <p id="areas-hint" class="muted small hint">{t('areasHint')}</p>
          <div class="choice-grid">
            {BODY_AREAS.map((a) => (
              <label class="choice" key={a}>
                <input
                  type="checkbox"
                  data-testid={`area-${a}`}
                  checked={prefs.focusAreas.includes(a)}
                  onChange={(ev) => {
                    const on = (ev.currentTarget as HTMLInputElement).checked;
                    void saveRoutines((r) => ({ ...r, focusAreas: toggled(r.focusAreas, a, on, BODY_AREAS) }));
                  }}
                />
                <span>{t(AREA_LABEL[a])}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset class="choices" aria-describedby={positionsInvalid ? 'positions-error' : 'positions-hint'}>
          <legend>{t('positionsLegend')}</legend>
          <p id="positions-hint" class="muted small hint">{t('positionsHint')}</p>
          <div class="choice-grid">
            {POSITIONS.map((p) => (
              <label class="choice" key={p}>
                <input
                  type="checkbox"
                  data-testid={`position-${p}`}
                  checked={positions.includes(p)}
                  aria-invalid={positionsInvalid}
                  onChange={(ev) => setPosition(p, (ev.currentTarget as HTMLInputElement).checked)}
                />
                <span>{t(POSITION_LABEL[p])}</span>
              </label>
            ))}
          </div>
          {positionsInvalid && (
            <p id="positions-error" class="field-error" role="alert" data-testid="positions-error">
              {t('errPositionRequired')}
            </p>
          )}
        </fieldset>

        <fieldset class="choices self-massage" aria-describedby="self-massage-status">
          <legend>{t('selfMassageLegend')}</legend>
          <label class="switch">
            <input type="checkbox" data-testid="self-massage" checked={health === 'allowed'} onChange={onSelfMassage} />
            <span>{t('selfMassageSwitch')}</span>
          </label>
          <p id="self-massage-status" class="muted small" data-testid="self-massage-status" data-state={health}>
            {t(SELF_MASSAGE_STATUS[health])}
          </p>
        </fieldset>

        <fieldset class="choices" aria-describedby="exclude-hint">
          <legend>{t('excludeLegend')}</legend>
          <p id="exclude-hint" class="muted small hint">{t('excludeHint')}</p>
          {/* A live region in the page from the start, empty: the box that leaves a break kind no routine says so as it is ticked. */}
          <div class="live" role="status">{!left('stretch') && <p class="notice" data-testid="none-left-stretch">{t('noneLeftStretch')}</p>}{!left('micro') && <p class="notice" data-testid="none-left-micro">{t('noneLeftMicro')}</p>}</div>
          {ROUTINE_KINDS.map((kind) => (
            <div class="routine-group" key={kind}>
              <h3 id={`group-${kind}`}>{t(KIND_GROUP[kind])}</h3>
              <ul class="routine-list" aria-labelledby={`group-${kind}`}>
                {library.filter((r) => r.kind === kind).map((r) => (
                  <RoutineRow
                    key={r.id}
                    routine={r}
                    excluded={prefs.excluded.includes(r.id)}
                    onChange={(on) => void saveRoutines((p) => ({ ...p, excluded: toggled(p.excluded, r.id, on, library.map((x) => x.id)) }))}
                  />
                ))}
              </ul>
            </div>
          ))}
        </fieldset>
        {screen && <SafetyScreen onAnswer={answer} onClose={() => setScreen(false)} />}
      </section>

      <section class="card section sound-prefs" aria-labelledby="rp-sounds-h" data-testid="sound-prefs">
        <div class="section-head">
          <h2 id="rp-sounds-h">{t('soundsTitle')}</h2>
          <RestoreDefaults section="sounds" label={t('soundsTitle')} pick={(d) => ({ sound: d.sound })} save={save('sounds')} />
        </div>
        <p class="muted small">{t('soundsIntro')}</p>
        {failed.sounds && <p class="notice" role="alert">{t('errSaveFailed')}</p>}
        <fieldset class="choices">
          <legend class="visually-hidden">{t('soundsTitle')}</legend>
          <label class="switch">
            <input
              type="checkbox"
              data-testid="voice"
              checked={sound.voice}
              onChange={(ev) => {
                const on = (ev.currentTarget as HTMLInputElement).checked;
                void saveSound((x) => ({ ...x, voice: on }));
              }}
            />
            <span>{t('voiceLabel')}</span>
          </label>
          <label class="switch">
            <input
              type="checkbox"
              data-testid="chime"
              checked={sound.chime}
              onChange={(ev) => {
                const on = (ev.currentTarget as HTMLInputElement).checked;
                void saveSound((x) => ({ ...x, chime: on }));
              }}
            />
            <span>{t('chimeLabel')}</span>
          </label>
          <div class="volume">
            <label for="rp-volume">{t('volumeLabel')}</label>
            <input
              id="rp-volume"
              type="range"
              min={0}
              max={100}
              step={5}
              data-testid="volume"
              value={Math.round(volume * 100)}
              aria-valuetext={volumeText}
              onInput={(ev) => setVolumeDraft(Number((ev.currentTarget as HTMLInputElement).value) / 100)}
              onChange={(ev) => {
                const v = Number((ev.currentTarget as HTMLInputElement).value) / 100;
                void saveSound((x) => ({ ...x, volume: v })).then(() => setVolumeDraft(null));
              }}
            />
            <output for="rp-volume" class="muted small" aria-hidden="true">{volumeText}</output>
            <button type="button" class="btn" data-testid="test-sound" onClick={() => void testSound()}>
              {t('actionTestSound')}
            </button>
          </div>
          <p class="muted small sound-note" role="status" data-testid="test-sound-note">
            {testNote && t(testNote)}
          </p>
        </fieldset>
      </section>
    </>
  );
}
