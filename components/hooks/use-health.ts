import { loadHealthAnswer, watchHealthAnswer, type HealthAnswer } from '../../lib/storage/health';
import { useStored } from './use-stored';

/** The safety screen's answer, kept live (null until the first read). Device-local: lib/storage/health.ts. */
export function useHealthAnswer(): HealthAnswer | null {
  return useStored(loadHealthAnswer, watchHealthAnswer);
}
