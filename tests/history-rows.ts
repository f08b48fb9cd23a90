/**
 * Reading the break history from inside an extension page, for the Chromium (Playwright) and
 * Firefox (puppeteer) end-to-end suites alike: `page.evaluate(readHistoryRows)`. It is serialised
 * into the page, so it uses nothing from this module but itself.
 */
export interface HistoryRow {
  id: string;
  kind: string;
  outcome: string;
  day: string;
  routineId: string | null;
  endedAt: number;
}

export const readHistoryRows = (): Promise<HistoryRow[]> =>
  new Promise<HistoryRow[]>((resolve, reject) => {
    const req = indexedDB.open('limber');
    // Never create the database from a test: if it does not exist yet, there is no history.
    let missing = false;
    req.onupgradeneeded = () => {
      missing = true;
      req.transaction?.abort();
    };
    req.onerror = () => (missing ? resolve([]) : reject(req.error));
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('breaks')) {
        db.close();
        resolve([]);
        return;
      }
      const all = db.transaction('breaks').objectStore('breaks').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as HistoryRow[]);
      };
      all.onerror = () => reject(all.error);
    };
  });
