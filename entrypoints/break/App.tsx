import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ROUTINES } from '../../content/routines';
import { cautionText, routineTitle, stepText } from '../../content/text';
import type { Routine } from '../../content/types';
import { ask, RequestError, type BreakSession, type SendMessage } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import type { TodaySummary } from '../../lib/storage/history';
import { t } from '../../lib/i18n';
import * as P from '../../lib/player';
import { send, useNow } from '../../components/hooks/use-status';
import { useSettings } from '../../components/hooks/use-settings';
import { useHealthAnswer } from '../../components/hooks/use-health';
import { saveHealthAnswer } from '../../lib/storage/health';
import { CountdownRing } from '../../components/CountdownRing';
import { RoutineSources } from '../../components/RoutineSources';
import { StepCue } from '../../components/StepCue';
import { Flame } from '../../components/Flame';
import { SafetyScreen, type SafetyAnswer } from '../../components/SafetyScreen';
import { chime, primeAudio, speak, stopSpeaking } from '../../components/sound';

type Sound = Settings['sound'];
type Outcome = 'completed' | 'skipped';

type View =
  | { name: 'loading' }
  /** No break under way for this window: opened without one, or its break is over. */
  | { name: 'none' }
  /** The background did not answer (or not in time): say so and offer to try again. */
  | { name: 'noAnswer' }
  /** The break is on, but no routine fits the settings (e.g. every one is excluded). */
  | { name: 'free'; session: BreakSession }
  | { name: 'playing'; session: BreakSession; routine: Routine }
  | { name: 'done'; today: TodaySummary | null; outcome: Outcome };

/** How long the page waits for the background before it says that it is not answering. */
const ANSWER_WAIT_MS = 8_000;

/** Messages to the background, given up on (rejected) when no answer comes in time. */
const timed: SendMessage = (m) => Promise.race([send(m), new Promise((_, reject) => setTimeout(reject, ANSWER_WAIT_MS))]);

export function App({ breakId, prompting = false }: { breakId: string; prompting?: boolean }) {
  const [view, setView] = useState<View>(breakId ? { name: 'loading' } : { name: 'none' });
  const [error, setError] = useState(false);
  const settings = useSettings();
  const health = useHealthAnswer();

  const load = (another: boolean) =>
    ask(timed, { type: another ? 'break/another' : 'break/session', breakId }).then((s) => {
      const routine = s?.routineId ? ROUTINES.find((r) => r.id === s.routineId) : undefined;
      setView(!s ? { name: 'none' } : routine ? { name: 'playing', session: s, routine } : { name: 'free', session: s });
    });

  const open = () => {
    setView({ name: 'loading' });
    // A window opened as the prompt starts its break first (refused, and so "over", if that
    // break is no longer due); a window opened by Start finds its break already under way.
    const start = prompting ? ask(timed, { type: 'break/start', breakId }).catch(() => undefined) : Promise.resolve();
    void start.then(() => load(false)).catch((e: unknown) =>
      // A missing or malformed id is refused as a bad request: no such break either.
      setView(e instanceof RequestError && e.code === 'badRequest' ? { name: 'none' } : { name: 'noAnswer' }),
    );
  };
  // Opened without a break: nothing to ask (see NoBreak).
  useEffect(() => void (breakId && open()), []);

  /** "Start a break now": the background starts one (or takes up the due one) in its break window. */
  const startNow = async () => {
    try {
      await ask(timed, { type: 'break/start' });
      // The break plays in the break window the background has just opened or focused; this
      // page (a window left from an earlier break, or opened by hand) is not needed any more.
      window.close();
    } catch {
      setView({ name: 'noAnswer' });
    }
  };

  // With the chime on, the first key or click in this window lets later chimes through the
  // browser's autoplay rules. (No audio context at all while the chime is off.)
  const chimeOn = useRef(false);
  chimeOn.current = settings?.sound.chime ?? false;
  useEffect(() => {
    const off = () => {
      window.removeEventListener('keydown', prime);
      window.removeEventListener('pointerdown', prime);
    };
    const prime = () => {
      if (!chimeOn.current) return;
      primeAudio();
      off();
    };
    window.addEventListener('keydown', prime);
    window.addEventListener('pointerdown', prime);
    return off;
  }, []);

  /** Whether the background took it; after a failure the buttons work again (and the error says so). */
  const finish = async (outcome: Outcome, routineId: string | null): Promise<boolean> => {
    try {
      const r = await ask(timed, { type: 'break/finish', breakId, outcome, routineId });
      setError(false);
      setView({ name: 'done', today: r.today, outcome });
      return true;
    } catch {
      setError(true);
      return false;
    }
  };

  // The player waits for the settings (a fast local read) so the first step is spoken too.
  const waiting = view.name === 'loading' || (view.name === 'playing' && !settings);
  return (
    <main class="break">
      {(error || view.name === 'noAnswer') && <p class="notice" role="alert">{t('errBackground')}</p>}
      {view.name === 'noAnswer' && <button class="btn btn-primary" data-testid="retry" onClick={open}>{t('actionRetry')}</button>}
      {waiting && <p class="muted" aria-busy="true">{t('loading')}</p>}
      {view.name === 'none' && <NoBreak onStart={() => void startNow()} />}
      {view.name === 'free' && <FreeBreak strict={view.session.strict} onDone={() => void finish('completed', null)} onSkip={() => void finish('skipped', null)} />}
      {view.name === 'playing' && settings && (
        <Player
          key={view.routine.id}
          routine={view.routine}
          sound={settings.sound}
          strict={view.session.strict}
          onDone={() => finish('completed', view.routine.id)}
          onSkip={() => finish('skipped', view.routine.id)}
          onAnother={() => void load(true).catch(() => setError(true))}
        />
      )}
      {view.name === 'done' && (
        <End today={view.today} outcome={view.outcome} sound={settings?.sound} offerSelfMassage={health === 'ask'} />
      )}
    </main>
  );
}

/** Keys typed on a control keep their usual meaning there. */
function onControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a, summary, input, select, textarea, [role="button"]') !== null;
}

interface PlayerProps {
  routine: Routine;
  sound: Sound;
  /** Strict mode: no Skip, and Esc says so instead. */
  strict: boolean;
  /** Resolve to whether the background took the outcome (if not, the buttons work again). */
  onDone: () => Promise<boolean>;
  onSkip: () => Promise<boolean>;
  onAnother: () => void;
}

function Player({ routine, sound, strict, onDone, onSkip, onAnother }: PlayerProps) {
  const now = useNow(250);
  const [ps, setPs] = useState(() => P.startPlayer(Date.now()));
  const steps = routine.steps;
  const settled = useMemo(() => P.settle(ps, steps, now), [ps, steps, now]);
  const doneSent = useRef(false);
  const mainRef = useRef<HTMLHeadingElement>(null);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const spokenStep = useRef<number | null>(null);

  const [strictNote, setStrictNote] = useState(false);
  const send = (ending: () => Promise<boolean>) => {
    doneSent.current = true;
    void ending().then((ok) => {
      if (!ok) doneSent.current = false; // the request failed: Done and Skip work again
    });
  };
  const complete = () => {
    if (doneSent.current) return;
    stopSpeaking();
    if (soundRef.current.chime) void chime(soundRef.current.volume, 'end');
    send(onDone);
  };
  const skip = () => {
    if (doneSent.current) return;
    if (strict) {
      setStrictNote(true); // strict mode: no skipping; say so
      return;
    }
    stopSpeaking();
    send(onSkip);
  };

  useEffect(() => {
    if (settled !== ps) setPs(settled);
  }, [settled]);
  useEffect(() => {
    if (settled.finished) complete();
  }, [settled.finished]);
  useEffect(() => {
    mainRef.current?.focus();
    return () => stopSpeaking();
  }, []);

  // Each new step: a chime (not for the first one) and, with voice on, the step read aloud.
  useEffect(() => {
    if (settled.finished) return;
    const first = spokenStep.current === null;
    if (spokenStep.current === settled.step) return;
    spokenStep.current = settled.step;
    const s = soundRef.current;
    if (!first && s.chime) void chime(s.volume, 'step');
    if (s.voice) {
      const text = stepText(routine, settled.step);
      speak(first ? `${routineTitle(routine)}. ${text}` : text);
    }
  }, [settled.step, settled.finished]);

  const paused = settled.pausedAt !== null;
  useEffect(() => {
    if (paused) stopSpeaking();
  }, [paused]);

  const cur = steps[settled.step]!;
  const curText = stepText(routine, settled.step);
  const upNext = settled.step + 1 < steps.length ? stepText(routine, settled.step + 1) : null;
  const remaining = P.remainingMs(settled, steps, now);
  const massage = routine.kind === 'self-massage';
  // The sources load when the notes are first opened (components/RoutineSources.tsx).
  const [aboutOpen, setAboutOpen] = useState(false);

  const toggle = () => setPs((s) => (s.pausedAt === null ? P.pause(s, Date.now()) : P.resume(s, Date.now())));
  const nextStep = () => setPs((s) => P.next(P.settle(s, steps, Date.now()), steps, Date.now()));
  const prevStep = () => setPs((s) => P.back(P.settle(s, steps, Date.now()), steps, Date.now()));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || doneSent.current) return;
      const control = onControl(e.target);
      if (e.key === ' ' && !control) {
        e.preventDefault();
        toggle();
      } else if (e.key === 'ArrowRight') nextStep();
      else if (e.key === 'ArrowLeft') prevStep();
      else if (e.key === 'Enter' && !control) {
        e.preventDefault();
        complete();
      } else if (e.key === 'Escape') skip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <article class="player" aria-labelledby="routine-title" data-routine-id={routine.id} data-kind={routine.kind}>
      <header class="player-head">
        <p class="muted small">{t(`kind_${routine.kind.replace('-', '_')}` as 'kind_stretch')}</p>
        <h1 id="routine-title" tabIndex={-1} ref={mainRef} data-testid="routine-title">{routineTitle(routine)}</h1>
      </header>
      <div class="stage">
        <img class="illustration" src={`/routines/${routine.illustration}`} alt="" width="150" height="120" />
        <CountdownRing remainingMs={remaining} totalMs={cur.seconds * 1000} label={t('stepTimeLeft')} />
      </div>
      <section class="step" aria-labelledby="step-label">
        <p id="step-label" class="muted small" data-testid="step-index">{t('stepOf', [settled.step + 1, steps.length])}</p>
        <p class="step-text" data-testid="step-text">{curText}</p>
        <p class="muted small up-next">{upNext !== null ? t('upNext', upNext) : t('lastStep')}</p>
        <StepCue steps={steps} step={settled.step} />
        <p class="visually-hidden" aria-live="polite" data-testid="announce">
          {paused ? t('playerPaused') : t('stepAnnounce', [settled.step + 1, steps.length, curText])}
        </p>
      </section>
      {/* Cautions in view before the first step for every kind (all the way through for self-massage). */}
      {(massage || settled.step === 0) && routine.cautions.length > 0 && (
        <aside class="caution-box" aria-labelledby="cautions-h" data-testid="cautions">
          <h2 id="cautions-h">{t('playerCautionsTitle')}</h2>
          <ul>
            {routine.cautions.map((c) => <li key={c}>{cautionText(c)}</li>)}
          </ul>
        </aside>
      )}
      <div class="controls" role="group" aria-label={t('playerControls')}>
        <button class="btn" onClick={prevStep} disabled={settled.step === 0} aria-keyshortcuts="ArrowLeft" data-testid="back">{t('actionBack')}</button>
        <button class="btn" onClick={toggle} data-testid="pause" aria-pressed={paused} aria-keyshortcuts="Space">
          {paused ? t('actionResume') : t('actionPause')}
        </button>
        <button class="btn" onClick={nextStep} aria-keyshortcuts="ArrowRight" data-testid="next">{t('actionNext')}</button>
      </div>
      <div class="controls">
        <button class="btn btn-primary" data-testid="done" onClick={complete} aria-keyshortcuts="Enter">{t('actionDone')}</button>
        <button class="btn" data-testid="another" onClick={onAnother}>{t('actionAnother')}</button>
        {!strict && <button class="btn btn-quiet" data-testid="skip" onClick={skip} aria-keyshortcuts="Escape">{t('actionSkip')}</button>}
      </div>
      {strict && (
        <p class={strictNote ? 'notice small' : 'small muted'} role="status" data-testid="strict-note">
          {t('strictBreakNote')}
        </p>
      )}
      <details class="about" onToggle={(e) => setAboutOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{massage ? t('aboutSourcesKeys') : t('aboutSafetySourcesKeys')}</summary>
        {!massage && (
          <ul class="cautions">
            {routine.cautions.map((c) => <li key={c}>{cautionText(c)}</li>)}
          </ul>
        )}
        <RoutineSources ids={routine.sources} open={aboutOpen} />
        <p class="small muted keys" data-testid="keys-hint">{t('playerKeysHint')}</p>
      </details>
      <p class="small muted disclaimer" data-testid="disclaimer">{t('disclaimer')}</p>
    </article>
  );
}

/** No break under way for this window: say so, and offer one. */
function NoBreak({ onStart }: { onStart: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="end" data-testid="break-gone">
      <h1 tabIndex={-1} ref={ref}>{t('breakNoneTitle')}</h1>
      <p>{t('breakNoneHint')}</p>
      <div class="controls">
        <button class="btn btn-primary" data-testid="start-now" onClick={onStart}>{t('actionStartBreakNow')}</button>
        <button class="btn" onClick={() => window.close()}>{t('actionClose')}</button>
      </div>
    </section>
  );
}

/** A break with no routine that fits the settings: still a break, just unguided. */
function FreeBreak({ strict, onDone, onSkip }: { strict: boolean; onDone: () => void; onSkip: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !strict) onSkip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section class="end free" data-testid="break-free">
      <h1 tabIndex={-1} ref={ref}>{t('freeBreakTitle')}</h1>
      <p>{t('freeBreakBody')}</p>
      <div class="controls">
        <button class="btn btn-primary" data-testid="done" onClick={onDone}>{t('actionDone')}</button>
        <button class="btn" onClick={() => void browser.runtime.openOptionsPage()}>{t('actionOptions')}</button>
        {!strict && <button class="btn btn-quiet" data-testid="skip" onClick={onSkip} aria-keyshortcuts="Escape">{t('actionSkip')}</button>}
      </div>
      {strict && <p class="small muted" data-testid="strict-note">{t('strictBreakNote')}</p>}
      <p class="small muted disclaimer">{t('disclaimer')}</p>
    </section>
  );
}

interface EndProps {
  today: TodaySummary | null;
  outcome: Outcome;
  sound: Sound | undefined;
  offerSelfMassage: boolean;
}

function End({ today, outcome, sound, offerSelfMassage }: EndProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [screen, setScreen] = useState(false);
  useEffect(() => {
    ref.current?.focus();
    if (outcome === 'completed' && sound?.voice) speak(t('endCompleted'));
  }, []);

  const answer = (a: SafetyAnswer) => saveHealthAnswer(a);
  const closed = () => {
    setScreen(false);
    // The link that opened the screen is gone once answered: bring focus back to the page.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus();
    });
  };

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
      {offerSelfMassage && (
        <button class="link-btn small" data-testid="try-self-massage" onClick={() => setScreen(true)}>
          {t('trySelfMassage')}
        </button>
      )}
      {screen && <SafetyScreen onAnswer={answer} onClose={closed} />}
    </section>
  );
}
