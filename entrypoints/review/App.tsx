/**
 * The weekly review: this week against last week, a 12-week calendar of streak days and
 * highlights in plain words. Computed here from the history and the settings (lib/weekly-review.ts
 * reviewNow, the same pure lib/review.ts the popup's part uses), then formatted. Each chart has a table alternative (read by screen readers; shown to
 * everyone with "Show the numbers as tables").
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber, t, tp } from '../../lib/i18n';
import type { ReviewData } from '../../lib/review';
import type { Highlight, HighlightValue } from '../../lib/review-highlights';
import type { WeekStats } from '../../lib/week-stats';
import { Flame } from '../../components/Flame';
import { GroupedBars, HeatMap, RankBars } from '../../components/ReviewCharts';
import { useReview } from '../../components/hooks/use-history';
import { addDays } from '../../lib/days';
import { areaLabel, dayLabel, duration, listOf, percent, shortDate } from '../../components/history-format';
import { routineTitle } from '../../components/routine-title';

export function App() {
  const { data, stale } = useReview();
  const [tables, setTables] = useState(false);
  const ready = typeof data === 'object' && data !== null;
  return (
    <main class="review" aria-busy={data === undefined}>
      <header class="review-head">
        <img src="/icons/48.png" alt="" width="40" height="40" />
        <div>
          <h1>{t('reviewTitle')}</h1>
          <p class="muted">{t('reviewIntro')}</p>
        </div>
        {ready && (
          <p class="week-range" data-testid="week-range">
            {t('reviewWeekRange', [shortDate(data.thisWeek.start), shortDate(addDays(data.thisWeek.start, 6))])}
          </p>
        )}
      </header>
      {data === 'error' && <p class="notice" role="alert">{t('errBackground')}</p>}
      <div role="status" class="live">{stale && <p class="notice" data-testid="review-stale">{t('reviewRefreshFailed')}</p>}</div>
      {data === null && <p class="notice" role="status" data-testid="review-history-off">{t('reviewHistoryOff')}</p>}
      {ready && data.empty && <p class="card" data-testid="review-empty">{t('reviewEmpty')}</p>}
      {ready && (
        <>
          <label class="switch tables-switch">
            <input type="checkbox" data-testid="show-tables" checked={tables} onChange={(e) => setTables((e.target as HTMLInputElement).checked)} />
            <span>{t('showTables')}</span>
          </label>
          <Review data={data} tables={tables} />
        </>
      )}
    </main>
  );
}

/** A routine's name: the user's own by the name they gave it (while it exists), else its title. */
const routineName = (id: string, own: Record<string, string>) => own[id] ?? routineTitle(id);

function formatValue(v: HighlightValue, own: Record<string, string>): string {
  if ('n' in v) return new Intl.NumberFormat().format(v.n);
  if ('share' in v) return percent(v.share);
  if ('ms' in v) return duration(v.ms);
  if ('day' in v) return dayLabel(v.day);
  if ('routine' in v) return routineName(v.routine, own);
  return listOf(v.areas.map(areaLabel));
}

export function highlightText(h: Highlight, own: Record<string, string> = {}): string {
  const values = h.values.map((v) => formatValue(v, own));
  const text = 'count' in h ? tp(h.key, h.count, values) : t(h.key, values);
  // A value ending in its abbreviation's full stop ("Mo., 2. Nov.") ends the sentence once, not "Nov..".
  return values.reduce((s, v) => (v.endsWith('.') ? s.split(`${v}.`).join(v) : s), text);
}

function Tile({ label, value, sub, testid, children }: { label: string; value: string; sub: string; testid: string; children?: ComponentChildren }) {
  return (
    <div class="card tile" data-testid={testid}>
      <span class="tile-label">{label}</span>
      <span class="tile-value">
        {children}
        {value}
      </span>
      <span class="muted small">{sub}</span>
    </div>
  );
}

function Tiles({ data }: { data: ReviewData }) {
  const { thisWeek: tw, lastWeek: lw, lastWeekSoFar: soFar, streak } = data;
  const weekDone = data.today === addDays(tw.start, 6);
  const avg = (w: WeekStats) => (w.deskDays > 0 ? duration(w.deskMs / w.deskDays) : '–');
  return (
    <section class="tiles" aria-label={t('reviewThisWeek')}>
      <Tile
        testid="tile-taken"
        label={t('statBreaksTaken')}
        value={formatNumber(tw.taken)}
        sub={data.fresh ? t('vsLastWeek', '–') : weekDone ? t('vsLastWeek', lw.taken) : t('vsLastWeekToDate', soFar.taken)}
      />
      <Tile testid="tile-share" label={t('statShareTaken')} value={tw.due > 0 ? percent(tw.share) : '–'} sub={t('vsLastWeek', lw.due > 0 ? percent(lw.share) : '–')} />
      <Tile testid="tile-desk" label={t('statDeskAvg')} value={avg(tw)} sub={t('vsLastWeek', avg(lw))} />
      <Tile testid="tile-longest" label={t('colLongestSit')} value={tw.longestMs > 0 ? duration(tw.longestMs) : '–'} sub={t('vsLastWeek', lw.longestMs > 0 ? duration(lw.longestMs) : '–')} />
      <Tile testid="tile-streak" label={t('statStreak')} value={formatNumber(streak.current)} sub={t('statBestStreak', streak.longest)}>
        <Flame lit={streak.current > 0} />
      </Tile>
    </section>
  );
}

function Review({ data, tables }: { data: ReviewData; tables: boolean }) {
  const tw = data.thisWeek;
  const lw = data.lastWeek;
  const HOUR = 3600_000;
  return (
    <>
      {data.highlights.length > 0 && (
        <section class="card section highlights" aria-labelledby="hl-h" data-testid="review-highlights">
          <h2 id="hl-h">{t('reviewHighlights')}</h2>
          <ul>
            {data.highlights.map((h) => (
              <li key={h.key} data-key={h.key}>{highlightText(h, data.ownNames)}</li>
            ))}
          </ul>
        </section>
      )}

      <Tiles data={data} />

      <div class="two">
        <section class="card section" aria-labelledby="breaks-h">
          <h2 id="breaks-h">{t('chartBreaks')}</h2>
          <GroupedBars id="breaks" caption={t('chartBreaks')} thisWeek={tw.days} lastWeek={lw.days} value={(b) => b.taken} format={formatNumber} minMax={4} today={data.today} tables={tables} />
        </section>
        <section class="card section" aria-labelledby="desk-h">
          <h2 id="desk-h">{t('chartDesk')}</h2>
          <GroupedBars id="desk" caption={t('chartDesk')} thisWeek={tw.days} lastWeek={lw.days} value={(b) => b.deskMs} format={duration} minMax={2 * HOUR} today={data.today} tables={tables} />
        </section>
      </div>

      <section class="card section heat-card" aria-labelledby="heat-h">
        <div class="section">
          <h2 id="heat-h">{t('chartHeatmap')}</h2>
          <HeatMap heat={data.heatmap} tables={tables} />
        </div>
        <div class="rules" data-testid="streak-rules">
          <h3>{t('streakHowTitle')}</h3>
          <ul>
            <li>{t('streakRuleMet')}</li>
            <li>{t('streakRuleOff')}</li>
            <li>{t('streakRuleGrace')}</li>
          </ul>
          {/* A grace day keeps a running streak: with none running (the popup's flame out), none is left to keep. */}
          {data.streak.current > 0 && (
            <p class="muted small" data-testid="grace-left">
              {t('streakGraceLeft', data.streak.graceLeft)}
            </p>
          )}
        </div>
      </section>

      <div class="two">
        <section class="card section" aria-labelledby="routines-h">
          <h2 id="routines-h">{t('chartRoutines')}</h2>
          {tw.routines.length ? (
            <RankBars id="routines" caption={t('chartRoutines')} colLabel={t('colRoutine')} items={tw.routines.map((r) => ({ label: routineName(r.id, data.ownNames), n: r.n }))} tables={tables} />
          ) : (
            <p class="muted">{t('noRoutinesYet')}</p>
          )}
        </section>
        <section class="card section" aria-labelledby="areas-h">
          <h2 id="areas-h">{t('chartAreas')}</h2>
          {tw.areas.length ? (
            <RankBars id="areas" caption={t('chartAreas')} colLabel={t('colArea')} items={tw.areas.map((a) => ({ label: areaLabel(a.area), n: a.n }))} tables={tables} />
          ) : (
            <p class="muted">{t('noRoutinesYet')}</p>
          )}
        </section>
      </div>
    </>
  );
}
