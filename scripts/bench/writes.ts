/**
 * What an extension writes, heard from outside its worker during the live run:
 *   - storage.local, storage.sync and storage.session: `storage.onChanged` on one of the
 *     extension's own pages (its manifest.json opened in a tab: extension APIs, none of its code).
 *     One event is one write call (set or remove) that changed something; Chromium reports no
 *     event for a write of values already stored, so those are not counted;
 *   - IndexedDB: Chromium's own report, through the DevTools protocol, of each change of an
 *     object store's content in the extension's origin (`Storage.indexedDBContentUpdated`);
 *   - its alarms firing, heard on the same page (pages never wake the worker).
 * Everything is logged with its time, so a run can be cut into cycles afterwards.
 */
import type { Cdp } from './cdp';

export type Area = 'local' | 'sync' | 'session' | 'indexedDB';
export const AREAS: readonly Area[] = ['local', 'sync', 'session', 'indexedDB'];

export interface Heard {
  t: number;
  k: 'write' | 'alarm';
  area?: Area;
  /** The storage keys written, or the object store. */
  what?: string;
  name?: string;
}

/** Evaluated on the extension's page: starts the log of its storage writes and alarms. */
const PAGE_OBSERVER = `(() => {
  const log = (globalThis.__bench = []);
  chrome.storage.onChanged.addListener((changes, area) => log.push({ t: Date.now(), k: 'write', area, what: Object.keys(changes).sort().join(',') }));
  chrome.alarms.onAlarm.addListener((a) => log.push({ t: Date.now(), k: 'alarm', name: a.name }));
  return true;
})()`;

/** One extension's writes: its page's log plus IndexedDB changes from the protocol. */
export class WriteLog {
  readonly heard: Heard[] = [];

  private constructor(
    private readonly cdp: Cdp,
    private readonly pageSession: string,
  ) {}

  /**
   * Starts listening. `pageSession`: a session on a page of the extension `id`; `watchSession`: a
   * page session the IndexedDB reports are asked on (any page).
   */
  static async start(cdp: Cdp, id: string, pageSession: string, watchSession: string): Promise<WriteLog> {
    const w = new WriteLog(cdp, pageSession);
    const origin = `chrome-extension://${id}`;
    cdp.on((m) => {
      const p = m.params as { origin?: string; storageKey?: string; objectStoreName?: string } | undefined;
      if (m.method === 'Storage.indexedDBContentUpdated' && (p?.origin === origin || p?.storageKey?.startsWith(origin))) {
        w.heard.push({ t: Date.now(), k: 'write', area: 'indexedDB', what: p.objectStoreName ?? '' });
      }
    });
    await cdp.send('Storage.trackIndexedDBForStorageKey', { storageKey: `${origin}/` }, watchSession);
    await cdp.evaluate(pageSession, PAGE_OBSERVER);
    return w;
  }

  /** Moves what the page heard since the last call into `heard`. */
  async drain(): Promise<void> {
    this.heard.push(...(await this.cdp.evaluate<Heard[]>(this.pageSession, 'globalThis.__bench.splice(0)')));
  }

  /** Writes within [t0, t1), by area. */
  writes(t0: number, t1: number): Record<Area, number> {
    const by = { local: 0, sync: 0, session: 0, indexedDB: 0 };
    for (const h of this.heard) if (h.k === 'write' && h.area && h.t >= t0 && h.t < t1) by[h.area]++;
    return by;
  }

  /** Alarms fired within [t0, t1). */
  alarms(t0: number, t1: number): number {
    return this.heard.filter((h) => h.k === 'alarm' && h.t >= t0 && h.t < t1).length;
  }
}

/** The sum of a row of counts by area. */
export const total = (by: Record<Area, number>) => AREAS.reduce((n, a) => n + by[a], 0);
