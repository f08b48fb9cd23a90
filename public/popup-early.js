// The popup's reads, started while its module scripts are still loading: a classic script in the
// page's head runs as the page is parsed, the modules only once all of their files are in.
// 1. The background's status snapshot (storage.session, lib/storage/status-cache.ts: key
//    'statusSnapshot'), read without waking the worker, so that the first frame can show it.
// 2. The request for fresh data ('popup/get', lib/messages.ts), which replaces the snapshot.
//    Sent at once only when there is no usable snapshot (the popup has nothing to show until
//    it is answered); otherwise after the first paint (components/hooks/use-popup-data.ts), so
//    that a stopped worker starting up does not compete with that paint for the CPU.
// use-popup-data.ts takes all of this over (and does it itself if this did not run).
'use strict';
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const early = { snapshotDone: false, snapshotValue: null, snapshot: null, answer: null, ask: null };
  try {
    early.ask = () => (early.answer ??= api.runtime.sendMessage({ type: 'popup/get' }));
    // What lib/storage/status-cache.ts usableSnapshot() accepts.
    const usable = (s, now) => !!s && typeof s.data?.validUntil === 'number' && !!s.data.status && now < s.data.validUntil && s.data.status.now <= now;
    early.snapshot = api.storage.session.get('statusSnapshot').then(
      (r) => {
        early.snapshotValue = r.statusSnapshot ?? null;
        early.snapshotDone = true;
        if (!usable(early.snapshotValue, Date.now())) early.ask();
        return early.snapshotValue;
      },
      () => {
        early.snapshotDone = true;
        early.ask();
        return null;
      },
    );
  } catch {
    // No extension APIs here (a test page): the module does it all.
  }
  globalThis.__limberEarly = early;
})();
