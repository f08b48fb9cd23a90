/**
 * The house rule of issue #16: no source file over 300 lines, data tables aside. A file that grows
 * past it is split into modules that say what they are (as lib/backup.ts was into the format, the
 * import check and the CSV), not given an exception.
 *
 * Counted: every non-test source file in lib/, components/, entrypoints/ and scripts/ (TypeScript,
 * TSX and JavaScript) and public/*.js. Not counted: tests (*.test.*, *.spec.*, and tests/ itself);
 * content/, which is the routine library's data (its routines and their words); the message
 * catalogues, which are JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const MAX_LINES = 300;
const DIRS = ['lib', 'components', 'entrypoints', 'scripts'];
const SOURCE = /\.(ts|tsx|js|mjs)$/;
const TEST = /\.(test|spec)\.[a-z]+$/;

/**
 * Data tables over the limit, each with why it is one: a file that is mostly one table of data
 * (with no more code than it takes to use it), which splitting would only scatter. Code files have
 * no place here.
 */
const DATA_TABLES: Readonly<Record<string, string>> = {
  // Lines 9-297 are ART, one drawing per routine in the library (a few points each); the drawing
  // code is scripts/illustration-kit.mjs, and the rest writes the files.
  'scripts/gen-illustrations.mjs': 'the routine illustrations, one entry per routine',
};

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...files(rel));
    else if (SOURCE.test(name) && !TEST.test(name)) out.push(rel);
  }
  return out;
}

const sources = [...DIRS.flatMap(files), ...readdirSync(path.join(ROOT, 'public')).filter((n) => n.endsWith('.js')).map((n) => `public/${n}`)];

/** Lines as an editor numbers them (a last line without its newline counts). */
function lineCount(rel: string): number {
  const text = readFileSync(path.join(ROOT, rel), 'utf8');
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('house rules (issue #16)', () => {
  it('finds the sources it is meant to count', () => {
    expect(sources).toContain('lib/data.ts');
    expect(sources).toContain('components/DataPrefs.tsx');
    expect(sources).toContain('entrypoints/background.ts');
    expect(sources).toContain('scripts/bundle-size.ts');
    expect(sources.some((f) => TEST.test(f))).toBe(false);
  });

  it(`no source file is over ${MAX_LINES} lines, data tables aside`, () => {
    const over = sources
      .filter((f) => !Object.hasOwn(DATA_TABLES, f))
      .map((f) => ({ file: f, lines: lineCount(f) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(over).toEqual([]);
  });

  it('each data-table exception is still a source file over the limit (else it comes off the list)', () => {
    for (const f of Object.keys(DATA_TABLES)) {
      expect(sources, f).toContain(f);
      expect(lineCount(f), f).toBeGreaterThan(MAX_LINES);
    }
  });
});
