/** The developer switch's storage (see lib/dev-timing.ts): storage.local only, read by the background. */
import { storage } from 'wxt/utils/storage';
import { DEV_TIMING_KEY } from '../dev-timing';

export const devTimingItem = storage.defineItem<unknown>(`local:${DEV_TIMING_KEY}`, { fallback: null });
