/**
 * The status and the popup's Today part, written to storage.session for the popup's first paint
 * (lib/storage/status-cache.ts). The history part is read again when `reread` (a break was
 * recorded, the settings changed, the data was imported or reset), on a new day, or when there is
 * no snapshot yet (or its read had failed); otherwise the previous snapshot's is kept (no IndexedDB
 * read per event). A read that fails (not "history off") keeps today's last figures, marked `historyError`.
 */
import { dayKey } from '../days';
import { currentInterval } from '../schedule';
import type { PopupData } from '../protocol/messages';
import type { Settings } from '../settings';
import type { TodaySummary } from '../storage/history';
import { countingDeskTime, nextWake, SLEEP_GAP_MS, view, type Env, type TrackerState } from '../tracker/tracker';
import type { Store } from './ports';

export async function publishStatus(store: Store, state: TrackerState, settings: Settings, now: number, env: Env, reread: boolean, waiting: number): Promise<PopupData> {
  const day = dayKey(now, env.timeZone);
  let prev = reread ? null : await store.readSnapshot();
  let part: { today: TodaySummary | null; history: PopupData['history']; error: boolean };
  if (prev && prev.day === day && !prev.data.status.historyError) {
    part = { today: prev.data.status.today, history: prev.data.history, error: false };
  } else {
    try {
      const s = await store.summary(now, env.timeZone, settings);
      part = { today: s?.today ?? null, history: s?.history ?? null, error: false };
    } catch (err) {
      // Not read just now (a slow or blocked open, a disk error): today's last figures, if any, said to be so.
      console.warn('[limber] history not read', err);
      prev ??= await store.readSnapshot().catch(() => null);
      const kept = prev?.day === day ? prev.data : null;
      part = { today: kept?.status.today ?? null, history: kept?.history ?? null, error: true };
    }
  }
  // Until the picture may change by itself: the next thing the tracker wakes for, the end of the
  // working hours under way (the tracker does not wake for it while the person is away), midnight,
  // or, while desk time counts, the moment a silence since the machine was last heard from (`lastSeen`)
  // is a sleep, which the next event counts as time away (lib/tracker/advance.ts).
  const validUntil = Math.min(
    nextWake(state, settings, env) ?? Infinity,
    currentInterval(settings.schedule, now, env.timeZone)?.end ?? Infinity,
    state.today.end,
    countingDeskTime(state) ? state.lastSeen + SLEEP_GAP_MS : Infinity,
  );
  const data: PopupData = {
    status: { now, tracker: view(state, settings, env), today: part.today, historyError: part.error, waitingRecords: waiting },
    history: part.history,
    validUntil,
  };
  try {
    await store.writeSnapshot({ data, day });
  } catch (err) {
    console.warn('[limber] status snapshot not written', err);
  }
  return data;
}
