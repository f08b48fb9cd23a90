/**
 * No English left in a non-English catalogue: every message of every locale folder on disk
 * (public/_locales/<loc>/messages.json, read on each run, so a catalogue is checked as it lands)
 * must differ from the English one, unless it is on one of the short lists below, each entry with
 * its reason, or holds no words at all ("$1 – $2", "($1)").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; description?: string }>;
const LOCALES = path.join(process.cwd(), 'public', '_locales');
const read = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;

/** May read as in English in every language: names, codes and unit symbols. */
const SAME_EVERYWHERE: Record<string, string> = {
  appName: 'the product name',
  durSec: 'unit symbol: "$1 s" (SI)',
  unitMin: 'unit symbol: "min", international (the minute fields\' unit, which must not change with the number)',
  unitSec: 'unit symbol: "s" (SI), the seconds fields\' unit beside "min" (lib/unit-labels.test.ts)',
  durMin: 'unit symbol: "$1 min", international',
  durMinSec: 'unit symbols: "$1 min $2 s"',
  durH: 'unit symbol: "$1 h" (SI)',
  durHMin: 'unit symbols: "$1 h $2 min"',
  badgeAtLeast: 'the toolbar badge\'s "$1m+": 4 characters at most, "m" where the word for minutes does not fit',
  badgeAtMost: 'the toolbar badge\'s "≤$1m": 4 characters at most, "m" where the word for minutes does not fit',
  callSiteHostPlaceholder: 'an example host name in a text field (example.org is reserved for examples)',
};

/** Words a language shares with English, one by one. */
const SAME_IN: Record<string, Record<string, string>> = {
  de: { ownNameLabel: '"Name" is the German word too' },
  fr: {
    actionPause: '"Pause" is the French word too',
    actionOptions: '"Options" is the French word too',
    playerSourcesTitle: '"Sources" is the French word too',
    routinesTitle: '"Routines" is the French word too',
    unitMinPlain: '"minutes" is the French word too',
    colRoutine: '"Routine" is the French word too',
    ownPositionLabel: '"Position" is the French word too',
    volumeLabel: '"Volume" is the French word too',
  },
  it: { colRoutine: '"routine" is the Italian word (the glossary\'s term)', volumeLabel: '"Volume" is the Italian word too' },
  nl: { actionStart: '"Start" is the Dutch word too', routinesTitle: '"Routines" is the Dutch word too', volumeLabel: '"Volume" is the Dutch word too' },
  pt_BR: { volumeLabel: '"Volume" is the Portuguese word too' },
};

/** Keys whose message in `locale` is still the English one, not allowed by the lists above. */
function englishLeft(en: Catalogue, other: Catalogue, locale: string): string[] {
  return Object.keys(en).filter((key) => {
    const msg = other[key]?.message;
    if (msg !== en[key]!.message) return false;
    if (key in SAME_EVERYWHERE || key in (SAME_IN[locale] ?? {})) return false;
    return /\p{L}/u.test(msg.replace(/\$[1-9$]/g, '')); // words left: English
  });
}

const en = read('en');
const translations = readdirSync(LOCALES).filter((d) => existsSync(path.join(LOCALES, d, 'messages.json')) && !/^en($|_)/.test(d));

describe('the check itself', () => {
  const base: Catalogue = { appName: { message: 'Limber' }, a: { message: 'Take a break' }, b: { message: '$1 – $2' }, ownNameLabel: { message: 'Name' } };
  it('flags a message left in English, and nothing else', () => {
    expect(englishLeft(base, { ...base, ownNameLabel: { message: 'Nom' } }, 'fr')).toEqual(['a']);
    expect(englishLeft(base, { ...base, a: { message: 'Fais une pause' }, ownNameLabel: { message: 'Nom' } }, 'fr')).toEqual([]);
  });
  it('allows a shared word only in the language that shares it', () => {
    const fr = { ...base, a: { message: 'Fais une pause' } };
    expect(englishLeft(base, fr, 'fr')).toEqual(['ownNameLabel']);
    expect(englishLeft(base, fr, 'de')).toEqual([]);
  });
  it('keeps its lists short and every entry a key English has', () => {
    const entries = [...Object.keys(SAME_EVERYWHERE), ...Object.values(SAME_IN).flatMap((l) => Object.keys(l))];
    expect(entries.filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(SAME_EVERYWHERE).length).toBeLessThanOrEqual(11);
  });
});

describe('no English left', () => {
  it('there is a translation to check', () => {
    expect(translations.length).toBeGreaterThan(0);
  });

  it.each(translations)('%s: no message is still the English one', (locale) => {
    expect(englishLeft(en, read(locale), locale)).toEqual([]);
  });
});
