/**
 * The network scan (tests/support/network-scan.ts) on small pieces of code shaped like the builds' and
 * the sources': what it must find, and what exactly it lets through. The release test runs it on
 * the real builds (tests/e2e/release.spec.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanScript, scanSources, scanUrls, type Finding } from './network-scan';

const unexplained = (fs: Finding[]) => fs.filter((f) => !f.allowedBy).map((f) => `${f.kind} ${f.what}`);
const allowed = (fs: Finding[]) => fs.filter((f) => f.allowedBy).map((f) => f.allowedBy);

/** lib/i18n-fallback.ts's fetch as it ships. */
const CATALOGUE = 'async function a(){for(let e of new Set([n,r]))try{let n=await fetch(t.default.runtime.getURL(`/_locales/${e}/messages.json`));if(n.ok)return await n.json()}catch{}}';
/** Preact's namespace checks, a cited source's link (content/sources.ts) and WXT's error text. */
const KNOWN_URLS = '{title:`Working with display screen equipment`,url:`https://www.hse.gov.uk/contact/faqs/vdubreaks.htm`};if(b==`svg`?i=`http://www.w3.org/2000/svg`:b==`math`?i=`http://www.w3.org/1998/Math/MathML`:i||=`http://www.w3.org/1999/xhtml`);throw Error(`see https://github.com/wxt-dev/wxt/issues/371 or https://wxt.dev/guide/go-further/testing.html`)';

describe('the build scan', () => {
  it('lets the explained occurrences through, each by its own reason', () => {
    const fs = [...scanScript('b.js', CATALOGUE), ...scanScript('c.js', KNOWN_URLS)];
    expect(unexplained(fs)).toEqual([]);
    expect(allowed(fs)).toEqual(['packaged-catalogue', 'cited-sources', 'xml-namespaces', 'xml-namespaces', 'xml-namespaces', 'wxt-error-text', 'wxt-error-text']);
  });

  /** Vite's modulepreload polyfill as rolldown minifies it (copied from a build): no longer built in (wxt.config.ts), so its fetch is not explained any more. */
  const POLYFILL =
    '(function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return;for(let e of document.querySelectorAll(`link[rel="modulepreload"]`))n(e);new MutationObserver(e=>{for(let t of e)if(t.type===`childList`)for(let e of t.addedNodes)e.tagName===`LINK`&&e.rel===`modulepreload`&&n(e)}).observe(document,{childList:!0,subtree:!0});function t(e){let t={};return t}function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}})();';
  it("a typed host's DNS form through the URL parser is explained; the same template fetched, or used whole, is not", () => {
    expect(allowed(scanScript('a.js', 'try{n=new URL(`https://${n}`).hostname}catch{}'))).toEqual(['host-dns-form']);
    expect(unexplained(scanScript('a.js', 'fetch(`https://${n}`)'))).toEqual(['api fetch', 'url https://$']);
    expect(unexplained(scanScript('a.js', 'let u=new URL(`https://${n}`).href'))).toEqual(['url https://$']);
  });

  it("Vite's modulepreload polyfill, should it come back, is a fetch nobody explained", () => {
    expect(unexplained(scanScript('a.js', POLYFILL))).toEqual(['api fetch']);
  });

  it.each([
    ['a fetch of a remote URL', 'fetch(`https://example.invalid/x`)', ['api fetch', 'url https://example.invalid/x']],
    ['a fetch of a computed URL', 'fetch(e+t)', ['api fetch']],
    ['fetch passed around', 'let f=self.fetch;f(u)', ['api fetch']],
    ['XMLHttpRequest', 'let x=new XMLHttpRequest;x.open(`GET`,u)', ['api XMLHttpRequest']],
    ['a WebSocket', 'new WebSocket(u)', ['api WebSocket']],
    ['sendBeacon', 'navigator.sendBeacon(u,d)', ['api sendBeacon']],
    ['an EventSource', 'new EventSource(u)', ['api EventSource']],
    ['importScripts of remote code', 'importScripts(`https://cdn.example/x.js`)', ['api importScripts', 'url https://cdn.example/x.js']],
    ['a dynamic import of a computed name', 'import(u).then(e=>e)', ['import u']],
    ['a dynamic import of a remote module', 'import(`https://cdn.example/m.js`)', ['import `https://cdn.example/m.js`', 'url https://cdn.example/m.js']],
    ['a URL in a string', 'let u=`http://tracker.example/p?x=1`', ['url http://tracker.example/p?x=1']],
    ['a WebSocket URL', 'let u="wss://example.invalid/s"', ['url wss://example.invalid/s']],
    ['a cited page with something added', 'let u=`https://www.hse.gov.uk/contact/faqs/vdubreaks.htm?ref=limber`', ['url https://www.hse.gov.uk/contact/faqs/vdubreaks.htm?ref=limber']],
    ['a namespace-like URL that is not one', 'let u=`http://www.w3.org/2000/svg-extra`', ['url http://www.w3.org/2000/svg-extra']],
    ['the polyfill shape outside the polyfill', 'function n(e){let o={};fetch(e.href,o)}', ['api fetch']],
    ['a packaged-looking fetch of another file', 'fetch(t.default.runtime.getURL(`/secrets.json`))', ['api fetch']],
    ['the catalogue path from elsewhere than runtime.getURL', 'fetch(e(`/_locales/en/messages.json`))', ['api fetch']],
    ['a runtime.getURL fetch with something after it', 'fetch(t.runtime.getURL(`/_locales/en/messages.json`),{method:`POST`,body:d})', ['api fetch']],
  ])('finds %s', (_, code, want) => {
    expect(unexplained(scanScript('x.js', code))).toEqual(want);
  });

  it('finds nothing in code without network access, words in strings included', () => {
    expect(scanScript('x.js', 'let m=`Failed to fetch`;import(`./later-AbC_1.js`).then(e=>e);const WebSocketLike=1')).toEqual([]);
  });

  it('sees URLs in markup and styles', () => {
    expect(unexplained(scanUrls('p.html', '<link rel="modulepreload" href="https://cdn.example/x.js">'))).toEqual(['url https://cdn.example/x.js']);
    expect(unexplained(scanUrls('s.css', '@import url(https://fonts.example/f.css);'))).toEqual(['url https://fonts.example/f.css']);
  });
});

describe('the source scan', () => {
  const fallback = (name: string) =>
    `export async function ${name}(): Promise<Catalogue> {\n  const res = await fetch(browser.runtime.getURL(\`/_locales/\${locale}/messages.json\` as '/'));\n  return res.json();\n}\n`;

  it('names the function a use sits in', () => {
    const [f] = scanScript('lib/i18n-fallback.ts', fallback('readCatalogue'), true);
    expect(f).toMatchObject({ kind: 'api', what: 'fetch', inside: ['readCatalogue'], allowedBy: 'packaged-catalogue', line: 2 });
    const inner = scanScript('lib/x.ts', 'const outer = () => { function inner() { return fetch(u); } };', true);
    expect(inner.map((x) => x.inside)).toEqual([['inner', 'outer']]);
  });

  it('does not see comments or strings', () => {
    expect(scanScript('lib/x.ts', "// fetch(https://x)\n/** XMLHttpRequest */\nconst s = 'fetch';", true).filter((f) => f.kind !== 'url')).toEqual([]);
  });

  it('allows the packaged-catalogue fetch only in readCatalogue of lib/i18n*.ts', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'limber-scan-'));
    try {
      mkdirSync(path.join(root, 'lib'));
      mkdirSync(path.join(root, 'components'));
      writeFileSync(path.join(root, 'lib/i18n-fallback.ts'), fallback('readCatalogue') + fallback('loadSomethingElse'));
      writeFileSync(path.join(root, 'components/catalogue.ts'), fallback('readCatalogue'));
      writeFileSync(path.join(root, 'lib/i18n.test.ts'), 'fetch(`https://example.invalid`)');
      const { files, findings } = scanSources(root, ['lib', 'components']);
      expect(files).toBe(2); // tests are not shipped code
      expect(findings.map((f) => `${f.file} ${f.inside.join('<')} ${f.allowedBy ?? 'NOT EXPLAINED'}`).sort()).toEqual([
        'components/catalogue.ts readCatalogue NOT EXPLAINED',
        'lib/i18n-fallback.ts loadSomethingElse NOT EXPLAINED',
        'lib/i18n-fallback.ts readCatalogue packaged-catalogue',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
