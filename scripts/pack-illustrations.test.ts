/** The illustrations' stack: one file, each drawing shown by its URL's fragment, and what it refuses. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ILLUSTRATION_PATH, stackIllustrations } from './pack-illustrations';
import { illustrationUrl } from '../content/illustration';
import { ROUTINES } from '../content/routines';

const dir = path.resolve(__dirname, '../public/routines');
const drawings = readdirSync(dir).map((f) => ({ id: f.replace(/\.svg$/, ''), svg: readFileSync(path.join(dir, f), 'utf8') }));
const head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 160" width="200" height="160"><style>.l{stroke:#000}</style>';

describe('stackIllustrations', () => {
  it("holds every routine's drawing, whole, under its id, and the URL names it", () => {
    const stack = stackIllustrations(drawings);
    for (const r of ROUTINES) {
      expect(illustrationUrl(r.illustration)).toBe(`/routines.svg#${r.id}`);
      const own = readFileSync(path.join(dir, r.illustration), 'utf8').trim();
      const shapes = own.slice(own.indexOf('</style>') + '</style>'.length, -'</svg>'.length);
      expect(stack).toContain(`<g id="${r.id}">${shapes}</g>`);
    }
    expect(stack.match(/<style>/g)).toHaveLength(1);
    expect(stack).toMatch(/svg>g\{display:none\}svg>g:target\{display:inline\}<\/style>/);
  });

  it('keeps the drawings in the order given, each once', () => {
    const stack = stackIllustrations([
      { id: 'b', svg: `${head}<path class="l" d="M0 0L1 1"/></svg>` },
      { id: 'a', svg: `${head}<circle r="2"/></svg>` },
    ]);
    expect(stack).toBe(`${head.replace('</style>', 'svg>g{display:none}svg>g:target{display:inline}</style>')}<g id="b"><path class="l" d="M0 0L1 1"/></g><g id="a"><circle r="2"/></g></svg>`);
  });

  it('refuses a drawing with another frame or stylesheet, ids or references, or none at all', () => {
    const ok = { id: 'a', svg: `${head}<circle r="2"/></svg>` };
    expect(() => stackIllustrations([ok, { id: 'b', svg: `${head.replace('0 0 200 160', '0 0 100 80')}<circle r="2"/></svg>` }])).toThrow(/frame or stylesheet/);
    expect(() => stackIllustrations([ok, { id: 'b', svg: `${head.replace('#000', '#111')}<circle r="2"/></svg>` }])).toThrow(/frame or stylesheet/);
    expect(() => stackIllustrations([{ id: 'b', svg: `${head}<circle id="x" r="2"/></svg>` }])).toThrow(/clash/);
    expect(() => stackIllustrations([{ id: 'b', svg: `${head}<use href="#y"/></svg>` }])).toThrow(/clash/);
    expect(() => stackIllustrations([{ id: 'b', svg: '<svg><circle r="2"/></svg>' }])).toThrow(/not an <svg>/);
    expect(() => stackIllustrations([{ id: 'B c', svg: `${head}</svg>` }])).toThrow(/an id is/);
    expect(() => stackIllustrations([])).toThrow(/no illustrations/);
  });

  it('knows a packaged illustration by its path', () => {
    expect(ILLUSTRATION_PATH.exec('routines/cat-cow.svg')?.[1]).toBe('cat-cow');
    expect(['routines.svg', 'icons/16.png', 'routines/x/y.svg', 'x/routines/a.svg'].some((p) => ILLUSTRATION_PATH.test(p))).toBe(false);
  });
});
