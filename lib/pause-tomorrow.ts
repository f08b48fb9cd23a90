/**
 * When a pause "until tomorrow" chosen now would end, for the popup's menu to say before it is
 * chosen (it depends on the hour and on the working hours: at 00:30 without working hours it lasts
 * until the next midnight, on a Friday with Mon-Fri hours until Monday). The worker's own rule
 * (lib/schedule.ts tomorrowStart, as lib/engine/handlers/pause.ts uses it), on the working hours
 * in force: loaded by the popup only once its pause menu opens, so that neither its first frame
 * nor the worker carries it.
 *
 * The hours are read as stored, where loadSettings reads them (sync while it works, else this
 * computer's copy), without the whole settings parser (which would more than double this chunk):
 * hours of any other shape than the one the options save give no answer (null: the menu then
 * says nothing more than "Until tomorrow"), never a wrong one.
 */
import { browser } from 'wxt/browser';
import { clock } from './platform/clock';
import { tomorrowStart } from './schedule';
import type { Schedule } from './settings';
import { SETTINGS_KEY, SETTINGS_SYNC_KEY } from './storage/live';

const minute = (m: unknown) => Number.isInteger(m) && (m as number) >= 0 && (m as number) <= 1440;

/** The hours as the options save them, or null. */
export function storedSchedule(s: unknown): Schedule | null {
  const sch = (s as { schedule?: { enabled?: unknown; days?: unknown } } | null)?.schedule;
  if (!sch || typeof sch.enabled !== 'boolean' || !Array.isArray(sch.days) || sch.days.length !== 7) return null;
  const ok = sch.days.every((d) => Array.isArray(d) && d.length <= 6 && d.every((r: { from?: unknown; to?: unknown }) => minute(r?.from) && minute(r?.to)));
  return ok ? (sch as Schedule) : null;
}

export async function pauseTomorrowEnd(): Promise<number | null> {
  const local = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_SYNC_KEY]);
  let stored: unknown = local[SETTINGS_KEY];
  if ((local[SETTINGS_SYNC_KEY] ?? 'on') === 'on') {
    try {
      const synced = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (synced != null) stored = synced;
    } catch {
      // sync unavailable: this computer's copy, as loadSettings
    }
  }
  // No settings stored yet: the defaults, whose hours are off.
  const schedule = stored == null ? { enabled: false, days: [[], [], [], [], [], [], []] } : storedSchedule(stored);
  return schedule && tomorrowStart(schedule, clock.now(), clock.timeZone());
}
