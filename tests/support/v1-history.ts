/** A history database as version 1 of Limber made it (breaks only, no day aggregates), opened with raw IndexedDB and filled. */
import { DB_NAME } from '../../lib/storage/history-db';
import type { StoredBreak } from '../../lib/storage/history';

export async function makeV1History(rows: StoredBreak[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const breaks = req.result.createObjectStore('breaks', { keyPath: 'id' });
      breaks.createIndex('byDay', 'day');
      breaks.createIndex('byEnd', 'endedAt');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('breaks', 'readwrite');
    for (const r of rows) tx.objectStore('breaks').put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
