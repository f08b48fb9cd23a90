import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ROUTINES } from '../../content/routines';
import type { Routine } from '../../content/types';
import { ask, type BreakSession } from '../../lib/messages';
import type { TodaySummary } from '../../lib/storage/history';
import { t } from '../../lib/i18n';
import * as P from '../../lib/player';
import { send, useNow } from '../../components/hooks/use-status';
import { CountdownRing } from '../../components/CountdownRing';
import { Flame } from '../../components/Flame';

type View =
  | { name: 'loading' }
  | { name: 'gone' }
  | { name: 'playing'; session: BreakSession; routine: Routine }
  | { name: 'done'; today: TodaySummary | null; outcome: 'completed' | 'skipped' };

export function App({ breakId }: { breakId: string }) {
  const [view, setView] = useState<View>({ name: 'loading' });
  const [error, setError] = useState(false);

  const load = (another: boolean) =>
    ask(send, { type: another ? 'break/another' : 'break/session', breakId }).then(
      (s) => {
        const routine = s?.routineId ? ROUTINES.find((r) => r.id === s.routineId) : undefined;
        setView(s && routine ? { name: 'playing', session: s, routine } : { name: 'gone' });
      },
      () => setError(true),
    );

  useEffect(() => void load(false), []);

  const finish = async (outcome: 'completed' | 'skipped', routineId: string | null) => {
    try {
      const r = await ask(send, { type: 'break/finish', breakId, outcome, routineId });
      setView({ name: 'done', today: r.today, outcome });
    } catch {
      setError(true);
    }
  };

  return (
    <main class="break">
      {error && <p class="notice" role="alert">{t('errBackground')}</p>}
      {view.name === 'loading' && <p class="muted" aria-busy="true">{t('loading')}</p>}
      {view.name === 'gone' && (
        <section class="end" data-testid="break-gone">
          <h1>{t('breakGone')}</h1>
          <button class="btn" onClick={() => window.close()}>{t('actionClose')}</button>
        </section>
      )}
      {view.name === 'playing' && (
        <Player
          key={view.routine.id}
          routine={view.routine}
          onDone={() => finish('completed', view.routine.id)}
          onSkip={() => finish('skipped', view.routine.id)}
          onAnother={() => void load(true)}
        />
      )}
      {view.name === 'done' && <End today={view.today} outcome={view.outcome} />}
    </main>
  );
}

function Player({ routine, onDone, onSkip, onAnother }: { routine: Routine; onDone: () => void; onSkip: () => void; onAnother: () => void }) {
  const now = useNow(250);
  const [ps, setPs] = useState(() => P.startPlayer(Date.now()));
  const steps = routine.steps;
  const settled = useMemo(() => P.settle(ps, steps, now), [ps, steps, now]);
  const doneSent = useRef(false);
  const mainRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (settled !== ps) setPs(settled);
  }, [settled]);
  useEffect(() => {
    if (settled.finished && !doneSent.current) {
      doneSent.current = true;
      onDone();
    }
  }, [settled.finished]);
  useEffect(() => mainRef.current?.focus(), []);

  const paused = settled.pausedAt !== null;
  const cur = steps[settled.step]!;
  const upNext = steps[settled.step + 1];
  const remaining = P.remainingMs(settled, steps, now);

  const toggle = () => setPs((s) => (s.pausedAt === null ? P.pause(s, Date.now()) : P.resume(s, Date.now())));
  const nextStep = () => setPs((s) => P.next(P.settle(s, steps, Date.now()), steps, Date.now()));
  const prevStep = () => setPs((s) => P.back(P.settle(s, steps, Date.now()), steps, Date.now()));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const onButton = target?.tagName === 'BUTTON';
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        toggle();
      } else if (e.key === 'ArrowRight') nextStep();
      else if (e.key === 'ArrowLeft') prevStep();
      else if (e.key === 'Enter' && !onButton) {
        e.preventDefault();
        if (!doneSent.current) {
          doneSent.current = true;
          onDone();
        }
      } else if (e.key === 'Escape') onSkip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <article class="player" aria-labelledby="routine-title">
      <header class="player-head">
        <p class="muted small">{t(`kind_${routine.kind.replace('-', '_')}` as 'kind_stretch')}</p>
        <h1 id="routine-title" tabIndex={-1} ref={mainRef} data-testid="routine-title">{routine.title}</h1>
      </header>
      <div class="stage">
        <img class="illustration" src={`/routines/${routine.illustration}`} alt="" width="180" height="144" />
        <CountdownRing remainingMs={remaining} totalMs={cur.seconds * 1000} label={t('stepTimeLeft')} />
      </div>
      <section class="step" aria-labelledby="step-label">
        <p id="step-label" class="muted small" data-testid="step-index">{t('stepOf', [settled.step + 1, steps.length])}</p>
        <p class="step-text" data-testid="step-text">{cur.text}</p>
        <p class="muted small up-next">{upNext ? t('upNext', upNext.text) : t('lastStep')}</p>
        <p class="visually-hidden" aria-live="polite" data-testid="announce">
          {t('stepAnnounce', [settled.step + 1, steps.length, cur.text])}
        </p>
      </section>
      <div class="controls" role="group" aria-label={t('playerControls')}>
        <button class="btn" onClick={prevStep} disabled={settled.step === 0} aria-keyshortcuts="ArrowLeft">{t('actionBack')}</button>
        <button class="btn" onClick={toggle} data-testid="pause" aria-pressed={paused} aria-keyshortcuts="Space">
          {paused ? t('actionResume') : t('actionPause')}
        </button>
        <button class="btn" onClick={nextStep} aria-keyshortcuts="ArrowRight">{t('actionNext')}</button>
      </div>
      <div class="controls">
        <button class="btn btn-primary" data-testid="done" onClick={() => { doneSent.current = true; onDone(); }} aria-keyshortcuts="Enter">{t('actionDone')}</button>
        <button class="btn" data-testid="another" onClick={onAnother}>{t('actionAnother')}</button>
        <button class="btn btn-quiet" data-testid="skip" onClick={onSkip} aria-keyshortcuts="Escape">{t('actionSkip')}</button>
      </div>
      <details class="about">
        <summary>{t('safetyAndSources')}</summary>
        <ul class="cautions">
          {routine.cautions.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <p class="small muted">{t('sourcesLabel', routine.sources.join(', '))}</p>
      </details>
      <p class="small muted disclaimer">{t('disclaimer')}</p>
    </article>
  );
}

function End({ today, outcome }: { today: TodaySummary | null; outcome: 'completed' | 'skipped' }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="end" data-testid="break-end">
      <div class={`end-mark${outcome === 'completed' ? ' ok' : ''}`} aria-hidden="true">{outcome === 'completed' ? '✓' : '–'}</div>
      <h1 tabIndex={-1} ref={ref}>{outcome === 'completed' ? t('endCompleted') : t('endSkipped')}</h1>
      {today && (
        <div class="end-stats">
          <p class="card stat">
            <span class="stat-value" data-testid="end-today" aria-label={t('endToday', today.taken)}>{today.taken}</span>
            <span class="stat-label" aria-hidden="true">{t('endTodayLabel')}</span>
          </p>
          <p class="card stat">
            <span class="stat-value" aria-label={t('endStreak', today.streak)}><Flame lit={today.streak > 0} /> {today.streak}</span>
            <span class="stat-label" aria-hidden="true">{t('endStreakLabel')}</span>
          </p>
        </div>
      )}
      <p class="muted small">{t('endCloseHint')}</p>
      <button class="btn btn-primary" data-testid="close" onClick={() => window.close()}>{t('actionClose')}</button>
    </section>
  );
}
