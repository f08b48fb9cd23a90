import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { App } from './App';
import { localizeDocument } from '../../components/localize';
import { startPopupLoad } from '../../components/hooks/use-popup-data';
import type { PopupData } from '../../lib/messages';

performance.mark('limber:main');
// The background's snapshot and the request for fresh data (started by public/popup-early.js).
const load = startPopupLoad();
localizeDocument('actionTitle');
const draw = (initial: PopupData | null) => {
  render(<App load={load} initial={initial} />, document.getElementById('app')!);
  performance.mark('limber:rendered');
};
// The first render has the snapshot when there is one, so the first frame shows the next break
// and today: drawn at once if it is already read, else as soon as it is (storage.session, a few
// milliseconds, no worker involved), never waiting more than a moment for it.
if (load.ready !== undefined) draw(load.ready);
else void Promise.race([load.snapshot, new Promise<null>((resolve) => setTimeout(() => resolve(null), 40))]).then(draw);
