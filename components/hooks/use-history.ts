import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../lib/messages';
import type { PopupHistory, ReviewData } from '../../lib/review';
import { send } from './use-status';

/**
 * The popup's history summary from the background, fetched again whenever `version` changes
 * (pass something that changes when today's counts do, so a finished break shows at once). An
 * answer is shown as soon as it comes, unless a later request has already been answered.
 * `undefined` while loading, `null` when history is off, `'error'` when the background did not
 * answer.
 */
export function usePopupHistory(version: unknown): PopupHistory | null | undefined | 'error' {
  const [data, setData] = useState<PopupHistory | null | undefined | 'error'>(undefined);
  const seq = useRef({ sent: 0, shown: 0 });
  useEffect(() => {
    const n = ++seq.current.sent;
    const show = (d: PopupHistory | null | 'error') => {
      if (n < seq.current.shown) return;
      seq.current.shown = n;
      setData(d);
    };
    // The first answer may already be on its way (asked for when the page loaded).
    const early = n === 1 ? takePrefetched() : null;
    (early ?? ask(send, { type: 'history/popup' })).then(show, () => show('error'));
  }, [version]);
  return data;
}

let prefetched: Promise<PopupHistory | null> | null = null;

/** Asks for the popup's history right away (at page load, alongside the status). */
export function prefetchPopupHistory(): void {
  prefetched ??= ask(send, { type: 'history/popup' });
}

function takePrefetched(): Promise<PopupHistory | null> | null {
  const p = prefetched;
  prefetched = null;
  return p;
}

/** The weekly review from the background (same states as above). */
export function useReview(): ReviewData | null | undefined | 'error' {
  const [data, setData] = useState<ReviewData | null | undefined | 'error'>(undefined);
  useEffect(() => {
    ask(send, { type: 'history/review' }).then(setData, () => setData('error'));
  }, []);
  return data;
}
