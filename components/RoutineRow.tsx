/** One routine in the options' "leave out" list (built-in or the user's own): its checkbox, kind and length, and a preview. */
import { routineSummary, routineTitle } from '../content/text';
import type { Routine } from '../content/types';
import { illustrationUrl } from '../content/illustration';
import { t } from '../lib/i18n';
import { duration, KIND_LABEL } from './routine-labels';

export function RoutineRow({ routine: r, excluded, onChange }: { routine: Routine; excluded: boolean; onChange: (on: boolean) => void }) {
  const id = `exclude-${r.id}`;
  const title = routineTitle(r);
  return (
    <li class="routine-row">
      <div class="routine-line">
        <input
          type="checkbox"
          id={id}
          data-testid={id}
          checked={excluded}
          aria-describedby={`${id}-meta`}
          onChange={(ev) => onChange((ev.currentTarget as HTMLInputElement).checked)}
        />
        <label for={id}>{title}</label>
        <span id={`${id}-meta`} class="muted small">
          {t(KIND_LABEL[r.kind])} · {duration(r.durationSec)}
        </span>
      </div>
      <details class="routine-preview">
        <summary aria-label={t('routinePreviewOf', title)}>{t('routinePreview')}</summary>
        <div class="routine-preview-body">
          {r.illustration && <img src={illustrationUrl(r.illustration)} alt="" width="100" height="80" loading="lazy" />}
          <p class="small">{routineSummary(r)}</p>
        </div>
      </details>
    </li>
  );
}
