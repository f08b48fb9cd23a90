/**
 * The popup's small inline-SVG charts: today's ring and the last days as bars, with their legend.
 * Each chart's SVG is hidden from assistive technology and comes with a table holding the same
 * numbers. Colours come from components/charts.css and week-charts.css (light and dark).
 */
import type { ComponentChildren } from 'preact';
import './charts.css';
import './week-charts.css';
import { formatNumber, t, tp } from '../lib/i18n';
import type { DayKey } from '../lib/days';
import type { DayBar } from '../lib/week-stats';
import { dayLabel, statusLabel, weekdayLabel } from './history-format';
import { DataTable } from './DataTable';

/** Today's ring: taken of due, with the taken count in the middle. */
export function TodayRing({ taken, due, met, children }: { taken: number; due: number; met: boolean; children?: ComponentChildren }) {
  const r = 26;
  const c = 2 * Math.PI * r;
  const frac = due > 0 ? Math.min(1, taken / due) : 0;
  const label = due > 0 ? tp('ringLabel', due, [taken, due]) : t('ringNoneDue');
  return (
    <div class="ring" role="img" aria-label={label} data-testid="today-ring" data-taken={taken} data-due={due}>
      <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">
        <circle class="ring-track" cx="32" cy="32" r={r} stroke-width="7" />
        {frac > 0 && (
          <circle
            class={`ring-bar${met ? ' met' : ''}`}
            cx="32"
            cy="32"
            r={r}
            stroke-width="7"
            stroke-dasharray={`${(c * frac).toFixed(2)} ${c.toFixed(2)}`}
            transform="rotate(-90 32 32)"
          />
        )}
      </svg>
      <div class="ring-text">{children}</div>
    </div>
  );
}


/**
 * The last days as stacked bars: breaks done with Limber (completed or partial) and natural ones,
 * which together are the day's breaks taken (as the ring and the weekly review count them), then
 * skipped ones; a dot over a day that counted toward the streak.
 */
export function WeekBars({ days, today, tables = false }: { days: DayBar[]; today: DayKey; tables?: boolean }) {
  const W = 40;
  const H = 40;
  const top = 9;
  const max = Math.max(4, ...days.map((d) => d.taken + d.skipped));
  const unit = H / max;
  return (
    <>
      <svg class="chart week-bars" viewBox={`0 0 ${W * days.length} ${H + top + 16}`} aria-hidden="true" focusable="false" data-testid="week-bars">
        <line class="grid" x1="0" x2={W * days.length} y1={top + H + 0.5} y2={top + H + 0.5} />
        {days.map((d, i) => {
          const x = i * W + W / 2 - 9;
          const worked = d.completed + d.partial;
          const segs: Array<[string, number]> = [
            ['seg-taken', worked],
            ['seg-natural', d.natural],
            ['seg-skipped', d.skipped],
          ];
          let y = top + H;
          return (
            <g key={d.day} data-day={d.day}>
              {segs.map(([cls, n]) => {
                if (n <= 0) return null;
                const h = n * unit;
                y -= h;
                return <rect key={cls} class={cls} x={x} y={y} width="18" height={Math.max(1, h - 1)} rx="2" />;
              })}
              {d.due === 0 && <rect class="seg-empty" x={x} y={top + H - 4} width="18" height="4" rx="1" />}
              {d.status === 'met' && <circle class="met-dot" cx={x + 9} cy={Math.min(y, top + H) - 6} r="3" />}
              <text x={i * W + W / 2} y={top + H + 13} text-anchor="middle" font-size="10" class={d.day === today ? 'label-today' : undefined}>
                {weekdayLabel(d.day, 'short')}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable visible={tables} testid="week-table" label={t('weekTableCaption')}>
        <caption>{t('weekTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colDay')}</th>
            <th scope="col" class="num">{t('colTaken')}</th>
            <th scope="col" class="num">{t('colNatural')}</th>
            <th scope="col" class="num">{t('colSkipped')}</th>
            <th scope="col">{t('colStreakDay')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{dayLabel(d.day)}</th>
              <td class="num">{formatNumber(d.completed + d.partial)}</td>
              <td class="num">{formatNumber(d.natural)}</td>
              <td class="num">{formatNumber(d.skipped)}</td>
              <td>{statusLabel(d.status, d.due)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

/** Every mark of WeekBars, in the words of its table (the dot: a day its streak column says "Counted"). */
export function WeekLegend() {
  return (
    <ul class="legend" aria-hidden="true">
      <li><span class="swatch taken" />{t('legendTaken')}</li>
      <li><span class="swatch natural" />{t('legendNatural')}</li>
      <li><span class="swatch skipped" />{t('legendSkipped')}</li>
      <li><span class="swatch met-dot" />{statusLabel('met')}</li>
    </ul>
  );
}
