/**
 * A routine's sources as people should see them (loaded when the break page's notes open:
 * components/RoutineSources.tsx): each source's title (a link when it has a public
 * URL, opening in a new tab) and its publisher. Never a file name: the ids come from
 * content/sources.ts, whose entries content/catalogue-sources.test.ts checks. Where none of the
 * sources describes the routine's technique on one of its areas (SOURCE_GAPS), one line under the
 * list says so.
 */
import { SOURCE_GAPS, SOURCES, sourceLabel, type SourceId } from '../content/sources';
import { t } from '../lib/i18n';

export function SourceList({ ids, routineId }: { ids: readonly SourceId[]; routineId: string }) {
  const gap = SOURCE_GAPS[routineId];
  return (
    <div class="sources" data-testid="sources">
      <h2 class="sources-title">{t('playerSourcesTitle')}</h2>
      <ul>
        {ids.map((id) => {
          const s = SOURCES[id];
          return (
            <li key={id} data-source-id={id}>
              {s.url ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {sourceLabel(s)}
                  <span class="visually-hidden">{t('linkNewTab')}</span>
                </a>
              ) : (
                <cite>{sourceLabel(s)}</cite>
              )}
              {s.publisher && <span class="source-publisher">{`, ${s.publisher}`}</span>}
            </li>
          );
        })}
      </ul>
      {gap && (
        <p class="small" data-testid="sources-gap">
          {t(gap)}
        </p>
      )}
    </div>
  );
}
