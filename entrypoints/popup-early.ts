/**
 * The popup's reads and its first frame, started while its module script is still loading: a
 * classic script in the popup's head (built to /popup-early.js) runs as the page is parsed, the
 * module only once all of its files are in.
 * 1. The background's status snapshot (storage.session, lib/storage/status-cache.ts), read without
 *    waking the worker. When it may be drawn (lib/snapshot-usable.ts), the first frame is drawn
 *    from it at once (entrypoints/popup/first-frame.ts: plain DOM, no framework), so that the
 *    next break and today's count are on screen before Preact has loaded; Preact takes it over.
 * 2. The request for fresh data ('popup/get', lib/protocol/messages.ts), which replaces the snapshot. Sent
 *    at once only when there is no usable snapshot (the popup has nothing to show until it is
 *    answered); otherwise after the first paint (components/hooks/use-popup-data.ts), so that a
 *    stopped worker starting up does not compete with that paint for the CPU.
 * use-popup-data.ts takes all of this over (and does it itself if this did not run). Whether a
 * snapshot is usable is decided by the same function there and here.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SNAPSHOT_KEY, snapshotUsable } from '../lib/snapshot-usable';
import { textLanguage } from '../lib/text-language';
import { firstFrame, type Msg } from './popup/first-frame';
import type { PopupData } from '../lib/protocol/messages';

interface Early {
  snapshotDone: boolean;
  snapshotValue: unknown;
  snapshot: Promise<unknown> | null;
  answer: Promise<unknown> | null;
  ask: (() => Promise<unknown>) | null;
  /** Set by the popup's module before Preact's first render: from then on this draws nothing. */
  taken: boolean;
}

interface Api {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  i18n: { getMessage(k: string, subs?: string[]): string; getUILanguage(): string };
}

/**
 * Draws the first frame into #app, unless Preact got there first or the browser's message
 * catalogue answers with nothing (the module then waits for the packaged one: no key is drawn).
 */
function draw(api: Api, early: Early, data: PopupData): void {
  const msg: Msg = (key, subs) => api.i18n.getMessage(key, subs?.map(String));
  if (!msg('appName')) return;
  const go = () => {
    const app = document.getElementById('app');
    if (early.taken || !app || app.firstChild) return;
    // As components/localize.ts localizeDocument does: the language the text is in, and the title.
    document.documentElement.lang = textLanguage(api.i18n.getUILanguage(), msg('textLang'));
    document.title = msg('actionTitle');
    app.append(firstFrame(data, Date.now(), msg));
    performance.mark('limber:first-frame');
  };
  // Usually the page has been parsed by the time storage answers; if not, as soon as it has
  // (before the module runs, which waits for the parsing too).
  if (document.getElementById('app')) go();
  else document.addEventListener('readystatechange', go, { once: true });
}

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api; __limberEarly?: Early };
  const early: Early = { snapshotDone: false, snapshotValue: null, snapshot: null, answer: null, ask: null, taken: false };
  try {
    const api = (g.browser ?? g.chrome)!;
    early.ask = () => (early.answer ??= api.runtime.sendMessage({ type: 'popup/get' }));
    early.snapshot = api.storage.session.get(SNAPSHOT_KEY).then(
      (r) => {
        early.snapshotValue = r[SNAPSHOT_KEY] ?? null;
        early.snapshotDone = true;
        if (!snapshotUsable(early.snapshotValue, Date.now())) early.ask!();
        else {
          try {
            draw(api, early, (early.snapshotValue as { data: PopupData }).data);
          } catch {
            // Whatever went wrong here, the module draws the popup as it would without this.
          }
        }
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
