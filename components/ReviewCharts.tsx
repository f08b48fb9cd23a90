/**
 * The weekly review's inline-SVG charts: this week against last week, the streak heat map and ranked
 * bars. Each chart's SVG is hidden from assistive technology and comes with a table holding the same
 * numbers (visually hidden unless `tables` is on). Colours come from components/charts.css.
 */
import './charts.css';
import { formatNumber, t } from '../lib/i18n';
import type { DayKey } from '../lib/days';
import type { HeatDay } from '../lib/review';
import type { DayBar } from '../lib/week-stats';
import type { DayStatus } from '../lib/streaks';
import { dayLabel, monthLabel, shortDate, statusLabel, weekdayLabel } from './history-format';
import { DataTable } from './DataTable';

interface GroupedProps {
  id: string;
  caption: string;
  thisWeek: DayBar[];
  lastWeek: DayBar[];
  value: (b: DayBar) => number;
  format: (n: number) => string;
  /** Smallest top of the scale (so a quiet week does not look full). */
  minMax: number;
  today: DayKey;
  tables: boolean;
}

/** This week against last week, day by day: two bars per weekday. */
export function GroupedBars({ id, caption, thisWeek, lastWeek, value, format, minMax, today, tables }: GroupedProps) {
  const W = 64;
  const H = 120;
  const top = 16;
  const max = Math.max(minMax, ...thisWeek.map(value), ...lastWeek.map(value));
  const h = (n: number) => (n / max) * H;
  return (
    <>
      <svg class="chart grouped" viewBox={`0 0 ${W * 7} ${H + top + 20}`} aria-hidden="true" focusable="false" data-testid={`chart-${id}`}>
        <line class="grid" x1="0" x2={W * 7} y1={top + H + 0.5} y2={top + H + 0.5} />
        <line class="grid" x1="0" x2={W * 7} y1={top + 0.5} y2={top + 0.5} stroke-dasharray="3 3" />
        <text x="0" y={top - 5} font-size="10">{format(max)}</text>
        {thisWeek.map((d, i) => {
          const last = lastWeek[i];
          const lv = last ? value(last) : 0;
          const tv = value(d);
          const cx = i * W + W / 2;
          return (
            <g key={d.day}>
              {lv > 0 && <rect class="seg-last" x={cx - 19} y={top + H - h(lv)} width="17" height={h(lv)} rx="2" />}
              {tv > 0 && <rect class="seg-taken" x={cx + 2} y={top + H - h(tv)} width="17" height={h(tv)} rx="2" />}
              <text x={cx} y={top + H + 15} text-anchor="middle" font-size="11" class={d.day === today ? 'label-today' : undefined}>
                {weekdayLabel(d.day, 'short')}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch this" />{t('reviewThisWeek')}</li>
        <li><span class="swatch last" />{t('reviewLastWeek')}</li>
      </ul>
      <DataTable visible={tables} testid={`table-${id}`} label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colDay')}</th>
            <th scope="col" class="num">{t('colThisWeek')}</th>
            <th scope="col" class="num">{t('colLastWeek')}</th>
          </tr>
        </thead>
        <tbody>
          {thisWeek.map((d, i) => (
            <tr key={d.day}>
              <th scope="row">{weekdayLabel(d.day, 'long')}</th>
              <td class="num">{d.status === 'future' && !value(d) ? '–' : format(value(d))}</td>
              <td class="num">{lastWeek[i] ? format(value(lastWeek[i]!)) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

// ---------------------------------------------------------------------------------------------

const HEAT_CLASS: Record<DayStatus, string> = {
  met: 'heat-met',
  grace: 'heat-grace',
  missed: 'heat-missed',
  off: 'heat-off',
  pending: 'heat-pending',
  future: 'heat-future',
};

/** Weeks as columns, Monday to Sunday as rows, one cell per day coloured by its streak status. */
export function HeatMap({ heat, tables }: { heat: HeatDay[]; tables: boolean }) {
  const weeks = Math.ceil(heat.length / 7);
  const cell = 18;
  const gap = 4;
  const left = 34;
  const top = 18;
  const cols = Array.from({ length: weeks }, (_, w) => heat.slice(w * 7, w * 7 + 7));
  return (
    <>
      <svg
        class="chart heatmap"
        viewBox={`0 0 ${left + weeks * (cell + gap)} ${top + 7 * (cell + gap)}`}
        aria-hidden="true"
        focusable="false"
        data-testid="heatmap"
      >
        {[0, 2, 4, 6].map((r) => (
          <text key={r} x="0" y={top + r * (cell + gap) + cell - 5} font-size="10">
            {heat[r] ? weekdayLabel(heat[r]!.day, 'short') : ''}
          </text>
        ))}
        {cols.map((col, w) => {
          const first = col[0];
          // A month's name above the week holding its 1st (and above the first week, unless the
          // next one already starts a month).
          const starts = col.find((d) => d.day.endsWith('-01'));
          const nextStarts = cols[1]?.some((d) => d.day.endsWith('-01'));
          const label = starts ? starts.day : w === 0 && !nextStarts && first ? first.day : null;
          return (
            <g key={first?.day ?? w}>
              {label && (
                <text x={left + w * (cell + gap)} y="10" font-size="10">
                  {monthLabel(label)}
                </text>
              )}
              {col.map((d, r) => (
                <rect key={d.day} class={HEAT_CLASS[d.status]} x={left + w * (cell + gap)} y={top + r * (cell + gap)} width={cell} height={cell} rx="4">
                  <title>{t('heatDayLabel', [dayLabel(d.day), statusLabel(d.status, d.due)])}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        {/* Every kind of cell drawn; the grey ones are days with no breaks due and days off alike. */}
        {(['met', 'grace', 'missed', 'off', 'pending', 'future'] as const).map((s) => (
          <li key={s}>
            <span class={`swatch ${s}`} />
            {s === 'off' ? t('heatLegendOff') : statusLabel(s)}
          </li>
        ))}
      </ul>
      <DataTable visible={tables} testid="table-heatmap" label={t('chartHeatmap')}>
        <caption>{t('chartHeatmap')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colWeekOf')}</th>
            {(cols[0] ?? []).map((d) => (
              <th scope="col" key={d.day}>{weekdayLabel(d.day, 'short')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cols.map((col) => (
            <tr key={col[0]?.day}>
              <th scope="row">{col[0] ? shortDate(col[0].day) : ''}</th>
              {col.map((d) => (
                <td key={d.day}>{statusLabel(d.status, d.due)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * A character's width in em, as the chart's font draws it at most about: a full-width one (CJK,
 * kana, Hangul, full-width forms, emoji) 1 em, any other 0.6 em (Limber's Latin titles average
 * 0.54 em in system-ui).
 */
const emOf = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  const wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f000;
  return wide ? 1 : 0.6;
};

/**
 * A label shortened to fit `em` (its room before the bars), counted in whole characters (an emoji
 * is never cut in half) and by their width, so a Japanese title ends before its bar as a Latin one does.
 */
function clip(label: string, em: number): string {
  const chars = Array.from(label);
  const widths = chars.map(emOf);
  if (widths.reduce((sum, x) => sum + x, 0) <= em) return label;
  let w = 1; // the ellipsis
  let n = 0;
  while (w + widths[n]! <= em) w += widths[n++]!;
  return `${chars.slice(0, n).join('')}…`;
}

/** A ranked list as horizontal bars (routines, body areas). */
export function RankBars({ id, caption, colLabel, items, tables }: { id: string; caption: string; colLabel: string; items: Array<{ label: string; n: number }>; tables: boolean }) {
  const max = Math.max(1, ...items.map((i) => i.n));
  const row = 26;
  const labelW = 190;
  const barW = 220;
  const font = 12;
  // The label's room: up to the bars, less a gap of 8.
  const labelEm = (labelW - 8) / font;
  return (
    <>
      <svg class="chart rank" viewBox={`0 0 ${labelW + barW + 40} ${items.length * row}`} aria-hidden="true" focusable="false" data-testid={`chart-${id}`}>
        {items.map((it, i) => {
          const shown = clip(it.label, labelEm);
          return (
          <g key={it.label}>
            {/* A shortened name whole on hover (the table below holds it too). */}
            {shown !== it.label && <title>{it.label}</title>}
            <text x="0" y={i * row + 17} font-size={font}>
              {shown}
            </text>
            <rect class="seg-taken" x={labelW} y={i * row + 5} width={Math.max(2, (it.n / max) * barW)} height="15" rx="3" />
            <text x={labelW + Math.max(2, (it.n / max) * barW) + 6} y={i * row + 17} font-size="12">
              {formatNumber(it.n)}
            </text>
          </g>
          );
        })}
      </svg>
      <DataTable visible={tables} testid={`table-${id}`} label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{colLabel}</th>
            <th scope="col" class="num">{t('colTimes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.label}>
              <th scope="row">{it.label}</th>
              <td class="num">{formatNumber(it.n)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
