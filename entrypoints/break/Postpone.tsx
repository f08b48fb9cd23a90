/**
 * The break window's postpone choices (issue #14): "Not now? Postpone this break by 5 min / 15 min",
 * shown for a prompted break with postpones left under the limit in force (one in strict mode).
 * Apart from Skip (with the player's controls; in the prompt, below Start and Skip): postponing keeps
 * the break, skipping drops it.
 * Once the background takes it, the window closes; the prompt comes back after the chosen minutes.
 */
import { useState } from 'preact/hooks';
import { t, tp } from '../../lib/i18n';
import { ask, RequestError, type SendMessage } from '../../lib/protocol/messages';
import { POSTPONE_MINUTES } from '../../lib/tracker/state';

export function Postpone({ breakId, send }: { breakId: string; send: SendMessage }) {
  // Refused (over, or no postpones left) is said so; no answer, or a failure in the background, as the rest of the page says it.
  const [failed, setFailed] = useState<'postponeFailed' | 'errBackground' | null>(null);
  const [busy, setBusy] = useState(false);
  const postpone = async (minutes: (typeof POSTPONE_MINUTES)[number]) => {
    if (busy) return;
    setBusy(true);
    setFailed(null); // a failure again is put in afresh, and so heard again
    try {
      await ask(send, { type: 'break/snooze', breakId, minutes });
      window.close();
    } catch (e) {
      setFailed(e instanceof RequestError && e.code != 'internal' ? 'postponeFailed' : 'errBackground');
      setBusy(false);
    }
  };
  return (
    <div class="postpone" role="group" aria-labelledby="postpone-label" data-testid="postpone">
      <span id="postpone-label" class="small">{t('postponeLabel')}</span>
      {/* The choices together: a line too narrow for the words and both wraps after the words, not between the choices. */}
      <span class="postpone-choices">
        {POSTPONE_MINUTES.map((m) => (
          // aria-disabled, not disabled, while the request runs: a disabled button drops the keyboard focus it has (to the page, if the request fails).
          <button key={m} class="btn" data-testid={`postpone-${m}`} aria-disabled={busy ? 'true' : undefined} onClick={() => void postpone(m)}>
            {tp('postponeChoice', m)}
          </button>
        ))}
      </span>
      {failed && <p class="notice small" role="alert">{t(failed)}</p>}
    </div>
  );
}
