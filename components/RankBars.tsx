/**
 * The weekly review's ranked bars (most-used routines, body areas): a name beside its bar where the
 * chart is wide enough, above it where not, drawn whole on two lines when one is too short. Like the
 * other review charts (components/ReviewCharts.tsx), laid out for its width, with its table.
 */
import './charts.css';
import './review-charts.css';
import { useRoom } from './chart-room';
import { formatNumber, t } from '../lib/i18n';
import { DataTable } from './DataTable';

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
 * A line shortened to fit `em`, counted in whole characters (an emoji is never cut in half) and by
 * their width, so a Japanese title ends before its bar as a Latin one does.
 */
function clip(chars: string[], em: number): string {
  const widths = chars.map(emOf);
  if (widths.reduce((sum, x) => sum + x, 0) <= em) return chars.join('');
  let w = 1; // the ellipsis
  let n = 0;
  while (w + widths[n]! <= em) w += widths[n++]!;
  return `${chars.slice(0, n).join('')}…`;
}

/**
 * A label on at most two lines of `em` each (its room before the bars): broken after the first
 * line's last space (anywhere in words without spaces, as in Japanese), the second line shortened if
 * it must.
 */
export function labelLines(label: string, em: number): string[] {
  const chars = Array.from(label);
  let w = 0;
  let n = 0;
  while (n < chars.length && w + emOf(chars[n]!) <= em) w += emOf(chars[n++]!);
  if (n === chars.length) return [label];
  const space = chars.lastIndexOf(' ', n);
  const cut = space > 0 ? space : Math.max(1, n);
  const rest = chars.slice(space > 0 ? space + 1 : cut);
  return [chars.slice(0, cut).join(''), clip(rest, em)];
}

/**
 * A ranked list as horizontal bars (routines, body areas): each name beside its bar, or above it
 * where the chart is narrow, on up to two lines.
 */
export function RankBars({ id, caption, colLabel, items, tables }: { id: string; caption: string; colLabel: string; items: Array<{ label: string; n: number }>; tables: boolean }) {
  const [ref, room] = useRoom();
  const max = Math.max(1, ...items.map((i) => i.n));
  const font = room?.font ?? 13;
  const width = room?.w ?? 450;
  const beside = width >= 400;
  const labelW = beside ? Math.round((width * 19) / 45) : 0;
  const barW = width - labelW - Math.max(40, font * 3.5);
  const line = Math.round(font * 1.3);
  // The label's room: up to the bars, less a gap of 8 (or the whole width, above its bar).
  const labelEm = (beside ? labelW - 8 : width) / font;
  let y = 0;
  const rows = items.map((it) => {
    const lines = labelLines(it.label, labelEm);
    const top = y;
    y += beside ? Math.max(26, lines.length * line + 10) : lines.length * line + 26;
    return { it, lines, top };
  });
  return (
    <>
      <div class="chart-box" ref={ref}>
      <svg class="chart rank" viewBox={`0 0 ${width} ${y}`} aria-hidden="true" focusable="false" data-testid={`chart-${id}`}>
        {rows.map(({ it, lines, top }, i) => {
          const barY = beside ? top + 5 : top + lines.length * line + 4;
          const barLen = Math.max(2, (it.n / max) * barW);
          return (
          <g key={i}>
            {/* A shortened name whole on hover (the table below holds it too). */}
            {lines.join(' ') !== it.label && lines.join('') !== it.label && <title>{it.label}</title>}
            {lines.map((text, l) => (
              <text key={l} class="label" x="0" y={(beside ? top + 17 : top + font) + l * line} font-size={font}>
                {text}
              </text>
            ))}
            <rect class="seg-taken" x={labelW} y={barY} width={barLen} height="15" rx="3" />
            <text x={labelW + barLen + 6} y={barY + 12} font-size={font}>
              {formatNumber(it.n)}
            </text>
          </g>
          );
        })}
      </svg>
      </div>
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
