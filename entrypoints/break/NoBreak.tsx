import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

/** No break under way for this window: say so, and offer one. */
export function NoBreak({ onStart }: { onStart: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="end" data-testid="break-gone">
      <h1 tabIndex={-1} ref={ref}>{t('breakNoneTitle')}</h1>
      <p>{t('breakNoneHint')}</p>
      <div class="controls">
        <button class="btn btn-primary" data-testid="start-now" onClick={onStart}>{t('actionStartBreakNow')}</button>
        <button class="btn" onClick={() => window.close()}>{t('actionClose')}</button>
      </div>
    </section>
  );
}
