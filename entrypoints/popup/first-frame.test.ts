/**
 * The popup's first frame (first-frame.ts) writes its times as the phrases of the page's
 * language (lib/time-phrase.ts): Spanish, Italian and Brazilian Portuguese at one o'clock,
 * checked against the words those languages use there. The frame is plain DOM calls; a small
 * stand-in document records them (the unit tests run without a DOM). Times are written in the
 * test's own locale and zone (vitest.config.ts: TZ=UTC), as the popup writes them in the browser's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeElement } from '../../tests/support/fake-element';
import { formatMessage, type Catalogue } from '../../lib/i18n-fallback';
import { timeOfDay, timeOfDayOrDate } from '../../lib/format';
import type { PopupData } from '../../lib/protocol/messages';
import type { TrackerView } from '../../lib/tracker/view';
import { firstFrame, type Msg } from './first-frame';

const read = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;


const saved = (globalThis as { document?: unknown }).document;
let lang = 'en';
beforeEach(() => {
  (globalThis as { document?: unknown }).document = {
    createElement: (tag: string) => new FakeElement(tag),
    createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
    documentElement: { get lang() { return lang; } },
  };
});
afterEach(() => {
  (globalThis as { document?: unknown }).document = saved;
});

const MIN = 60_000;
const NOW = Date.UTC(2026, 2, 6, 0, 50); // Friday 6 March 2026, 0:50 UTC
const ONE_FIFTEEN = Date.UTC(2026, 2, 6, 1, 15);

function frame(loc: string, tracker: Partial<TrackerView>): { why: string; natural: string } {
  const c = read(loc);
  lang = c.textLang!.message;
  const msg: Msg = (key, subs) => (c[key] ? formatMessage(c[key], subs?.map(String)) : '');
  const view: TrackerView = { phase: 'working', activity: 'active', next: null, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null, ...tracker };
  const data: PopupData = { status: { now: NOW, tracker: view, today: null, historyError: true, waitingRecords: 0 }, history: null, validUntil: NOW + 60 * MIN };
  const root = firstFrame(data, NOW, msg) as unknown as FakeElement;
  const section = root.find('next-break')!;
  // The natural-break line, when there is one, closes the section.
  return { why: root.find('next-why')!.textContent, natural: (section.children.at(-1) as FakeElement).textContent };
}

describe('first frame: the time phrases of the page language', () => {
  it('es: snoozed until 1:15 is "hasta la", the next break at 1:15 "a la", a natural break at 0:15 "a las"', () => {
    expect(frame('es', { phase: 'snoozed', next: { kind: 'stretch', at: ONE_FIFTEEN } }).why).toBe(`Pospuesto hasta la ${timeOfDay(ONE_FIFTEEN)}`);
    const next = frame('es', { next: { kind: 'micro', at: ONE_FIFTEEN }, lastNaturalAt: NOW - 35 * MIN });
    expect(next.why).toBe(`${read('es').kindMicro!.message} a la ${timeOfDay(ONE_FIFTEEN)} (el tiempo en el escritorio solo cuenta mientras usas el ordenador)`);
    // 0:15 is "12:15 a. m." on a 12-hour clock: "las" either way.
    expect(next.natural).toBe(`Descanso natural contado a las ${timeOfDay(NOW - 35 * MIN)}`);
  });

  it('es: paused until Monday names the day with "el"', () => {
    const monday = ONE_FIFTEEN + 3 * 24 * 60 * MIN;
    expect(frame('es', { paused: { until: monday } }).why).toBe(`En pausa hasta el ${timeOfDayOrDate(monday, NOW)}`);
  });

  it('it: held until 1:15 is "al più tardi all’", off hours until 1:15 "fino all’"', () => {
    expect(frame('it', { held: { reason: 'call', until: ONE_FIFTEEN } }).why).toBe(`In attesa: sei in una chiamata — al più tardi all’${timeOfDay(ONE_FIFTEEN)}`);
    expect(frame('it', { offHours: { until: ONE_FIFTEEN } }).why).toBe(`Fuori dall’orario di lavoro fino all’${timeOfDay(ONE_FIFTEEN)}`);
  });

  it('pt_BR: the next break at 1:15 is "à", held until 1:15 "no máximo à"', () => {
    expect(frame('pt_BR', { next: { kind: 'stretch', at: ONE_FIFTEEN } }).why).toMatch(new RegExp(` à ${timeOfDay(ONE_FIFTEEN)} \\(`));
    expect(frame('pt_BR', { held: { reason: 'fullscreen', until: ONE_FIFTEEN } }).why).toBe(`Aguardando: há uma janela em tela cheia — no máximo à ${timeOfDay(ONE_FIFTEEN)}`);
  });
});

describe('first frame: numbers', () => {
  it('writes the best streak as the locale writes numbers, as the popup then does (README: "Numbers go through Intl.NumberFormat ..., never by hand")', () => {
    const en = read('en');
    lang = 'en';
    const msg: Msg = (key, subs) => (en[key] ? formatMessage(en[key], subs?.map(String)) : '');
    const tracker: TrackerView = { phase: 'working', activity: 'active', next: { kind: 'stretch', at: NOW + 20 * MIN }, open: null, deskMs: 0, todayDeskMs: 0, lastNaturalAt: null, paused: null, offHours: null, held: null, hoursEnd: null };
    const data: PopupData = {
      status: { now: NOW, tracker, today: { day: '2026-03-06', taken: 2, completed: 2, skipped: 0, streak: 3, longest: 1500 }, historyError: false, waitingRecords: 0 },
      history: { today: '2026-03-06', ring: { taken: 2, due: 3, share: 2 / 3, met: true }, streak: { current: 3, longest: 1500, graceLeft: 1 }, days: [], cheer: { key: 'cheerTodayStarts', subs: [] } },
      validUntil: NOW + 20 * MIN,
    };
    const root = firstFrame(data, NOW, msg) as unknown as FakeElement;
    // What the popup's TodayPanel writes there: t('streakBest', 1500), which formats the number (lib/i18n.ts t()).
    const formatted = new Intl.NumberFormat().format(1500);
    expect(formatted).not.toBe('1500'); // this machine's locale groups thousands (en-US: "1,500")
    expect(root.find('longest')!.textContent).toBe(formatMessage(en.streakBest!, [formatted]));
  });
});
