import { browser } from 'wxt/browser';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

/** A break with no routine that fits the settings: still a break, just unguided. */
export function FreeBreak({ strict, onDone, onSkip }: { strict: boolean; onDone: () => void; onSkip: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Before the first paint, so that Esc pressed as the window shows is not lost.
  useLayoutEffect(() => {
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
