/**
 * The popup's reads, started while its module script is still loading: a classic script in the
 * popup's head (built to /popup-early.js) runs as the page is parsed, the module only once all of
 * its files are in.
 * 1. The background's status snapshot (storage.session, lib/storage/status-cache.ts), read without
 *    waking the worker, so that the first frame can show it.
 * 2. The request for fresh data ('popup/get', lib/protocol/messages.ts), which replaces the snapshot. Sent
 *    at once only when there is no usable snapshot (the popup has nothing to show until it is
 *    answered); otherwise after the first paint (components/hooks/use-popup-data.ts), so that a
 *    stopped worker starting up does not compete with that paint for the CPU.
 * use-popup-data.ts takes all of this over (and does it itself if this did not run). Whether a
 * snapshot is usable is decided by the same function there and here (lib/snapshot-usable.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SNAPSHOT_KEY, snapshotUsable } from '../lib/snapshot-usable';

interface Early {
  snapshotDone: boolean;
  snapshotValue: unknown;
  snapshot: Promise<unknown> | null;
  answer: Promise<unknown> | null;
  ask: (() => Promise<unknown>) | null;
}

interface Api {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
}

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api; __limberEarly?: Early };
  const early: Early = { snapshotDone: false, snapshotValue: null, snapshot: null, answer: null, ask: null };
  try {
    const api = (g.browser ?? g.chrome)!;
    early.ask = () => (early.answer ??= api.runtime.sendMessage({ type: 'popup/get' }));
    early.snapshot = api.storage.session.get(SNAPSHOT_KEY).then(
      (r) => {
        early.snapshotValue = r[SNAPSHOT_KEY] ?? null;
        early.snapshotDone = true;
        if (!snapshotUsable(early.snapshotValue, Date.now())) early.ask!();
        return early.snapshotValue;
      },
      () => {
        early.snapshotDone = true;
        early.ask!();
        return null;
      },
    );
  } catch {
    // No extension APIs here (a test page): the module does it all.
  }
  g.__limberEarly = early;
});
