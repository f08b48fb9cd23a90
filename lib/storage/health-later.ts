/**
 * "Not now" on the break page's safety screen: the local day it was pressed on (in the person's
 * time zone; a date as toLocaleDateString writes it, compared only with another such date). While that day lasts and the screen is unanswered, breaks pick no
 * routine that needs the screen (lib/routine-choice.ts), so it does not come again at every
 * stretch break; the next day it may. Kept as the answer next to it is (lib/storage/health.ts):
 * storage.local only, never synced or exported, cleared by a reset. Not in the background.
 */
import { storage } from 'wxt/utils/storage';
import { clock } from '../platform/clock';

export const healthLaterItem = storage.defineItem<string | null>('local:healthScreenLater', { fallback: null });

/** Whether the screen is put off today; `putOff` ("Not now"): put it off until the next day first. */
export async function healthScreenPutOff(putOff = false): Promise<boolean> {
  const today = new Date(clock.now()).toLocaleDateString('en', { timeZone: clock.timeZone() });
  if (putOff) await healthLaterItem.setValue(today);
  return (await healthLaterItem.getValue()) === today;
}
