import { useEffect, useState } from 'preact/hooks';
import { loadHealthAnswer, watchHealthAnswer, type HealthAnswer } from '../../lib/storage/health';

/** The safety screen's answer, kept live (null until the first read). Device-local: lib/storage/health.ts. */
export function useHealthAnswer(): HealthAnswer | null {
  const [answer, setAnswer] = useState<HealthAnswer | null>(null);
  useEffect(() => {
    let live = true;
    void loadHealthAnswer().then((a) => {
      if (live) setAnswer(a);
    });
    const unwatch = watchHealthAnswer(setAnswer);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return answer;
}
