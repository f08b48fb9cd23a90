/**
 * The history charts' colours (components/charts.css over components/theme.css), read from the CSS
 * source as the browser would resolve them, in light and dark (prefers-color-scheme):
 * - WCAG 2.x 1.4.11 (non-text contrast): every colour that tells something apart in a chart (a
 *   series' bars, a day's status in the streak calendar, the outline that marks a day off or a day
 *   to come, the legend's swatches, the streak flame) is at least 3:1 against the card (--surface)
 *   and the page (--bg) behind it. Contrast ratio (L1 + 0.05) / (L2 + 0.05), L the relative
 *   luminance 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels (WCAG 2.2, "relative
 *   luminance").
 * - The colours of one chart stay apart: CIE76 colour difference (CIELAB, D65) of at least 20 as
 *   seen, and of at least 10 as seen with protanopia, deuteranopia or tritanopia (Machado, Oliveira
 *   and Fernandes 2009, severity 1, applied to linear RGB).
 *
 * bugs found in review: in light mode last week's bars, skipped breaks and the grace and missed
 * days were about 2:1 (and 1.6:1) against white; the dashed "To come" cells 1.3:1; the unlit streak
 * flame (no streak yet) of the popup, the weekly review and the break's end was --line, 1.35:1 on
 * the card in light and 1.45:1 in dark: all but invisible next to its "0".
 */
import { describe, expect, it } from 'vitest';
import { channels, contrast, linear, resolve, styleSheets } from '../tests/support/css-colours';

const { customProps, rule } = styleSheets([
  new URL('./theme.css', import.meta.url),
  new URL('./charts.css', import.meta.url),
  new URL('./week-charts.css', import.meta.url),
  new URL('./review-charts.css', import.meta.url),
  new URL('../entrypoints/review/review.css', import.meta.url),
  new URL('../entrypoints/popup/popup.css', import.meta.url),
]);

type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
const SIM: Record<Vision, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab(hex: string, vision: Vision): [number, number, number] {
  const c = channels(hex).map(linear);
  const [r, g, b] = SIM[vision].map((row) => Math.min(1, Math.max(0, row[0]! * c[0]! + row[1]! * c[1]! + row[2]! * c[2]!))) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string, vision: Vision) => Math.hypot(...lab(a, vision).map((v, i) => v - lab(b, vision)[i]!));

/** What each chart marks tells apart, and the property that carries it. */
const MEANING: Array<[string, string]> = [
  // The popup's last 7 days (stacked bars) and the review's grouped and ranked bars.
  ['.seg-taken', 'fill'], ['.seg-natural', 'fill'], ['.seg-skipped', 'fill'], ['.seg-last', 'fill'],
  ['.seg-empty', 'stroke'], ['.met-dot', 'fill'], ['.ring-bar', 'stroke'],
  // The streak calendar: its filled statuses, and the outlines of days off, today and days to come.
  ['.heat-met', 'fill'], ['.heat-grace', 'fill'], ['.heat-missed', 'fill'],
  ['.heat-off', 'stroke'], ['.heat-pending', 'stroke'], ['.heat-future', 'stroke'],
  // The legends' swatches, and the review's lit streak flame.
  ['.swatch.this', 'background'], ['.swatch.last', 'background'], ['.swatch.natural', 'background'], ['.swatch.skipped', 'background'], ['.swatch.met-dot', 'background'],
  ['.swatch.grace', 'background'], ['.swatch.missed', 'background'], ['.swatch.off', 'border'], ['.swatch.pending', 'border'], ['.swatch.future', 'border'],
  ['.flame.lit', 'color'],
];

/** The marks drawn side by side in one chart, which must not be taken for one another. */
const TOGETHER: Array<[string, Array<[string, string]>]> = [
  ['the popup\'s last 7 days', [['.seg-taken', 'fill'], ['.seg-natural', 'fill'], ['.seg-skipped', 'fill'], ['.met-dot', 'fill']]],
  ['this week against last week', [['.seg-taken', 'fill'], ['.seg-last', 'fill']]],
  ['the streak calendar', [['.heat-met', 'fill'], ['.heat-grace', 'fill'], ['.heat-missed', 'fill'], ['.heat-off', 'stroke']]],
];

describe.each(['light', 'dark'] as const)('chart colours, %s', (scheme) => {
  const vars = customProps(scheme);
  const backgrounds = { '--surface': resolve('var(--surface)', vars), '--bg': resolve('var(--bg)', vars) };

  it('the parser reads the schemes apart (the page backgrounds differ between light and dark)', () => {
    expect(backgrounds).toEqual(scheme === 'light' ? { '--surface': '#ffffff', '--bg': '#f6f8f7' } : { '--surface': '#1a2421', '--bg': '#121917' });
    // The formula, on known pairs: white on black 21:1; #777777 on white 4.48:1.
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('WCAG 1.4.11: every colour that carries meaning is at least 3:1 against the card and the page', () => {
    const low: string[] = [];
    for (const [sel, prop] of MEANING) {
      const colour = resolve(rule(sel, prop), vars);
      for (const [name, bg] of Object.entries(backgrounds)) {
        const r = contrast(colour, bg);
        if (r < 3) low.push(`${sel} ${prop} ${colour} on ${name} ${bg}: ${r.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });

  it('the marks of one chart stay apart, as seen and as seen with colour blindness', () => {
    const close: string[] = [];
    for (const [chart, marks] of TOGETHER) {
      const colours = marks.map(([sel, prop]) => [sel, resolve(rule(sel, prop), vars)] as const);
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          const [[a, ca], [b, cb]] = [colours[i]!, colours[j]!];
          for (const vision of Object.keys(SIM) as Vision[]) {
            const d = deltaE(ca, cb, vision);
            if (d < (vision === 'normal' ? 20 : 10)) close.push(`${chart}: ${a} ${ca} and ${b} ${cb}, ${vision}: ΔE ${d.toFixed(1)}`);
          }
        }
      }
    }
    expect(close).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('the streak flame, %s', (scheme) => {
  it.each(['popup', 'review', 'break'])('WCAG 1.4.11: lit and unlit, it is at least 3:1 against the card and the page on the %s page', (page) => {
    const sheets = styleSheets([new URL('./theme.css', import.meta.url), new URL('./charts.css', import.meta.url), new URL(`../entrypoints/${page}/${page}.css`, import.meta.url)]);
    const vars = sheets.customProps(scheme);
    const low: string[] = [];
    for (const sel of ['.flame', '.flame.lit']) {
      const colour = resolve(sheets.rule(sel, 'color'), vars);
      for (const bg of ['--surface', '--bg']) {
        const r = contrast(colour, resolve(`var(${bg})`, vars));
        if (r < 3) low.push(`${sel} ${colour} on ${bg}: ${r.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });
});
