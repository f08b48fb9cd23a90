/**
 * Text that is put together in code from separate catalogue strings, or from a catalogue string
 * and punctuation or words written in the code, cannot be translated: the order, the punctuation
 * and the spaces are the code's, the same in every language ("Preview" + ": " + a title reads
 * "Aperçu: …" in French, which writes "Aperçu : …"; "Add hours" + " " + "Monday" reads
 * "Dodaj godziny poniedziałek" in Polish, which needs "w poniedziałek"; Japanese gets a space
 * between two sentences). Each such text must be one message with $1 placeholders.
 *
 * The scan reads the UI's source (components/, entrypoints/, and lib/ and content/ outside tests)
 * with the TypeScript parser and flags:
 * - a template literal with a catalogue string (t, tp, tTime, msg) and anything else in it;
 * - a catalogue string joined with `+`;
 * - in JSX, an element whose children mix a catalogue string with text written in the code (a
 *   JSX text child that is kept, even a lone space), or a catalogue string shown and a
 *   screen-reader-only part next to it (`{t('x')}<span class="visually-hidden">…</span>`: the
 *   accessible name is two strings side by side).
 * EXCEPTIONS lists the joins that are right in every language, each with its reason.
 *
 * From a review: the scan failed on RoutineRow's "Preview" + ": " + title, RestoreDefaults'
 * "Restore defaults" + " " + "(Routines)", ScheduleEditor's "Add hours" + " " + the day and its
 * "Copy to weekdays"/"Copy to all days" + " " + "(Monday's hours)", and the data section's
 * "Saved <file>." + " " + "Break history is off…"; the rendered checks below failed on the
 * French and Polish names (they read the code's punctuation and order).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tick, until } from '../tests/support/linkedom-page';
import { formatMessage, type Catalogue } from './i18n-fallback';
import { weekdayNames } from './schedule-form';

const ROOT = process.cwd();
const DIRS = ['components', 'entrypoints', 'lib', 'content'];
/** Functions that return catalogue text. */
const CATALOGUE_FNS = new Set(['t', 'tp', 'tTime', 'msg']);

/** Joins that read right in every language, by file and the join's source text (whitespace collapsed). */
const EXCEPTIONS: Array<{ file: string; code: string; reason: string }> = [
  {
    file: 'components/RoutineRow.tsx',
    code: '{t(KIND_LABEL[r.kind])} · {duration(r.durationSec)}',
    reason: 'a middle dot between two separate facts (kind, length), not a phrase: no word order or grammar to translate',
  },
  {
    file: 'components/OwnRoutines.tsx',
    code: "{t(KIND_LABEL[r.kind])} · {duration(totalSec(r.steps))} · {t('ownStepCount', r.steps.length)}",
    reason: 'a middle dot between three separate facts (kind, length, steps), as in the leave-out list',
  },
  {
    file: 'components/SourceList.tsx',
    code: '{sourceLabel(s)} <span class="visually-hidden">{t(\'linkNewTab\')}</span>',
    reason: 'a source title (not translated) and the catalogue\'s own " (opens in a new tab)", whose leading space and brackets are the translator\'s (its description says so)',
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether `node` is or holds a call of a catalogue function. */
function hasCatalogueCall(node: ts.Node): boolean {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CATALOGUE_FNS.has(node.expression.text)) return true;
  return ts.forEachChild(node, (c) => (hasCatalogueCall(c) ? true : undefined)) ?? false;
}

/** A JSX text child that React/Preact keep (whitespace with a line break in it is dropped). */
const keptText = (c: ts.JsxChild) => ts.isJsxText(c) && !(c.containsOnlyTriviaWhiteSpaces && /\n/.test(c.text));

/** A screen-reader-only <span> (its text is read on with what is next to it, as one name). */
const isHidden = (c: ts.JsxChild) =>
  ts.isJsxElement(c) &&
  c.openingElement.tagName.getText() === 'span' &&
  c.openingElement.attributes.properties.some((a) => ts.isJsxAttribute(a) && a.name.getText() === 'class' && a.initializer !== undefined && ts.isStringLiteral(a.initializer) && /\bvisually-hidden\b/.test(a.initializer.text));

const isInline = (c: ts.JsxChild | undefined) => c !== undefined && ((ts.isJsxExpression(c) && c.expression !== undefined) || ts.isJsxText(c));

/** Every join of catalogue text found in `file`: its source text, collapsed. */
function joinsIn(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isTemplateExpression(n) && n.templateSpans.some((s) => hasCatalogueCall(s.expression))) {
      const parts = n.templateSpans.length + [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].filter(Boolean).length;
      if (parts > 1) out.push(n.getText());
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken && (hasCatalogueCall(n.left) || hasCatalogueCall(n.right))) {
      out.push(n.getText());
      return;
    } else if (ts.isJsxElement(n) || ts.isJsxFragment(n)) {
      const kids = n.children.filter((c) => !ts.isJsxText(c) || keptText(c));
      const exprs = kids.filter((c): c is ts.JsxExpression => ts.isJsxExpression(c) && c.expression !== undefined);
      const texts = kids.filter(ts.isJsxText);
      // Text written in the code next to catalogue text.
      if (exprs.some(hasCatalogueCall) && texts.length > 0) out.push(kids.map((c) => c.getText()).join(' '));
      // Shown text and a screen-reader-only part right next to it, one of them from the catalogue.
      kids.forEach((c, i) => {
        if (!isHidden(c)) return;
        for (const next of [kids[i - 1], kids[i + 1]]) {
          if (isInline(next) && (hasCatalogueCall(c) || hasCatalogueCall(next!))) out.push(kids.map((k) => k.getText()).join(' '));
        }
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.map(collapse);
}

function scan(): Array<{ file: string; code: string }> {
  return DIRS.flatMap((d) => sources(path.join(ROOT, d))).flatMap((abs) => {
    const file = path.relative(ROOT, abs).split(path.sep).join('/');
    return joinsIn(file, readFileSync(abs, 'utf8')).map((code) => ({ file, code }));
  });
}

describe('catalogue text joined in code', () => {
  it('the scan finds each kind of join (and leaves a whole message alone)', () => {
    const found = (src: string) => joinsIn('x.tsx', src);
    expect(found("const a = <b>{t('x')}: {title}</b>;")).toHaveLength(1);
    expect(found("const a = <b>{t('x')}<span class=\"visually-hidden\"> {t('y', n)}</span></b>;")).toHaveLength(2);
    expect(found("const a = <b>{t('x')}<span class=\"visually-hidden\">{n}</span></b>;")).toHaveLength(1);
    expect(found("const s = `${t('a')} ${t('b')}`;")).toHaveLength(1);
    expect(found("const s = t('a') + ': ' + x;")).toHaveLength(1);
    expect(found("const a = <b aria-label={t('x', n)}>\n  {t('y')}\n</b>; const s = `${t('a')}`; const c = `id-${n}`;")).toEqual([]);
  });

  it('only where the result reads right in every language (each exception says why)', () => {
    const found = scan();
    const left = found.filter((j) => !EXCEPTIONS.some((e) => e.file === j.file && e.code === j.code));
    expect(left).toEqual([]);
    // An exception whose code is gone goes from the list too.
    expect(EXCEPTIONS.filter((e) => !found.some((j) => j.file === e.file && j.code === e.code))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The names as a French or Polish screen reader gets them.

const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;

function serve(locale: string, ui: string) {
  const c = catalogue(locale);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(ui);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string | string[]) =>
    c[k] ? formatMessage(c[k], subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)]) : '') as typeof fakeBrowser.i18n.getMessage);
  return (key: string, subs: string[] = []) => (c[key] ? formatMessage(c[key], subs) : `(no message ${key})`);
}

/** The accessible name: aria-label, else the text (aria-hidden parts left out). */
function accName(e: Element): string {
  const al = e.getAttribute('aria-label');
  if (al) return al;
  const spoken = (n: Node): string => (n.nodeType === 3 ? n.textContent ?? '' : n.nodeType === 1 && (n as Element).getAttribute('aria-hidden') !== 'true' ? Array.from(n.childNodes).map(spoken).join('') : '');
  return spoken(e).replace(/\s+/g, ' ').trim();
}

describe('the names a screen reader reads, in French and Polish', () => {
  let unmount = () => {};
  afterEach(async () => {
    unmount();
    unmount = () => {};
    await tick(20);
    vi.restoreAllMocks();
  });

  it('French: "Aperçu : <title>" (one message, the French space before the colon) and the restore button of a section', async () => {
    const m = serve('fr', 'fr-FR');
    const { pageDom } = await import('../tests/support/options-page');
    const d = pageDom();
    const { h, render } = await import('preact');
    const { RoutineRow } = await import('../components/RoutineRow');
    const { RestoreDefaults } = await import('../components/RestoreDefaults');
    const { ROUTINES } = await import('../content/routines');
    const { routineTitle } = await import('../content/text');
    const r = ROUTINES[0]!;
    const root = d.document.getElementById('app')!;
    render(h('ul', null, h(RoutineRow, { routine: r, excluded: false, onChange: () => undefined }), h('li', null, h(RestoreDefaults, { section: 'sounds', label: m('soundsTitle'), pick: () => ({}), save: async () => undefined }))), root as never);
    unmount = () => render(null, root as never);
    await until(() => root.querySelector('summary') !== null, 'the row');
    const summary = root.querySelector('summary')!;
    expect(accName(summary)).toBe(m('routinePreviewOf', [routineTitle(r)]));
    expect(accName(summary)).toMatch(/^Aperçu\u00a0: /);
    // What is seen stays "Aperçu", at the start of the name.
    expect(summary.textContent).toBe(m('routinePreview'));
    const restore = root.querySelector('[data-testid="restore-sounds"]')!;
    expect(accName(restore)).toBe(m('restoreDefaultsOf', [m('soundsTitle')]));
    expect(restore.textContent).toBe(m('restoreDefaults'));
    expect(accName(restore).startsWith(m('restoreDefaults'))).toBe(true);
  });

  it('Polish: the schedule\'s "Add hours" and "Copy to weekdays" name the day as Polish writes it ("Dodaj godziny (dzień: …)": the browser gives the day in the nominative, which "w …" would need in another case)', async () => {
    const m = serve('pl', 'pl');
    const { pageDom } = await import('../tests/support/options-page');
    const d = pageDom();
    const { h, render } = await import('preact');
    const { ScheduleEditor } = await import('../components/ScheduleEditor');
    const { DEFAULT_SETTINGS } = await import('./settings');
    const root = d.document.getElementById('app')!;
    render(h(ScheduleEditor, { value: { ...DEFAULT_SETTINGS.schedule, enabled: true }, onChange: () => undefined, showToggle: false, idPrefix: 't', weekStart: 'mon' }), root as never);
    unmount = () => render(null, root as never);
    await until(() => root.querySelector('[data-testid="day-0-add"]') !== null, 'the editor');
    const monday = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(4 * 864e5);
    const add = root.querySelector('[data-testid="day-0-add"]')!;
    expect(accName(add)).toBe(m('schedAddOn', [monday]));
    expect(accName(add)).toBe(`Dodaj godziny (dzień: ${monday})`); // was "Dodaj godziny" + " " + the day
    expect(add.textContent).toBe(m('schedAdd'));
    const copy = root.querySelector('[data-testid="day-0-copy-weekdays"]')!;
    const days = m('schedRange', weekdayNames(undefined).filter((_, i) => i === 0 || i === 4)); // "pon.–pt."
    expect(accName(copy)).toBe(m('schedCopyWeekdaysFrom', [days, monday]));
    expect(copy.textContent).toBe(m('schedCopyWeekdays', [days]));
  });
});
