/**
 * The user's own routines in storage. This computer's copy (storage.local) is the one played:
 * only checked lists are ever written to it (the editor and the import check with
 * OwnRoutinesSchema; routines synced from elsewhere are checked before they are taken over, in
 * ./own-routines-synced.ts), so `loadRoutineLibrary` (the break page's choice, lib/routine-choice.ts,
 * and its player) reads it with no more than an id check, without loading the schema.
 *
 * storage.sync carries them to the user's other computers while their JSON fits
 * OWN_SYNC_BUDGET; larger, they stay here (the synced copy is removed) and `ownSyncItem` says
 * why, for the editor to say so.
 */
import { storage } from 'wxt/utils/storage';
import { ROUTINES } from '../../content/routines';
import type { Routine } from '../../content/types';
import { asRoutine, OWN_ID, OWN_SYNC_BUDGET, syncBytes } from '../own-routine-play';
import type { OwnRoutine } from '../own-routines';

export const OWN_KEY = 'ownRoutines' as const;

export const localOwn = storage.defineItem<unknown>(`local:${OWN_KEY}`, { fallback: null });
export const syncOwn = /* @__PURE__ */ storage.defineItem<unknown>(`sync:${OWN_KEY}`, { fallback: null });

/** Whether the last save reached storage.sync: yes, too large to go there, or sync unavailable. */
export type OwnSyncState = 'on' | 'tooLarge' | 'unavailable';
export const ownSyncItem = /* @__PURE__ */ storage.defineItem<OwnSyncState>('local:ownRoutinesSync', { fallback: 'on' });

/** This computer's own routines as stored (checked when written), each with an own id. */
export async function storedOwnRoutines(): Promise<OwnRoutine[]> {
  const list = await localOwn.getValue();
  return Array.isArray(list) ? list.filter((r: Partial<OwnRoutine> | null) => OWN_ID.test(String(r?.id))) : [];
}

/** Every routine Limber can play: the library's, then the user's own. */
export async function loadRoutineLibrary(): Promise<readonly Routine[]> {
  return [...ROUTINES, ...(await storedOwnRoutines()).map(asRoutine)];
}

/**
 * Stores a checked list here, and in sync when its JSON fits the budget (else the synced copy is
 * removed, so that it is never stale); resolves to where it went. Throws only when the local
 * write fails. The synced copy is written first: a page that reloads between the two writes
 * (loadOwnRoutines) then finds it newer than this computer's, never older; an older one would be
 * taken over and undo the save until the second write.
 */
export async function saveOwnRoutines(list: readonly OwnRoutine[]): Promise<OwnSyncState> {
  let state: OwnSyncState = syncBytes(OWN_KEY, list) > OWN_SYNC_BUDGET ? 'tooLarge' : 'on';
  try {
    if (state === 'on') await syncOwn.setValue(list);
    else await syncOwn.removeValue();
  } catch {
    if (state === 'on') state = 'unavailable';
    await syncOwn.removeValue().catch(() => undefined);
  }
  await localOwn.setValue(list);
  if ((await ownSyncItem.getValue()) !== state) await ownSyncItem.setValue(state);
  return state;
}
