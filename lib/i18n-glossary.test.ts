/**
 * What a native reader of each catalogue notices first, checked mechanically on every message of
 * public/_locales/<loc>/messages.json (read on each run):
 * - one product term, one translation (docs/glossary/<loc>.md): a term's stray variants never appear;
 * - one form of address per language (German du, French vous, Dutch je, Spanish tú, Italian tu,
 *   Brazilian Portuguese você, Polish ty), in French without assuming the user's gender;
 * - the language's typography: French non-breaking spaces before : ; ! ? and inside « », the
 *   typographic apostrophe ’ in French, Italian and Dutch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; description?: string }>;
const LOCALES = path.join(process.cwd(), 'public', '_locales');
const read = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue;

/** A pattern that must not match any message of the language, with what the glossary says instead. */
type Rule = [RegExp, string];

const GLOSSARY: Record<string, Rule[]> = {
  de: [
    [/Sitzzeit/u, 'desk time is "Schreibtischzeit"'],
    [/[Ss]nooz|[Ss]chlummer/u, 'snooze is "verschieben" / "Später"'],
    [/[Ss]trähne/u, 'streak is "Serie" / "in Folge"'],
  ],
  es: [
    [/[Aa]plazamiento/u, 'snooze is "posponer" ("Veces que se puede posponer")'],
    [/horas de trabajo/u, 'working hours is "horario laboral"'],
    [/(?<!\p{L})[Ss]alt(?:ar|arte|a|ado|ados)(?!\p{L})/u, 'skip is "omitir"'],
    [/tiempo en la mesa|tiempo frente/u, 'desk time is "tiempo en el escritorio"'],
  ],
  fr: [
    [/heures de travail/u, 'working hours is "horaires de travail"'],
    [/[Ss]nooz|[Rr]epousser/u, 'snooze is "reporter" / "report"'],
  ],
  it: [
    [/[Ss]nooz|[Rr]invi[ao]/u, 'snooze is "posticipare" / "posticipo"'],
    [/[Ss]triscia/u, 'streak is "serie" / "di fila"'],
  ],
  nl: [
    [/[Ss]nooz|[Ss]luimer/u, 'snooze is "uitstellen", never "snoozen"'],
    [/[Ss]treak/u, 'streak is "reeks" / "op rij"'],
    [/[Zz]ittijd/u, 'desk time is "bureautijd"'],
  ],
  pl: [
    [/[Ss]amomasa/u, 'self-massage is "automasaż"'],
    [/[Dd]rzemk/u, 'snooze is "odłożyć" / "odłożenie"'],
  ],
  pt_BR: [
    [/[Ss]nooz|[Pp]ostergar|[Pp]ospor/u, 'snooze is "adiar" / "adiamento"'],
    [/tempo na mesa/u, 'desk time is "tempo no computador"'],
  ],
  ja: [
    [/延期|後回し/u, 'snooze / postpone is "スヌーズ"'],
    [/ストリーク/u, 'streak is "連続記録"'],
  ],
};

/** Forms of the address the language does not use (each catalogue addresses the user one way). */
const NOT_THIS_ADDRESS = {
  // "Sie" and "Ihr" also mean they / their; formal address shows as a capital inside a sentence.
  de: [[/(?<=[\p{Ll},;] )(?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)(?!\p{L})/u, 'German uses du throughout']],
  fr: [[/(?<!\p{L})(?:tu|toi|ton|tes|t’)(?!\p{L})|-toi(?!\p{L})/u, 'French uses vous throughout']],
  // "$1 u $2 min" is the hour abbreviation (uur), not the pronoun.
  nl: [[/(?<!\$\d )(?<!\p{L})(?:[Uu]|[Uu]w)(?!\p{L})/u, 'Dutch uses je/jij throughout']],
  es: [[/(?<!\p{L})(?:[Uu]sted|[Uu]stedes)(?!\p{L})/u, 'Spanish uses tú throughout']],
  it: [[/(?<=\p{L} )(?:Lei|Suo|Sua|Suoi|Sue|La preghiamo)(?!\p{L})/u, 'Italian uses tu throughout']],
  pt_BR: [[/(?<!\p{L})(?:tu|teu|tua|teus|tuas|contigo)(?!\p{L})/u, 'Brazilian Portuguese uses você throughout']],
  pl: [[/(?<!\p{L})(?:Pan|Pani|Państwo|Pana|Panu)(?!\p{L})/u, 'Polish uses ty throughout']],
} satisfies Record<string, Rule[]>;

/**
 * The user is told about themselves without a grammatical gender: French "vous êtes actif",
 * "vous vous êtes éloigné", "considéré comme absent" assume a man (the sentence is turned around
 * the activity or the absence instead: "pendant votre activité", "quand vous avez quitté votre poste").
 */
const NO_GENDER = {
  fr: [[/vous (?:vous )?(?:êtes|soyez|étiez) (?:actif|active|éloigné|éloignée|absent|absente|considéré|considérée)(?!\p{L})|considérer comme absent/iu, 'French addresses the user without a gender']],
} satisfies Record<string, Rule[]>;

/** Typography: a plain space where the language wants another, a straight apostrophe. */
const TYPOGRAPHY = {
  fr: [
    [/ [:;!?»]|« /u, 'French puts a non-breaking space (U+00A0, U+202F before ; ! ?) before : ; ! ? » and after «, so the sign never wraps to a line of its own'],
    [/\p{L}'\p{L}/u, 'French uses the typographic apostrophe ’'],
  ],
  it: [[/\p{L}'\p{L}/u, 'Italian uses the typographic apostrophe ’']],
  nl: [[/\p{L}'\p{L}/u, 'Dutch uses the typographic apostrophe ’ (video’s, zo’n)']],
} satisfies Record<string, Rule[]>;

function breaches(rules: Record<string, Rule[]>, catalogue: (locale: string) => Catalogue): string[] {
  const found: string[] = [];
  for (const [locale, list] of Object.entries(rules)) {
    for (const [key, { message }] of Object.entries(catalogue(locale))) {
      for (const [pattern, instead] of list) {
        const m = pattern.exec(message);
        if (m) found.push(`${locale} ${key}: "${m[0]}" in "${message}" (${instead})`);
      }
    }
  }
  return found;
}

describe('the checks themselves', () => {
  const fake = (messages: Record<string, string>) => () =>
    Object.fromEntries(Object.entries(messages).map(([k, message]) => [k, { message }])) as Catalogue;
  it('flag a stray term variant, a second form of address and a plain space before a French colon', () => {
    expect(breaches(GLOSSARY, fake({ a: 'Limite quotidienne : heures de travail' }))).toHaveLength(1);
    expect(breaches({ de: NOT_THIS_ADDRESS.de }, fake({ a: 'Wir zeigen Ihnen die Pause.' }))).toHaveLength(1);
    expect(breaches({ fr: TYPOGRAPHY.fr }, fake({ a: 'En attente : appel' }))).toHaveLength(1);
    expect(breaches({ fr: TYPOGRAPHY.fr }, fake({ a: 'À l\'autre bout' }))).toHaveLength(1);
    expect(breaches(NO_GENDER, fake({ a: 'lorsque vous êtes actif', b: 'quand vous vous êtes éloigné', c: 'Vous considérer comme absent après' }))).toHaveLength(3);
  });
  it('let the same words stand where they mean something else', () => {
    expect(breaches({ de: NOT_THIS_ADDRESS.de }, fake({ a: 'Sie bleiben erhalten.', b: 'Pausen: Sie gehen verloren.' }))).toEqual([]);
    expect(breaches({ nl: NOT_THIS_ADDRESS.nl }, fake({ a: '$1 u $2 min' }))).toEqual([]);
    expect(breaches({ fr: TYPOGRAPHY.fr }, fake({ a: 'En attente\u00a0: appel\u202f? «\u00a0Terminé\u00a0»' }))).toEqual([]);
    expect(breaches(NO_GENDER, fake({ a: 'Regardez vers un mur éloigné.', b: 'pendant votre activité' }))).toEqual([]);
  });
});

describe('catalogues', () => {
  it('use one translation per product term (docs/glossary)', () => {
    expect(breaches(GLOSSARY, read)).toEqual([]);
  });
  it('address the user one way per language', () => {
    expect(breaches(NOT_THIS_ADDRESS, read)).toEqual([]);
  });
  it('address the user without assuming a gender (French)', () => {
    expect(breaches(NO_GENDER, read)).toEqual([]);
  });
  it('follow the language\'s typography (French spaces, typographic apostrophes)', () => {
    expect(breaches(TYPOGRAPHY, read)).toEqual([]);
  });
});
