/**
 * Every page's colours (components/theme.css and the pages' and components' own style sheets), read
 * from the CSS source as the browser would resolve them, in light and dark (prefers-color-scheme),
 * with tests/support/css-colours.ts (as components/chart-colours.test.ts):
 * - WCAG 1.4.3: text, in every state a page shows (notices, errors, the safety screen, the break's
 *   end, primary and danger buttons), at least 4.5:1 against what is behind it;
 * - WCAG 1.4.11 and 2.4.7: the focus ring at least 3:1 against every background a control sits on,
 *   and the edge of a field you type or choose in (its only outline: it has the card's colour) at
 *   least 3:1 against the card and the page;
 * - no rule hides the focus ring of a control (only of headings focused for screen readers).
 *
 * bug found in review: a field's placeholder had the browser's colour, Chromium's #757575 in dark
 * too: 3.45:1 on the dark card.
 *
 * bug found in review: the number, text, time and select fields' borders were --line, 1.35:1 on the
 * card in light and 1.45:1 in dark: the options' fields all but vanished for low vision.
 *
 * bug found in review: a button kept focusable while unavailable (aria-disabled) was faded with
 * opacity 0.55, its focus ring with it: 2.1:1 on the light page, 2.85:1 in the dark due card (the
 * player's Back, the first Tab stop of every routine, and a popup button while it is answered).
 *
 * bug found in review: a disabled field (Options: posture checks' Every and Length while they are
 * off, the daily limit's hours, the heads-up while stretch breaks are off) looked just as one to
 * type in: the fields' own colours outranked the browser's greyed ones (measured in Chromium 156:
 * the same text, edge and card colour as an enabled field, light and dark).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channels, contrast, resolve, styleSheets } from '../tests/support/css-colours';

const here = (f: string) => new URL(f, import.meta.url);
const files = [
  here('./theme.css'),
  ...readdirSync(here('./')).filter((f) => f.endsWith('.css') && f !== 'theme.css').map((f) => here(`./${f}`)),
  ...['break', 'options', 'popup', 'review', 'welcome'].map((p) => here(`../entrypoints/${p}/${p}.css`)),
];
const { customProps, rule } = styleSheets(files);

/** Text, as [what, foreground, background]: each a declaration [selector, property] or a variable. */
type Colour = string | [string, string];
const TEXT: Array<[string, Colour, Colour]> = [
  ['text on the page', '--text', '--bg'],
  ['text on a card', '--text', '--surface'],
  ['text on a striped row', '--text', '--surface-2'],
  ['muted text on the page', ['.muted', 'color'], '--bg'],
  ['muted text on a card', ['.muted', 'color'], '--surface'],
  ['muted text on a striped row', ['.muted', 'color'], '--surface-2'],
  ['muted text in the due card', ['.muted', 'color'], ['.next.due', 'background']],
  ['a link', ['a', 'color'], '--surface'],
  ['a notice', ['.notice', 'color'], ['.notice', 'background']],
  ['an information notice', ['.notice.info', 'color'], ['.notice.info', 'background']],
  ['a field error', ['.field-error', 'color'], '--surface'],
  ['a step over its time', ['.own-too-long', 'color'], '--surface'],
  ['an import warning', ['.import-notes .warn', 'color'], '--surface'],
  ['"Saved"', ['.saved', 'color'], '--bg'],
  ['a primary button', ['.btn-primary', 'color'], ['.btn-primary', 'background']],
  ['a primary button, hovered', ['.btn-primary', 'color'], ['.btn-primary:hover', 'background']],
  ['a button', ['.btn', 'color'], ['.btn', 'background']],
  ['a danger button', ['.btn-danger', 'color'], ['.btn', 'background']],
  ['a button unavailable, still focusable', ['.btn[aria-disabled="true"]', 'color'], ['.btn[aria-disabled="true"]', 'background']],
  ['the confirming danger button', ['.btn-danger-strong', 'color'], ['.btn-danger-strong', 'background']],
  ['a link button', ['.btn-link', 'color'], '--surface'],
  ['a routine preview', ['.routine-preview summary', 'color'], '--surface-2'],
  ['the safety screen', ['.safety', 'color'], ['.safety', 'background']],
  ['the safety screen\'s note', ['.safety-note', 'color'], ['.safety-note', 'background']],
  ['the player\'s cautions', ['.caution-box h2', 'color'], ['.caution-box', 'background']],
  ['the step cue', ['.step-cue', 'color'], ['.step-cue', 'background']],
  ['the end\'s mark', ['.end-mark', 'color'], ['.end-mark', 'background']],
  ['the end\'s mark, done', ['.end-mark.ok', 'color'], ['.end-mark.ok', 'background']],
  ['the player\'s text links', ['.link-btn', 'color'], '--bg'],
  ['the welcome\'s step numbers', ['.step-n', 'color'], ['.step-n', 'background']],
  ['the welcome\'s privacy box', '--text', ['.privacy', 'background']],
  ['the review\'s week', ['.week-range', 'color'], '--bg'],
];

/** What a control may sit on: the page, a card, a striped row, the due card, a warning box. */
const UNDER: Colour[] = ['--bg', '--surface', '--surface-2', ['.next.due', 'background'], ['.confirm', 'background'], ['.notice', 'background']];

/** The edges of fields to type or choose in, drawn in the card's own colour. */
const FIELDS: Array<[string, string]> = [
  ["input[type='number']", 'border'],
  ["input[type='text']", 'border'],
  ['select', 'border'],
  [".sched-range input[type='time']", 'border'],
  [".own-field input[type='text']", 'border'],
  ['.own-field textarea', 'border'],
];

describe.each(['light', 'dark'] as const)('page colours, %s', (scheme) => {
  const vars = customProps(scheme);
  const colour = (c: Colour) => resolve(typeof c === 'string' ? `var(${c})` : rule(...c), vars);

  it('WCAG 1.4.3: text is at least 4.5:1 against what is behind it, in every state', () => {
    const low = TEXT.map(([what, fg, bg]) => [what, colour(fg), colour(bg)] as const)
      .filter(([, fg, bg]) => contrast(fg, bg) < 4.5)
      .map(([what, fg, bg]) => `${what}: ${fg} on ${bg}, ${contrast(fg, bg).toFixed(2)}:1`);
    expect(low).toEqual([]);
  });

  it('WCAG 2.4.7, 1.4.11: the focus ring is at least 3:1 against everything a control sits on', () => {
    const rings = [rule(':focus-visible', 'outline'), rule('.preset:focus-within', 'outline')].map((o) => resolve(o, vars));
    const low = rings.flatMap((ring) => UNDER.map(colour).filter((bg) => contrast(ring, bg) < 3).map((bg) => `${ring} on ${bg}: ${contrast(ring, bg).toFixed(2)}:1`));
    expect(low).toEqual([]);
  });

  it('WCAG 2.4.7, 1.4.11: a button that keeps the focus while unavailable (aria-disabled: the player\'s Back at the first step, a popup button awaiting its answer) shows the ring at 3:1 too', () => {
    // Opacity fades everything the element draws, its outline included: the ring is then seen
    // mixed with what is behind it (at 0.55, the light ring was 2.1:1 on the page).
    const ring = resolve(rule(':focus-visible', 'outline'), vars);
    const opacity = (() => {
      try {
        return Number(rule('.btn[aria-disabled="true"]', 'opacity'));
      } catch {
        return 1;
      }
    })();
    const mix = (fg: string, bg: string) => `#${[0, 1, 2].map((i) => Math.round(opacity * channels(fg)[i]! * 255 + (1 - opacity) * channels(bg)[i]! * 255).toString(16).padStart(2, '0')).join('')}`;
    const low = UNDER.map(colour).filter((bg) => contrast(mix(ring, bg), bg) < 3).map((bg) => `${mix(ring, bg)} on ${bg}: ${contrast(mix(ring, bg), bg).toFixed(2)}:1`);
    expect(low).toEqual([]);
  });

  it('WCAG 1.4.3: a field\'s placeholder (Options, the host field\'s "meet.example.org") is at least 4.5:1 on the card, opaque', () => {
    // Without a rule of the page's own, the browser's: Chromium's #757575 in light and dark alike
    // (measured in Chromium 156: 3.45:1 on the dark card), Firefox's the text at 54% opacity.
    const own = (prop: string, browsers: string) => {
      try {
        return rule('::placeholder', prop);
      } catch {
        return browsers;
      }
    };
    const ph = resolve(own('color', '#757575'), vars);
    const card = colour('--surface');
    expect({ ratio: contrast(ph, card) >= 4.5 ? 'at least 4.5:1' : `${ph} on ${card}: ${contrast(ph, card).toFixed(2)}:1`, opacity: own('opacity', '0.54') }).toEqual({ ratio: 'at least 4.5:1', opacity: '1' });
  });

  it('a disabled field (posture checks off: Every and Length; the heads-up with stretch breaks off) looks unavailable, unlike one to type in, and its value stays legible', () => {
    // Without a rule of the page's own, the enabled fields' colours hold: the browser's greyed
    // look for :disabled is below an author's rule.
    const own = (sel: string, prop: string, enabled: Colour) => {
      try {
        return colour([sel, prop]);
      } catch {
        return colour(enabled);
      }
    };
    for (const sel of ["input[type='number']", "input[type='text']", 'select']) {
      const off = `${sel.replace(/\[.*/, '')}:disabled`; // options.css: the one page that turns fields off
      const [text, card, edge] = [own(off, 'color', [sel, 'color']), own(off, 'background', [sel, 'background']), own(off, 'border-color', [sel, 'border'])];
      const enabled = [colour([sel, 'color']), colour([sel, 'background']), colour([sel, 'border'])];
      expect({ sel, text: text !== enabled[0], card: card !== enabled[1], edge: edge !== enabled[2] }).toEqual({ sel, text: true, card: true, edge: true });
      expect(contrast(text, card), `${sel}:disabled ${text} on ${card}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('WCAG 1.4.11: a field\'s edge is at least 3:1 against the card and the page', () => {
    const low: string[] = [];
    for (const [sel, prop] of FIELDS) {
      const edge = colour([sel, prop]);
      for (const bg of ['--surface', '--bg']) {
        const r = contrast(edge, colour(bg));
        if (r < 3) low.push(`${sel} ${edge} on ${bg} ${colour(bg)}: ${r.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });
});

it('no rule hides the focus ring of a control: only of headings focused for screen readers', () => {
  const css = files.map((f) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')).join('\n');
  const hiding = [...css.matchAll(/([^{}]+)\{[^{}]*\boutline\s*:\s*(?:none|0)\b[^{}]*\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
  expect(hiding.length).toBeGreaterThan(0);
  expect(hiding.filter((sel) => !/(^|\s)(h1|h2|#next-h)(:|$)/.test(sel))).toEqual([]);
});
