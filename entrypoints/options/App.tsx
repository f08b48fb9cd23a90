/**
 * The options page: schedules, breaks, snooze and idle, then (loaded after the first paint, below
 * the fold) behaviour, shortcuts, routines, sounds and data. Settings come from useSettings and every change goes
 * through updateSettings (components/hooks/use-settings.ts); the header says "Saved" after each.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { BREAK_KINDS, type BreakKind, type Settings } from '../../lib/settings';
import { FIELDS, type FieldError, type FieldId } from '../../lib/settings-fields';
import { updateSettings, useSettings, useSyncState } from '../../components/hooks/use-settings';
import { loadSyncState } from '../../lib/storage/settings-items';
import { NumberField } from '../../components/NumberField';
import { ScheduleEditor } from '../../components/ScheduleEditor';
import { RestoreDefaults } from '../../components/RestoreDefaults';
import { WeekStartField } from '../../components/WeekStartField';
import { AwayAfterField } from '../../components/AwayAfterField';

type Later = typeof import('./later');
/** The sections below the fold, and the check of a typed number (after the first paint). */
const loadLater = () => import('./later');

export function App() {
  const settings = useSettings();
  const sync = useSyncState() ?? 'on';
  const [later, setLater] = useState<Later | null>(null);
  useEffect(() => {
    void loadLater().then((m) => setLater(m));
    // Settings an earlier save left off sync (a passing quota error, sync off for a while) are
    // saved again as the page opens, in the queue of this page's changes: the ones in force here
    // go to sync, and the notice below goes once they are there. Each change tries sync too.
    void loadSyncState().then((s) => void (s !== 'on' && updateSettings((x) => x).catch(() => null)));
  }, []);
  const [saved, setSaved] = useState(0);
  const [failed, setFailed] = useState(false);
  /** A change saved: "Saved", said again. Not saved (`false`, a failure said where it was made): "Saved" goes, no longer true. */
  const onSaved = (ok = true) => setSaved((n) => (ok ? n + 1 : 0));

  /**
   * A change to the settings in force: validated and saved (updateSettings), then "Saved". A
   * change that returns null (a field error, shown by its field) saves nothing and says nothing
   * here; an invalid result or a storage failure shows the page's error. `quiet`: "Saved" is left
   * to the caller (a failure is said all the same).
   */
  const save = async (change: (s: Settings) => Settings | null, quiet = false): Promise<Settings | null> => {
    let refused = false;
    setFailed(false); // a failure again is put in afresh, and so heard again
    const next = await updateSettings((s) => {
      const n = change(s);
      refused = n === null;
      return n;
    }).catch(() => undefined);
    const bad = next === undefined || (next === null && !refused);
    setFailed(bad);
    if (bad || (next && !quiet)) onSaved(!bad);
    return next ?? null;
  };

  // A section's "Restore defaults" saves as any change does, and starts the section's controls
  // afresh: no refusal or "Custom" choice of before outlives it (keys below), even where the
  // restored value equals the stored one.
  const [restored, setRestored] = useState({ stretch: 0, micro: 0, snooze: 0, behaviour: 0 });
  const restore = (k: keyof typeof restored) => (change: (s: Settings) => Settings) =>
    save(change).then((r) => r && setRestored((x) => ({ ...x, [k]: x[k] + 1 })));

  const commit = async (field: FieldId, text: string): Promise<FieldError | null> => {
    let error: FieldError | null = null;
    const { validateField } = await loadLater();
    // The change runs on what the page shows too, before its own run on the stored settings
    // (another window's change may land between): the last run's outcome is the one that counts.
    await save((s) => {
      const r = validateField(s, field, text);
      error = r.ok ? null : r.error;
      return r.ok ? r.settings : null;
    });
    return error;
  };

  // A time typed in the working hours is saved at each change ("0830": 8:00, 8:03, 8:30), and
  // "Saved" said once, as the person settles on it (ScheduleEditor's onTyping), if its last change
  // was saved (one that leaves the week invalid is not: it comes with no save, and its problem is said).
  const typing = useRef(false);
  const unsaid = useRef<Promise<Settings | null> | null>(null);
  const onTyping = (on: boolean) => {
    const last = unsaid.current;
    typing.current = on;
    unsaid.current = null;
    if (!on) void last?.then((r) => r && onSaved());
  };

  const toggle = (kind: BreakKind, enabled: boolean) => save((s) => ({ ...s, [kind]: { ...s[kind], enabled } }));

  if (!settings) return <main class="options" aria-busy="true" />;

  const field = (id: FieldId, label: string, unit: string, hint?: string, disabled?: boolean, section?: string, against?: number) => (
    <NumberField
      key={id}
      id={id}
      section={section}
      label={label}
      unit={unit}
      hint={hint}
      value={FIELDS[id].get(settings)}
      min={FIELDS[id].min}
      max={FIELDS[id].max}
      disabled={disabled}
      onCommit={(text) => commit(id, text)}
      against={against}
    />
  );

  return (
    <main class="options">
      <header class="options-head">
        <img src="/icons/48.png" alt="" width="40" height="40" />
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="muted">{t('optionsIntro')}</p>
        </div>
        <p class="saved" role="status" aria-live="polite" data-testid="saved">
          {/* Keyed on the count: each save is new content in the live region, so each is announced. */}
          {saved > 0 && <span key={saved}>{t('saved')}</span>}
        </p>
      </header>
      {failed && <p class="notice" role="alert" data-testid="save-failed">{t('errSaveFailed')}</p>}
      {/* In the page from the start, empty: it comes after a change that could not reach sync. */}
      <div class="live" role="status">
        {sync !== 'on' && <p class="notice" data-testid="sync-off">{t('syncOff')}</p>}
      </div>

      <section class="card section" aria-labelledby="sched-h">
        <div class="section-head">
          <h2 id="sched-h">{t('schedTitle')}</h2>
          <RestoreDefaults section="schedule" label={t('schedTitle')} pick={(d) => ({ schedule: d.schedule, weekStart: d.weekStart })} save={save} />
        </div>
        <p class="muted small">{t('schedHelp')}</p>
        <ScheduleEditor
          value={settings.schedule}
          onChange={(schedule) => {
            const saving = save((s) => ({ ...s, schedule }), typing.current);
            if (typing.current) unsaid.current = saving;
          }}
          onTyping={onTyping}
          weekStart={settings.weekStart}
        />
        <WeekStartField value={settings.weekStart} onChange={(weekStart) => void save((s) => ({ ...s, weekStart }))} />
      </section>

      {BREAK_KINDS.map((kind) => (
        <section class="card section" aria-labelledby={`${kind}-h`} key={kind}>
          <div class="section-head">
            <h2 id={`${kind}-h`}>{kind === 'stretch' ? t('kindStretchTitle') : t('kindMicroTitle')}</h2>
            {/* Together: the heading wraps first, and the switch never sits alone on a line of its own. */}
            <div class="head-end">
              <RestoreDefaults
                section={kind}
                label={kind === 'stretch' ? t('kindStretchTitle') : t('kindMicroTitle')}
                pick={(d) => ({ [kind]: d[kind] })}
                save={restore(kind)}
              />
              <label class="switch">
                <input
                  type="checkbox"
                  id={`${kind}-enabled`}
                  aria-labelledby={`${kind}-h ${kind}-enabled-label`}
                  data-testid={`${kind}-enabled`}
                  checked={settings[kind].enabled}
                  onChange={(e) => void toggle(kind, (e.target as HTMLInputElement).checked)}
                />
                <span id={`${kind}-enabled-label`}>{t('enabled')}</span>
              </label>
            </div>
          </div>
          <p class="muted small">{kind === 'stretch' ? t('kindStretchHelp') : t('kindMicroHelp')}</p>
          <div class="fields" key={restored[kind]}>
            {/* A stretch break's length is refused while not shorter than its interval: each field follows the other's stored value. (A posture check's limits never meet: 120 s at most, every 5 min at least.) */}
            {kind === 'stretch'
              ? [
                  field('stretch.everyMin', t('fieldEvery'), t('unitMinDesk'), undefined, !settings.stretch.enabled, `${kind}-h`, settings.stretch.lengthSec),
                  field('stretch.lengthMin', t('fieldLength'), t('unitMin'), t('fieldLengthHint'), !settings.stretch.enabled, `${kind}-h`, settings.stretch.everySec),
                ]
              : [
                  field('micro.everyMin', t('fieldEvery'), t('unitMinDesk'), undefined, !settings.micro.enabled, `${kind}-h`),
                  field('micro.lengthSec', t('fieldLength'), t('unitSec'), t('fieldLengthHint'), !settings.micro.enabled, `${kind}-h`),
                ]}
          </div>
        </section>
      ))}

      <section class="card section" aria-labelledby="prompts-h">
        <div class="section-head">
          <h2 id="prompts-h">{t('snoozeTitle')}</h2>
          <RestoreDefaults
            section="snooze"
            label={t('snoozeTitle')}
            pick={(d) => ({ snoozeSec: d.snoozeSec, snoozeLimit: d.snoozeLimit, idleSec: d.idleSec })}
            save={restore('snooze')}
          />
        </div>
        <div class="fields" key={restored.snooze}>
          {field('snoozeMin', t('fieldSnooze'), t('unitMin'), t('fieldSnoozeHint'))}
          {/* Strict mode caps it at one (lib/tracker/due.ts effectiveSnoozeLimit): its switch's words ("at most one snooze") said here while it is on. */}
          {field('snoozeLimit', t('fieldSnoozeLimit'), t('unitTimes'), settings.strict ? t('fieldStrict') : undefined)}
          <AwayAfterField value={settings.idleSec} save={save} />
          {field('idleSec', t('fieldIdle'), t('unitSec'), t('fieldIdleHint'))}
        </div>
      </section>

      <section class="card section" aria-labelledby="behaviour-h">
        <div class="section-head">
          <h2 id="behaviour-h">{t('behaviourTitle')}</h2>
          <RestoreDefaults
            section="behaviour"
            label={t('behaviourTitle')}
            pick={(d) => ({ prompts: d.prompts, badge: d.badge, strict: d.strict, hold: d.hold, pauseWaitMin: d.pauseWaitMin, headsUpSec: d.headsUpSec, dailyLimit: d.dailyLimit })}
            save={restore('behaviour')}
          />
        </div>
        {later && <later.BehaviourPrefs key={restored.behaviour} settings={settings} save={save} commit={commit} callSites={<later.CallSitesPrefs settings={settings} save={save} />} />}
      </section>

      {later ? <later.ShortcutPrefs /> : null}

      {later ? (
        <>
          <later.RoutinePrefs settings={settings} onSaved={onSaved} />
          <later.OwnRoutines settings={settings} onSaved={onSaved} />
          <later.DataPrefs />
        </>
      ) : (
        <section class="card section later" aria-busy="true" />
      )}

      <footer class="muted small disclaimer">{t('disclaimer')}</footer>
    </main>
  );
}
