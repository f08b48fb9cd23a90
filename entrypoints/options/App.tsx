import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { BREAK_KINDS, DEFAULT_SETTINGS, FIELDS, validateField, type BreakKind, type FieldError, type FieldId, type Settings } from '../../lib/settings';
import { loadSettings, saveSettings, settingsSyncItem, watchSettings, type SyncState } from '../../lib/storage/settings-items';
import { NumberField } from '../../components/NumberField';
import { ScheduleEditor } from '../../components/ScheduleEditor';
import { BehaviourPrefs } from '../../components/BehaviourPrefs';
import { ShortcutPrefs } from '../../components/ShortcutPrefs';
import { RestoreDefaults } from '../../components/RestoreDefaults';
import { WeekStartField } from '../../components/WeekStartField';

type Later = typeof import('./later');

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [later, setLater] = useState<Later | null>(null);
  useEffect(() => {
    void import('./later').then((m) => setLater(m));
  }, []);
  const [saved, setSaved] = useState(0);
  const [sync, setSync] = useState<SyncState>('on');
  useEffect(() => {
    void settingsSyncItem.getValue().then(setSync);
    return settingsSyncItem.watch((v) => setSync(v ?? 'on'));
  }, []);
  const current = useRef<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    void loadSettings().then((s) => {
      current.current = s;
      setSettings(s);
    });
    return watchSettings((s) => {
      current.current = s;
      setSettings(s);
    });
  }, []);

  const store = async (next: Settings) => {
    current.current = next;
    setSettings(next);
    await saveSettings(next);
    setSaved((n) => n + 1);
  };

  const commit = async (field: FieldId, text: string): Promise<FieldError | null> => {
    const r = validateField(current.current, field, text);
    if (!r.ok) return r.error;
    await store(r.settings);
    return null;
  };

  const toggle = (kind: BreakKind, enabled: boolean) => store({ ...current.current, [kind]: { ...current.current[kind], enabled } });

  if (!settings) return <main class="options" aria-busy="true" />;

  const field = (id: FieldId, label: string, unit: string, hint?: string, disabled?: boolean) => (
    <NumberField
      key={id}
      id={id}
      label={label}
      unit={unit}
      hint={hint}
      value={FIELDS[id].get(settings)}
      min={FIELDS[id].min}
      max={FIELDS[id].max}
      disabled={disabled}
      onCommit={(text) => commit(id, text)}
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
          {saved > 0 ? t('saved') : ''}
        </p>
      </header>
      {sync !== 'on' && (
        <p class="notice" role="status" data-testid="sync-off">{t('syncOff')}</p>
      )}

      <section class="card section" aria-labelledby="sched-h">
        <div class="section-head">
          <h2 id="sched-h">{t('schedTitle')}</h2>
          <RestoreDefaults section="schedule" label={t('schedTitle')} pick={(d) => ({ schedule: d.schedule, weekStart: d.weekStart })} onSaved={() => setSaved((n) => n + 1)} />
        </div>
        <p class="muted small">{t('schedHelp')}</p>
        <ScheduleEditor
          value={settings.schedule}
          onChange={(schedule) => void store({ ...current.current, schedule })}
          weekStart={settings.weekStart}
        />
        <WeekStartField value={settings.weekStart} onChange={(weekStart) => void store({ ...current.current, weekStart })} />
      </section>

      {BREAK_KINDS.map((kind) => (
        <section class="card section" aria-labelledby={`${kind}-h`} key={kind}>
          <div class="section-head">
            <h2 id={`${kind}-h`}>{kind === 'stretch' ? t('kindStretchTitle') : t('kindMicroTitle')}</h2>
            <RestoreDefaults
              section={kind}
              label={kind === 'stretch' ? t('kindStretchTitle') : t('kindMicroTitle')}
              pick={(d) => ({ [kind]: d[kind] })}
              onSaved={() => setSaved((n) => n + 1)}
            />
            <label class="switch">
              <input
                type="checkbox"
                data-testid={`${kind}-enabled`}
                checked={settings[kind].enabled}
                onChange={(e) => void toggle(kind, (e.target as HTMLInputElement).checked)}
              />
              <span>{t('enabled')}</span>
            </label>
          </div>
          <p class="muted small">{kind === 'stretch' ? t('kindStretchHelp') : t('kindMicroHelp')}</p>
          <div class="fields">
            {kind === 'stretch'
              ? [
                  field('stretch.everyMin', t('fieldEvery'), t('unitMinDesk'), undefined, !settings.stretch.enabled),
                  field('stretch.lengthMin', t('fieldLength'), t('unitMin'), t('fieldLengthHint'), !settings.stretch.enabled),
                ]
              : [
                  field('micro.everyMin', t('fieldEvery'), t('unitMinDesk'), undefined, !settings.micro.enabled),
                  field('micro.lengthSec', t('fieldLength'), t('unitSec'), t('fieldLengthHint'), !settings.micro.enabled),
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
            onSaved={() => setSaved((n) => n + 1)}
          />
        </div>
        <div class="fields">
          {field('snoozeMin', t('fieldSnooze'), t('unitMin'))}
          {field('snoozeLimit', t('fieldSnoozeLimit'), t('unitTimes'))}
          {field('idleSec', t('fieldIdle'), t('unitSec'), t('fieldIdleHint'))}
        </div>
      </section>

      <section class="card section" aria-labelledby="behaviour-h">
        <div class="section-head">
          <h2 id="behaviour-h">{t('behaviourTitle')}</h2>
          <RestoreDefaults
            section="behaviour"
            label={t('behaviourTitle')}
            pick={(d) => ({ prompts: d.prompts, badge: d.badge, strict: d.strict, fullscreen: d.fullscreen, dailyLimit: d.dailyLimit })}
            onSaved={() => setSaved((n) => n + 1)}
          />
        </div>
        <BehaviourPrefs settings={settings} store={store} commit={commit} />
      </section>

      <ShortcutPrefs />

      {later ? (
        <>
          <later.RoutinePrefs settings={settings} onSaved={() => setSaved((n) => n + 1)} />
          <later.OwnRoutines settings={settings} onSaved={() => setSaved((n) => n + 1)} />
          <later.DataPrefs />
        </>
      ) : (
        <section class="card section later" aria-busy="true" />
      )}

      <footer class="muted small disclaimer">{t('disclaimer')}</footer>
    </main>
  );
}
