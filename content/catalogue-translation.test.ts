// Checks that every language's routine words say what the English ones say where a slip would
// change what a person does or is warned about: the same numbers (repetitions, counts, seconds),
// the same sides (left / right), no health claim, and the pelvis tilted the right way. English is
// the source text the other languages translate (content/language-facts.ts has each language's words).
import { describe, it, expect } from 'vitest';
import { cautionKey, stepKey, summaryKey, titleKey } from './keys';
import { LANGUAGE_FACTS, type LanguageFacts } from './language-facts';
import { ROUTINES } from './routines';
import { CAUTIONS } from './types';
import { failures, LOCALES, MESSAGES, text } from '../tests/support/catalogue';

/**
 * The words a person acts on: titles, summaries, steps, cautions, the safety screen and the
 * disclaimer. (The illustrations' text alternatives describe a drawing, not what to do.)
 */
const KEYS: readonly string[] = [
  ...ROUTINES.flatMap((r) => [titleKey(r), summaryKey(r), ...r.steps.map((_, i) => stepKey(r, i))]),
  ...CAUTIONS.map(cautionKey),
  ...Object.keys(MESSAGES.en ?? {}).filter((k) => /^safety|^disclaimer$/.test(k)),
];

/** English gives distances in feet with metres beside them ("20 feet (6 m)"); the other languages give the metres. */
const IMPERIAL = /\b\d+\s*(feet|foot|ft|inch(es)?)\b/gi;

/** The numbers of 2 and more that `t` names, in digits or in words. */
function numbersIn(t: string, f: LanguageFacts, locale: string): Set<number> {
  const plain = locale === 'en' ? t.replace(IMPERIAL, '') : t;
  const found = new Set<number>();
  for (const d of plain.normalize('NFKC').match(/\d+/g) ?? []) if (Number(d) >= 2) found.add(Number(d));
  for (const w of plain.toLowerCase().split(/[^\p{L}]+/u)) {
    const n = f.numbers[w];
    if (n !== undefined) found.add(n);
  }
  return found;
}

const count = (t: string, re: RegExp): number => (t.match(re) ?? []).length;

describe('routine words in every language', () => {
  it('has the number and side words for every language', () => {
    expect(LOCALES.filter((l) => !LANGUAGE_FACTS[l])).toEqual([]);
    expect(KEYS.length).toBeGreaterThan(200);
  });

  // "Hold for five", "three times", "counting to four", "20 seconds": a translation with another
  // number changes the exercise. Extra 2s are allowed ("both hands" is "les deux mains").
  it.each(LOCALES.filter((l) => l !== 'en'))('%s: names the same numbers as English', (locale) => {
    const en = LANGUAGE_FACTS.en!;
    const f = LANGUAGE_FACTS[locale]!;
    expect(
      KEYS.flatMap((k) => {
        const want = numbersIn(text('en', k), en, 'en');
        const got = numbersIn(text(locale, k), f, locale);
        const missing = [...want].filter((n) => !got.has(n));
        const extra = [...got].filter((n) => !want.has(n) && n !== 2);
        return missing.length || extra.length ? [`${k}: English [${[...want]}], ${locale} [${[...got]}]: "${text(locale, k)}"`] : [];
      }),
    ).toEqual([]);
  });

  // A stretch held on the right in English must be held on the right in every language, and as
  // often; a text that names no side in English may name both ("alternating left and right"), never one.
  it.each(LOCALES.filter((l) => l !== 'en'))('%s: names the same sides as English', (locale) => {
    const en = LANGUAGE_FACTS.en!;
    const f = LANGUAGE_FACTS[locale]!;
    expect(
      KEYS.flatMap((k) => {
        const [l0, r0] = [count(text('en', k), en.left), count(text('en', k), en.right)];
        const [l1, r1] = [count(text(locale, k), f.left), count(text(locale, k), f.right)];
        const same = l0 + r0 === 0 ? l1 === r1 : l0 === l1 && r0 === r1;
        return same ? [] : [`${k}: English left ${l0} / right ${r0}, ${locale} left ${l1} / right ${r1}: "${text(locale, k)}"`];
      }),
    ).toEqual([]);
  });

  // A translation that drops "breathe out slowly", "not on the spine" or "if you feel sharp pain"
  // drops a cue or a caution: where English names the breath, the spine or pain, so does every language.
  it.each(LOCALES.filter((l) => l !== 'en'))('%s: keeps every mention of the breath, the spine and pain', (locale) => {
    const en = LANGUAGE_FACTS.en!;
    const f = LANGUAGE_FACTS[locale]!;
    const topics = [
      ['breath', en.breath, f.breath],
      ['spine', en.spine, f.spine],
      ['pain', en.pain, f.pain],
    ] as const;
    expect(
      KEYS.flatMap((k) =>
        topics.filter(([, e, l]) => e.test(text('en', k)) && !l.test(text(locale, k))).map(([topic]) => `${k}: no ${topic} in "${text(locale, k)}"`),
      ),
    ).toEqual([]);
  });

  // content/catalogue-sources.test.ts keeps English free of health claims; a translation must not
  // add one ("relieves the lower back" where English says "eases").
  it.each(LOCALES)('%s: says what to do and what is stretched, never what it cures, treats or relieves', (locale) => {
    const claim = LANGUAGE_FACTS[locale]!.claim;
    expect(
      failures((r) => {
        const keys = [summaryKey(r), ...r.steps.map((_, i) => stepKey(r, i))];
        const hit = keys.find((k) => claim.test(text(locale, k)));
        return hit === undefined ? null : `${hit}: "${text(locale, hit)}"`;
      }),
    ).toEqual([]);
  });

  // "Tuck your hips under": the pelvis tilts back (the tailbone down) so the front of the hip
  // stretches. Tilting it forward arches the lower back instead and loses the stretch.
  // The screen stands before every routine that bends the back, whichever way: arching
  // (standing-back-extension, cat-cow), rounding (cat-cow, knee-to-chest), bending sideways
  // (standing-side-bend) and twisting. "Back extensions" (extensiones, extensions, estensioni,
  // extensões) names only the arching, and so do the words for bending backwards (Rückbeugen,
  // achteroverbuigen, wygięcia do tyłu, 背中を反らす), so a person who may not arch the back would
  // read the others as fine.
  it('names the back bends of the safety screen as bends of every kind, not back extensions only', () => {
    const keys = ['safetyIntro', 'safetyNote', 'safetyHiddenBody', 'selfMassageScreened'];
    const BACKWARDS_ONLY: Record<string, RegExp> = {
      en: /\bback extension/i,
      de: /rückbeug|nach hinten beug/i,
      es: /\bextensi/i,
      fr: /\bextension/i,
      it: /\bestensi/i,
      ja: /反ら/,
      nl: /achterover/i,
      pl: /do tyłu/i,
      pt_BR: /\bextens(i|õ)/i,
    };
    expect(keys.every((k) => /back bends/i.test(text('en', k))), 'the English words changed: update this check').toBe(true);
    expect(LOCALES.filter((l) => !BACKWARDS_ONLY[l])).toEqual([]);
    expect(LOCALES.flatMap((l) => keys.filter((k) => BACKWARDS_ONLY[l]!.test(text(l, k))).map((k) => `${l} ${k}: "${text(l, k)}"`))).toEqual([]);
  });

  it('tilts the pelvis back, never forward, in the hip flexor stretch', () => {
    const TUCK: Record<string, RegExp> = {
      en: /tuck your hips under/i,
      de: /Steißbein[^.]*nach unten/i,
      es: /mete la pelvis/i,
      fr: /bassin[^.]*(vers l’arrière|en arrière)/i,
      it: /bacino in retroversione/i,
      ja: /骨盤を[^。]*後ろに傾け/,
      nl: /bekken[^.]*naar achteren/i,
      pl: /podwiń miednicę/i,
      pt_BR: /encaixe o quadril/i,
    };
    const r = ROUTINES.find((x) => x.id === 'hip-flexor-stretch')!;
    const stretchSteps = r.steps.map((_, i) => stepKey(r, i)).filter((k) => /hip/.test(text('en', k)) && /tuck/i.test(text('en', k)));
    expect(stretchSteps).toHaveLength(2);
    expect(LOCALES.filter((l) => !TUCK[l])).toEqual([]);
    expect(
      LOCALES.flatMap((l) => stretchSteps.filter((k) => !TUCK[l]!.test(text(l, k))).map((k) => `${l} ${k}: "${text(l, k)}"`)),
    ).toEqual([]);
  });
});
