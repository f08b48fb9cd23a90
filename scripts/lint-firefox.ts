/**
 * addons-linter on the Firefox build, with its findings pinned: no errors, and every warning or
 * notice must be one of ALLOWED below (code, file, the flagged code itself where it matters, and
 * how many), each with its cause and why it is safe (README, "Firefox add-ons linter", says the
 * same). A new finding fails, and so does an allowed one that is no longer reported, so the list
 * and the README stay exact.
 *
 * Usage: node scripts/lint-firefox.ts [build dir]   (default: $LIMBER_OUT or .output, firefox-mv3)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface Finding {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface Allowed {
  code: string;
  file: RegExp;
  /** The flagged source (from the reported column on): it must be this code, not just this kind. */
  source?: RegExp;
  min: number;
  max: number;
  cause: string;
  safe: string;
}

const ALLOWED: Allowed[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w-]+\.js$/,
    // Preact's `dom.innerHTML = newHtml.__html`, minified: once in every bundle that carries Preact.
    source: /^.{0,8}\binnerHTML\s*=\s*[\w$]+\.__html\b/,
    min: 1,
    max: 3,
    cause: "Preact's DOM diff (node_modules/preact/src/diff/index.js) sets `dom.innerHTML = newHtml.__html` for the `dangerouslySetInnerHTML` prop; the bundler puts Preact in a shared chunk",
    safe: 'Limber never passes `dangerouslySetInnerHTML` (checked below), so that line never runs: all text is rendered as text nodes',
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    min: 1,
    max: 1,
    cause: '`gecko.data_collection_permissions` (required by AMO) reached Firefox for Android in 142; with no `gecko_android` key the linter checks Android against the desktop minimum, 140',
    safe: 'Limber is not offered on Firefox for Android (no `gecko_android` key; Android has no windows API for the break window), and a Firefox that does not know the key ignores it',
  },
];

/** The safety argument for Preact's innerHTML line holds only while our code never uses the prop. */
function sourcesUsingInnerHtml(): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|jsx)$/.test(name) && /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(p, 'utf8'))) hits.push(p);
    }
  };
  for (const dir of ['entrypoints', 'components', 'lib', 'content']) walk(dir);
  return hits;
}

const dir = process.argv[2] ?? path.join(process.env.LIMBER_OUT ?? '.output', 'firefox-mv3');
let out: string;
try {
  out = execFileSync(path.resolve('node_modules/.bin/addons-linter'), ['--output', 'json', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (err) {
  // Exit code 1 when there are errors: the report is still on stdout.
  out = (err as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(out) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
const findings = [...report.errors, ...report.warnings, ...report.notices];

const problems: string[] = [];
const where = (f: Finding) => `${f.file ?? '-'}${f.line ? `:${f.line}:${f.column ?? 0}` : ''}`;
/** The source the linter points at, from its column on (a line of minified code can be long). */
const flagged = (f: Finding) => {
  if (!f.file || !f.line) return '';
  const line = readFileSync(path.join(dir, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
  return line.slice(Math.max(0, (f.column ?? 0) - 1), (f.column ?? 0) + 80);
};
const matches = (a: Allowed, f: Finding) => a.code === f.code && a.file.test(f.file ?? '') && (!a.source || a.source.test(flagged(f)));
for (const f of findings) {
  const ok = f._type !== 'error' && ALLOWED.some((a) => matches(a, f));
  console.log(`${ok ? 'allowed' : 'NEW    '} ${f._type} ${f.code} ${where(f)}: ${f.description ?? f.message}`);
  if (!ok) problems.push(`${f._type} ${f.code} in ${where(f)} is not on the allow-list`);
}
for (const a of ALLOWED) {
  const n = findings.filter((f) => matches(a, f)).length;
  if (n >= a.min && n <= a.max) console.log(`  ${a.code} (${n}x): ${a.cause}. Safe: ${a.safe}.`);
  else problems.push(`${a.code}: reported ${n} time(s), allowed ${a.min}-${a.max}${n < a.min ? ': no longer reported, update the allow-list and the README' : ''}`);
}
for (const p of sourcesUsingInnerHtml()) problems.push(`${p} sets HTML from a string: the UNSAFE_VAR_ASSIGNMENT allowance no longer holds`);

console.log(`\naddons-linter ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
if (problems.length) {
  for (const p of problems) console.error(`lint-firefox: ${p}`);
  process.exit(1);
}
console.log('lint-firefox: ok (every finding is allowed and explained)');
