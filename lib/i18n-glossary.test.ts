/**
 * What a native reader of each catalogue notices first, checked mechanically on every message of
 * public/_locales/<loc>/messages.json (read on each run):
 * - one product term, one translation (docs/glossary/<loc>.md): a term's stray variants never appear;
 * - one form of address per language (German du, French vous, Dutch je, Spanish tú, Italian tu,
 *   Brazilian Portuguese você, Polish ty), in French, Spanish, Italian, Brazilian Portuguese and
 *   Polish without assuming the user's gender;
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
    // The imperative with its pronouns takes an accent: "sáltalo", "sáltatelo".
    [/(?<!\p{L})[Ss]alt(?:ar|arte|a|ado|ados)(?!\p{L})|(?<!\p{L})[Ss]ált\p{L}+/u, 'skip is "omitir"'],
    [/tiempo en la mesa|tiempo frente/u, 'desk time is "tiempo en el escritorio"'],
  ],
  fr: [
    [/heures de travail/u, 'working hours is "horaires de travail"'],
    [/[Ss]nooz|[Rr]epousser/u, 'snooze is "reporter" / "report"'],
  ],
  it: [
    [/[Ss]nooz|[Rr]invi[ao]/u, 'snooze is "posticipare" / "posticipo"'],
    [/[Ss]triscia/u, 'streak is "serie" / "di fila"'],
    [/[Cc]ronologia/u, 'history is "storico" ("Esporta lo storico (CSV)"); "cronologia" is the browser\'s'],
  ],
  nl: [
    [/[Ss]nooz|[Ss]luimer/u, 'snooze is "uitstellen", never "snoozen"'],
    [/[Ss]treak/u, 'streak is "reeks" / "op rij"'],
    [/[Zz]ittijd/u, 'desk time is "bureautijd"'],
  ],
  pl: [
    [/[Ss]amomasa/u, 'self-massage is "automasaż"'],
    [/[Dd]rzemk/u, 'snooze is "odłożyć" / "odłożenie"'],
    // A break kind or a weekday arrives in the nominative: after a preposition it would need another
    // case, and a colon between does not mend it ("Pora na: Przerwa na rozciąganie").
    [/(?<!\p{L})(?:na|do|o|w|we|z|ze|za|po|przy|dla|od|bez|przed|nad|pod|u)\s*:/iu, 'a placeholder in the nominative never follows a preposition, even with a colon between ("$1 — już pora")'],
  ],
  pt_BR: [
    [/[Ss]nooz|[Pp]ostergar|[Pp]ospor/u, 'snooze is "adiar" / "adiamento"'],
    [/tempo na mesa/u, 'desk time is "tempo no computador"'],
  ],
  ja: [
    [/延期|後回し|後にする/u, 'snooze / postpone is "スヌーズ"'],
    [/ストリーク/u, 'streak is "連続記録"'],
    [/もろい骨/u, 'fragile bones is "骨がもろい"'],
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
 * The user is told about themselves without a grammatical gender (French, Spanish, Italian,
 * Brazilian Portuguese, Polish): an adjective or participle that agrees with the reader, such as
 * French "vous êtes actif", "assis", "tenez-vous droit", Spanish "siéntate erguido", "mareado",
 * Italian "da seduto", "essere avvisato", Portuguese "sente-se ereto", "sentado", Polish
 * "usiadłeś", "jesteś zmęczony", assumes a man. The sentence is turned around the body, the position
 * or the activity instead ("gardez le dos droit", "en position assise", "con la espalda recta",
 * "in posizione seduta", "com as costas retas", "usiądź prosto"). A form that agrees with a noun
 * is fine: "une personne assise", "posición sentada", "postura erguida", "wyprostowana postawa".
 */
const NO_GENDER = {
  fr: [
    [/vous (?:vous )?(?:êtes|soyez|étiez) (?:actif|active|éloigné|éloignée|absent|absente|considéré|considérée)(?!\p{L})|considérer comme absent/iu, 'French addresses the user without a gender'],
    // The masculine forms only: "position assise", "personne assise" agree with their noun.
    [/(?<!\p{L})(?:assis|étourdi|étourdie|fatigué|fatiguée|pris de vertige|prise de vertige)(?!\p{L})|(?:^|«\s?)absent après|(?:tenez|tenir|restez|rester|êtes|soyez)(?:-vous)? (?:bien )?(?:droit|droite)(?!\p{L})|debout, bien droit|(?:être|d’être) (?:prévenu|prévenue|averti|avertie)(?!\p{L})|(?:restez|rester|soyez|être) (?:bien |très )?(?:lent|lente|doux|douce|détendu|détendue|prêt|prête)(?!\p{L})/iu, 'French addresses the user without a gender ("en position assise", "gardez le dos droit", "redressez-vous")'],
  ],
  // "sentada", "erguida" agree with "posición", "postura", "espalda": only the forms that agree with the reader.
  es: [[/(?<!\p{L})(?:sentado|sentados|erguido|erguidos|cansado|cansada|cansados|mareado|mareada|aturdido|aturdida)(?!\p{L})|(?:estás|estar|estés|te sientes|sentirte|quédate|quedarte|ponte|ponerte|mantente|mantenerte) (?:muy |bien )?(?:activo|quieto|relajado|apoyado|tranquilo|cómodo|preparado|concentrado)(?!\p{L})/iu, 'Spanish addresses the user without a gender ("en posición sentada", "con la espalda recta")']],
  // "seduta" agrees with "posizione"; "dritto" also describes the chin, the elbow or the gaze;
  // "finché resta comodo" is said of the movement.
  it: [[/(?<!\p{L})(?:seduto|da seduti|stanco|stanca|stordito|stordita|avvisato|avvisata)(?!\p{L})|(?:stai|rimani|stare|restare|sei|essere|siediti|mettiti|tieniti|ti senti|sentirti) (?:ben |bene |più )?(?:dritto|dritta|seduto|attivo|fermo|rilassato|comodo|pronto|concentrato)(?!\p{L})/iu, 'Italian addresses the user without a gender ("in posizione seduta", "raddrizza la schiena")']],
  // "sentada", "ereta" agree with "posição", "postura"; "está pronto" may be said of a stretch.
  pt_BR: [[/(?<!\p{L})(?:sentado|sentados|ereto|eretos|cansado|cansada|tonto|tonta)(?!\p{L})|(?:você (?:está|estiver|fica|ficar)|ficar|fique|mantenha-se|se sentir|sentir-se) (?:bem )?(?:ativo|parado|relaxado|apoiado|pronto|concentrado)(?!\p{L})/iu, 'Brazilian Portuguese addresses the user without a gender ("em posição sentada", "com as costas retas")']],
  // Past and conditional second person ("usiadłeś", "zrobiłabyś", "powinieneś") and adjectives after "jesteś", "czujesz się".
  pl: [[/(?<!\p{L})\p{L}+(?:łeś|łaś|łbyś|łabyś)(?!\p{L})|(?<!\p{L})(?:powinieneś|powinnaś|zmęczony|zmęczona)(?!\p{L})|(?:jesteś|bądź|czujesz się|poczujesz się|zostań) (?:\p{L}+ )?(?:zmęczon|gotow|aktywn|nieobecn|wyprostowan|rozluźnion|zrelaksowan|skupion|powiadomion|oszołomion)[ya](?!\p{L})/iu, 'Polish addresses the user without a gender (imperative, "siedząc", "na siedząco", impersonal forms)']],
} satisfies Record<string, Rule[]>;

/** Typography: a plain space where the language wants another, a straight apostrophe. */
const TYPOGRAPHY = {
  fr: [
    [/ [:;!?»]|« /u, 'French puts a non-breaking space (U+00A0, U+202F before ; ! ?) before : ; ! ? » and after «, so the sign never wraps to a line of its own'],
    [/\p{L}'\p{L}/u, 'French uses the typographic apostrophe ’'],
  ],
  it: [[/\p{L}'\p{L}/u, 'Italian uses the typographic apostrophe ’']],
  nl: [[/\p{L}'\p{L}/u, 'Dutch uses the typographic apostrophe ’ (video’s, zo’n)']],
  // docs/glossary/ja.md: full-width punctuation (、。：？！) carries its own space; a half-width one after it is a gap.
  ja: [[/[、。：？！] /u, 'Japanese puts no half-width space after full-width punctuation']],
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
    expect(breaches({ es: GLOSSARY.es! }, fake({ a: 'Sáltatelo si te duele.', b: 'Salta este paso.', c: 'Omítelo si te duele.' }))).toHaveLength(2);
    expect(breaches({ de: NOT_THIS_ADDRESS.de }, fake({ a: 'Wir zeigen Ihnen die Pause.' }))).toHaveLength(1);
    expect(breaches({ fr: TYPOGRAPHY.fr }, fake({ a: 'En attente : appel' }))).toHaveLength(1);
    expect(breaches({ fr: TYPOGRAPHY.fr }, fake({ a: 'À l\'autre bout' }))).toHaveLength(1);
    expect(breaches(NO_GENDER, fake({ a: 'lorsque vous êtes actif', b: 'quand vous vous êtes éloigné', c: 'Vous considérer comme absent après' }))).toHaveLength(3);
    expect(breaches({ fr: NO_GENDER.fr }, fake({ a: 'Chat-vache assis', b: 'Écartez-vous du mur et tenez-vous droit.', c: 'Si vous vous sentez étourdi, arrêtez.', d: 'Absent après', e: 'Revenez en position debout, bien droit.', f: 'un moyen d’être prévenu', g: 'Restez lent et doux ; ne forcez jamais.' }))).toHaveLength(7);
    expect(breaches({ es: NO_GENDER.es }, fake({ a: 'Siéntate erguido.', b: 'Rodilla al pecho sentado', c: 'Si te sientes mareado, para.', d: 'mientras estás activo', e: 'Quédate quieto.', f: 'Si estás cansada' }))).toHaveLength(6);
    expect(breaches({ it: NO_GENDER.it }, fake({ a: 'Torsione del busto da seduto', b: 'Se ti senti stordito', c: 'per essere avvisato', d: 'Limite giornaliero da seduti', e: 'rimani dritto' }))).toHaveLength(5);
    expect(breaches({ pt_BR: NO_GENDER.pt_BR }, fake({ a: 'sente-se ereto', b: 'Joelho ao peito sentado', c: 'enquanto você está ativo', d: 'Fique parado.', e: 'Se estiver cansado' }))).toHaveLength(5);
    expect(breaches({ ja: TYPOGRAPHY.ja }, fake({ a: '今は無理？ この休憩を後にする：', b: 'キー：スペース 一時停止' }))).toHaveLength(1);
    expect(breaches({ pl: GLOSSARY.pl! }, fake({ a: 'Pora na: $1', b: 'Przerwy dzisiaj: $1', c: '$1: od', d: '$1 — już pora' }))).toHaveLength(1);
    expect(breaches({ nl: [[SNOOZE_WORD.nl, '']] }, fake({ a: 'Pauzes uitstellen tijdens gesprekken', b: 'Gesprekken stellen pauzes alleen uit zolang', c: 'een uitgestelde pauze', d: 'Pauzes laten wachten', e: 'Instellingen uit een back-up' }))).toHaveLength(3);
    expect(breaches({ pl: NO_GENDER.pl }, fake({ a: 'Usiadłeś prosto?', b: 'Jeśli jesteś zmęczony', c: 'Czy zrobiłaś przerwę?', d: 'Powinieneś wstać.', e: 'Czujesz się bardzo zmęczona?' }))).toHaveLength(5);
  });
  it('let the same words stand where they mean something else', () => {
    expect(breaches({ de: NOT_THIS_ADDRESS.de }, fake({ a: 'Sie bleiben erhalten.', b: 'Pausen: Sie gehen verloren.' }))).toEqual([]);
    expect(breaches({ nl: NOT_THIS_ADDRESS.nl }, fake({ a: '$1 u $2 min' }))).toEqual([]);
    expect(breaches({ fr: TYPOGRAPHY.fr }, fake({ a: 'En attente\u00a0: appel\u202f? «\u00a0Terminé\u00a0»' }))).toEqual([]);
    expect(breaches(NO_GENDER, fake({ a: 'Regardez vers un mur éloigné.', b: 'pendant votre activité' }))).toEqual([]);
    expect(breaches({ fr: NO_GENDER.fr }, fake({ a: 'Une personne assise', b: 'Limite quotidienne en position assise', c: 'Regardez droit devant vous.', d: 'Levez le bras droit.', e: 'Revenez en position debout, le dos bien droit.' }))).toEqual([]);
    expect(breaches({ es: NO_GENDER.es }, fake({ a: 'En posición sentada', b: 'mantiene una postura sentada erguida y cómoda', c: 'hasta donde te resulte cómodo', d: 'Tres elecciones rápidas y listo.', e: 'Sube la rodilla derecha.' }))).toEqual([]);
    expect(breaches({ it: NO_GENDER.it }, fake({ a: 'In posizione seduta', b: 'Porta il mento dritto indietro.', c: 'guarda dritto davanti a te', d: 'Rilassati e respira.', e: 'Conteggio fermo mentre sei via', f: 'solo finché resta comodo' }))).toEqual([]);
    expect(breaches({ pt_BR: NO_GENDER.pt_BR }, fake({ a: 'Em posição sentada', b: 'Volte à posição ereta.', c: 'Um alongamento guiado rápido está pronto.', d: 'enquanto você está ausente', e: 'Três escolhas rápidas e pronto.' }))).toEqual([]);
    expect(breaches({ pl: NO_GENDER.pl }, fake({ a: 'Usiądź prosto.', b: 'Skrzyżuj ręce, siedząc prosto.', c: 'wyprostowana postawa', d: 'Limber sam otwiera to okno.', e: 'czy jesteś przy komputerze' }))).toEqual([]);
  });
});

/**
 * Where the language's word for a break is also its word for a pause (German Pause, French pause,
 * Italian pausa, Dutch pauze, Portuguese pausa), the pause of the reminders goes by another word
 * (docs/glossary: pausiert / suspendre / sospendere / pauzestand / suspender), or "the stretch break
 * waits for the end of the pause" reads as a break waiting for the end of a break. Checked on the
 * messages about that pause, with the break kind ($1) left out.
 */
const BREAK_WORD = {
  de: /(?<!\p{L})Pause(?!\p{L})/u,
  fr: /(?<!\p{L})pauses?(?!\p{L})/iu,
  it: /(?<!\p{L})pausa(?!\p{L})/iu,
  nl: /(?<!\p{L})pauze(?!\p{L})/iu,
  pt_BR: /(?<!\p{L})pausa(?!\p{L})/iu,
  // Polish: "pauza" is the pause in typing a held break waits for (whyHeldTyping, fieldPauseWait);
  // the pause of the reminders is "wstrzymanie" (docs/glossary/pl.md).
  pl: /(?<!\p{L})pauz/iu,
} satisfies Record<string, RegExp>;
/**
 * Holding a due break (while a window is fullscreen, a tab plays sound, a call runs) is not the
 * pause of the reminders: its words never use that pause's verb (docs/glossary).
 */
const HOLD_KEYS = ['fieldFullscreen', 'fieldCallSites', 'callSitesHoldsOff', 'importSettingFullscreen', 'fieldFullscreenMax', 'whyHeldFullscreen', 'whyHeldSound', 'whyHeldCall'];
/**
 * Nor the verb of the Snooze / Postpone buttons (actionSnooze, postponeLabel, actionPostponeMinutes;
 * docs/glossary): a held break comes by itself once the call or video ends, a postponed one waits its
 * minutes. Dutch said "Pauzes uitstellen tijdens gesprekken", the Postpone button's verb.
 */
const SNOOZE_WORD = {
  en: /snooz|postpon/iu,
  de: /verschieb|verschob|(?<!\p{L})später/iu,
  es: /pospo|pospó|pospu/iu,
  fr: /(?<!\p{L})report/iu,
  it: /postic/iu,
  ja: /スヌーズ|延期|後回し/u,
  // Separable: "uitstellen", "uitgesteld", "uit te stellen", and "stel(t/len) … uit" within a clause.
  nl: /uitstel|uitgesteld|uit te stellen|(?<!\p{L})stel(?:t|len|de|den)?(?!\p{L})[^.:;!?]*?(?<!\p{L})uit(?!\p{L})/iu,
  pl: /odł[oó]ż|odkład/iu,
  pt_BR: /(?<!\p{L})adi(?:ar|e|ad|am)/iu,
} satisfies Record<string, RegExp>;
const PAUSE_VERB = {
  en: /(?<!\p{L})paus/iu,
  de: /pausier/iu,
  es: /(?<!\p{L})paus/iu,
  fr: /suspen/iu,
  it: /sospe/iu,
  ja: /一時停止/u,
  nl: /pauzeer|pauzestand/iu,
  pl: /wstrzym/iu,
  pt_BR: /suspen/iu,
} satisfies Record<string, RegExp>;
/** The messages the toolbar button's title says after "Limber: " (lib/platform/badge.ts). */
const TITLE_STATES = ['statusDue', 'noticePausedTitle', 'whyOffHoursNoEnd', 'statusOnBreak'];
const PAUSE_KEYS = ['whyPaused', 'whyPausedIndefinite', 'whyPausedBreakWaits', 'noticePausedTitle', 'noticePauseEndedTitle', 'noticePauseEndedBody', 'pauseMenuLabel', 'actionResumeReminders', 'cmdTogglePause'];

/**
 * Messages whose $1 is a break kind: "Stretch break" / "Posture check" (whyPausedBreakWaits) or their
 * plural titles (importBreakTooLong). The kinds differ in gender in French (pause f., contrôle m.),
 * Italian (pause f., controlli m.) and Spanish (descansos m., revisiones f.), and the titles are
 * plural: the words around $1 must read right with either.
 */
const KIND_AGREEMENT: Record<string, Record<string, RegExp>> = {
  whyPausedBreakWaits: { fr: /(?<!\p{L})(?:il|elle)s?(?!\p{L})/u },
  importBreakTooLong: {
    it: /(?<!\p{L})(?:le|li|i|gli) «\$1»|(?<!\p{L})(?:le|li) separa/u,
    es: /(?<!\p{L})(?:ellos|ellas)(?!\p{L})|«\$1» dura(?!\p{L})/u,
    pt_BR: /“\$1” dura(?!\p{L})/u,
  },
};

describe('catalogues', () => {
  it('use one translation per product term (docs/glossary)', () => {
    expect(breaches(GLOSSARY, read)).toEqual([]);
  });
  it('address the user one way per language', () => {
    expect(breaches(NOT_THIS_ADDRESS, read)).toEqual([]);
  });
  it('address the user without assuming a gender (French, Spanish, Italian, Brazilian Portuguese, Polish)', () => {
    expect(breaches(NO_GENDER, read)).toEqual([]);
  });
  it('follow the language\'s typography (French spaces, typographic apostrophes)', () => {
    expect(breaches(TYPOGRAPHY, read)).toEqual([]);
  });
  it('never call the pause of the reminders by the word for a break (German, French, Italian, Dutch, Portuguese) or, in Polish, for a pause in typing', () => {
    const found: string[] = [];
    for (const [locale, word] of Object.entries(BREAK_WORD)) {
      const catalogue = read(locale);
      for (const key of PAUSE_KEYS) {
        const message = catalogue[key]!.message.replace(/\$1/g, '');
        if (word.test(message)) found.push(`${locale} ${key}: "${catalogue[key]!.message}"`);
      }
    }
    expect(found).toEqual([]);
  });
  it('never call holding a due break (fullscreen, sound, calls) by the verb of pausing the reminders (Polish said "Wstrzymaj przerwę", which also reads "pause the break")', () => {
    const found: string[] = [];
    for (const [locale, verb] of Object.entries(PAUSE_VERB)) {
      const catalogue = read(locale);
      for (const key of HOLD_KEYS) if (verb.test(catalogue[key]!.message)) found.push(`${locale} ${key}: "${catalogue[key]!.message}"`);
    }
    expect(found).toEqual([]);
  });
  it('never call holding a due break by the verb of the Snooze / Postpone buttons (Dutch said "Pauzes uitstellen tijdens gesprekken")', () => {
    const found: string[] = [];
    for (const [locale, word] of Object.entries(SNOOZE_WORD)) {
      const catalogue = read(locale);
      // The pattern is the language's word: it names the buttons themselves.
      for (const key of ['actionSnooze', 'postponeLabel', 'actionPostponeMinutes']) expect(catalogue[key]!.message, `${locale} ${key}`).toMatch(word);
      for (const key of HOLD_KEYS) if (word.test(catalogue[key]!.message)) found.push(`${locale} ${key}: "${catalogue[key]!.message}"`);
    }
    expect(found).toEqual([]);
  });
  it('Japanese: the states the toolbar button\'s title names read as states, not as what was just done ("リマインダーを一時停止しました")', () => {
    const ja = read('ja');
    expect(TITLE_STATES.map((k) => ja[k]!.message).filter((m) => /(?:ました|でした)$/u.test(m))).toEqual([]);
  });
  it('Japanese: the safety question\'s "recent" (最近の) is said of the fracture, injury and wound only, never of the spinal condition or fragile bones after it', () => {
    const message = read('ja').safetyFlagInjury!.message;
    expect(message).toMatch(/背骨/u);
    expect(message).not.toMatch(/最近の.*(?:背骨|骨がもろい)/u);
  });
  it("keep the popup's caveat beside the next break's time: desk time counts only while active (German said \"after continuous desk time\")", () => {
    const found: string[] = [];
    for (const locale of ['en', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR']) {
      const message = read(locale).whyNext!.message;
      // After the time ($2), in brackets, as in English: "(desk time counts only while you are active)";
      // Japanese first ends the sentence its "13:15に" starts ("13:15に開始予定（…）").
      const after = locale === 'ja' ? '[^$(（]*' : '\\s*';
      if (!new RegExp(`\\$2${after}[(（][^)）]+[)）]$`, 'u').test(message)) found.push(`${locale}: "${message}"`);
    }
    expect(found).toEqual([]);
  });
  it('name the browser\'s Allow button in the language\'s quote marks (docs/glossary; Dutch and Polish said "kies Toestaan", "wybierz Zezwól")', () => {
    // errCallSitesRefused: "Try again and choose Allow." Bare, the button's name reads as a second verb.
    const QUOTED: Record<string, RegExp> = {
      de: /„Zulassen“/u,
      es: /«Permitir»/u,
      fr: /«\u00a0Autoriser\u00a0»/u,
      it: /«Consenti»/u,
      ja: /「許可」/u,
      nl: /‘Toestaan’/u,
      pl: /„Zezwól”/u,
      pt_BR: /“Permitir”/u,
    };
    const found: string[] = [];
    for (const [locale, quoted] of Object.entries(QUOTED)) {
      const message = read(locale).errCallSitesRefused!.message;
      if (!quoted.test(message)) found.push(`${locale}: "${message}"`);
    }
    expect(found).toEqual([]);
  });
  it('Japanese: the chart legends and table headings are nouns (docs/glossary/ja.md: labels 体言止め), never a phrase left on its particle ("Limber で")', () => {
    const found: string[] = [];
    for (const [key, { message }] of Object.entries(read('ja'))) {
      if (/^(?:legend|col|heatLegend|status_)/.test(key) && /[でにをがはとのへ]$/u.test(message)) found.push(`${key}: "${message}"`);
    }
    expect(found).toEqual([]);
  });
  it('Japanese: no sentence stops on a particle: a time phrase that ends on one ("13:15に", "13:15まで") is followed by words, never by a bracket ("ストレッチ休憩は13:15に（"), and a step read aloud ends on its verb ("…上へ。")', () => {
    const ja = read('ja');
    const found: string[] = [];
    for (const [key, { description = '' }] of Object.entries(read('en'))) {
      for (const [, n] of description.matchAll(/\$(\d) = [^()]*\((?:timeAt|timeUntil)_/g)) {
        if (new RegExp(`\\$${n}(?:[（(：。、]|$)`, 'u').test(ja[key]!.message)) found.push(`${key}: "${ja[key]!.message}"`);
      }
    }
    // A list after a colon ("回します：上へ、後ろへ、下へ。") may end on one.
    for (const [key, { message }] of Object.entries(ja)) {
      if (/^r_.+_step\d+$/.test(key) && message.split('。').some((s) => !s.includes('：') && /[へにをでがとは]$/u.test(s))) found.push(`${key}: "${message}"`);
    }
    expect(found).toEqual([]);
  });
  it('read right around a break kind of either gender, and its plural title', () => {
    const found: string[] = [];
    for (const [key, rules] of Object.entries(KIND_AGREEMENT)) {
      for (const [locale, pattern] of Object.entries(rules)) {
        const message = read(locale)[key]!.message;
        const m = pattern.exec(message);
        if (m) found.push(`${locale} ${key}: "${m[0]}" in "${message}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
