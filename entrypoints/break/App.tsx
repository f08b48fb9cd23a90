import { useEffect, useRef, useState } from 'preact/hooks';
import { needsScreening } from '../../content/screening';
import type { Routine } from '../../content/types';
import { ask, RequestError, type BreakSession } from '../../lib/protocol/messages';
import type { TodaySummary } from '../../lib/storage/history';
import { t } from '../../lib/i18n';
import { timed } from '../../components/hooks/use-status';
import { useSettings } from '../../components/hooks/use-settings';
import { useHealthAnswer } from '../../components/hooks/use-health';
import { loadHealthAnswer, selfMassageOffered } from '../../lib/storage/health';
import { primeAudio } from '../../components/sound';
import { Player } from './Player';
import { keepPlace } from './resume';
import { useRefocusAfterRefusal } from './refocus';
import { FreeBreak } from './FreeBreak';
import type { Outcome } from './End';
import { Postpone } from './Postpone';
import { BreakPrompt } from './BreakPrompt';
import { statusSnapshotItem } from '../../lib/storage/status-cache';

type View =
  | { name: 'loading' }
  /** No break under way for this window: opened without one, or its break is over. */
  | { name: 'none' }
  /** The background did not answer (or not in time): say so and offer to try again. */
  | { name: 'noAnswer' }
  /** No routine fits the settings (e.g. every one is excluded), or one that fits `waits` for the safety screen put off ("Not now"): the free break offers the screen again, before it (screenNow). */
  | { name: 'free'; session: BreakSession; waits?: Routine }
  /** The window is the prompt: the break is due, and waits for Start here (or elsewhere). */
  | { name: 'prompt'; session: BreakSession }
  | { name: 'playing'; session: BreakSession; routine: Routine }
  | { name: 'done'; today: TodaySummary | null; outcome: Outcome; day?: string };

/** How many times the page asks for a routine the safety answer lets through before playing none. */
const UNSCREENED_TRIES = 2;

export function App({ breakId }: { breakId: string }) {
  const [view, setView] = useState<View>(breakId ? { name: 'loading' } : { name: 'none' });
  // `strict`: a Skip refused because strict mode came on meanwhile (said as such, not as no answer).
  const [error, setError] = useState<boolean | 'strict'>(false);
  const settings = useSettings();
  const health = useHealthAnswer();
  // Answered "none apply" here, before the stored answer's watch reports it.
  const [screened, setScreened] = useState(false);
  // "Not now" on the safety screen: routines that need it are passed over in this window.
  const [declined, setDeclined] = useState(false);
  // The routine the safety screen is open for (it stays open to show its answer's outcome).
  const [screenFor, setScreenFor] = useState<string | null>(null);
  // The end screen is loaded right after the first paint (not needed before a break ends), which keeps the
  // page's up-front script in budget (scripts/bundle-size.ts); the safety screen before a routine comes with it.
  const [endView, setEndView] = useState<typeof import('./End') | null>(null);
  useEffect(() => void import('./End').then((m) => setEndView(() => m)), []);
  const screenView = endView;
  const tries = useRef(0);
  // The routines passed over in this window, latest first: "Another routine" brings none back before the rest.
  const passed = useRef<string[]>([]);
  // "Another routine" found none other that fits: said (the routine goes on), not a button that seems
  // dead; how many times in a row, so that each is new content in the live region (and heard).
  const [noOther, setNoOther] = useState(0);

  /**
   * The break's session, with a routine chosen here when it has none yet (or `another` is asked for;
   * `unscreened`: one that needs no safety screen, after "Not now").
   */
  const load = async (another: boolean, unscreened = false) => {
    // The routines' data (2 KB) is not part of the page's first load: asked for with the session,
    // it is here by the time the answer is.
    const library = import('../../lib/storage/own-routines');
    library.catch(() => undefined); // awaited below when a routine is played; a prompt does not need it
    let s = await ask(timed, { type: 'break/session', breakId });
    // Due, not started: this window is the prompt (nothing is chosen or played before Start).
    if (s && !s.started) {
      setError(false);
      setView({ name: 'prompt', session: s });
      return;
    }
    const was = another && s?.routineId;
    let waits: Routine | undefined;
    if (s && (!s.routineId || another)) {
      // Loaded when needed: the picker and the history read are not part of the page's first load.
      const { chooseRoutine } = await import('../../lib/routine-choice');
      if (another && s.routineId) passed.current.unshift(s.routineId);
      const pick = await chooseRoutine(s.kind, breakId, passed.current, { unscreened });
      if (!pick) waits = await chooseRoutine(s.kind, breakId, passed.current, { screenNow: true }); // one left for the screen put off?
      // A routine the safety screen comes first for is kept with the break (which is recorded with it)
      // only once answered "none apply" (screenClosed): passed over, it never played, and the free break
      // after it (its Done, a closed window, a break given up) is not recorded as that back routine.
      if (pick && needsScreening(pick) && (await loadHealthAnswer()) === 'ask') s = { ...s, routineId: pick.id };
      else if (pick) s = await ask(timed, { type: 'break/routine', breakId, routineId: pick.id, replace: another });
    }
    const routine = s?.routineId ? (await (await library).loadRoutineLibrary()).find((r) => r.id === s.routineId) : undefined;
    setNoOther((n) => (was && s?.routineId === was ? n + 1 : 0));
    // Answered: an alert left from a request that failed before ("Another routine") is no longer true.
    setError(false);
    setView(!s ? { name: 'none' } : routine ? { name: 'playing', session: s, routine } : { name: 'free', session: s, waits });
  };

  // A missing or malformed id is refused as a bad request: no such break either.
  const failed = (e: unknown) => setView(e instanceof RequestError && e.code === 'badRequest' ? { name: 'none' } : { name: 'noAnswer' });
  /** `first`: before it, e.g. the prompt's Start (refused, and so "over", if that break is no longer due). */
  const open = (first: Promise<unknown> = Promise.resolve()) => {
    setView({ name: 'loading' });
    void first.then(() => load(false)).catch(failed);
  };
  // "Try again" stays (and keeps the keyboard focus) while the page asks again: what answers takes
  // the focus to its heading; no answer again puts the alert in afresh, and so says it again.
  const [retrying, setRetrying] = useState(false);
  const retry = () => {
    if (retrying) return;
    setRetrying(true);
    void load(false).catch(failed).finally(() => setRetrying(false));
  };
  // Opened without a break: nothing to ask (see NoBreak). A window opened as the prompt finds its
  // break due and shows the prompt; one opened by Start finds its break under way.
  useEffect(() => void (breakId && open()), []);

  // The prompt: Start here; or the break started elsewhere (the notification's Start, the popup),
  // or ended as a prompt does (away for its length, skipped, paused, the working hours' end). The
  // background rewrites its status snapshot after each such event, and the window is focused for
  // a Start elsewhere: the page looks again then. Also once it says no break: one postponed
  // elsewhere (or waiting out a pause in strict mode) keeps its id, and comes back due, or is
  // started, in this same window.
  const prompt = view.name === 'prompt' || (view.name === 'none' && !!breakId);
  useEffect(() => {
    if (!prompt) return;
    const again = () => void load(false).catch(() => undefined);
    window.addEventListener('focus', again);
    const unwatch = statusSnapshotItem.watch(again);
    return () => {
      window.removeEventListener('focus', again);
      unwatch();
    };
  }, [prompt]);
  // Strict mode or the snooze limit changed while this window is open (Options, sync): its Skip and
  // postpone choices are asked for again, as the background now takes them (the routine goes on).
  // `refocus`: after a Skip refused in strict mode (its button goes with the new session's choices).
  const rules = (refocus = false) =>
    void ask(timed, { type: 'break/session', breakId })
      .then((s) => {
        if (!s) return;
        refocusAfter.current = refocus;
        setView((v) => (v.name === 'free' || v.name === 'playing' || v.name === 'prompt' ? { ...v, session: s } : v));
      })
      .catch(() => undefined);
  // The keyboard focus a refused Skip had goes to the control before it (./refocus.ts).
  const mainRef = useRef<HTMLElement>(null);
  const refocusAfter = useRefocusAfterRefusal(mainRef, error === 'strict');
  useEffect(() => {
    if (settings && view.name !== 'loading') rules();
  }, [settings?.strict, settings?.snoozeLimit]);

  const startHere = () => open(ask(timed, { type: 'break/start', breakId }).catch((e: unknown) => {
    // Refused (no longer due): the session read next says what there is; no answer is said as such.
    if (!(e instanceof RequestError)) throw e;
  }));
  const skipHere = async () => {
    try {
      await ask(timed, { type: 'break/skip', breakId });
      window.close();
    } catch (e) {
      if (e instanceof RequestError && e.code === 'noSuchBreak') open();
      else refused(e);
    }
  };

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

  /** A request that failed: a Skip refused in strict mode is said so, and the window's choices follow it; else no answer. */
  const refused = (e: unknown) => {
    const strict = e instanceof RequestError && e.code === 'strict';
    setError(strict ? 'strict' : true);
    if (strict) rules(true);
  };

  /** Whether the background took it; after a failure the buttons work again (and the error says so). */
  const finish = async (outcome: Outcome, routineId: string | null): Promise<boolean> => {
    // An alert left from before goes as the request is made: one that fails again is put in afresh (and so heard again).
    setError(false);
    try {
      const r = await ask(timed, { type: 'break/finish', breakId, outcome, routineId });
      keepPlace(); // the break is over: the place in its routine is forgotten
      setError(false);
      setView({ name: 'done', today: r.today, outcome: r.outcome, day: r.day });
      return true;
    } catch (e) {
      // Refused as no such break: it ended elsewhere meanwhile (from the popup, or given up after
      // the computer slept through it). Not a fault: say that no break is waiting.
      const over = e instanceof RequestError && e.code === 'noSuchBreak';
      if (over) setView({ name: 'none' });
      else refused(e);
      return over;
    }
  };

  // A routine that needs the safety screen plays only once it is answered "none apply"; while it is
  // unanswered the screen comes first; after "one applies" (or "Not now") another routine is asked for.
  const playing = view.name === 'playing' ? view : null;
  const needs = playing !== null && needsScreening(playing.routine);
  const unanswered = needs && health === 'ask' && !screened;
  const blocked = needs && (unanswered || health === 'hidden');
  // "Another routine": after "Not now" one that needs no screen (else the same screened routine
  // came back, and the tries below ran out into "No routine fits"); the tries start again.
  // One at a time: clicked again before the answer (a double click, a held Enter), two routines were
  // asked for, one flashed by and the other played.
  const choosing = useRef(false);
  const another = () => {
    if (choosing.current) return;
    choosing.current = true;
    tries.current = 0;
    setError(false); // as in finish
    void load(true, declined)
      .catch(() => setError(true))
      .finally(() => (choosing.current = false));
  };
  useEffect(() => {
    if (!playing || screenFor !== null || !blocked) return;
    if (unanswered && !declined) setScreenFor(playing.routine.id);
    else if (tries.current++ < UNSCREENED_TRIES) void load(true, true).catch(() => setError(true));
    else setView({ name: 'free', session: playing.session });
  }, [playing, blocked, unanswered, declined, screenFor]);
  const reopened = useRef(false); // the free break's button opened the screen: put off again ("Not now", Esc), the focus goes back to it
  const screenNow = ({ session, waits }: Extract<View, { name: 'free' }>) => waits && (() => (setDeclined(false), (tries.current = 0), (reopened.current = true), setView({ name: 'playing', session, routine: waits })));
  const screenClosed = (answer: 'allowed' | 'hidden' | null) => {
    setScreenFor(null);
    if (answer === 'allowed') {
      setScreened(true);
      // It plays now: kept with the break (a reload plays it again; a closed window records it).
      if (screenFor) void ask(timed, { type: 'break/routine', breakId, routineId: screenFor, replace: true }).catch(() => undefined);
    } else if (answer === null) setDeclined(true);
  };

  // The player waits for the settings (a fast local read) so the first step is spoken too, and for
  // the safety answer, which decides whether the screen comes first.
  const waiting = view.name === 'loading' || retrying || (playing !== null && (!settings || health === null || (blocked && (screenFor === null || !screenView))));
  return (
    <main class="break" ref={mainRef}>
      {(error || (view.name === 'noAnswer' && !retrying)) && <p class="notice" role="alert" id="break-error">{t(error === 'strict' ? 'errStrict' : 'errBackground')}</p>}
      {view.name === 'noAnswer' && (
        <button class="btn btn-primary" data-testid="retry" aria-disabled={retrying ? 'true' : undefined} aria-describedby={retrying ? undefined : 'break-error'} onClick={retry}>
          {t('actionRetry')}
        </button>
      )}
      {waiting && <p class="muted" aria-busy="true">{t('loading')}</p>}
      {view.name === 'none' && endView && <endView.NoBreak onStart={() => void startNow()} />}
      {(view.name === 'free' || view.name === 'playing') && view.session.canPostpone && <Postpone breakId={breakId} send={timed} />}
      {view.name === 'prompt' && (
        <BreakPrompt session={view.session} onStart={startHere} onSkip={() => void skipHere()}>
          {view.session.canPostpone && <Postpone breakId={breakId} send={timed} />}
        </BreakPrompt>
      )}
      {view.name === 'free' && <FreeBreak breakId={breakId} kind={view.session.kind} onScreen={screenNow(view)} back={reopened.current && declined} strict={view.session.strict} lengthSec={view.session.lengthSec} onDone={() => finish('completed', null)} onSkip={() => finish('skipped', null)} />}
      {playing && !blocked && <p class={noOther ? 'notice info nudge' : ''} role="status" data-testid="another-none">{noOther > 0 && <span key={noOther}>{t('anotherNone')}</span>}</p>}
      {view.name === 'playing' && screenFor === view.routine.id && screenView && <screenView.ScreenFirst key={view.routine.id} routine={view.routine} onClosed={screenClosed} />}
      {view.name === 'playing' && settings && health !== null && !blocked && screenFor === null && (
        <Player
          key={view.routine.id}
          breakId={breakId}
          routine={view.routine}
          sound={settings.sound}
          strict={view.session.strict}
          onDone={() => finish('completed', view.routine.id)}
          onSkip={() => finish('skipped', view.routine.id)}
          onAnother={another}
        />
      )}
      {view.name === 'done' && endView && (
        <endView.End today={view.today} day={view.day} outcome={view.outcome} sound={settings?.sound} offerSelfMassage={health !== null && selfMassageOffered(health)} noKinds={!!settings && !settings.micro.enabled && !settings.stretch.enabled} />
      )}
    </main>
  );
}
