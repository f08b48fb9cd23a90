import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { App } from './App';
import { localizeDocument, whenLocalized } from '../../components/localize';
import { startPopupLoad } from '../../components/hooks/use-popup-data';
import { afterPaint } from './after-paint';
import type { PopupData } from '../../lib/protocol/messages';

performance.mark('limber:main');
// The background's snapshot and the request for fresh data (started by the early script, entrypoints/popup-early.ts).
const load = startPopupLoad();
// Almost always null: the browser's message catalogue works. When it answers with nothing, the
// first frame waits for the packaged one (components/localize.ts), so no key is ever drawn.
const words = whenLocalized();
if (!words) localizeDocument('actionTitle');
const draw = (initial: PopupData | null) => {
  const go = () => {
    // The early script's first frame (entrypoints/popup/first-frame.ts), if it drew one, is in
    // #app: Preact renders over it in this one task, reusing its elements. From here on the early
    // script draws nothing.
    const early = (globalThis as { __limberEarly?: { taken: boolean } }).__limberEarly;
    if (early) early.taken = true;
    render(<App load={load} initial={initial} />, document.getElementById('app')!);
    performance.mark('limber:rendered');
  };
  // When the early script drew the first frame, Preact renders once the browser has painted it
  // (after-paint.ts), so that the framework's render does not hold that first paint back.
  if (!words) {
    if (document.getElementById('app')?.firstChild) afterPaint(go, AFTER_PAINT_MAX_MS);
    else go();
  } else
    void words.then(() => {
      localizeDocument('actionTitle');
      go();
    });
};
// The first render has the snapshot when there is one, so the first frame shows the next break
// and today: drawn at once if it is already read, else as soon as it is (storage.session, a few
// milliseconds, no worker involved). A busy browser can take longer; up to SNAPSHOT_WAIT_MS a
// blank popup followed by the real picture reads better than an empty frame that flashes into it
// (past that, the empty frame is drawn and the snapshot or the answer fills it when it comes).
const SNAPSHOT_WAIT_MS = 150;
/** The longest Preact waits for the first frame's paint (a page out of view is not painted). */
const AFTER_PAINT_MAX_MS = 100;
if (load.ready !== undefined) draw(load.ready);
else {
  let timer = 0;
  const late = new Promise<null>((resolve) => {
    timer = window.setTimeout(() => {
      performance.mark('limber:snapshot-late'); // for the tests: why an empty frame came first
      resolve(null);
    }, SNAPSHOT_WAIT_MS);
  });
  void Promise.race([load.snapshot, late]).then((initial) => {
    clearTimeout(timer);
    draw(initial);
  });
}
