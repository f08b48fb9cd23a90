import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/messages';
import type { ReviewData } from '../../lib/review';
import { send } from './use-status';

/**
 * The weekly review from the background: `undefined` while loading, `null` when history is off,
 * `'error'` when the background did not answer.
 */
export function useReview(): ReviewData | null | undefined | 'error' {
  const [data, setData] = useState<ReviewData | null | undefined | 'error'>(undefined);
  useEffect(() => {
    ask(send, { type: 'history/review' }).then(setData, () => setData('error'));
  }, []);
  return data;
}
