/**
 * Time phrases (lib/time-phrase.ts, tTime in lib/i18n-time.ts) against the grammar of each language,
 * written out here by hand, not against the code's own output: the catalogues on disk, fixed
 * instants and explicit time zones. Spanish, Brazilian Portuguese and Italian change the words
 * in front of a time at one o'clock (and Portuguese at zero hour); English must read exactly as
 * it did before the phrases existed (its former messages are kept below as the reference).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { formatMessage, type Catalogue } from './i18n-fallback';
import { t, type MessageKey } from './i18n';
import { tTime } from './i18n-time';
import { timeOfDay, timeOfDayOrDate } from './format';
import { endPhrase, hourClass, shownHour, SINGULAR_HOURS, timePhrase, type TimePhrase } from './time-phrase';

const LOCALES = path.join(process.cwd(), 'public', '_locales');
const read = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;
const locales = readdirSync(LOCALES).filter((d) => existsSync(path.join(LOCALES, d, 'messages.json')));
const lookup = (c: Catalogue) => (key: MessageKey, subs: string[]) => formatMessage(c[key]!, subs);
/** Intl's narrow and no-break spaces ("1:15 p.m." in es-MX) as plain spaces, to compare with text typed here. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const MIN = 60_000;
// Winter instants (no daylight saving anywhere below): Madrid and Rome UTC+1, São Paulo UTC-3,
// Mexico City UTC-6. Monday 2 March 2026.
const MADRID = { timeZone: 'Europe/Madrid', at: { '01:15': Date.UTC(2026, 2, 2, 0, 15), '13:15': Date.UTC(2026, 2, 2, 12, 15), '00:15': Date.UTC(2026, 2, 1, 23, 15) } };
const ROME = { timeZone: 'Europe/Rome', at: MADRID.at };
const SAO_PAULO = { timeZone: 'America/Sao_Paulo', at: { '01:15': Date.UTC(2026, 2, 2, 4, 15), '13:15': Date.UTC(2026, 2, 2, 16, 15), '00:15': Date.UTC(2026, 2, 2, 3, 15) } };
const MEXICO = { timeZone: 'America/Mexico_City', at: { '13:15': Date.UTC(2026, 2, 2, 19, 15), '01:15': Date.UTC(2026, 2, 2, 7, 15) } };

type Expect = Record<TimePhrase, string>;
function phrases(loc: string, locale: string, timeZone: string, at: number): Expect {
  const msg = lookup(read(loc));
  const one = (p: TimePhrase) => plain(timePhrase(msg, loc, p, at, { locale, timeZone }));
  return { at: one('at'), until: one('until'), latest: one('latest'), around: one('around') };
}

describe('Spanish: "la 1", "las" every other hour', () => {
  it('24-hour (es-ES): a la 1:15, a las 13:15, a las 0:15', () => {
    const es = (w: keyof typeof MADRID.at) => phrases('es', 'es-ES', MADRID.timeZone, MADRID.at[w]);
    expect(es('01:15')).toEqual({ at: 'a la 1:15', until: 'hasta la 1:15', latest: 'como muy tarde a la 1:15', around: 'hacia la 1:15' });
    expect(es('13:15')).toEqual({ at: 'a las 13:15', until: 'hasta las 13:15', latest: 'como muy tarde a las 13:15', around: 'hacia las 13:15' });
    expect(es('00:15')).toEqual({ at: 'a las 0:15', until: 'hasta las 0:15', latest: 'como muy tarde a las 0:15', around: 'hacia las 0:15' });
  });

  it('12-hour (es-MX): 13:15 is "a la 1:15 p.m.", 1:15 at night "a la 1:15 a.m." (the hour the clock shows decides)', () => {
    const mx = (w: keyof typeof MEXICO.at) => phrases('es', 'es-MX', MEXICO.timeZone, MEXICO.at[w]);
    expect(mx('13:15')).toEqual({ at: 'a la 1:15 p.m.', until: 'hasta la 1:15 p.m.', latest: 'como muy tarde a la 1:15 p.m.', around: 'hacia la 1:15 p.m.' });
    expect(mx('01:15').at).toBe('a la 1:15 a.m.');
    expect(plain(timePhrase(lookup(read('es')), 'es', 'at', MEXICO.at['13:15'] + MIN * 60, { locale: 'es-MX', timeZone: MEXICO.timeZone }))).toBe('a las 2:15 p.m.');
  });
});

describe('Brazilian Portuguese: "à" for uma hora and zero hora, "às" every other hour', () => {
  it('à 1:15, às 13:15, à 0:15; até a / até as; por volta da / das', () => {
    const pt = (w: keyof typeof SAO_PAULO.at) => phrases('pt_BR', 'pt-BR', SAO_PAULO.timeZone, SAO_PAULO.at[w]);
    expect(pt('01:15')).toEqual({ at: 'à 1:15', until: 'até a 1:15', latest: 'no máximo à 1:15', around: 'por volta da 1:15' });
    expect(pt('13:15')).toEqual({ at: 'às 13:15', until: 'até as 13:15', latest: 'no máximo às 13:15', around: 'por volta das 13:15' });
    expect(pt('00:15')).toEqual({ at: 'à 0:15', until: 'até a 0:15', latest: 'no máximo à 0:15', around: 'por volta da 0:15' });
  });

  it('a 12-hour clock, were it asked for (pt-BR-u-hc-h12): 13:15 is "à 1:15 PM"', () => {
    expect(phrases('pt_BR', 'pt-BR-u-hc-h12', SAO_PAULO.timeZone, SAO_PAULO.at['13:15']).at).toMatch(/^à 1:15 /);
  });
});

describe("Italian: \"all'1\" (l'una), \"alle\" every other hour", () => {
  it("all’1:15, alle 13:15, alle 0:15; fino all’ / fino alle; al più tardi all’ / alle", () => {
    const it_ = (w: keyof typeof ROME.at) => phrases('it', 'it-IT', ROME.timeZone, ROME.at[w]);
    expect(it_('01:15')).toEqual({ at: 'all’1:15', until: 'fino all’1:15', latest: 'al più tardi all’1:15', around: '1:15 circa' });
    expect(it_('13:15')).toEqual({ at: 'alle 13:15', until: 'fino alle 13:15', latest: 'al più tardi alle 13:15', around: '13:15 circa' });
    expect(it_('00:15')).toEqual({ at: 'alle 0:15', until: 'fino alle 0:15', latest: 'al più tardi alle 0:15', around: '0:15 circa' });
    // Eight and eleven begin with a vowel but take "alle" (alle otto, alle undici): only l'una elides.
    expect(phrases('it', 'it-IT', ROME.timeZone, ROME.at['01:15'] + 7 * 60 * MIN).at).toBe('alle 8:15');
    expect(phrases('it', 'it-IT', ROME.timeZone, ROME.at['01:15'] + 10 * 60 * MIN).at).toBe('alle 11:15');
  });

  it('a 12-hour clock, were it asked for (it-IT-u-hc-h12): 13:15 is "all’1:15 PM"', () => {
    expect(phrases('it', 'it-IT-u-hc-h12', ROME.timeZone, ROME.at['13:15']).at).toMatch(/^all’1:15 /);
  });
});

describe('another day: the weekday first, the time after it without an article', () => {
  const friday = Date.UTC(2026, 2, 6, 16, 0); // Friday 6 March, 17:00 in Madrid and Rome
  const monday1 = Date.UTC(2026, 2, 9, 0, 15); // Monday 9 March, 1:15 in Madrid and Rome
  it('es: hasta el lun, 1:15; hacia el lun, 1:15', () => {
    const msg = lookup(read('es'));
    const o = { locale: 'es-ES', timeZone: MADRID.timeZone, now: friday };
    expect(plain(timePhrase(msg, 'es', 'until', monday1, o))).toBe('hasta el lun, 1:15');
    expect(plain(timePhrase(msg, 'es', 'around', monday1, o))).toBe('hacia el lun, 1:15');
  });
  it('it: fino a lun 01:15; pt_BR: até seg., 01:15 (Intl writes the weekday with a two-digit hour)', () => {
    expect(plain(timePhrase(lookup(read('it')), 'it', 'until', monday1, { locale: 'it-IT', timeZone: ROME.timeZone, now: friday }))).toBe('fino a lun 01:15');
    expect(plain(timePhrase(lookup(read('pt_BR')), 'pt_BR', 'until', monday1 + 4 * 60 * MIN, { locale: 'pt-BR', timeZone: SAO_PAULO.timeZone, now: friday }))).toBe('até seg., 01:15');
  });
  it('the same day (now given) keeps the hour phrase: es "hasta la 1:15"', () => {
    const o = { locale: 'es-ES', timeZone: MADRID.timeZone, now: MADRID.at['01:15'] - 5 * MIN };
    expect(plain(timePhrase(lookup(read('es')), 'es', 'until', MADRID.at['01:15'], o))).toBe('hasta la 1:15');
  });
});

describe('English reads exactly as before the phrases (its former messages, filled as they were)', () => {
  const en = read('en');
  const msg = lookup(en);
  // [key, phrase, former English message, whether the popup named another day by its weekday (timeOfDayOrDate)]
  const FORMER: Array<[MessageKey, TimePhrase, string, boolean]> = [
    ['whyNaturalCredited', 'at', 'Natural break credited at $1', false],
    ['whySnoozed', 'until', 'Snoozed until $1', false],
    ['whyPaused', 'until', 'Paused until $1', true],
    ['whyOffHours', 'until', 'Outside working hours until $1', true],
    ['whyHeldFullscreen', 'latest', 'Waiting: a window is fullscreen — at the latest $1', false],
    ['whyHeldSound', 'latest', 'Waiting: the tab you are on is playing sound — at the latest $1', false],
    ['whyHeldCall', 'latest', 'Waiting: you are in a call — at the latest $1', false],
    ['whyHeldSettle', 'latest', 'Break in a moment, once you have wrapped up — at the latest $1', false],
    ['whyHeldPause', 'latest', 'Break at your next pause in typing or tab switch — at the latest $1', false],
    ['welcomeFirstAt', 'around', 'Your first reminder: around $1. Desk time counts only while you are active, so it may come later.', true],
  ];
  const fill = (m: string, subs: string[]) => formatMessage({ message: m }, subs);
  // Every hour of a day and of a day three days on, in English locales and in ones Limber has no
  // catalogue for (their pages are in English).
  const now = Date.UTC(2026, 2, 2, 12, 0);
  const today = Array.from({ length: 24 }, (_, h) => Date.UTC(2026, 2, 2, h, 15));
  const instants = [...today, ...today.map((x) => x + 3 * 24 * 60 * MIN)];
  it.each(['en-US', 'en-GB', 'en-IN', 'sv-SE', 'ko-KR'])('%s: every hour, today and on another day', (locale) => {
    for (const timeZone of ['UTC', 'America/New_York']) {
      for (const at of instants) {
        const clock = timeOfDay(at, locale, timeZone);
        for (const [key, phrase, former, withDay] of FORMER) {
          const was = fill(former, [withDay ? timeOfDayOrDate(at, now, locale, timeZone) : clock]);
          const options = withDay ? { locale, timeZone, now } : { locale, timeZone };
          expect(formatMessage(en[key]!, [timePhrase(msg, 'en', phrase as 'until', at, options)])).toBe(was);
        }
        const was = fill('$1 at $2 (desk time counts only while you are active)', ['Stretch break', clock]);
        expect(formatMessage(en.whyNext!, ['Stretch break', timePhrase(msg, 'en', 'at', at, { locale, timeZone })])).toBe(was);
      }
    }
  });
});

describe('the catalogues carry the phrases whole', () => {
  const pairs = (c: Catalogue) => [...new Set(Object.keys(c).flatMap((k) => /^(time[A-Z]\w*)_(singular|plural)$/.exec(k)?.[1] ?? []))];
  it('English has the four phrases the code uses, each a pair, and the two day phrases', () => {
    const en = read('en');
    expect(pairs(en).sort()).toEqual(['timeAround', 'timeAt', 'timeLatest', 'timeUntil']);
    expect('timeUntilDay' in en && 'timeAroundDay' in en).toBe(true);
  });
  it.each(locales)('%s: a language with no singular hour repeats its plural text; one with them says it differently', (locale) => {
    const c = read(locale);
    const base = (c.textLang?.message ?? locale).toLowerCase().split(/[-_]/)[0]!;
    for (const p of pairs(read('en'))) {
      const [one, other] = [c[`${p}_singular`]?.message, c[`${p}_plural`]?.message];
      expect(one && other, `${locale} ${p}`).toBeTruthy();
      // Italian "… circa" follows the time, so around needs no article before it.
      if (!(base in SINGULAR_HOURS)) expect(one, `${locale} ${p}_singular`).toBe(other);
      else if (!(base === 'it' && p === 'timeAround')) expect(one, `${locale} ${p}_singular`).not.toBe(other);
    }
  });
});

describe('shownHour and hourClass', () => {
  it('read the hour as the clock shows it, in Latin digits', () => {
    expect(shownHour(Date.UTC(2026, 2, 2, 13, 15), 'en-US', 'UTC')).toBe(1);
    expect(shownHour(Date.UTC(2026, 2, 2, 13, 15), 'en-GB', 'UTC')).toBe(13);
    expect(shownHour(Date.UTC(2026, 2, 2, 0, 15), 'en-US', 'UTC')).toBe(12);
    expect(shownHour(Date.UTC(2026, 2, 2, 13, 15), 'ar-EG', 'UTC')).toBe(1); // shown as ١:١٥ م
  });
  it('take the language from a catalogue code or a BCP 47 tag; languages without the rule are plural', () => {
    expect([hourClass('pt_BR', 0), hourClass('pt-BR', 1), hourClass('es-MX', 1), hourClass('it', 1)]).toEqual(['singular', 'singular', 'singular', 'singular']);
    expect([hourClass('es', 0), hourClass('it', 0), hourClass('fr', 1), hourClass('en', 1), hourClass('', 1)]).toEqual(['plural', 'plural', 'plural', 'plural', 'plural']);
  });
});

describe('tTime and t: whole sentences in the page language', () => {
  afterEach(() => vi.restoreAllMocks());
  function serve(locale: string, ui: string) {
    const c = read(locale);
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(ui);
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string[]) => (c[k] ? formatMessage(c[k], subs) : '')) as typeof browser.i18n.getMessage);
  }
  // tTime writes the time in the page's own locale and zone: here the test's (vitest.config.ts: TZ=UTC).
  const oneFifteen = Date.UTC(2026, 2, 2, 1, 15);
  const oneFifteenPm = Date.UTC(2026, 2, 2, 13, 15);
  const h = (at: number) => timeOfDay(at);

  it('es: "Pospuesto hasta la 1:15", the stretch break at 13:15 as the clock shows it, paused until another day', () => {
    serve('es', 'es-ES');
    expect(t('whySnoozed', tTime('until', oneFifteen))).toBe(`Pospuesto hasta la ${h(oneFifteen)}`);
    // 13:15 is "1:15 p. m." on a 12-hour clock: the article follows the hour shown.
    const article = /^1\D/.test(h(oneFifteenPm)) ? 'la' : 'las';
    expect(t('whyNext', [t('kindStretch'), tTime('at', oneFifteenPm)])).toBe(`${t('kindStretch')} a ${article} ${h(oneFifteenPm)} (el tiempo en el escritorio solo cuenta mientras usas el ordenador)`);
    expect(t('whyPaused', tTime('until', oneFifteen, { now: oneFifteen - 3 * 24 * 60 * MIN }))).toBe(`En pausa hasta el ${timeOfDayOrDate(oneFifteen, 0)}`);
  });

  it('pt_BR and it: the held break at one o\'clock', () => {
    serve('pt_BR', 'pt-BR');
    expect(t('whyHeldCall', tTime('latest', oneFifteen))).toBe(`Aguardando: você está em uma chamada — no máximo à ${h(oneFifteen)}`);
    serve('it', 'it-IT');
    expect(t('whyOffHours', tTime('until', oneFifteen))).toBe(`Fuori dall’orario di lavoro fino all’${h(oneFifteen)}`);
  });
});

describe('the end of the working hours (endPhrase): midnight is 24:00 on a 24-hour clock, as the options page writes the hours', () => {
  const end = (loc: string, locale: string, timeZone: string, phrase: 'at' | 'until', at: number) => plain(endPhrase(lookup(read(loc)), loc, phrase, at, { locale, timeZone }));
  it('Berlin, Madrid, London, Tokyo, São Paulo: "um 24:00", "a las 24:00", "at 24:00", "24:00に", "às 24:00" (hour 24\'s words, not zero hour\'s "à")', () => {
    const berlin = Date.UTC(2026, 2, 2, 23); // Tuesday 3 March 2026, 00:00 in Berlin and Madrid (UTC+1)
    expect(end('de', 'de-DE', 'Europe/Berlin', 'at', berlin)).toBe('um 24:00');
    expect(end('de', 'de-DE', 'Europe/Berlin', 'until', berlin)).toBe('bis 24:00');
    expect(end('es', 'es-ES', 'Europe/Madrid', 'at', berlin)).toBe('a las 24:00');
    expect(end('en', 'en-GB', 'Europe/London', 'at', Date.UTC(2026, 2, 3))).toBe('at 24:00');
    expect(end('ja', 'ja-JP', 'Asia/Tokyo', 'until', Date.UTC(2026, 2, 2, 15))).toBe('24:00まで');
    const saoPaulo = Date.UTC(2026, 2, 3, 3); // 00:00 in São Paulo (UTC-3)
    expect(end('pt_BR', 'pt-BR', 'America/Sao_Paulo', 'at', saoPaulo)).toBe('às 24:00');
    expect(end('pt_BR', 'pt-BR', 'America/Sao_Paulo', 'until', saoPaulo)).toBe('até as 24:00');
    expect(plain(timePhrase(lookup(read('pt_BR')), 'pt_BR', 'at', saoPaulo, { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }))).toBe('à 0:00'); // a start at midnight stays zero hour
  });
  it('a 12-hour clock keeps 12:00 AM; any other end, or midnight in another zone, as timePhrase writes it', () => {
    expect(end('en', 'en-US', 'America/New_York', 'at', Date.UTC(2026, 2, 3, 5))).toBe('at 12:00 AM');
    expect(end('es', 'es-MX', 'America/Mexico_City', 'until', Date.UTC(2026, 2, 3, 6))).toBe('hasta las 12:00 a.m.');
    const berlinHalfPastFive = Date.UTC(2026, 2, 2, 16, 30);
    expect(end('de', 'de-DE', 'Europe/Berlin', 'at', berlinHalfPastFive)).toBe('um 17:30');
    expect(end('es', 'es-ES', 'Europe/Madrid', 'until', Date.UTC(2026, 2, 2, 0, 15))).toBe('hasta la 1:15');
    expect(end('en', 'en-GB', 'UTC', 'at', Date.UTC(2026, 2, 2, 23))).toBe('at 23:00');
  });
});
