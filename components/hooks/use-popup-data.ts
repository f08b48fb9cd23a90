/**
 * The popup's data (status + Today part). Drawn first from the background's snapshot
 * (storage.session, lib/storage/status-cache.ts: no worker round trip, so no waiting for a
 * stopped worker to start), then replaced by the background's own answer ('popup/get', asked for
 * right after that first paint, or at once when there is no usable snapshot), and kept current by
 * watching the snapshot, which the background writes after every change it saves. A snapshot is
 * only used while it holds (see status-cache.ts), and the answer always replaces it: at worst a
 * snapshot is shown for one frame and one round trip.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, type PopupData } from '../../lib/protocol/messages';
import { readStatusSnapshot, statusSnapshotItem, usableSnapshot, type StatusSnapshot } from '../../lib/storage/status-cache';
import { ANSWER_WAIT_MS, send } from './use-status';

/** Where the data on screen came from: the snapshot read at load, or the background (answer or its latest snapshot). */
export type Source = 'snapshot' | 'fresh';
export interface Shown {
  data: PopupData;
  source: Source;
}

export type Incoming = { from: 'snapshot' | 'answer' | 'watch'; data: PopupData };

/**
 * What to show next (pure). The snapshot read at load only fills an empty popup; an answer to
 * the latest request always wins (the caller drops answers to older ones); a snapshot written by
 * the background since is taken unless what is shown is newer.
 */
export function nextShown(cur: Shown | null, inc: Incoming): Shown | null {
  switch (inc.from) {
    case 'snapshot':
      return cur ?? { data: inc.data, source: 'snapshot' };
    case 'answer':
      return { data: inc.data, source: 'fresh' };
    case 'watch':
      return !cur || inc.data.status.now >= cur.data.status.now ? { data: inc.data, source: 'fresh' } : cur;
  }
}

/**
 * Whether what is shown has gone out of date by itself while the popup stayed open: the moment
 * the background said it holds until (a new day, the end of a pause or of working hours, the next
 * break) has passed. Only a moment after the reading counts, so that each reading can cause one
 * new question at most, whatever the clocks say. The countdown itself is derived from the due
 * time and needs no question.
 */
export function outdated(data: PopupData, now: number): boolean {
  return data.validUntil > data.status.now && now >= data.validUntil;
}

export interface PopupLoad {
  snapshot: Promise<PopupData | null>;
  /** The snapshot, when it had already been read as the module started (else undefined). */
  ready: PopupData | null | undefined;
  /** Asks the background for fresh data: once, the same answer on later calls. */
  answer: () => Promise<PopupData>;
}

/** What the early script (entrypoints/popup-early.ts) leaves: the snapshot read, and the request (sent at most once). */
interface Early {
  snapshot: Promise<unknown> | null;
  snapshotDone: boolean;
  snapshotValue: unknown;
  ask: (() => Promise<unknown>) | null;
}

/**
 * The snapshot read and the request to the background, taken over from the early script (entrypoints/popup-early.ts),
 * which reads the snapshot while the page's modules load and asks at once only when there is no
 * usable snapshot; otherwise the hook asks after the first paint (its effect). Without that
 * script, all of it starts here (call as the page loads).
 */
export function startPopupLoad(now = Date.now()): PopupLoad {
  const early = (globalThis as { __limberEarly?: Early }).__limberEarly;
  const earlyAsk = early?.ask;
  let asked: Promise<PopupData> | null = null;
  const answer = () => (asked ??= earlyAsk ? ask(() => earlyAsk(), { type: 'popup/get' }) : ask(send, { type: 'popup/get' }));
  const earlySnapshot = early?.snapshot;
  if (!early || !earlySnapshot) {
    void answer().catch(() => undefined); // handled by the hook
    return { snapshot: readStatusSnapshot(now), ready: undefined, answer };
  }
  const snapshot = earlySnapshot.then((v) => usableSnapshot(v as StatusSnapshot | null, Date.now()));
  return { snapshot, ready: early.snapshotDone ? usableSnapshot(early.snapshotValue as StatusSnapshot | null, now) : undefined, answer };
}

/**
 * `now`: the popup's clock (it ticks each second for the countdown); when what is shown has gone
 * out of date by itself (`outdated`), the background is asked again.
 */
export function usePopupData(load: PopupLoad, initial: PopupData | null, now: number): { shown: Shown | null; error: boolean; refresh: () => void } {
  const [shown, setShown] = useState<Shown | null>(initial ? { data: initial, source: 'snapshot' } : null);
  const [error, setError] = useState(false);
  const seq = useRef(0);
  const apply = (inc: Incoming) => setShown((cur) => nextShown(cur, inc));

  const take = (p: Promise<PopupData>) => {
    const n = ++seq.current;
    // No answer in time (a worker alive but stuck: Chrome may keep the channel open for minutes):
    // said as "not answering", as the break page does, rather than left busy; a late answer still replaces it.
    const late = setTimeout(() => n === seq.current && setError(true), ANSWER_WAIT_MS);
    p.then(
      (data) => {
        if (n !== seq.current) return;
        apply({ from: 'answer', data });
        setError(false);
      },
      () => {
        if (n === seq.current) setError(true);
      },
    ).finally(() => clearTimeout(late));
  };
  const refresh = () => take(ask(send, { type: 'popup/get' }));

  // Runs after the first paint: only then is the background asked, unless it already was.
  useEffect(() => {
    if (!initial) void load.snapshot.then((data) => data && apply({ from: 'snapshot', data }));
    take(load.answer());
    return statusSnapshotItem.watch((next) => {
      const data = usableSnapshot(next, Date.now());
      if (!data) return;
      apply({ from: 'watch', data });
      // The background wrote it just now: it runs, and what is shown is its own (no "not answering").
      setError(false);
    });
  }, []);

  // Once per moment passed: an answer that still holds until the same moment (a clock that
  // disagrees with the background's) is not asked about again.
  const askedFor = useRef<number | null>(null);
  useEffect(() => {
    const data = shown?.data;
    if (!data || askedFor.current === data.validUntil || !outdated(data, now)) return;
    askedFor.current = data.validUntil;
    refresh();
  }, [now, shown]);
  return { shown, error, refresh };
}
