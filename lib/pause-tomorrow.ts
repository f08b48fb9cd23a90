/**
 * When a pause "until tomorrow" chosen now would end, for the popup's menu to say before it is
 * chosen (it depends on the hour and on the working hours: at 00:30 without working hours it lasts
 * until the next midnight, on a Friday with Mon-Fri hours until Monday). The worker's own rule
 * (lib/engine/handlers/pause.ts), on the stored settings: loaded by the popup only once its pause
 * menu opens, so that neither its first frame nor the worker carries it.
 */
import { clock } from './platform/clock';
import { tomorrowStart } from './schedule';
import { loadSettings } from './storage/settings-items';

export async function pauseTomorrowEnd(): Promise<number> {
  const { schedule } = await loadSettings();
  return tomorrowStart(schedule, clock.now(), clock.timeZone());
}
