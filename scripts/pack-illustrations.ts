/**
 * The routines' illustrations as they are packaged: public/routines/<id>.svg stay one file per
 * routine (easy to draw and review), and the build (wxt.config.ts, the build:publicAssets hook)
 * writes them as one file, routines.svg, a stack: each drawing is a group with the routine's id,
 * shown only when the URL names it (`routines.svg#cat-cow`, the CSS :target rule). The drawings
 * share one stylesheet and one frame, so together they pack into about a fifth of the store
 * package's bytes that 38 files took (scripts/bundle-size.ts BUDGET_KB.zip).
 */

/** Matches the packaged path of one illustration, e.g. `routines/cat-cow.svg`; group 1 is its id. */
export const ILLUSTRATION_PATH = /^routines\/([a-z0-9-]+)\.svg$/;

export { STACK_PATH } from '../content/illustration';

const OPEN = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="([^"]+)" width="(\d+)" height="(\d+)"><style>([^<]*)<\/style>/;

/**
 * One SVG of the drawings given (id and text), in order. Every drawing must open the same way:
 * the same frame and the same stylesheet, then its shapes, with no ids or references of its own
 * (they would clash in one document). Throws otherwise, so that a drawing made differently fails
 * the build, not the page.
 */
export function stackIllustrations(drawings: readonly { id: string; svg: string }[]): string {
  let head: string | null = null;
  const groups = drawings.map(({ id, svg }) => {
    const text = svg.trim();
    const m = OPEN.exec(text);
    if (!m || !text.endsWith('</svg>')) throw new Error(`illustration ${id}: not an <svg> with viewBox, width, height and a <style> first`);
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`illustration ${id}: an id is lower-case letters, digits and dashes`);
    const body = text.slice(m[0].length, -'</svg>'.length);
    if (/\sid=|href=|url\(/.test(body)) throw new Error(`illustration ${id}: ids and references would clash in the stack`);
    head ??= m[0];
    if (m[0] !== head) throw new Error(`illustration ${id}: its frame or stylesheet differs from the others'`);
    return `<g id="${id}">${body}</g>`;
  });
  if (head === null) throw new Error('no illustrations to stack');
  // Each drawing is hidden until the URL's fragment names it.
  const shown = (head as string).replace('</style>', 'svg>g{display:none}svg>g:target{display:inline}</style>');
  return `${shown}${groups.join('')}</svg>`;
}
