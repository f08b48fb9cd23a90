/** The guided player: one routine, step by step, with its timer, keys, cues and cautions. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cautionText, routineAlt, routineTitle, stepText } from '../../content/text';
import type { Routine } from '../../content/types';
import { illustrationUrl } from '../../content/illustration';
import type { Settings } from '../../lib/settings';
import { t } from '../../lib/i18n';
import * as P from '../../lib/player';
import { useEnding } from './ending';
import { keepPlace, loadPlace, useBreakFrom } from './resume';
import { useNow } from '../../components/hooks/use-status';
import { CountdownRing } from '../../components/CountdownRing';
import { RoutineSources } from '../../components/RoutineSources';
import { StepCue } from '../../components/StepCue';
import { KIND_LABEL } from '../../components/routine-labels';
import { chime, speak, stopSpeaking } from '../../components/sound';
import { EscSaid } from './EscSaid';

type Sound = Settings['sound'];

/** Keys typed on a control keep their usual meaning there. */
function onControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a, summary, input, select, textarea, [role="button"]') !== null;
}

interface PlayerProps {
  /** The break played: with the routine, the place a reload takes up again (./resume.ts). */
  breakId: string;
  routine: Routine;
  sound: Sound;
  /** Strict mode: no Skip, and Esc says so instead; Done only at the last step once the routine's time has passed. */
  strict: boolean;
  /** Resolve to whether the background took the outcome (if not, the buttons work again). */
  onDone: () => Promise<boolean>;
  onSkip: () => Promise<boolean>;
  onAnother: () => void;
}

export function Player({ breakId, routine, sound, strict, onDone, onSkip, onAnother }: PlayerProps) {
  // The page ticks every 250 ms; the player reads the clock as it draws, since a key starts or
  // resumes a step at the clock's time, up to a tick after the last one (a tick old, a 30-s step
  // showed 0:31 and Resume put time back on the ring).
  useNow(250);
  const now = Date.now();
  // A reload takes the routine up where it was (the clock moved on meanwhile: settled below).
  const [ps, setPs] = useState(() => loadPlace(breakId + routine.id, routine.steps.length) ?? P.startPlayer(now));
  const steps = routine.steps;
  const settled = useMemo(() => P.settle(ps, steps, now), [ps, steps, now]);
  // Strict mode: the break's time left, the routine's length counted from when the window began the
  // break (kept across a reload and "Another routine": ./resume.ts); Next does not shorten it.
  const from = useBreakFrom(breakId, now);
  const total = routine.durationSec * 1000; // the steps' seconds added up (content/types.ts)
  const left = from + total - now;
  const last = settled.step === steps.length - 1;
  const { sent: doneSent, send } = useEnding();
  const mainRef = useRef<HTMLHeadingElement>(null);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const spokenStep = useRef<number | null>(null);

  // Esc in strict mode, how many times: the note lights up and its live region says it each time.
  const [strictNote, setStrictNote] = useState(0);
  // Strict mode: Done (the button, Enter) only at the last step, once the routine's time has passed
  // (Next paged there at once gave a completed break seconds in); before it, closing the window
  // records the break as cut short (the strict note says so). Read by the key listener (set up once).
  const canEnd = useRef(false);
  const endable = !strict || (last && left <= 0);
  canEnd.current = endable;
  const complete = () => {
    if (doneSent.current || !canEnd.current) return;
    stopSpeaking();
    // No end chime here: the break may be recorded as cut short (End chimes for one completed).
    send(onDone);
  };
  // Read by the key listener (set up once): strict mode may come on or off while the break plays.
  const strictNow = useRef(strict);
  strictNow.current = strict;
  const skip = () => {
    if (doneSent.current) return;
    if (strictNow.current) {
      setStrictNote((n) => n + 1); // strict mode: no skipping; say so
      return;
    }
    stopSpeaking();
    send(onSkip);
  };

  useEffect(() => {
    if (settled !== ps) setPs(settled);
  }, [settled]);
  // Kept as the render commits (an effect waits for the next frame: F5 in between lost a pause).
  useLayoutEffect(() => {
    if (!doneSent.current) keepPlace(breakId + routine.id, ps);
  }, [ps]);
  // The last step run out (or Next past it): the routine ends, in strict mode once its time has passed.
  useEffect(() => {
    if (settled.finished) complete();
  }, [settled.finished, endable]);
  useEffect(() => {
    mainRef.current?.focus();
    return () => stopSpeaking();
  }, []);

  const paused = settled.pausedAt !== null;
  // Each new step: a chime (not for the first one) and, with voice on, the step read aloud. Taken up
  // paused after a reload, the first words wait for Resume (spoken then cut off, they went unheard);
  // likewise a step's words a pause cut off are said again at Resume (it went on in silence).
  const cutOff = useRef(false);
  useEffect(() => {
    // The steps over (strict mode): Back to the last step says it again, as a new step.
    if (settled.finished) {
      if (spokenStep.current !== null) spokenStep.current = -1;
      return;
    }
    const first = spokenStep.current === null;
    if (spokenStep.current === settled.step || (first && paused)) {
      if (paused || !cutOff.current) return;
      cutOff.current = false;
      const s = soundRef.current;
      if (s.voice) speak(stepText(routine, settled.step), s.volume);
      return;
    }
    spokenStep.current = settled.step;
    cutOff.current = false;
    const s = soundRef.current;
    if (!first && s.chime) void chime(s.volume, 'step');
    if (s.voice) {
      const text = stepText(routine, settled.step);
      speak(first ? `${routineTitle(routine)}. ${text}` : text, s.volume);
    }
  }, [settled.step, settled.finished, paused]);

  // The live region says "Paused" as the step pauses; a step moved to while paused is said instead.
  const said = useRef({ paused, step: settled.step, pause: paused });
  if (said.current.paused !== paused || said.current.step !== settled.step) {
    said.current = { paused, step: settled.step, pause: paused && !said.current.paused };
  }
  useEffect(() => {
    if (paused) cutOff.current = stopSpeaking();
  }, [paused]);

  const cur = steps[settled.step]!;
  const curText = stepText(routine, settled.step);
  const upNext = settled.step + 1 < steps.length ? stepText(routine, settled.step + 1) : null;
  const remaining = P.remainingMs(settled, steps, now);
  const massage = routine.kind === 'self-massage';
  // Strict mode, at the last step before the routine's time has passed (reached early with Next): the
  // break's time left, as the free break shows it; not when it is the step's own (a timer, not read out).
  const breakLeft = strict && last && left > 0 && left - remaining >= 1000;
  // The steps over (strict mode, Next past the last one before the break's time is up): nothing to
  // pause or move on to, the break's time runs on regardless. Pause and Next are unavailable then,
  // described by that time (they said "Pause" and "Next" and did nothing): the ring's name (its
  // aria-label; the caption is aria-hidden) and the time it shows, which the name leaves out.
  const over = settled.finished ? 'true' : undefined;
  const why = over && breakLeft ? 'break-left break-left-time' : undefined;
  // The sources load when the notes are first opened (components/RoutineSources.tsx).
  const [aboutOpen, setAboutOpen] = useState(false);

  const toggle = () => setPs((s) => P.toggle(s, steps, Date.now()));
  // `held`: a key's auto-repeat, which moves through the steps but never past the last one (that ends the routine).
  const nextStep = (held = false) =>
    setPs((s) => {
      const at = P.settle(s, steps, Date.now());
      return held && at.step === steps.length - 1 ? s : P.next(at, steps, Date.now());
    });
  // At the first step there is nothing to go back to: the step runs on (its Back button says so).
  // The steps over (strict mode), Back shows the last one again (P.back).
  const atFirst = (at: P.PlayerState) => at.step === 0 && !at.finished;
  const prevStep = () =>
    setPs((s) => {
      const at = P.settle(s, steps, Date.now());
      return atFirst(at) ? s : P.back(at, steps, Date.now());
    });

  // Listening from the moment the player is in the page, before it is painted: a key pressed as
  // soon as the window shows (an effect runs only after the first paint) is not lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // With a modifier held, a key is not one of these (Shift+Esc is Chrome's Task Manager).
      if (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || doneSent.current) return;
      const control = onControl(e.target);
      if (e.key === ' ' && !control) {
        e.preventDefault();
        // A held Space repeats its keydown: one press, one toggle (as a button clicks once).
        if (!e.repeat) toggle();
      } else if (e.key === 'ArrowRight') nextStep(e.repeat);
      else if (e.key === 'ArrowLeft') prevStep();
      else if (e.key === 'Enter' && !control) {
        e.preventDefault();
        // A held Enter (the popup's Start pressed and held as this window opens) is no Done.
        if (!e.repeat) complete();
      } else if (e.key === 'Escape') skip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <article class="player" aria-labelledby="routine-title" data-routine-id={routine.id} data-kind={routine.kind}>
      <header class="player-head">
        <p class="muted small">{t(KIND_LABEL[routine.kind])}</p>
        {/* Focused as the routine starts: read with the step it is on (the live region below holds that
            step from the start, and a region's text that never changes is not announced). */}
        <h1 id="routine-title" tabIndex={-1} ref={mainRef} aria-describedby="step-label step-text" data-testid="routine-title">{routineTitle(routine)}</h1>
      </header>
      <div class="stage">
        {routine.illustration && <img class="illustration" src={illustrationUrl(routine.illustration)} alt={routineAlt(routine)} width="150" height="120" data-testid="illustration" />}
        <CountdownRing remainingMs={remaining} totalMs={cur.seconds * 1000} label={t('stepTimeLeft')} testId="step-remaining" />
        {breakLeft && (
          <div class="break-left" id="break-left">
            <CountdownRing remainingMs={left} totalMs={total} label={t('breakTimeLeft')} testId="break-remaining" timeId="break-left-time" />
            {/* Seen beside the step's own ring; heard as the timer's name. */}
            <p class="small muted" aria-hidden="true">{t('breakTimeLeft')}</p>
          </div>
        )}
      </div>
      <section class="step" aria-labelledby="step-label">
        <p id="step-label" class="muted small" data-testid="step-index">{t('stepOf', [settled.step + 1, steps.length])}</p>
        <p id="step-text" class="step-text" data-testid="step-text">{curText}</p>
        <p class="muted small up-next">{upNext !== null ? t('upNext', upNext) : t('lastStep')}</p>
        <StepCue steps={steps} step={settled.step} />
        <p class="visually-hidden" aria-live="polite" data-testid="announce">
          {/* Empty while the steps are over: Back to the last step is then said, the text being new again. */}
          {settled.finished ? '' : said.current.pause ? t('playerPaused') : t('stepAnnounce', [settled.step + 1, steps.length, curText])}
        </p>
      </section>
      {/* Cautions in view before the first step for every kind (all the way through for self-massage);
          for an own routine, that Limber has not checked it (README: "the break player says so"). */}
      {(massage || settled.step === 0) && (routine.cautions.length > 0 || routine.own) && (
        <aside class="caution-box" aria-labelledby="cautions-h" data-testid="cautions">
          <h2 id="cautions-h">{t('playerCautionsTitle')}</h2>
          {routine.own && <p data-testid="own-caution">{t('ownRoutinePlayerNote')}</p>}
          {routine.cautions.length > 0 && (
            <ul>
              {routine.cautions.map((c) => <li key={c}>{cautionText(c)}</li>)}
            </ul>
          )}
        </aside>
      )}
      <div class="controls" role="group" aria-label={t('playerControls')}>
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus it has (Back pressed to reach the first step). */}
        <button class="btn" onClick={prevStep} aria-disabled={atFirst(settled) ? 'true' : undefined} aria-keyshortcuts="ArrowLeft" data-testid="back">{t('actionBack')}</button>
        <button class="btn" onClick={toggle} data-testid="pause" aria-keyshortcuts="Space" aria-disabled={over} aria-describedby={why}>
          {paused ? t('actionResume') : t('actionPause')}
        </button>
        <button class="btn" onClick={() => nextStep()} aria-keyshortcuts="ArrowRight" data-testid="next" aria-disabled={over} aria-describedby={why}>{t('actionNext')}</button>
      </div>
      <div class="controls">
        {canEnd.current && <button class="btn btn-primary" data-testid="done" onClick={complete} aria-keyshortcuts="Enter">{t('actionDone')}</button>}
        <button class="btn" data-testid="another" onClick={onAnother}>{t('actionAnother')}</button>
        {!strict && <button class="btn btn-quiet" data-testid="skip" onClick={skip} aria-keyshortcuts="Escape">{t('actionSkip')}</button>}
      </div>
      {strict && (
        <p class={strictNote ? 'notice small' : 'small muted'} data-testid="strict-note">
          {t('strictBreakNote')}
        </p>
      )}
      {/* In the page from the start, empty: a live region is heard when its text changes, not for what it holds. */}
      {strict && <EscSaid times={strictNote} />}
      {/* Done's coming at the last step before its end (the step ran longer than the routine's time: a pause), said once. */}
      {strict && <p class="visually-hidden" role="status">{endable && !settled.finished && t('freeBreakCanEnd')}</p>}
      <details class="about" onToggle={(e) => setAboutOpen((e.currentTarget as HTMLDetailsElement).open)}>
        {/* An own routine has no sources (nor cautions): its heading names what is there, its safety note and the keys. */}
        <summary>{routine.own ? t('aboutOwnKeys') : massage ? t('aboutSourcesKeys') : t('aboutSafetySourcesKeys')}</summary>
        {!massage && routine.cautions.length > 0 && (
          <ul class="cautions">
            {routine.cautions.map((c) => <li key={c}>{cautionText(c)}</li>)}
          </ul>
        )}
        {routine.own ? <p class="small" data-testid="own-note">{t('ownRoutinePlayerNote')}</p> : <RoutineSources ids={routine.sources} routineId={routine.id} open={aboutOpen} />}
        <p class="small muted keys" data-testid="keys-hint">{t(strict ? 'playerKeysHintStrict' : 'playerKeysHint')}</p>
      </details>
      <p class="small muted disclaimer" data-testid="disclaimer">{t('disclaimer')}</p>
    </article>
  );
}
