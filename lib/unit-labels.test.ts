/**
 * The unit beside each number field in Options (entrypoints/options/App.tsx and
 * components/BehaviourPrefs.tsx: `field('<id>', t('<label>'), t('<unit>') ...)`) is one fixed
 * message, whatever number is in the field. So it must read right after every number the field
 * accepts, in every catalogue: no "1 minutes", "1 Minuten", "1 veces", "1 razy" or "2 minut".
 *
 * For each field, at its min, 1 (when accepted), 2 and 5 (when accepted), its max and, where
 * decimals are accepted, 1.5: the plural category Intl.PluralRules gives the number in the
 * catalogue's language, against the word the number counts (the unit's first word). A table per
 * language (FORMS, written out) says which categories each inflected unit word belongs after;
 * words not in it (abbreviations: min, Min., h, Std., s, Sek.; invariant words: Mal, fois, keer, uur;
 * words that do not count, "per", "pro") are free.
 *
 * And the units of durations are written alike across the page: short, as "min" and "h" are
 * ("20 s", "20 min of desk time"), never a spelled-out word beside an abbreviation ("20 seconds"
 * two fields above "5 min"). Short units are the same after any number, so they stay right.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, type FieldId } from './settings-fields';

type Catalogue = Record<string, { message: string; description?: string }>;
const LOCALES_DIR = path.join(process.cwd(), 'public', '_locales');
const LOCALES = readdirSync(LOCALES_DIR).filter((d) => existsSync(path.join(LOCALES_DIR, d, 'messages.json')));
const read = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;

type Cat = Intl.LDMLPluralRule;
const ONE: Cat[] = ['one'];
const NOT_ONE: Cat[] = ['other', 'many'];

/** Per language: an inflected word a count may come before, and the plural categories it takes. */
const FORMS: Record<string, Record<string, Cat[]>> = {
  en: {
    minute: ONE, second: ONE, hour: ONE, time: ONE, snooze: ONE,
    minutes: NOT_ONE, seconds: NOT_ONE, hours: NOT_ONE, times: NOT_ONE, snoozes: NOT_ONE,
  },
  de: { minute: ONE, sekunde: ONE, stunde: ONE, minuten: NOT_ONE, sekunden: NOT_ONE, stunden: NOT_ONE },
  es: {
    minuto: ONE, segundo: ONE, hora: ONE, vez: ONE,
    minutos: NOT_ONE, segundos: NOT_ONE, horas: NOT_ONE, veces: NOT_ONE,
  },
  // French: 0 and 1 (and 1,5) take the singular ("0 minute", "1,5 heure").
  fr: { minute: ONE, seconde: ONE, heure: ONE, minutes: NOT_ONE, secondes: NOT_ONE, heures: NOT_ONE },
  it: {
    minuto: ONE, secondo: ONE, ora: ONE, volta: ONE,
    minuti: NOT_ONE, secondi: NOT_ONE, ore: NOT_ONE, volte: NOT_ONE,
  },
  ja: {},
  nl: { minuut: ONE, seconde: ONE, minuten: NOT_ONE, seconden: NOT_ONE },
  // Polish: 1 minuta, 2-4 minuty, 0 and 5+ minut, 1,5 minuty; 1 raz, 0/2/5 razy.
  pl: {
    minuta: ONE, sekunda: ONE, godzina: ONE, raz: ONE,
    minuty: ['few', 'other'], sekundy: ['few', 'other'], godziny: ['few', 'other'],
    minut: ['many'], sekund: ['many'], godzin: ['many'],
    razy: ['few', 'many', 'other'],
  },
  pt_BR: {
    minuto: ONE, segundo: ONE, hora: ONE, vez: ONE,
    minutos: NOT_ONE, segundos: NOT_ONE, horas: NOT_ONE, vezes: NOT_ONE,
  },
};

/** What is wrong with `<n> <unit>` in `lang`, or null. */
export function unitProblem(lang: string, n: number, unit: string): string | null {
  const word = unit.trim().split(/[\s(]+/)[0]!.toLowerCase();
  const takes = FORMS[lang]?.[word];
  if (!takes) return null;
  const cat = new Intl.PluralRules(lang.replace('_', '-')).select(n);
  return takes.includes(cat) ? null : `"${n} ${unit}" (${n} is "${cat}", "${word}" takes ${takes.join('/')})`;
}

/** The number fields as the Options page draws them: id, label key, unit key. */
function fieldsOnPage(): Array<{ id: FieldId; label: string; unit: string }> {
  const files = ['entrypoints/options/App.tsx', 'components/BehaviourPrefs.tsx'];
  const out: Array<{ id: FieldId; label: string; unit: string }> = [];
  for (const f of files) {
    const src = readFileSync(path.join(process.cwd(), f), 'utf8');
    for (const m of src.matchAll(/field\('([\w.]+)', t\('(\w+)'\), t\('(\w+)'\)/g)) out.push({ id: m[1] as FieldId, label: m[2]!, unit: m[3]! });
  }
  return out;
}

/** The numbers to try in a field: its ends, and 1, 2, 5 (and 1.5 if decimals are taken) within them. */
function samples(id: FieldId): number[] {
  const { min, max, integer } = FIELDS[id];
  const inside = [1, 2, 5, ...(integer ? [] : [1.5])].filter((n) => n >= min && n <= max);
  return [...new Set([min, ...inside, max])];
}

describe('the check itself', () => {
  it('catches a plural after 1, a singular after 2, the Polish 2-4 and 5+ forms, the French 0', () => {
    expect(unitProblem('en', 1, 'minutes')).not.toBeNull();
    expect(unitProblem('en', 2, 'minute')).not.toBeNull();
    expect(unitProblem('en', 0, 'minutes')).toBeNull();
    expect(unitProblem('fr', 0, 'minutes')).not.toBeNull();
    expect(unitProblem('pl', 1, 'razy')).not.toBeNull();
    expect(unitProblem('pl', 3, 'minut')).not.toBeNull();
    expect(unitProblem('pl', 5, 'minuty')).not.toBeNull();
    expect(unitProblem('pl', 5, 'minut')).toBeNull();
    expect(unitProblem('de', 1.5, 'Stunden')).toBeNull();
    expect(unitProblem('es', 1, 'veces por descanso')).not.toBeNull();
  });
  it('leaves abbreviations and invariant words alone', () => {
    for (const [lang, unit] of [['en', 'min'], ['de', 'Min.'], ['de', 'Mal'], ['fr', 'fois'], ['nl', 'keer'], ['pl', 'godz.'], ['ja', '分']]) {
      expect(unitProblem(lang!, 1, unit!)).toBeNull();
    }
  });
  it('finds every number field on the page, each with a label and a unit every catalogue has', () => {
    const found = fieldsOnPage();
    expect(found.map((f) => f.id).sort()).toEqual(Object.keys(FIELDS).sort());
    for (const locale of LOCALES) {
      const cat = read(locale);
      for (const f of found) {
        expect(cat[f.label]?.message, `${locale} ${f.label}`).toBeTruthy();
        expect(cat[f.unit]?.message, `${locale} ${f.unit}`).toBeTruthy();
      }
    }
  });
  it('has a table for every catalogue', () => {
    expect(LOCALES.filter((l) => !(l in FORMS))).toEqual([]);
  });
});

describe('number fields: the unit reads right after every number the field accepts', () => {
  it.each(LOCALES)('%s', (locale) => {
    const cat = read(locale);
    const wrong: string[] = [];
    for (const f of fieldsOnPage()) {
      const unit = cat[f.unit]!.message;
      for (const n of samples(f.id)) {
        const p = unitProblem(locale, n, unit);
        if (p) wrong.push(`${f.id}: ${cat[f.label]!.message} ${p}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** The words of a duration unit spelled out, per language: an options unit must not start with one. */
const SPELLED: Record<string, RegExp> = {
  en: /^(seconds?|minutes?|hours?)$/,
  de: /^(sekunden?|minuten?|stunden?)$/,
  es: /^(segundos?|minutos?|horas?)$/,
  fr: /^(secondes?|minutes?|heures?)$/,
  it: /^(second[oi]|minut[oi]|or[ae])$/,
  ja: /^$/,
  nl: /^(seconden?|minuut|minuten)$/,
  pl: /^(sekund[ay]?|minut[ay]?|godzin[ay]?)$/,
  pt_BR: /^(segundos?|minutos?|horas?)$/,
};

describe('number fields: units of time are short, as "min" is, in every language', () => {
  it('the check itself', () => {
    expect(SPELLED.en!.test('seconds')).toBe(true);
    expect(SPELLED.en!.test('min')).toBe(false);
    expect(SPELLED.de!.test('min.')).toBe(false);
    expect(Object.keys(SPELLED).sort()).toEqual([...LOCALES].sort());
  });
  it.each(LOCALES)('%s', (locale) => {
    const cat = read(locale);
    const spelled = fieldsOnPage()
      .map((f) => `${f.id}: ${cat[f.unit]!.message}`)
      .filter((s) => SPELLED[locale]!.test(s.split(': ')[1]!.trim().split(/\s+/)[0]!.toLowerCase()));
    expect(spelled).toEqual([]);
  });
});
