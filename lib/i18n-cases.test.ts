/**
 * Languages, plurals and time phrases, from a review: each expected value comes from outside the
 * code (the language's grammar as CLDR's plural rules give it, the catalogue's own singular forms,
 * the popup's "same text" promise). Catalogues are read from disk; times and zones are fixed.
 * - A 1-minute stretch break's title puts no plural noun after "1" (es, fr, it, nl, pt_BR once did).
 * - The popup's first frame and the Preact popup pick the same plural forms when the UI language
 *   shares only its base with the catalogue (Firefox with a pt-PT UI gets the pt_BR catalogue).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeElement } from '../tests/support/fake-element';
import { browser } from 'wxt/browser';
import { formatMessage, type Catalogue } from './i18n-fallback';
import { pluralKey } from './plural';
import { promptText } from './platform/notify';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { DueBreak } from './tracker/tracker';
import type { PopupData } from './protocol/messages';
import type { TrackerView } from './tracker/view';
import { TodayPanel } from '../components/TodayPanel';

const read = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;

/** The browser's catalogue lookup answering from a catalogue on disk, as chrome.i18n / browser.i18n would. */
function serve(c: Catalogue, ui: string) {
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(ui);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string | string[]) =>
    c[k] ? formatMessage(c[k], subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)]) : '') as typeof browser.i18n.getMessage);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

// The stretch prompt's title is one message for every length: no translation may put a plural
// noun right after the number (a 1-minute stretch break once read "1 minutos").

describe('the stretch break notification for a 1-minute stretch (Options: length of a stretch break = 1 min, its minimum)', () => {
  const brk = { id: 'b1', kind: 'stretch', dueAt: 0, promptedAt: 0, snoozes: 0 } as unknown as DueBreak;
  const oneMinute: Settings = { ...DEFAULT_SETTINGS, stretch: { ...DEFAULT_SETTINGS.stretch, lengthSec: 60 } };
  // CLDR: 1 is "one" in each of these languages, whose singular is the catalogue's own word
  // (promptMicroBody_one / headsUpBefore_one use it); the plural noun after "1" is a grammar error.
  const PLURAL_AFTER_ONE: Array<[string, string, RegExp]> = [
    ['es', 'es-ES', /\b1 minutos\b/],
    ['fr', 'fr-FR', /\b1 minutes\b/],
    ['it', 'it-IT', /\b1 minuti\b/],
    ['nl', 'nl-NL', /\b1 minuten\b/],
    ['pt_BR', 'pt-BR', /\b1 minutos\b/],
  ];

  it('CLDR gives 1 the singular ("one") in each of these languages', () => {
    for (const [, ui] of PLURAL_AFTER_ONE) expect(new Intl.PluralRules(ui).select(1)).toBe('one');
  });

  it('es, fr, it, nl, pt_BR: the title puts no plural noun after "1"', () => {
    const wrong: string[] = [];
    for (const [locale, ui, plural] of PLURAL_AFTER_ONE) {
      serve(read(locale), ui);
      const { title } = promptText(brk, oneMinute);
      expect(title).toContain('1');
      if (plural.test(title)) wrong.push(`${locale}: ${title}`);
    }
    expect(wrong).toEqual([]);
  });
});

// The popup's first frame and the Preact popup choose plural forms by the same language, also
// when the UI language shares only its base with the catalogue (Firefox with a pt-PT UI gets the
// pt_BR catalogue: its language negotiation matches another region).


type VNode = { type: unknown; props: Record<string, unknown> & { children?: unknown } };
/** The text of every element with class `cls` in a Preact element tree (components are not expanded). */
function vnodeTexts(node: unknown, cls: string): string[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n) => vnodeTexts(n, cls));
  const v = node as VNode;
  const text = (n: unknown): string => (n === null || n === undefined || typeof n === 'boolean' ? '' : typeof n === 'object' ? (Array.isArray(n) ? n.map(text).join('') : text((n as VNode).props.children)) : String(n));
  const here = typeof v.type === 'string' && typeof v.props.class === 'string' && v.props.class.split(' ').includes(cls) ? [text(v.props.children)] : [];
  return [...here, ...vnodeTexts(v.props.children, cls)];
}

describe('popup: the first frame and the Preact popup show the same words (entrypoints/popup/first-frame.ts: "the same elements with the same classes and text")', () => {
  const NOW = Date.UTC(2026, 2, 6, 9, 0); // Friday 6 March 2026, 9:00 UTC
  const tracker: TrackerView = { phase: 'working', activity: 'active', next: { kind: 'stretch', at: NOW + 20 * 60_000 }, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null };
  // The morning's popup: no break taken yet, no streak.
  const data: PopupData = {
    status: { now: NOW, tracker, today: { day: '2026-03-06', taken: 0, completed: 0, skipped: 0, streak: 0, longest: 4 }, historyError: false, waitingRecords: 0 },
    history: { today: '2026-03-06', ring: { taken: 0, due: 3, share: 0, met: false }, streak: { current: 0, longest: 4, graceLeft: 1 }, days: [], cheer: { key: 'cheerFirst', subs: [] } },
    validUntil: NOW + 20 * 60_000,
  };

  /** Runs the real early script (entrypoints/popup-early.ts) against a browser in `ui` serving catalogue `c`. */
  async function firstFrameLabels(c: Catalogue, ui: string): Promise<{ labels: string[]; lang: string }> {
    const g = globalThis as Record<string, unknown>;
    const saved = { browser: g.browser, chrome: g.chrome, document: g.document, early: g.__limberEarly };
    const app = new FakeElement('div');
    const doc = {
      documentElement: { lang: '' },
      title: '',
      createElement: (tag: string) => new FakeElement(tag),
      createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
      getElementById: (id: string) => (id === 'app' ? app : null),
      addEventListener: () => undefined,
    };
    g.document = doc;
    g.browser = {
      runtime: { sendMessage: () => Promise.resolve(null) },
      storage: { session: { get: () => Promise.resolve({ statusSnapshot: { data } }) } },
      i18n: { getMessage: (k: string, subs?: string[]) => (c[k] ? formatMessage(c[k], subs ?? []) : ''), getUILanguage: () => ui },
    };
    try {
      const { default: script } = await import('../entrypoints/popup-early');
      (script as unknown as { main: () => void }).main();
      await (g.__limberEarly as { snapshot: Promise<unknown> }).snapshot;
      return { labels: app.all('stat-label').map((e) => e.textContent), lang: doc.documentElement.lang };
    } finally {
      Object.assign(g, saved);
    }
  }

  it('Firefox in European Portuguese (pt-PT UI, pt_BR catalogue), 0 breaks and no streak yet: the same labels in both', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW + 1000);
    const c = read('pt_BR');
    const early = await firstFrameLabels(c, 'pt-PT');
    expect(early.labels).toHaveLength(2);

    serve(c, 'pt-PT');
    const preact = vnodeTexts(TodayPanel({ data }), 'stat-label');
    // Both mark the text pt-PT (CLDR pt-PT: 0 is "other": "0 pausas"); the first frame once took
    // pt-BR ("0 pausa"), so the labels changed as Preact took the frame over.
    expect({ lang: early.lang, breaks: pluralKey('breaksToday', 0, early.lang) }).toEqual({ lang: 'pt-PT', breaks: 'breaksToday_other' });
    expect(preact).toEqual(early.labels);
  });

  it('Chrome in Brazilian Portuguese (pt-BR UI): the same labels in both (passes: the languages agree)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW + 1000);
    const c = read('pt_BR');
    const early = await firstFrameLabels(c, 'pt-BR');
    serve(c, 'pt-BR');
    expect(vnodeTexts(TodayPanel({ data }), 'stat-label')).toEqual(early.labels);
  });
});

// Checked and found correct.

describe('checked', () => {
  it('history durations round to whole minutes and carry 60 min over to "1 h" (components/history-format.ts)', async () => {
    serve(read('en'), 'en-US');
    const { duration } = await import('../components/history-format');
    expect([59 * 60_000 + 31_000, 3_599_000, 60 * 60_000, 119 * 60_000 + 45_000, 89 * 60_000 + 59_000].map(duration)).toEqual(['1 h', '1 h', '1 h', '2 h', '1 h 30 min']);
  });

  it('Polish plural forms for 0, 1, 2, 5, 12, 21, 22 in the popup labels are the grammatical ones', async () => {
    const { tp } = await import('./i18n');
    serve(read('pl'), 'pl');
    expect([0, 1, 2, 5, 12, 21, 22].map((n) => tp('breaksToday', n, []))).toEqual(['przerw dzisiaj', 'przerwa dzisiaj', 'przerwy dzisiaj', 'przerw dzisiaj', 'przerw dzisiaj', 'przerw dzisiaj', 'przerwy dzisiaj']);
    expect([1, 2, 5, 22].map((n) => tp('cheerTodayCounts', n))).toEqual(['Dzisiejszy dzień zaliczony: 1 dzień z rzędu.', 'Dzisiejszy dzień zaliczony: 2 dni z rzędu.', 'Dzisiejszy dzień zaliczony: 5 dni z rzędu.', 'Dzisiejszy dzień zaliczony: 22 dni z rzędu.']);
  });

  it('French: 0 and 1 take the singular, 2 the plural', async () => {
    const { tp } = await import('./i18n');
    serve(read('fr'), 'fr-FR');
    expect([0, 1, 2].map((n) => tp('streakDays', n, []))).toEqual(['jour d’affilée', 'jour d’affilée', 'jours d’affilée']);
  });

  it('Spanish time phrases across the spring-forward night in Madrid (29 March 2026): "la 1:15" before, "las 3:15" after', async () => {
    const { timePhrase } = await import('./time-phrase');
    const es = read('es');
    const msg = (k: string, subs: string[]) => formatMessage(es[k]!, subs);
    const o = { locale: 'es-ES', timeZone: 'Europe/Madrid' };
    expect(timePhrase(msg, 'es', 'until', Date.UTC(2026, 2, 29, 0, 15), o)).toBe('hasta la 1:15');
    expect(timePhrase(msg, 'es', 'until', Date.UTC(2026, 2, 29, 1, 15), o)).toBe('hasta las 3:15');
    // Fall back (25 October 2026): 1:15 CEST is still "la 1:15".
    expect(timePhrase(msg, 'es', 'at', Date.UTC(2026, 9, 24, 23, 15), o)).toBe('a la 1:15');
  });
});
