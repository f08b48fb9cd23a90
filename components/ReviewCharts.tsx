/**
 * The weekly review's inline-SVG charts: this week against last week, the streak heat map and ranked
 * bars (RankBars.tsx). Each chart's SVG is hidden from assistive technology and comes with a table holding the same
 * numbers (visually hidden unless `tables` is on). Colours come from components/charts.css and review-charts.css.
 *
 * Each chart is laid out for the width it has, one unit a CSS pixel, with its text at the page's
 * small text size: drawn to a fixed viewBox and scaled, its text shrank with it (to about 7 px in a
 * phone-sized window). Until measured (or where it cannot be), a chart is drawn for a default width and scaled.
 */
import './charts.css';
import './review-charts.css';
import { useRoom } from './chart-room';
import { t } from '../lib/i18n';
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
  const [ref, room] = useRoom();
  const font = room?.font ?? 13;
  const W = (room?.w ?? 448) / 7;
  const H = 120;
  const top = Math.ceil(font * 1.5);
  const bar = Math.max(4, Math.min(17, Math.floor(W / 2 - 4)));
  const max = Math.max(minMax, ...thisWeek.map(value), ...lastWeek.map(value));
  const h = (n: number) => (n / max) * H;
  return (
    <>
      <div class="chart-box" ref={ref}>
      <svg class="chart grouped" viewBox={`0 0 ${W * 7} ${H + top + font + 9}`} aria-hidden="true" focusable="false" data-testid={`chart-${id}`}>
        <line class="grid" x1="0" x2={W * 7} y1={top + H + 0.5} y2={top + H + 0.5} />
        <line class="grid" x1="0" x2={W * 7} y1={top + 0.5} y2={top + 0.5} stroke-dasharray="3 3" />
        <text x="0" y={top - 5} font-size={font}>{format(max)}</text>
        {thisWeek.map((d, i) => {
          const last = lastWeek[i];
          const lv = last ? value(last) : 0;
          const tv = value(d);
          const cx = i * W + W / 2;
          return (
            <g key={d.day}>
              {lv > 0 && <rect class="seg-last" x={cx - bar - 2} y={top + H - h(lv)} width={bar} height={h(lv)} rx="2" />}
              {tv > 0 && <rect class="seg-taken" x={cx + 2} y={top + H - h(tv)} width={bar} height={h(tv)} rx="2" />}
              <text x={cx} y={top + H + font + 4} text-anchor="middle" font-size={font} class={d.day === today ? 'label-today' : undefined}>
                {weekdayLabel(d.day, 'short')}
              </text>
            </g>
          );
        })}
      </svg>
      </div>
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

/** Weeks as columns, the week's days as rows (from the week-start setting), one cell per day coloured by its streak status. */
export function HeatMap({ heat, tables }: { heat: HeatDay[]; tables: boolean }) {
  const [ref, room] = useRoom();
  const weeks = Math.ceil(heat.length / 7);
  const font = room?.font ?? 13;
  const gap = 4;
  // The weekday names' column (room for the widest short name, Polish "niedz."), and the cells as
  // large as the rest of the width allows (up to 22 px).
  const left = Math.ceil(font * 3.3);
  const top = Math.ceil(font * 1.5);
  const cell = Math.max(8, Math.min(22, Math.floor(((room?.w ?? 360) - left) / weeks) - gap));
  const width = left + weeks * (cell + gap);
  const cols = Array.from({ length: weeks }, (_, w) => heat.slice(w * 7, w * 7 + 7));
  return (
    <>
      <div class="chart-box heatmap-box" ref={ref}>
      <svg
        class="chart heatmap"
        viewBox={`0 0 ${width} ${top + 7 * (cell + gap)}`}
        aria-hidden="true"
        focusable="false"
        data-testid="heatmap"
      >
        {[0, 2, 4, 6].map((r) => (
          <text key={r} x="0" y={top + r * (cell + gap) + cell / 2 + font * 0.35} font-size={font}>
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
                <text x={left + w * (cell + gap)} y={font} font-size={font}>
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
      </div>
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

export { RankBars } from './RankBars';
