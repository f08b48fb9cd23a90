import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t, tp } from '../../lib/i18n';
import type { BreakSession } from '../../lib/protocol/messages';

/**
 * The break window as the prompt itself: the break is due, not started. Nothing plays and nothing
 * counts until Start (a window nobody looks at is a prompt nobody answered: the tracker's rules
 * for prompts apply, and away for the break's length it is taken naturally). The heading takes the
 * focus, not Start: a key typed as the window opens starts nothing. `children`: the postpone
 * choices, below Start and Skip and ruled off from them (read, reached and seen after the decision).
 */
export function BreakPrompt({ session, onStart, onSkip, children }: { session: BreakSession; onStart: () => void; onSkip: () => void; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const micro = session.kind === 'micro';
  return (
    <section class="end prompt" data-testid="break-prompt">
      <h1 tabIndex={-1} ref={ref}>{micro ? t('promptMicroTitle') : t('promptStretchTitle', Math.max(1, Math.round(session.lengthSec / 60)))}</h1>
      <p>{micro ? tp('promptMicroBody', session.lengthSec) : t('promptStretchBody')}</p>
      <div class="controls">
        <button class="btn btn-primary" data-testid="prompt-start" onClick={onStart}>{t('actionStart')}</button>
        {!session.strict && <button class="btn btn-quiet" data-testid="prompt-skip" onClick={onSkip}>{t('actionSkip')}</button>}
      </div>
      {children}
    </section>
  );
}
