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
}

export const LANGUAGE_FACTS: Record<string, LanguageFacts> = {
  en: { unit: 'word', perSecond: 3.5, maxChars: 110, breath: /\bbreath/i, spine: /\bspine\b/i, pain: /\bpain\b/i },
  de: { unit: 'word', perSecond: 3, maxChars: 120, breath: /atme|atem/i, spine: /Wirbelsäule/i, pain: /Schmerz/i }, // IReST 179 wpm
  es: { unit: 'word', perSecond: 3.6, maxChars: 125, breath: /respir|inspir|espir|inhal|exhal/i, spine: /columna/i, pain: /dolor/i }, // IReST 218 wpm
  fr: { unit: 'word', perSecond: 3.2, maxChars: 125, breath: /respir|inspir|expir|souffle/i, spine: /colonne/i, pain: /douleur/i }, // IReST 195 wpm
  it: { unit: 'word', perSecond: 3.1, maxChars: 125, breath: /respir|inspir|espir/i, spine: /colonna/i, pain: /dolor/i }, // IReST 188 wpm
  nl: { unit: 'word', perSecond: 3.3, maxChars: 125, breath: /adem/i, spine: /wervelkolom|ruggengraat/i, pain: /pijn/i }, // IReST 202 wpm
  pl: { unit: 'word', perSecond: 2.7, maxChars: 125, breath: /oddech|oddych|wdech|wydech/i, spine: /kręgosłup/i, pain: /b[óo]l/i }, // IReST 166 wpm
  pt_BR: { unit: 'word', perSecond: 3, maxChars: 125, breath: /respir|inspir|expir/i, spine: /coluna/i, pain: /\bdor(es)?\b/i }, // IReST 181 wpm
  ja: { unit: 'character', perSecond: 5.9, maxChars: 60, breath: /呼吸|(?<!休)息/, spine: /背骨|脊椎|脊柱/, pain: /痛/ }, // IReST 357 characters a minute
};

/** How many reading units (words or characters) `text` has in a language measured by `unit`. */
export function readingUnits(text: string, unit: LanguageFacts['unit']): number {
  if (unit === 'character') return [...text.replace(/\s+/g, '')].length;
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** A sentence's end, in Latin and in CJK (full-width) punctuation. */
export const SENTENCE_END = /[.!?。！？]$/;
