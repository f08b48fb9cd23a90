/**
 * The popup's Today part: the ring (taken of due), the current and best streak, the last 7 days
 * and a line of encouragement, all computed by the background and drawn from the popup's data
 * ('popup/get', status and Today part from one read).
 */
import { formatNumber, t, tp } from '../lib/i18n';
import type { PopupData } from '../lib/protocol/messages';
import { Flame } from './Flame';
import { TodayRing, WeekBars, WeekLegend } from './WeekCharts';
import { openPage } from './open-page';

/** The weekly review: its tab brought to the front if it is open, else a new one. */
export function openReview(): void {
  void openPage('/review.html').then(() => window.close());
}

export function TodayPanel({ data }: { data: PopupData }) {
  const { status, history: h } = data;
  // Break outcomes the background could not write yet (it keeps them and tries again).
  const waiting = status.waitingRecords > 0 ? <p class="notice" role="status" data-testid="history-waiting">{t('historyWaiting', status.waitingRecords)}</p> : null;
  // Not read just now (not "off"): today's last figures, if there are any, below this note.
  const unreachable = status.historyError || waiting ? <p class="notice" role="status" data-testid="history-unreachable">{t('historyUnreachable')}</p> : null;
  if (!status.today || !h) {
    return (
      <>
        {waiting}
        {unreachable ?? <p class="notice" role="status" data-testid="history-off">{t('historyOff')}</p>}
      </>
    );
  }
  const td = status.today;
  const due = Math.max(h.ring.due, td.taken);
  return (
    <section class="today" aria-labelledby="today-h" data-testid="today">
      <h2 id="today-h" class="visually-hidden">{t('todayHeading')}</h2>
      {waiting}
      {status.historyError && unreachable}
      <div class="stats">
        <div class="card stat stat-ring">
          <TodayRing taken={td.taken} due={due} met={h.ring.met}>
            <span class="ring-count" data-testid="today-count">{formatNumber(td.taken)}</span>
            {due > 0 && <span class="ring-of">{t('ringOf', due)}</span>}
          </TodayRing>
          <span class="stat-label">{tp('breaksToday', td.taken, [])}</span>
        </div>
        <div class="card stat stat-streak">
          <span class="stat-value">
            <Flame lit={td.streak > 0} />
            <span data-testid="streak">{formatNumber(td.streak)}</span>
            <span class="stat-label">{tp('streakDays', td.streak, [])}</span>
          </span>
          <span class="muted small" data-testid="longest">{t('streakBest', td.longest)}</span>
        </div>
      </div>
      <div class="card week" data-testid="week">
        <h2 class="visually-hidden">{t('weekHeading')}</h2>
        <div class="week-head">
          <WeekLegend />
          <button class="btn btn-link" data-testid="weekly-review" onClick={openReview}>
            {t('actionWeeklyReview')}
          </button>
        </div>
        <WeekBars days={h.days} today={h.today} />
        <p class="cheer" data-testid="cheer">{'count' in h.cheer ? tp(h.cheer.key, h.cheer.count, h.cheer.subs) : t(h.cheer.key, h.cheer.subs)}</p>
      </div>
    </section>
  );
}
