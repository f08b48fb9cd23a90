/**
 * Options, "Your data": the confirmation before "Reset everything" (it says that a browser that
 * syncs takes the reset to the other computers). Its Cancel (`cancelRef`) is the safe choice and
 * takes the focus when it opens (DataPrefs does that); Escape cancels too.
 */
import type { RefObject } from 'preact';
import { t } from '../lib/i18n';

interface Props {
  onConfirm: () => void;
  onCancel: () => void;
  cancelRef: RefObject<HTMLButtonElement>;
}

export function ResetConfirm({ onConfirm, onCancel, cancelRef }: Props) {
  return (
    <div class="confirm" role="group" aria-labelledby="reset-text" data-testid="reset-confirm" onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}>
      <p id="reset-text">{t('resetConfirmText')}</p>
      <div class="row">
        <button class="btn btn-danger-strong" data-testid="reset-confirm-yes" onClick={onConfirm}>
          {t('resetConfirm')}
        </button>
        <button class="btn" data-testid="reset-cancel" ref={cancelRef} onClick={onCancel}>
          {t('resetCancel')}
        </button>
      </div>
    </div>
  );
}
