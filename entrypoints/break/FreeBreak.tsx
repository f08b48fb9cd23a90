import { browser } from 'wxt/browser';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useEnding } from './ending';
import { EscSaid } from './EscSaid';

/** A break with no routine that fits the settings: still a break, just unguided. */
export function FreeBreak({ strict, onDone, onSkip }: { strict: boolean; onDone: () => Promise<boolean>; onSkip: () => Promise<boolean> }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // One ending at a time, as in the player (./ending.ts): a held Esc repeats its keydown.
  const { send } = useEnding();
  const done = () => send(onDone);
  const skip = () => send(onSkip);
  // Strict mode: Esc does not skip; the note says why, as in the player.
  const [escs, setEscs] = useState(0);
  // Read by the key listener (set up once): strict mode may come on or off while the break lasts.
  const strictNow = useRef(strict);
  strictNow.current = strict;
  // Before the first paint, so that Esc pressed as the window shows is not lost.
  useLayoutEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (strictNow.current) setEscs((n) => n + 1);
      else skip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section class="end free" data-testid="break-free">
      <h1 tabIndex={-1} ref={ref}>{t('freeBreakTitle')}</h1>
      <p>{t('freeBreakBody')}</p>
      <div class="controls">
        <button class="btn btn-primary" data-testid="done" onClick={done}>{t('actionDone')}</button>
        <button class="btn" onClick={() => void browser.runtime.openOptionsPage()}>{t('actionOptions')}</button>
        {!strict && <button class="btn btn-quiet" data-testid="skip" onClick={skip} aria-keyshortcuts="Escape">{t('actionSkip')}</button>}
      </div>
      {strict && <p class={escs ? 'notice small' : 'small muted'} data-testid="strict-note">{t('strictBreakNote')}</p>}
      {strict && <EscSaid times={escs} />}
      <p class="small muted disclaimer">{t('disclaimer')}</p>
    </section>
  );
}
