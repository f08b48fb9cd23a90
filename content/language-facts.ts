/**
 * What the routine catalogue checks (content/catalogue-*.test.ts) need to know about each language
 * of the message catalogues: how fast its step texts are read, how long a step text may be, how
 * it speaks of breathing, the spine and pain, and how a sentence ends. Test data only: the
 * extension never loads this. A new locale folder fails the checks until it has a line here.
 *
 * Reading rates: the International Reading Speed Texts study (IReST; Trauzettel-Klosinski & Dietz,
 * "Standardized Assessment of Reading Performance: The New International Reading Speed Texts
 * IReST", IOVS 2012;53:5452-5461, doi:10.1167/iovs.11-8284) measured 25 native readers per language
 * (36 in Japanese) reading equivalent texts aloud; its per-language means are used as they are
 * (reading aloud is slower than silent reading, so these leave time to spare; across its 17 languages
 * the mean was 184 words or 863 characters a minute). English keeps its stricter 3.5 words/s
 * (IReST: 228 wpm = 3.8/s). Japanese is written without spaces, so it is measured in characters:
 * IReST's Japanese mean of 357 characters a minute is 5.9 a second (the ~600 characters a minute
 * often quoted for silent reading of Japanese would be more lenient).
 *
 * maxChars: how long a step text may be on the break page (English 110; languages with longer
 * words up to 125; Japanese characters are about twice as wide as Latin letters, so 60).
 */
export interface LanguageFacts {
  /** What a reader's pace is counted in: words (split at spaces) or characters (spaces aside). */
  unit: 'word' | 'character';
  /** Units read a second (see the reading rates above). */
  perSecond: number;
  maxChars: number;
  /** A step that mentions breathing must declare its breaths (content/types.ts). */
  breath: RegExp;
  spine: RegExp;
  pain: RegExp;
  /**
   * Words for what a stretch repairs, cures or relieves (a health claim no source backs): a summary
   * or step may say what to do and what is stretched, never these.
   */
  claim: RegExp;
  /** Number words (lower case) and their values, 2 and up; digits are read as they are. */
  numbers: Readonly<Record<string, number>>;
  /** The words for the left and the right side (not "straight" or "upright", which some languages spell alike). */
  left: RegExp;
  right: RegExp;
}

export const LANGUAGE_FACTS: Record<string, LanguageFacts> = {
  en: {
    unit: 'word', perSecond: 3.5, maxChars: 110, breath: /\bbreath/i, spine: /\bspine\b/i, pain: /\bpain\b/i,
    claim: /\b(undo(es)?|revers(es|e)|corrects?|cures?|heals?|treats?|prevents?|fix(es)?|relieves?|improves?)\b/i,
    numbers: { two: 2, twice: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twenty: 20 },
    left: /\bleft\b/gi, right: /\bright\b/gi,
  },
  de: {
    unit: 'word', perSecond: 3, maxChars: 120, breath: /atme|atem/i, spine: /Wirbelsäule/i, pain: /Schmerz/i, // IReST 179 wpm
    claim: /\b(heil|kurier|behandel|behandl|verhinder|vorbeug|beugt\S* vor|korrigier|linder|verbesser)/i,
    numbers: { zwei: 2, zweimal: 2, drei: 3, dreimal: 3, vier: 4, fünf: 5, fünfmal: 5, sechs: 6, zehn: 10, zehnmal: 10, zwanzig: 20 },
    left: /\blink(e|en|er|es|s)?\b/gi, right: /\brecht(e|en|er|es|s)?\b/gi,
  },
  es: {
    unit: 'word', perSecond: 3.6, maxChars: 125, breath: /respir|inspir|espir|inhal|exhal|(suelt|solt)\S* el aire/i, spine: /columna/i, pain: /dolor/i, // IReST 218 wpm
    claim: /\b(cura|curar|sana|trata|tratar|previen|prevenir|corrig|alivi|mejora)/i,
    numbers: { dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, diez: 10, veinte: 20 },
    left: /izquierd/gi, right: /derech/gi,
  },
  fr: {
    unit: 'word', perSecond: 3.2, maxChars: 125, breath: /respir|inspir|expir|souffle/i, spine: /colonne/i, pain: /douleur/i, // IReST 195 wpm
    claim: /(?<!\p{L})(guéri|soign|trait(e|er|ent|ement)(?!\p{L})|prévien|prévenir|corrig|soulag|amélior|répare(r|nt)?(?!\p{L}))/iu,
    numbers: { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, dix: 10, vingt: 20 },
    // "droit(e)" is also "straight": only after a body part (or "la droite") is it the side.
    left: /gauche/gi, right: /(?<!\p{L})(genou|pied|bras|avant-bras|poignet|pouce|coude|hanche|oreille|épaule|jambe|main|cheville|fesse|cuisse|la) droite?(?!\p{L})/giu,
  },
  it: {
    unit: 'word', perSecond: 3.1, maxChars: 125, breath: /respir|inspir|espir/i, spine: /colonna/i, pain: /dolor/i, // IReST 188 wpm
    claim: /\b(guari|cura(re)?\b|tratta(re|no)?\b|trattament|previen|prevenire|corregg|allevi|miglior)/i, // not "trattenere" (hold a breath)
    numbers: { due: 2, tre: 3, quattro: 4, cinque: 5, dieci: 10, venti: 20 },
    left: /\bsinistr/gi, right: /\bdestr/gi,
  },
  nl: {
    unit: 'word', perSecond: 3.3, maxChars: 125, breath: /adem/i, spine: /wervelkolom|ruggengraat/i, pain: /pijn/i, // IReST 202 wpm
    claim: /\b(genees|geneest|behandel|voorkom|corrigeer|herstel|verlicht|verbeter)/i,
    numbers: { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, tien: 10, twintig: 20 },
    left: /\b(linker\S*|links)\b/gi, right: /\b(rechter\S*|rechts)\b/gi,
  },
  pl: {
    unit: 'word', perSecond: 2.7, maxChars: 125, breath: /oddech|oddych|wdech|wydech/i, spine: /kręgosłup/i, pain: /b[óo]l/i, // IReST 166 wpm
    claim: /(?<!\p{L})(lecz|wylecz|zapobieg|korygu|skoryg|napraw|uśmierz|łagodz|popraw[iy])/iu,
    numbers: { dwa: 2, dwie: 2, dwóch: 2, dwoma: 2, dwukrotnie: 2, trzy: 3, trzech: 3, trzema: 3, cztery: 4, czterech: 4, czwórki: 4, czwórka: 4, pięć: 5, pięciu: 5, sześć: 6, dziesięć: 10, dziesięciu: 10, dwadzieścia: 20 },
    left: /(?<!\p{L})lew(y|a|ą|e|ego|ej|ym|o)(?!\p{L})/giu, right: /(?<!\p{L})praw(y|a|ą|e|ego|ej|ym|o)(?!\p{L})/giu,
  },
  pt_BR: {
    unit: 'word', perSecond: 3, maxChars: 125, breath: /respir|inspir|expir|solt\S* o ar\b/i, spine: /coluna/i, pain: /\bdor(es)?\b/i, // IReST 181 wpm
    claim: /\b(cura|curar|sara|trata|tratar|previn|corrig|alivi|melhora)/i,
    numbers: { dois: 2, duas: 2, três: 3, quatro: 4, cinco: 5, seis: 6, dez: 10, vinte: 20 },
    left: /esquerd/gi, right: /(?<!\p{L})direit[oa]s?(?!\p{L})/giu,
  },
  ja: {
    unit: 'character', perSecond: 5.9, maxChars: 60, breath: /呼吸|(?<!休)息/, spine: /背骨|脊椎|脊柱/, pain: /痛/, // IReST 357 characters a minute
    claim: /治|予防|防ぐ|防止|矯正|改善|和らげ|軽減|解消/,
    // Written in digits ("5つ", "3回"); 二 is also part of words (二重あご), so no number words.
    numbers: {},
    left: /左/g, right: /右/g,
  },
};

/** How many reading units (words or characters) `text` has in a language measured by `unit`. */
export function readingUnits(text: string, unit: LanguageFacts['unit']): number {
  if (unit === 'character') return [...text.replace(/\s+/g, '')].length;
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** A sentence's end, in Latin and in CJK (full-width) punctuation. */
export const SENTENCE_END = /[.!?。！？]$/;
