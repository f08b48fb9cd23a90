/**
 * The popup's Today part: the ring (taken of due), the current and best streak, the last 7 days
 * and a line of encouragement, all computed by the background ('history/popup'). The counts in
 * the ring and the streak card come from the status (the same aggregates), so they show at once.
 */
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import type { Status } from '../lib/messages';
import { Flame } from './Flame';
import { TodayRing, WeekBars, WeekLegend } from './HistoryCharts';
import { prefetchPopupHistory, usePopupHistory } from './hooks/use-history';

// Ask for the history as the popup loads, in parallel with the status (it is drawn with both).
if (typeof window !== 'undefined' && location.pathname.endsWith('/popup.html')) prefetchPopupHistory();

export function openReview(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/review.html') }).then(() => window.close());
}

export function TodayPanel({ status }: { status: Status }) {
  // Fetched again when today's counts or the streak change (not on every status refresh).
  const hist = usePopupHistory(JSON.stringify(status.today));
  if (status.historyError || !status.today || hist === null) {
    return <p class="notice" role="status" data-testid="history-off">{t('historyOff')}</p>;
  }
  const td = status.today;
  const h = typeof hist === 'object' ? hist : null;
  const due = Math.max(h?.ring.due ?? 0, td.taken);
  return (
    <section class="today" aria-labelledby="today-h" data-testid="today">
      <h2 id="today-h" class="visually-hidden">{t('todayHeading')}</h2>
      <div class="stats">
        <div class="card stat stat-ring">
          <TodayRing taken={td.taken} due={due} met={h?.ring.met ?? false}>
            <span class="ring-count" data-testid="today-count">{td.taken}</span>
            {due > 0 && <span class="ring-of">{t('ringOf', due)}</span>}
          </TodayRing>
          <span class="stat-label">{t('breaksToday', td.taken)}</span>
        </div>
        <div class="card stat stat-streak">
          <span class="stat-value">
            <Flame lit={td.streak > 0} />
            <span data-testid="streak">{td.streak}</span>
            <span class="stat-label">{t('streakDays', td.streak)}</span>
          </span>
          <span class="muted small" data-testid="longest">{t('streakBest', td.longest)}</span>
        </div>
      </div>
      {h && (
        <div class="card week" data-testid="week">
          <h2 class="visually-hidden">{t('weekHeading')}</h2>
          <div class="week-head">
            <WeekLegend />
            <button class="btn btn-link" data-testid="weekly-review" onClick={openReview}>
              {t('actionWeeklyReview')}
            </button>
          </div>
          <WeekBars days={h.days} today={h.today} />
          <p class="cheer" data-testid="cheer">{t(h.cheer.key, h.cheer.subs)}</p>
        </div>
      )}
    </section>
  );
}
