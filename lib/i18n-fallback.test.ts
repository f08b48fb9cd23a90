/**
 * The stand-in for a broken browser catalogue (chrome.i18n.getMessage answering '' for every
 * key, seen in fresh headless Chromium profiles): t() must then give the packaged words, never a
 * key. The fake browser's getMessage is made to return '' and fetch is answered with the
 * catalogues as the build packages them (scripts/pack-catalogues.ts), recording every URL asked for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { catalogueBroken, installFallbackMessages, t, type MessageKey } from './i18n';
import { catalogueCandidates, ensureMessages, formatMessage, loadFallbackCatalogue, type Catalogue } from './i18n-fallback';
import { whenLocalized } from '../components/localize';
import { DEFAULT_LOCALE, packCatalogue } from '../scripts/pack-catalogues';

const LOCALES = path.join(process.cwd(), 'public', '_locales');
const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;
const en = catalogue('en');

let fetched: string[] = [];

/** A catalogue as the build packages it (wxt.config.ts): repeats of the default locale's left out. */
const packed = (locale: string) => {
  const text = (l: string) => readFileSync(path.join(LOCALES, l, 'messages.json'), 'utf8');
  return packCatalogue(text(locale), locale === DEFAULT_LOCALE ? undefined : text(DEFAULT_LOCALE));
};

/** fetch answered with the packaged catalogues for this extension's URLs; anything else is a test failure. */
function serveFromDisk() {
  fetched = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = String(input);
      fetched.push(url);
      const prefix = browser.runtime.getURL('/');
      if (!url.startsWith(prefix)) throw new Error(`not an extension URL: ${url}`);
      const locale = /^_locales\/(\w+)\/messages\.json$/.exec(url.slice(prefix.length))?.[1];
      try {
        return new Response(packed(locale ?? '?'), { status: 200 });
      } catch {
        return new Response('', { status: 404 });
      }
    }),
  );
}

function brokenCatalogue(uiLanguage = 'en-US') {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
}

/** What chrome.i18n gives for a message of this project (positional placeholders only). */
const expected = (message: string, subs: string[]) => message.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');

beforeEach(serveFromDisk);
afterEach(() => {
  installFallbackMessages(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a broken browser catalogue', () => {
  it('is detected, and t() then gives the packaged English words, placeholders filled', async () => {
    brokenCatalogue();
    expect(catalogueBroken()).toBe(true);
    expect(t('appName')).toBe('appName'); // what a page showed before the fix
    await ensureMessages();
    expect(catalogueBroken()).toBe(false);
    expect(t('appName')).toBe('Limber');
    expect(t('stepOf', [2, 5])).toBe('Step 2 of 5');
    expect(t('upNext', 'Shoulder rolls')).toBe('Next: Shoulder rolls');
    expect(fetched).toEqual(['en_US', 'en'].map((l) => browser.runtime.getURL(`/_locales/${l}/messages.json` as '/')));
  });

  it('no key of the catalogue is ever shown as itself', async () => {
    brokenCatalogue();
    await ensureMessages();
    const subs = ['A', 'B', 'C', 'D'];
    // English never asks for a `few` or `many` form: the package leaves those out (scripts/pack-catalogues.ts).
    for (const [key, entry] of Object.entries(en).filter(([k]) => !/_(few|many)$/.test(k))) {
      const text = t(key as MessageKey, subs);
      expect(text, key).toBe(expected(entry.message, subs));
      expect(text, key).not.toBe(key);
    }
  });

  it.each(readdirSync(LOCALES))('%s: every message the language can show reads as its catalogue says, those the package leaves out taken from English', async (locale) => {
    brokenCatalogue(locale.replace('_', '-'));
    await ensureMessages();
    const source = catalogue(locale);
    const categories = new Intl.PluralRules(source.textLang!.message).resolvedOptions().pluralCategories as string[];
    const shown = (k: string) => !/_(one|few|many)$/.test(k) || categories.includes(/_(\w+)$/.exec(k)![1]!);
    const subs = ['A', 'B', 'C', 'D'];
    const wrong = Object.entries(source).filter(([k, e]) => shown(k) && t(k as MessageKey, subs) !== expected(e.message, subs));
    expect(wrong.map(([k]) => k)).toEqual([]);
    // Some are left out of all but English (the product's name, at least), so the merge is what is tested.
    if (locale !== DEFAULT_LOCALE) expect(Object.hasOwn(JSON.parse(packed(locale)) as object, 'appName')).toBe(false);
  });

  it("is read from the extension itself in the UI language, trying its region's folder first", async () => {
    const url = (l: string) => browser.runtime.getURL(`/_locales/${l}/messages.json` as '/');
    brokenCatalogue('de-DE');
    expect((await loadFallbackCatalogue()).appName).toBeDefined();
    expect(fetched).toEqual([url('de_DE'), url('de'), url('en')]);
    await ensureMessages();
    expect(t('actionSkip')).toBe(catalogue('de').actionSkip!.message);
  });

  it('falls back to English for a UI language the package has no catalogue for', async () => {
    const url = (l: string) => browser.runtime.getURL(`/_locales/${l}/messages.json` as '/');
    brokenCatalogue('xx-YY');
    await ensureMessages();
    expect(fetched).toEqual([url('xx_YY'), url('xx'), url('en')]);
    expect(t('actionSkip')).toBe('Skip');
  });

  it('picks folders as the browser does', () => {
    expect(catalogueCandidates('pt-BR')).toEqual(['pt_BR', 'pt', 'en']);
    expect(catalogueCandidates('es-419')).toEqual(['es_419', 'es', 'en']);
    expect(catalogueCandidates('ja')).toEqual(['ja', 'en']);
    expect(catalogueCandidates('')).toEqual(['en']);
    expect(catalogueCandidates('../x')).toEqual(['en']);
  });

  it('pages wait for it (whenLocalized), and not at all when the browser catalogue works', async () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((k: string) => (en[k] ? `browser:${k}` : ''));
    expect(whenLocalized()).toBeNull();
    expect(t('appName')).toBe('browser:appName');
    await ensureMessages();
    expect(fetched).toEqual([]);

    brokenCatalogue();
    const ready = whenLocalized();
    expect(ready).not.toBeNull();
    await ready;
    expect(t('appName')).toBe('Limber');
  });

  it('a catalogue that cannot be read: ensureMessages still resolves (what waits for it goes ahead), and the next call tries again', async () => {
    brokenCatalogue();
    vi.stubGlobal('fetch', vi.fn(async () => new Response('Not found', { status: 404 })));
    await expect(ensureMessages()).resolves.toBeUndefined();
    expect(catalogueBroken()).toBe(true);
    serveFromDisk();
    await ensureMessages();
    expect(t('appName')).toBe('Limber');
  });
});

describe('formatMessage does what chrome.i18n.getMessage does', () => {
  it('positional placeholders, missing substitutions, literal dollars', () => {
    expect(formatMessage({ message: 'Step $1 of $2' }, ['3', '4'])).toBe('Step 3 of 4');
    expect(formatMessage({ message: 'Step $1 of $2' }, ['3'])).toBe('Step 3 of ');
    expect(formatMessage({ message: '$2, then $1' }, ['a', 'b'])).toBe('b, then a');
    expect(formatMessage({ message: 'Costs $$5, $$$$' }, [])).toBe('Costs $5, $$$');
  });

  it('no catalogue uses named placeholders, which it does not substitute', () => {
    // chrome.i18n would replace $name$ from a "placeholders" block; formatMessage does not (see its
    // module comment). Adding one to a catalogue means teaching formatMessage first.
    for (const locale of readdirSync(LOCALES)) {
      const withBlock = Object.entries(catalogue(locale)).filter(([, e]) => 'placeholders' in e).map(([k]) => k);
      expect(withBlock, locale).toEqual([]);
    }
  });

  it('a key only the object prototype has is no message', async () => {
    brokenCatalogue();
    await ensureMessages();
    expect(t('constructor' as MessageKey)).toBe('constructor');
  });
});
