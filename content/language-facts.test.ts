/** The reading units of content/language-facts.ts: words where a language spaces them, else characters. */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_FACTS, readingUnits, SENTENCE_END } from './language-facts';

describe('reading units', () => {
  it('count words at spaces, and characters (spaces aside) in Japanese', () => {
    expect(readingUnits('  Roll your shoulders   back slowly. ', 'word')).toBe(5);
    expect(readingUnits('肩をゆっくり後ろに回します。', 'character')).toBe(14);
    expect(readingUnits('肩を 回す', 'character')).toBe(4);
  });
  it('Japanese is measured in characters, the others in words', () => {
    expect(Object.entries(LANGUAGE_FACTS).filter(([, f]) => f.unit === 'character').map(([l]) => l)).toEqual(['ja']);
  });
  it('a sentence ends in Latin or full-width punctuation', () => {
    expect(['Done.', 'Stop!', 'Why?', '終わりです。', '止めて！', 'なぜ？'].every((s) => SENTENCE_END.test(s))).toBe(true);
    expect(['Done', '終わり', 'Done:'].some((s) => SENTENCE_END.test(s))).toBe(false);
  });
  it('the Japanese breath words do not take 休息 (rest) for breathing', () => {
    const { breath } = LANGUAGE_FACTS.ja!;
    expect([breath.test('ゆっくり呼吸します。'), breath.test('息を吸います。'), breath.test('少し休息します。')]).toEqual([true, true, false]);
  });
});
