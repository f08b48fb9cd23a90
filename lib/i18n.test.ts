/**
 * Catalogue checks for every locale in public/_locales/ against the English one, and for every
 * message key the source uses. Files are read from disk on each run (paths from process.cwd()),
 * so a key added to English without a translation fails here.
 *
 * Skipped on purpose (not statically checkable, but typed as MessageKey by tsc):
 * - template-literal keys, e.g. t(`kind_${routine.kind.replace('-', '_')}` as 'kind_stretch') in
 *   entrypoints/break/App.tsx: only their static prefix is checked (some English key starts with it);
 * - keys passed through variables or lookup tables (t(KIND_LABEL[r.kind]), t(e.key), t(k), ...);
 * - Chrome's predefined messages (@@bidi_dir, @@ui_locale, ...).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; description?: string }>;

const ROOT = process.cwd();
const LOCALES = path.join(ROOT, 'public', '_locales');
const SOURCE_DIRS = ['entrypoints', 'components', 'lib'];

function readCatalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/** The distinct positional placeholders ($1..$9) of a message, sorted. "$$" is a literal dollar. */
function placeholders(message: string): string[] {
  return [...new Set(message.replace(/\$\$/g, '').match(/\$[1-9]/g) ?? [])].sort();
}

/** Everything wrong with `other` measured against `en`; empty when it is a faithful catalogue. */
function catalogueProblems(en: Catalogue, other: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in other)) problems.push(`missing key: ${key}`);
  for (const key of Object.keys(other)) if (!(key in en)) problems.push(`key not in English: ${key}`);
  for (const [key, entry] of Object.entries(other)) {
    const msg = entry?.message;
    if (typeof msg !== 'string') {
      problems.push(`${key}: no "message" string`);
      continue;
    }
    if (msg.trim() === '') problems.push(`${key}: empty message`);
    // Named placeholders ($name$) would need a "placeholders" block, which this project does not use;
    // a stray "$" (or "$0") would be shown or swallowed by the browser.
    const stray = msg.replace(/\$\$/g, '').match(/\$(?![1-9])/g);
    if (stray) problems.push(`${key}: "$" not followed by 1-9 (write $$ for a literal dollar)`);
    // Chrome reads "$2$" as a named placeholder and then refuses the whole extension
    // ("Variable $2$ used but not defined"): a positional one must not touch the next "$".
    if (/\$[1-9]\$/.test(msg)) problems.push(`${key}: a placeholder directly followed by "$" (Chrome reads "$n$" as a named placeholder and refuses to load)`);
    const want = en[key]?.message;
    if (typeof want === 'string') {
      const a = placeholders(want).join(',');
      const b = placeholders(msg).join(',');
      // A plural form may also carry what English's "other" form carries: English "one" can say
      // "one" instead of $1, while a language that repeats "other" in every category keeps the $1.
      const plural = /^(.*)_(one|few|many)$/.exec(key);
      const other = plural ? en[`${plural[1]}_other`]?.message : undefined;
      const alsoOk = typeof other === 'string' ? placeholders(other).join(',') : null;
      if (a !== b && b !== alsoOk) problems.push(`${key}: placeholders [${b}] but English has [${a}]`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(abs, f))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('node_modules') && statSync(f).isFile());
}

/** Keys the source names literally, where, and the template-literal keys it builds at run time. */
function scanSource(files: Array<{ file: string; text: string }>): {
  used: Map<string, string[]>;
  dynamicPrefixes: Array<{ file: string; prefix: string }>;
} {
  const used = new Map<string, string[]>();
  const dynamicPrefixes: Array<{ file: string; prefix: string }> = [];
  const add = (key: string, file: string) => used.set(key, [...(used.get(key) ?? []), file]);
  for (const { file, text } of files) {
    // t('key'), t("key", ...), localizeDocument('key'), startPage('key', ...): `t` as a whole word, not e.g. `get(`.
    for (const m of text.matchAll(/(?<![\w$.])(?:t|localizeDocument|startPage)\(\s*(['"])([^'"\n]+)\1/g)) {
      if (!m[2]!.startsWith('@@')) add(m[2]!, file);
    }
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*`([^`$]*)\$\{/g)) dynamicPrefixes.push({ file, prefix: m[1]! });
    for (const m of text.matchAll(/__MSG_(\w+?)__/g)) if (!m[1]!.startsWith('@@')) add(m[1]!, file);
  }
  return { used, dynamicPrefixes };
}

const en = readCatalogue('en');
const locales = readdirSync(LOCALES).filter((d) => existsSync(path.join(LOCALES, d, 'messages.json')));

describe('the checks themselves', () => {
  const base: Catalogue = { a: { message: 'Step $1 of $2' }, b: { message: 'Hello' } };
  it('pass a faithful catalogue', () => {
    expect(catalogueProblems(base, { a: { message: 'Schritt $1 von $2' }, b: { message: 'Hallo' } })).toEqual([]);
  });
  it('catch a missing key, an extra key, a wrong or missing placeholder, an empty message, a stray $', () => {
    expect(catalogueProblems(base, { a: { message: 'Schritt $1 von $2' } })).toEqual(['missing key: b']);
    expect(catalogueProblems(base, { ...base, c: { message: 'x' } })).toEqual(['key not in English: c']);
    expect(catalogueProblems(base, { a: { message: 'Schritt $1 von $3' }, b: { message: 'Hallo' } })).toHaveLength(1);
    expect(catalogueProblems(base, { a: { message: 'Schritt $1' }, b: { message: 'Hallo' } })).toHaveLength(1);
    expect(catalogueProblems(base, { a: { message: 'Schritt $1 von $2' }, b: { message: 'Hallo $1' } })).toHaveLength(1);
    expect(catalogueProblems(base, { a: { message: 'Schritt $1 von $2' }, b: { message: '  ' } })).toEqual(['b: empty message']);
    expect(catalogueProblems(base, { a: { message: 'Schritt $1 von $2' }, b: { message: 'Kostet $0' } })).toHaveLength(1);
  });
  it('catch a placeholder glued to the next "$" (Chrome would refuse the extension), and let a plural form carry the "other" form\'s placeholders', () => {
    const range: Catalogue = { r: { message: '$1 to $2 $3' } };
    expect(catalogueProblems(range, { r: { message: '$1～$2$3' } })).toHaveLength(1);
    expect(catalogueProblems(range, { r: { message: '$1～$2 $3' } })).toEqual([]);
    const plural: Catalogue = { n_one: { message: 'one break' }, n_other: { message: '$1 breaks' } };
    expect(catalogueProblems(plural, { n_one: { message: '$1 件' }, n_other: { message: '$1 件' } })).toEqual([]);
    expect(catalogueProblems(plural, { n_one: { message: '$2 件' }, n_other: { message: '$1 件' } })).toHaveLength(1);
  });
  it('find literal keys and skip dynamic ones', () => {
    const { used, dynamicPrefixes } = scanSource([
      { file: 'x.tsx', text: "t('a'); t(\"b\", 1); get('no'); x.t('no2'); t(`kind_${k}` as 'a'); t(KEY[k]); localizeDocument('c'); name: '__MSG_d__'; startPage('e', draw)" },
    ]);
    expect([...used.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(dynamicPrefixes).toEqual([{ file: 'x.tsx', prefix: 'kind_' }]);
  });
});

describe('message catalogues', () => {
  it('include English and at least one translation', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });

  it.each(locales)('%s: folder name is a locale Chrome accepts', (locale) => {
    expect(locale).toMatch(/^[a-z]{2,3}(_[A-Z]{2}|_[0-9]{3})?$/);
  });

  it.each(locales)('%s: same keys and $n placeholders as English, no empty message', (locale) => {
    expect(catalogueProblems(en, readCatalogue(locale))).toEqual([]);
  });

  it.each(locales)('%s: extension name and description fit the store limits', (locale) => {
    const c = readCatalogue(locale);
    expect(c.extName?.message.length ?? 0).toBeLessThanOrEqual(75);
    expect(c.extDescription?.message.length ?? 0).toBeLessThanOrEqual(132);
  });
});

describe('keys used in the source', () => {
  const files = [
    ...SOURCE_DIRS.flatMap(sourceFiles),
    path.join(ROOT, 'wxt.config.ts'),
  ].map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));
  const { used, dynamicPrefixes } = scanSource(files);

  it('are found (the scan works)', () => {
    expect(used.size).toBeGreaterThan(50);
    for (const k of ['extName', 'extDescription', 'actionTitle', 'cmdStartBreak', 'cmdTogglePause']) expect(used.has(k)).toBe(true);
  });

  it('all exist in English', () => {
    const missing = [...used].filter(([k]) => !(k in en)).map(([k, where]) => `${k} (${[...new Set(where)].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('built from a template have at least one English key with their prefix', () => {
    const bad = dynamicPrefixes.filter(({ prefix }) => !Object.keys(en).some((k) => k.startsWith(prefix)));
    expect(bad).toEqual([]);
  });
});

describe('accessible names hold the visible text (WCAG 2.5.3, label in name)', () => {
  // A name paired with its button's visible text in the English description: "Keep the visible
  // text (restoreDefaults) at the start" or "(its visible text is ownRemoveStep)". A voice-control
  // user says what they see ("Schritt entfernen"), so every language's name must contain it.
  const pairs = Object.entries(en).flatMap(([key, { description = '' }]) => {
    const m = /visible text(?: is)? \(?(\w+)\)?( at the start)?/.exec(description);
    return m && m[1] !== key && m[1]! in en ? [{ key, visible: m[1]!, atStart: !!m[2] }] : [];
  });
  it('are found', () => {
    expect(pairs.map((p) => p.key)).toEqual(expect.arrayContaining(['restoreDefaultsOf', 'ownRemoveStepOf']));
  });
  it.each(locales)('%s', (locale) => {
    const c = readCatalogue(locale);
    const bad = pairs.filter(({ key, visible, atStart }) => {
      const name = c[key]!.message.toLowerCase();
      const seen = c[visible]!.message.toLowerCase();
      return atStart ? !name.startsWith(seen) : !name.includes(seen);
    });
    expect(bad.map(({ key, visible }) => `${key}: "${c[key]!.message}" lacks "${c[visible]!.message}"`)).toEqual([]);
  });
});
