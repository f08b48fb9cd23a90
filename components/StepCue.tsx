/**
 * The soft cue at the end of a step done with the eyes closed or looking away (content/types.ts:
 * RoutineStep.cue): when such a step gives way to the next one, a short line asks the person to
 * open their eyes or look back, and glows gently for a few seconds. It is visual, so it works with
 * the chime and voice off (their default); it is a polite status message for screen readers; and
 * prefers-reduced-motion keeps it still (components/theme.css stops every animation).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RoutineStep, StepCue as Cue } from '../content/types';
import { t } from '../lib/i18n';

/** How long the line stays after the step changes. */
export const CUE_SHOW_MS = 6_000;

/** The cue to show when `prev` gives way to `next` (only going forward, from a marked step). */
export function cueAfter(steps: readonly Pick<RoutineStep, 'cue'>[], prev: number | null, next: number): Cue | null {
  if (prev === null || next <= prev) return null;
  return steps[prev]?.cue ?? null;
}

export function StepCue({ steps, step }: { steps: readonly RoutineStep[]; step: number }) {
  const [cue, setCue] = useState<{ kind: Cue; n: number } | null>(null);
  const prev = useRef<number | null>(null);
  useEffect(() => {
    const kind = cueAfter(steps, prev.current, step);
    prev.current = step;
    if (!kind) {
      setCue(null);
      return;
    }
    setCue((c) => ({ kind, n: (c?.n ?? 0) + 1 }));
    const timer = setTimeout(() => setCue(null), CUE_SHOW_MS);
    return () => clearTimeout(timer);
  }, [step]);
  return (
    <p class="step-cue-region" role="status" data-testid="step-cue">
      {cue && (
        <span key={cue.n} class="step-cue" data-cue={cue.kind}>
          {cue.kind === 'eyes-closed' ? t('cueEyesOpen') : t('cueLookBack')}
        </span>
      )}
    </p>
  );
}
