// The popup's two reads, started while its module scripts are still loading: a classic script in
// the page's head runs as the page is parsed, the modules only once all of their files are in.
// 1. the background's status snapshot (storage.session, lib/storage/status-cache.ts: key
//    'statusSnapshot'), read without waking the worker, so the first frame can show it;
// 2. the request for fresh data ('popup/get', lib/messages.ts), which replaces the snapshot.
// components/hooks/use-popup-data.ts takes both over (and asks itself if this did not run).
'use strict';
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const early = { snapshotDone: false, snapshotValue: null, snapshot: null, answer: null };
  try {
    early.snapshot = api.storage.session.get('statusSnapshot').then(
      (r) => {
        early.snapshotValue = r.statusSnapshot ?? null;
        early.snapshotDone = true;
        return early.snapshotValue;
      },
      () => {
        early.snapshotDone = true;
        return null;
      },
    );
    early.answer = api.runtime.sendMessage({ type: 'popup/get' });
    early.answer.catch(() => undefined);
  } catch {
    // No extension APIs here (a test page): the module asks by itself.
  }
  globalThis.__limberEarly = early;
})();
