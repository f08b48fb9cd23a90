/**
 * What in Limber's code could reach the network, found statically: every use of a network API
 * (fetch, XMLHttpRequest, WebSocket, WebTransport, EventSource, sendBeacon, importScripts,
 * RTCPeerConnection), every dynamic import() of anything but a packaged chunk, and every
 * http(s)/ws(s)/ftp URL written in a script, page or style sheet. Each occurrence must be one of
 * the few ALLOWED below, each with the reason it is not a request off the device; anything else is
 * a finding the release test (tests/e2e/release.spec.ts) fails on.
 *
 * Two views of the same code:
 * - the production builds (every .js, .html and .css file of .output/chrome-mv3 and firefox-mv3):
 *   what really ships, minified, so an occurrence is recognised by its shape;
 * - the sources (lib/, entrypoints/, components/, content/, public/), where the one fetch Limber
 *   itself writes is recognised by the function it is in.
 *
 *   node tests/support/network-scan.ts [.output]   (prints every occurrence and why it is allowed)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { SOURCES } from '../../content/sources.ts';

/** Names whose use is a request (or a channel) to somewhere. */
export const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'sendBeacon', 'importScripts', 'RTCPeerConnection'] as const;

export type FindingKind = 'api' | 'import' | 'url';

export interface Finding {
  /** Path as given (relative to the scanned folder or the repository). */
  file: string;
  line: number;
  kind: FindingKind;
  /** The API name, the import's argument, or the URL. */
  what: string;
  /** The code around it: the whole call for an API used as a call, else the surrounding text. */
  code: string;
  /** Names of the functions it sits in, innermost first (sources only: minified names say nothing). */
  inside: string[];
  /** The id of the ALLOWED entry that explains it, or null: a finding. */
  allowedBy: string | null;
}

export interface Allowance {
  id: string;
  /** Why this occurrence is no request off the device. */
  why: string;
  matches(f: Omit<Finding, 'allowedBy'>, enclosingText: string): boolean;
}

const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xhtml']);
/** The public pages the routine library cites (content/sources.ts), exactly. */
const CITED = new Set(Object.values(SOURCES as Record<string, { url: string | null }>).flatMap((s) => (s.url ? [s.url] : [])));
const WXT_ERROR_LINKS = new Set(['https://wxt.dev/guide/go-further/testing.html', 'https://github.com/wxt-dev/wxt/issues/371']);
/** fetch(<x>.runtime.getURL(`/_locales/${lang}/messages.json`)), the literal or a template. */
const PACKAGED_CATALOGUE = /^fetch\(\s*[\w$.]+\.runtime\.getURL\(\s*(`|'|")\/?_locales\/(?:\$\{[\w$]+\}|[a-z]{2,3}(?:_[A-Z]{2})?)\/messages\.json\1\s*(?:as\s*'[^']*'\s*)?\)\s*\)$/;

export const ALLOWED: readonly Allowance[] = [
  {
    id: 'packaged-catalogue',
    why:
      "lib/i18n-fallback.ts readCatalogue() (for loadFallbackCatalogue()): when the browser's own catalogue answers with empty strings, a page or the worker " +
      'reads the extension\'s packaged _locales/<lang>/messages.json through runtime.getURL, a file inside the package (chrome-extension:// ' +
      'or moz-extension://), never the network. In the sources it is allowed only inside that function of lib/i18n*.ts; in the builds, ' +
      'only in exactly this shape.',
    matches: (f) => f.kind === 'api' && f.what === 'fetch' && PACKAGED_CATALOGUE.test(f.code),
  },
  {
    id: 'xml-namespaces',
    why: "XML namespace names (SVG, MathML, XHTML) that Preact compares an element's namespace with: identifiers, never requested.",
    matches: (f) => f.kind === 'url' && NAMESPACES.has(f.what),
  },
  {
    id: 'cited-sources',
    why:
      "The addresses of the public pages the routine library cites (content/sources.ts), exactly those: the break page lists a routine's " +
      'sources as links (components/RoutineSources.tsx) that open in a new tab only when a person clicks one. Limber itself never requests them.',
    matches: (f) => f.kind === 'url' && CITED.has(f.what),
  },
  {
    id: 'call-site-patterns',
    why:
      'Match patterns of the opt-in call sites (lib/call-sites.ts: the built-in ones and `https://${host}/*` for a site the user adds): ' +
      'Limber passes them to permissions.request/remove and tabs.query({ url, audible }) to see whether such a tab plays sound. ' +
      'A pattern (ending in /*, maybe with a *. host) is no address anything fetches. Only in that shape, next to the list ' +
      '(a list of each site\'s patterns, [[...], [...]]) or the template.',
    matches: (f) =>
      f.kind === 'url' &&
      ((CALL_PATTERN.test(f.what) && /(?:\[\[|\],\[)`https:\/\//.test(f.code)) || (f.what === 'https://$' && /`https:\/\/\$\{[\w$]+\}\/\*`/.test(f.code))),
  },
  {
    id: 'host-dns-form',
    why:
      'lib/call-site-hosts.ts parseHost(): a host name a person typed in its own script (jitsi.пример.рф) is put in the DNS form that tab ' +
      'addresses and permissions use by the URL parser, `new URL(`https://${host}`).hostname`: a string is parsed, nothing is requested. ' +
      'Only in exactly that shape.',
    matches: (f) => f.kind === 'url' && f.what === 'https://$' && /new URL\(`https:\/\/\$\{[\w$]+\}`\)\.hostname/.test(f.code),
  },
  {
    id: 'wxt-error-text',
    why: "Links in the text of the error WXT's `browser` shim throws when no extension API exists (never in an extension page): shown in a console, never requested.",
    matches: (f) => f.kind === 'url' && WXT_ERROR_LINKS.has(f.what),
  },
];

/** A host permission match pattern: https://, an optional *. subdomain wildcard, a host, /*. */
const CALL_PATTERN = /^https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\*$/;

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\{}]*/gi;

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Function names around a node, innermost first ('' entries for anonymous ones are dropped). */
function enclosingNames(node: ts.Node): string[] {
  const names: string[] = [];
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if ((ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p) || ts.isFunctionExpression(p)) && p.name) names.push(p.name.getText());
    else if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && ts.isVariableDeclaration(p.parent) && ts.isIdentifier(p.parent.name)) names.push(p.parent.name.text);
  }
  return names;
}

/**
 * The text of the small functions around a node (each at most 3,000 characters: the helper a
 * minifier leaves whole, never the module), innermost first, for context checks.
 */
function enclosingText(node: ts.Node, sf: ts.SourceFile): string {
  const texts: string[] = [];
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (!ts.isFunctionLike(p)) continue;
    const t = p.getText(sf);
    if (t.length > 3000) break;
    texts.push(t);
  }
  return texts.join('\n');
}

/** import() of a file of the package: a relative path written out (a chunk, or a module in the sources). */
const isRelativeChunk = (arg: ts.Expression | undefined): boolean =>
  !!arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && /^(?:\.{1,2}\/|\/(?!\/))[\w./-]+$/.test(arg.text);

function classify(f: Omit<Finding, 'allowedBy'>, around: string): Finding {
  return { ...f, allowedBy: ALLOWED.find((a) => a.matches(f, around))?.id ?? null };
}

/**
 * Every occurrence in one script (JS or TS). `named`: keep the names of enclosing functions (the
 * sources); in minified builds they mean nothing and are left out.
 */
export function scanScript(file: string, text: string, named = false): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const out: Finding[] = [];
  const apis = new Set<string>(NETWORK_APIS);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && apis.has(node.text)) {
      const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : ts.isNewExpression(node.parent) && node.parent.expression === node ? node.parent : null;
      const at = node.getStart(sf);
      const code = call ? call.getText(sf) : text.slice(Math.max(0, at - 40), at + node.text.length + 40);
      out.push(classify({ file, line: lineOf(text, at), kind: 'api', what: node.text, code: code.slice(0, 300), inside: named ? enclosingNames(node) : [] }, enclosingText(node, sf)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && !isRelativeChunk(node.arguments[0])) {
      const at = node.getStart(sf);
      out.push(classify({ file, line: lineOf(text, at), kind: 'import', what: node.arguments[0]?.getText(sf) ?? '', code: node.getText(sf).slice(0, 300), inside: named ? enclosingNames(node) : [] }, enclosingText(node, sf)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...out, ...scanUrls(file, text)];
}

/** Every URL written in a text (code, markup, styles, comments alike). */
export function scanUrls(file: string, text: string): Finding[] {
  return [...text.matchAll(URL_RE)].map((m) =>
    // 120 characters before: enough to reach a list's `patterns: [` from its third pattern (Teams has three).
    classify({ file, line: lineOf(text, m.index), kind: 'url', what: m[0], code: text.slice(Math.max(0, m.index - 120), m.index + m[0].length + 20), inside: [] }, ''),
  );
}

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(p).isDirectory() ? filesUnder(p, keep) : keep(p) ? [p] : [];
  });
}

/** A production build (e.g. .output/chrome-mv3): its scripts, pages and style sheets. */
export function scanBuild(dir: string): { files: number; findings: Finding[] } {
  const files = filesUnder(dir, (f) => /\.(js|mjs|html|css)$/.test(f));
  const findings = files.flatMap((f) => {
    const rel = path.relative(dir, f);
    const text = readFileSync(f, 'utf8');
    return /\.m?js$/.test(f) ? scanScript(rel, text) : scanUrls(rel, text);
  });
  return { files: files.length, findings };
}

/** The folders whose code ships (tests excluded). */
export const SOURCE_DIRS = ['lib', 'entrypoints', 'components', 'content', 'public'];

/**
 * The sources' network API uses and dynamic imports (URLs in the sources are not looked at here:
 * content/sources.ts cites its references, and the build scan sees any URL that ships). The one
 * allowed fetch must sit in readCatalogue in lib/i18n*.ts.
 */
export function scanSources(root: string, dirs: readonly string[] = SOURCE_DIRS): { files: number; findings: Finding[] } {
  const files = dirs.flatMap((d) => filesUnder(path.join(root, d), (f) => /\.(ts|tsx|js|mjs)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts')));
  const findings = files.flatMap((f) => {
    const rel = path.relative(root, f);
    return scanScript(rel, readFileSync(f, 'utf8'), true)
      .filter((x) => x.kind !== 'url')
      .map((x) => (x.allowedBy === 'packaged-catalogue' && !(/^lib\/i18n[^/]*\.ts$/.test(rel) && x.inside[0] === 'readCatalogue') ? { ...x, allowedBy: null } : x));
  });
  return { files: files.length, findings };
}

/** One line per finding, for a failure message or the command's output. */
export function describeFinding(f: Finding): string {
  return `${f.file}:${f.line} ${f.kind} ${f.what}${f.inside.length ? ` in ${f.inside.join(' < ')}` : ''}: ${f.code.replace(/\s+/g, ' ')}`;
}

// As a command: every occurrence in the builds and the sources, and what explains it.
if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? process.env.LIMBER_OUT ?? '.output';
  let bad = 0;
  for (const [label, r] of [
    ...['chrome-mv3', 'firefox-mv3'].map((t) => [`${out}/${t}`, scanBuild(path.join(out, t))] as const),
    ['sources', scanSources(process.cwd())] as const,
  ]) {
    console.log(`${label}: ${r.files} files`);
    for (const f of r.findings) console.log(`  ${f.allowedBy ? `allowed (${f.allowedBy})` : 'NOT EXPLAINED'}  ${describeFinding(f)}`);
    bad += r.findings.filter((f) => !f.allowedBy).length;
  }
  for (const a of ALLOWED) console.log(`\n${a.id}: ${a.why}`);
  process.exitCode = bad ? 1 : 0;
}
