import { useEffect, useState } from 'preact/hooks';
import type { ReviewData } from '../../lib/review';

/**
 * The weekly review, computed in the page from the history and the settings
 * (lib/weekly-review.ts; the worker does not carry it, issue #16): `undefined` while loading,
 * `null` when history is off, `'error'` when it could not be read. The computation (IndexedDB,
 * the streak scan, the routine catalogue) loads with `import()`, after the page's first paint.
 */
export function useReview(): ReviewData | null | undefined | 'error' {
  const [data, setData] = useState<ReviewData | null | undefined | 'error'>(undefined);
  useEffect(() => {
    import('../../lib/weekly-review')
      .then((m) => m.reviewNow())
      .then(setData, (err: unknown) => {
        console.error('[limber] review failed', err);
        setData('error');
      });
  }, []);
  return data;
}
