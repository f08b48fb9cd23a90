import { useEffect, useState } from 'preact/hooks';
import type { ReviewData } from '../../lib/review';

/**
 * The weekly review, computed in the page from the history and the settings
 * (lib/weekly-review.ts; the worker does not carry it, issue #16): `undefined` while loading,
 * `null` when history is off, `'error'` when it could not be read. The computation (IndexedDB,
 * the streak scan, the routine catalogue) loads with `import()`, after the page's first paint.
 * It runs again whenever the page is shown or its window focused again (an import or a reset in
 * the options tab, a break taken in its own window, another week start since) and when a new day
 * begins while it is open, and when the background has recorded a break meanwhile (one taken by
 * stepping away while the page stayed in front: lib/weekly-review.ts watchRecorded), the figures
 * on screen staying until the new ones replace them (only
 * the latest answer counts). A reading that fails once the page has figures keeps them on screen:
 * `stale` then says so, until a reading works again ('error' only when there is nothing to show).
 */
export function useReview(): { data: ReviewData | null | undefined | 'error'; stale: boolean } {
  const [state, setState] = useState<{ data: ReviewData | null | undefined | 'error'; stale: boolean }>({ data: undefined, stale: false });
  useEffect(() => {
    let asked = 0;
    let unwatch: (() => void) | undefined;
    let closed = false;
    const load = () => {
      const n = ++asked;
      import('../../lib/weekly-review')
        .then((m) => {
          if (!unwatch && !closed) unwatch = m.watchRecorded(again);
          return m.reviewNow();
        })
        .then(
          (d) => n === asked && setState({ data: d, stale: false }),
          (err: unknown) => {
            console.error('[limber] review failed', err);
            if (n === asked) setState((s) => (s.data === undefined || s.data === 'error' ? { data: 'error', stale: false } : { data: s.data, stale: true }));
          },
        );
    };
    const again = () => {
      if (document.visibilityState !== 'hidden') load();
    };
    // The page's clock and zone are the review's (lib/platform/clock.ts).
    let day = new Date().toDateString();
    const newDay = setInterval(() => {
      if (new Date().toDateString() !== day) {
        day = new Date().toDateString();
        load();
      }
    }, 60_000);
    load();
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    return () => {
      closed = true;
      unwatch?.();
      clearInterval(newDay);
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
    };
  }, []);
  return state;
}
