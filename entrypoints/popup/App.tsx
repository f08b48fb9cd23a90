import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, RequestError, type PopupData } from '../../lib/protocol/messages';
import { t } from '../../lib/i18n';
import { ANSWER_WAIT_MS, send, useNow } from '../../components/hooks/use-status';
import { usePopupData, type PopupLoad } from '../../components/hooks/use-popup-data';
import { TodayPanel } from '../../components/TodayPanel';
import { useNotificationCheck } from '../../components/hooks/use-notification-check';
import { takeWhatsNew } from '../../lib/storage/live';
import { NextBreak } from './NextBreak';
import { PauseControl } from './PauseControl';
import type { Act } from './act';

/** The "updated" line (with the new version) shows once after an update, then is cleared. */
function useWhatsNewOnce(): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void takeWhatsNew().then((v) => v && setVersion(v));
  }, []);
  return version;
}

/**
 * `load`: the snapshot read and the request started as the page loaded; `initial`: the snapshot,
 * when it was there in time for the first render (entrypoints/popup/main.tsx).
 */
export function App({ load, initial }: { load: PopupLoad; initial: PopupData | null }) {
  const now = useNow(1000);
  const { shown, error, refresh } = usePopupData(load, initial, now);
  const status = shown?.data.status ?? null;
  const notifications = useNotificationCheck();
  const whatsNew = useWhatsNewOnce();
  const [actionError, setActionError] = useState<string | null>(null);
  // The button of the action under way (its data-testid), aria-disabled while its answer is awaited.
  const [pressed, setPressed] = useState<string | null>(null);
  const [told, setTold] = useState('');
  const loading = !error && (!shown || shown.source === 'snapshot');

  // One action at a time: a double click (or Enter held) would send it twice, and the second is
  // refused (the break is already skipped) and shown as a failure. `busy` holds the action under
  // way (its number): one unanswered for ANSWER_WAIT_MS (a worker alive but stuck) is said as "not
  // answering", as the first load is, and frees the buttons; its answer, if it comes, is still
  // taken, and what it says is shown only while no later action has started.
  const busy = useRef(0);
  const acts = useRef(0);
  const act: Act = async (key, fn, close = false) => {
    if (busy.current) return;
    const n = (busy.current = ++acts.current);
    const latest = () => n === acts.current;
    const free = () => {
      if (busy.current !== n) return;
      busy.current = 0;
      setPressed(null);
    };
    setActionError(null);
    setPressed(key);
    const late = setTimeout(() => {
      free();
      if (latest()) setActionError(t('errBackground'));
    }, ANSWER_WAIT_MS);
    try {
      await fn();
      if (latest()) setActionError(null);
      if (close) window.close();
      else refresh();
    } catch (e) {
      // Not delivered at all (no RequestError: "Could not establish connection"): not answering, as the refresh below finds.
      const code = e instanceof RequestError ? e.code : null;
      if (latest()) setActionError(t(code === 'snoozeLimit' ? 'errSnoozeLimit' : code === 'strict' ? 'errStrict' : code ? 'errActionFailed' : 'errBackground'));
      refresh();
    } finally {
      clearTimeout(late);
      free();
    }
  };
  // "Not answering" said once: by the action's alert when it says so (the first load's, or its refresh's, would repeat it).
  const aria = (key: string) => (pressed === key ? 'true' : undefined);

  return (
    // Busy until the background's answer, or its failure: nothing more is coming then, and a
    // screen reader may hold back what a busy element says (the alert below included).
    <main class="popup" aria-busy={loading} data-source={shown?.source ?? 'none'}>
      <header class="popup-head">
        <img src="/icons/32.png" alt="" width="24" height="24" />
        <h1>{t('appName')}</h1>
      </header>
      {error && actionError !== t('errBackground') && <p class="notice" role="alert">{t('errBackground')}</p>}
      {status && <NextBreak status={status} now={now} act={act} aria={aria} told={told} tell={setTold} />}
      {shown && <TodayPanel data={shown.data} />}
      {/* What Snooze or Skip came to; in the page from the first render, below the first frame's blocks. */}
      <p class="visually-hidden" role="status">
        {told}
      </p>
      {actionError && <p class="notice" role="alert">{actionError}</p>}
      {status && <PauseControl status={status} now={now} act={act} aria={aria} validUntil={shown!.data.validUntil} />}
      <nav class="popup-actions">
        <button
          class="btn btn-primary"
          data-testid="break-now"
          disabled={!status || status.tracker.phase === 'onBreak'}
          aria-disabled={aria('break-now')}
          onClick={() => act('break-now', () => ask(send, { type: 'break/start' }), true)}
        >
          {t('actionBreakNow')}
        </button>
        <button class="btn" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('actionOptions')}
        </button>
      </nav>
      {/* Known only after a read of their own: last, so that nothing drawn before them moves. Their
          live region is in the page from the first render, empty (one inserted with its text is not
          read out by several screen readers); the update line comes once the popup is no longer
          busy (a busy element's news may be held back), and stays: it is not stored any more. */}
      <div class="notes" role="status" data-testid="popup-notes">
        {notifications === 'blocked' && <p class="notice" data-testid="notifications-blocked">{t('notificationsBlocked')}</p>}
        {whatsNew && !loading && <p class="notice info" data-testid="whats-new">{t('whatsNew', whatsNew)}</p>}
      </div>
    </main>
  );
}
