import { browser } from 'wxt/browser';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, tp } from '../../lib/i18n';
import { useNow } from '../../components/hooks/use-status';
import { CountdownRing } from '../../components/CountdownRing';
import { duration } from '../../components/routine-labels';
import { useEnding } from './ending';
import { EscSaid } from './EscSaid';
import { useBreakFrom } from './resume';

/**
 * A break with no routine that fits the settings: still a break, just unguided, of the break's
 * length (`lengthSec`). The time left is shown (counted from when the window began break `breakId`,
 * kept across a reload: ./resume.ts); once it has passed, the break ends as done by itself, as a
 * routine ends at its end (./Player.tsx): without that, one taken for its length and then closed was
 * recorded as cut short. In strict mode closing the window before then records a break cut short,
 * and Done shows only from then, said if that ending did not go through; otherwise Done is there
 * from the start. What to do meanwhile fits the break's `kind` (a posture check: its prompt's words, not
 * "stand up and move around"). `onScreen`: the routines that fit wait for the safety screen, put off
 * with "Not now" (lib/storage/health-later.ts): said instead of "No routine fits your settings", with
 * the screen offered here (Options would not ask it for them). `back`: drawn again after that screen,
 * opened here, was put off again ("Not now", Esc): the focus goes back to its button, as a dialog gives it.
 */
export function FreeBreak({ breakId, kind, strict, lengthSec, onDone, onSkip, onScreen, back }: { breakId: string; kind: 'micro' | 'stretch'; strict: boolean; lengthSec: number; onDone: () => Promise<boolean>; onSkip: () => Promise<boolean>; onScreen?: () => void; back?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const screen = useRef<HTMLButtonElement>(null);
  const now = useNow();
  // A timer, not a live region: the time left is read when the person goes to it, not every second.
  const left = useBreakFrom(breakId, now) + lengthSec * 1000 - now;
  // One ending at a time, as in the player (./ending.ts): a held Esc repeats its keydown.
  const { send } = useEnding();
  const done = () => send(onDone);
  // The break's time up: it ends by itself (the window was left showing Done, and closed then
  // instead, the break was recorded as cut short). Strict mode: if that fails, Done is said (below).
  const up = left <= 0;
  const [again, setAgain] = useState(false);
  useEffect(() => {
    if (up) send(() => onDone().then((ok) => (setAgain(!ok), ok)));
  }, [up]);
  const skip = () => send(onSkip);
  // Strict mode: Esc does not skip; the note says why, as in the player.
  const [escs, setEscs] = useState(0);
  // Read by the key listener (set up once): strict mode may come on or off while the break lasts.
  const strictNow = useRef(strict);
  strictNow.current = strict;
  // Before the first paint, so that Esc pressed as the window shows is not lost.
  useLayoutEffect(() => {
    (back && screen.current ? screen : ref).current?.focus();
    const onKey = (e: KeyboardEvent) => {
      // Esc alone, as in the player (Shift+Esc is Chrome's Task Manager).
      if (e.key !== 'Escape' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      if (strictNow.current) setEscs((n) => n + 1);
      else skip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section class="end free" data-testid="break-free">
      <h1 tabIndex={-1} ref={ref}>{t(onScreen ? 'freeBreakScreenLater' : 'freeBreakTitle')}</h1>
      <p>{kind === 'micro' ? tp('promptMicroBody', lengthSec) : t('freeBreakBody', duration(lengthSec))}</p>
      {left > 0 && <CountdownRing remainingMs={left} totalMs={lengthSec * 1000} label={t('breakTimeLeft')} testId="break-remaining" />}
      <div class="controls">
        {(!strict || left <= 0) && <button class="btn btn-primary" data-testid="done" onClick={done}>{t('actionDone')}</button>}
        {onScreen && <button class="btn" data-testid="screen-now" ref={screen} onClick={onScreen}>{t('safetyTitle')}</button>}
        <button class="btn" onClick={() => void browser.runtime.openOptionsPage()}>{t('actionOptions')}</button>
        {!strict && <button class="btn btn-quiet" data-testid="skip" onClick={skip} aria-keyshortcuts="Escape">{t('actionSkip')}</button>}
      </div>
      {strict && <p class={escs ? 'notice small' : 'small muted'} data-testid="strict-note">{t('strictBreakNote')}</p>}
      {strict && <EscSaid times={escs} />}
      {/* Done, when the break's own ending failed: said once (in the page from the start, empty); the time left is not. */}
      {strict && <p class="visually-hidden" role="status">{again && t('freeBreakCanEnd')}</p>}
      <p class="small muted disclaimer">{t('disclaimer')}</p>
    </section>
  );
}
