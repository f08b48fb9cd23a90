/**
 * The pages' side of the own routines' storage (./own-routines.ts): routines synced from the
 * user's other computers are checked whole against the editor's limits (OwnRoutinesSchema) and
 * only then taken over as this computer's copy, the one that is played. The options page does
 * it when it opens and whenever sync brings a change; the break page before it asks for its
 * routine, so the break plays from the latest list.
 */
import { parseOwnRoutines, type OwnRoutine } from '../own-routines';
import { latestReload } from './latest';
import { localOwn, ownSyncItem, saveOwnRoutines, storedOwnRoutines, syncOwn, type OwnSyncState } from './own-routines';

/**
 * Takes over the synced list when syncing is on here and it is valid and differs from this
 * computer's; resolves to the routines in force. An invalid synced list is left alone (never
 * played) and this computer's kept.
 */
export async function loadOwnRoutines(): Promise<OwnRoutine[]> {
  const local = await storedOwnRoutines();
  if ((await ownSyncItem.getValue()) !== 'on') return local;
  let synced: unknown = null;
  try {
    synced = await syncOwn.getValue();
  } catch {
    return local; // sync unavailable
  }
  const parsed = synced === null ? null : parseOwnRoutines(synced);
  if (!parsed?.ok || JSON.stringify(parsed.value) === JSON.stringify(local)) return local;
  await localOwn.setValue(parsed.value);
  return parsed.value;
}

/**
 * After a save that missed sync ('unavailable'): this computer's list (the one in force while
 * unsynced) is saved again, so that it reaches sync once sync works. The options page runs it as
 * it opens, the break page at each break (lib/routine-choice.ts); each save tries sync too.
 * Resolves to the state.
 */
export async function retryOwnSync(): Promise<OwnSyncState> {
  const state = (await ownSyncItem.getValue()) ?? 'on';
  return state === 'unavailable' ? saveOwnRoutines(await storedOwnRoutines()).catch(() => state) : state;
}

/** A reload that failed (this computer's storage refusing the synced list): logged, and nothing new to tell. */
const warned = (e: unknown): null => {
  console.warn('[limber] own routines not reloaded', e);
  return null;
};

/**
 * `loadOwnRoutines` for a page opening: when this computer's storage refuses the synced list, the
 * list stored here (the one in force, which breaks play), logged once.
 */
export const loadOwnRoutinesHere = (): Promise<OwnRoutine[]> => loadOwnRoutines().catch((e: unknown) => (warned(e), storedOwnRoutines()));

/**
 * Calls back with the routines in force whenever they change (here, or synced from elsewhere),
 * latest last. A reload that fails tells nothing (the page keeps what it shows) and is logged.
 */
export function watchOwnRoutines(cb: (list: OwnRoutine[]) => void, load: () => Promise<OwnRoutine[]> = loadOwnRoutines): () => void {
  // A save writes twice (sync, then here), and each write starts a reload.
  const reload = latestReload(
    () => load().catch(warned),
    (list) => list && cb(list),
  );
  const off = [localOwn.watch(reload), syncOwn.watch(reload), ownSyncItem.watch(reload)];
  return () => off.forEach((u) => u());
}
