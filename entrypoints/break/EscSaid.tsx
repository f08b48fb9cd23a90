import { t } from '../../lib/i18n';

/**
 * Strict mode's answer to Esc for screen readers (the player and the free break): a polite live
 * region, empty until Esc, then the strict note, put in afresh at each Esc so that each is heard.
 */
export function EscSaid({ times }: { times: number }) {
  return (
    <p class="visually-hidden" role="status" data-testid="strict-said">
      {times > 0 && <span key={times}>{t('strictBreakNote')}</span>}
    </p>
  );
}
