/**
 * Colours read from the CSS source as the browser would resolve them, in light and dark
 * (prefers-color-scheme), and WCAG 2.x contrast between them: contrast ratio (L1 + 0.05) / (L2 + 0.05),
 * L the relative luminance 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels (WCAG 2.2,
 * "relative luminance"). Used by components/chart-colours.test.ts and components/page-colours.test.ts.
 */
import { readFileSync } from 'node:fs';

const read = (f: URL) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The CSS with its `@media (prefers-color-scheme: dark)` blocks cut out, and those blocks' content. */
function splitDark(src: string): { base: string; dark: string } {
  let base = '';
  let dark = '';
  let i = 0;
  for (;;) {
    const at = src.indexOf('@media (prefers-color-scheme: dark)', i);
    if (at < 0) return { base: base + src.slice(i), dark };
    base += src.slice(i, at);
    const open = src.indexOf('{', at);
    let depth = 1;
    let j = open + 1;
    for (; depth > 0; j++) depth += src[j] === '{' ? 1 : src[j] === '}' ? -1 : 0;
    dark += src.slice(open + 1, j - 1);
    i = j;
  }
}

/** `selector { declarations }` blocks (innermost), as [selectors, declarations]. */
const blocks = (src: string) => [...src.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1]!.split(',').map((s) => s.trim()), m[2]!] as const);
const decls = (body: string) => new Map([...body.matchAll(/([-\w]+)\s*:\s*([^;]+)/g)].map((m) => [m[1]!.trim(), m[2]!.trim()]));

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
export const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
export { channels };

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(channels(a).map(linear)), luminance(channels(b).map(linear))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The style sheets `files`, read together as one page would load them. */
export function styleSheets(files: URL[]) {
  const { base, dark } = splitDark(files.map(read).join('\n'));

  /** The custom properties of :root in a scheme (dark: light's, overridden by the dark blocks). */
  function customProps(scheme: 'light' | 'dark'): Map<string, string> {
    const vars = new Map<string, string>();
    for (const src of scheme === 'light' ? [base] : [base, dark]) {
      for (const [sel, body] of blocks(src)) if (sel.includes(':root')) for (const [k, v] of decls(body)) if (k.startsWith('--')) vars.set(k, v);
    }
    return vars;
  }

  /** A declaration of a rule (not in a media query), e.g. rule('.heat-future', 'stroke'): the last one. */
  function rule(selector: string, prop: string): string {
    const found = blocks(base).filter(([sel]) => sel.includes(selector)).map(([, body]) => decls(body).get(prop)).filter(Boolean);
    if (!found.length) throw new Error(`no ${prop} for ${selector}`);
    return found.at(-1)!;
  }

  return { customProps, rule };
}

/** A value with its var() references resolved, down to a #rrggbb colour. */
export function resolve(value: string, vars: Map<string, string>): string {
  const v = value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
    const got = vars.get(name);
    if (got === undefined) throw new Error(`undefined ${name}`);
    return resolve(got, vars);
  });
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(v)?.[1];
  if (!hex) throw new Error(`not a colour: ${value} -> ${v}`);
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`.toLowerCase();
}
