// Checks the routine catalogue itself: the data has to be right, not just type-correct. Its words
// are read from the message catalogue files (public/_locales/<lang>/messages.json), every locale.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cautionKey, routineKeys, stepKey, summaryKey, titleKey } from './keys';
import { ROUTINES } from './routines';
import { BODY_AREAS, breakKindOf, CAUTIONS, EQUIPMENT, POSITIONS, ROUTINE_KINDS, SOURCE_FILES, type Routine } from './types';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sourcesDir = path.resolve(repoRoot, '../shared/sources');
const illustrationsDir = path.resolve(repoRoot, 'public/routines');
const localesDir = path.resolve(repoRoot, 'public/_locales');

type MessageFile = Record<string, { message: string; description?: string }>;
const LOCALES = readdirSync(localesDir).filter((d) => existsSync(path.join(localesDir, d, 'messages.json')));
const MESSAGES: Record<string, MessageFile> = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(localesDir, l, 'messages.json'), 'utf8')) as MessageFile]),
);
/** The text of `key` in `locale`, '' when missing. */
const text = (locale: string, key: string): string => MESSAGES[locale]?.[key]?.message ?? '';

/**
 * Reading speed: a step's text must be readable (and doable) in its seconds, at most this many
 * words per second and characters in all. German words are longer but fewer, and its steps fit
 * the English limits as they are; a new language may need its own line here.
 */
const READING: Record<string, { wordsPerSecond: number; maxChars: number }> = {
  en: { wordsPerSecond: 2, maxChars: 110 },
  de: { wordsPerSecond: 2, maxChars: 110 },
};
/** How each language says "spine" and "pain", for the self-massage safety check. */
const SAFETY_WORDS: Record<string, { spine: RegExp; pain: RegExp }> = {
  en: { spine: /\bspine\b/i, pain: /\bpain\b/i },
  de: { spine: /Wirbelsäule/i, pain: /Schmerz/i },
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const total = (r: Routine) => r.steps.reduce((sum, s) => sum + s.seconds, 0);
const isMicro = (r: Routine) => breakKindOf(r) === 'micro';

/** Lists "id: problem" for every routine failing `check` (so a failure names the culprits). */
function failures(check: (r: Routine) => string | null): string[] {
  return ROUTINES.flatMap((r) => {
    const problem = check(r);
    return problem ? [`${r.id}: ${problem}`] : [];
  });
}

describe('routine catalogue', () => {
  it('has ids that are unique and kebab-case', () => {
    const ids = ROUTINES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !KEBAB.test(id))).toEqual([]);
  });

  it('has enough routines of each kind', () => {
    expect(ROUTINES.filter((r) => r.kind === 'stretch').length).toBeGreaterThanOrEqual(12);
    expect(ROUTINES.filter((r) => r.kind === 'self-massage').length).toBeGreaterThanOrEqual(6);
    expect(ROUTINES.filter(isMicro).length).toBeGreaterThanOrEqual(8);
    expect(failures((r) => ((ROUTINE_KINDS as readonly string[]).includes(r.kind) ? null : `unknown kind ${r.kind}`))).toEqual([]);
  });

  it('has the routines the product promises', () => {
    const ids = new Set(ROUTINES.map((r) => r.id));
    for (const id of [
      'knee-to-chest',
      'cat-cow',
      'hip-flexor-stretch',
      'chest-opener',
      'neck-side-stretch',
      'shoulder-rolls',
      'seated-spinal-twist',
      'hamstring-stretch',
      'posture-reset',
      'eye-rest-20-20-20',
      'breathing-reset',
      'stand-up-break',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('names sources that exist and are known', () => {
    expect(existsSync(sourcesDir)).toBe(true);
    expect(
      failures((r) => {
        if (r.sources.length === 0) return 'no sources';
        for (const s of r.sources) {
          if (!(SOURCE_FILES as readonly string[]).includes(s)) return `${s} is not in SOURCE_FILES`;
          if (!existsSync(path.join(sourcesDir, s))) return `${s} is missing from ${sourcesDir}`;
        }
        if (new Set(r.sources).size !== r.sources.length) return 'duplicate source';
        return null;
      }),
    ).toEqual([]);
  });

  it('has durations that add up', () => {
    expect(failures((r) => (r.durationSec === total(r) ? null : `durationSec ${r.durationSec} but steps sum to ${total(r)}`))).toEqual([]);
  });

  it('keeps micro checks to 20-30 s and the others to 120-300 s', () => {
    expect(
      failures((r) => {
        const [min, max] = isMicro(r) ? [20, 30] : [120, 300];
        return r.durationSec >= min && r.durationSec <= max ? null : `${r.durationSec} s is outside ${min}-${max} s`;
      }),
    ).toEqual([]);
  });

  it('has steps of 5-60 s', () => {
    expect(
      failures((r) => {
        if (r.steps.length === 0) return 'no steps';
        const bad = r.steps.findIndex((s) => !Number.isInteger(s.seconds) || s.seconds < 5 || s.seconds > 60);
        return bad < 0 ? null : `step ${bad + 1} lasts ${r.steps[bad]!.seconds} s (5-60)`;
      }),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: has steps that can be read and done in their time', (locale) => {
    const limit = READING[locale];
    expect(limit, `add a reading-speed limit for ${locale} to READING`).toBeDefined();
    const { wordsPerSecond, maxChars } = limit!;
    expect(
      failures((r) => {
        for (const [i, s] of r.steps.entries()) {
          const t = text(locale, stepKey(r, i));
          if (t.trim() === '') return `step ${i + 1}: no text`;
          if (t.length > maxChars) return `"${t}" is ${t.length} characters (max ${maxChars})`;
          if (words(t) > wordsPerSecond * s.seconds) return `"${t}" is ${words(t)} words for ${s.seconds} s`;
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('covers every body area, equipment option and position', () => {
    const uncovered = [
      ...BODY_AREAS.filter((a) => !ROUTINES.some((r) => r.areas.includes(a))).map((a) => `area ${a}`),
      ...EQUIPMENT.filter((e) => !ROUTINES.some((r) => r.equipment.includes(e))).map((e) => `equipment ${e}`),
      ...POSITIONS.filter((p) => !ROUTINES.some((r) => r.position === p)).map((p) => `position ${p}`),
    ];
    expect(uncovered).toEqual([]);
  });

  it('uses only known areas, equipment and positions', () => {
    expect(
      failures((r) => {
        if (r.areas.length === 0) return 'no areas';
        if (r.areas.some((a) => !(BODY_AREAS as readonly string[]).includes(a))) return 'unknown area';
        if (!(POSITIONS as readonly string[]).includes(r.position)) return 'unknown position';
        if (r.equipment.length === 0) return "no equipment (use ['none'])";
        if (r.equipment.some((e) => !(EQUIPMENT as readonly string[]).includes(e))) return 'unknown equipment';
        if (r.equipment.includes('none') && r.equipment.length > 1) return "'none' together with equipment";
        return null;
      }),
    ).toEqual([]);
  });

  it('has an existing SVG illustration for every routine', () => {
    expect(
      failures((r) => {
        if (r.illustration !== `${r.id}.svg`) return `illustration should be ${r.id}.svg`;
        const file = path.join(illustrationsDir, r.illustration);
        if (!existsSync(file)) return `${file} is missing`;
        const svg = readFileSync(file, 'utf8');
        if (!svg.startsWith('<svg')) return 'does not start with <svg';
        if (!svg.trimEnd().endsWith('</svg>')) return 'does not end with </svg>';
        if (!svg.includes('viewBox="0 0 200 160"')) return 'viewBox is not 0 0 200 160';
        if (!svg.includes('prefers-color-scheme')) return 'no dark-mode style';
        if (/<script|<text|href=|url\(/i.test(svg)) return 'has scripts, text or external references';
        if (svg.length > 2048) return `${svg.length} bytes (max 2 KB)`;
        return null;
      }),
    ).toEqual([]);
  });

  it('has 1-3 different, known cautions for every routine, and uses every caution', () => {
    expect(
      failures((r) => {
        if (r.cautions.length < 1 || r.cautions.length > 3) return `${r.cautions.length} cautions`;
        if (new Set(r.cautions).size !== r.cautions.length) return 'duplicate caution';
        const unknown = r.cautions.find((c) => !(CAUTIONS as readonly string[]).includes(c));
        return unknown === undefined ? null : `unknown caution ${unknown}`;
      }),
    ).toEqual([]);
    expect(CAUTIONS.filter((c) => !ROUTINES.some((r) => r.cautions.includes(c)))).toEqual([]);
  });

  it.each(LOCALES)('%s: has every caution, short', (locale) => {
    expect(
      CAUTIONS.flatMap((c) => {
        const t = text(locale, cautionKey(c));
        return t.trim() === '' ? [`${c}: no text`] : t.length > 140 ? [`${c}: "${t}" is ${t.length} characters (max 140)`] : [];
      }),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: warns about the spine and about pain in every self-massage routine', (locale) => {
    const words = SAFETY_WORDS[locale];
    expect(words, `add the words for "spine" and "pain" in ${locale} to SAFETY_WORDS`).toBeDefined();
    const massage = ROUTINES.filter((r) => r.kind === 'self-massage');
    expect(massage.length).toBeGreaterThan(0);
    const says = (r: Routine, word: RegExp) => r.cautions.some((c) => word.test(text(locale, cautionKey(c))));
    expect(
      massage.flatMap((r) => [
        ...(says(r, words!.spine) ? [] : [`${r.id}: no caution about the spine`]),
        ...(says(r, words!.pain) ? [] : [`${r.id}: no caution about pain`]),
      ]),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: has a title and a one-sentence summary for every routine', (locale) => {
    expect(
      failures((r) => {
        if (text(locale, titleKey(r)).trim() === '') return 'no title';
        const summary = text(locale, summaryKey(r));
        if (summary.trim() === '' || !/[.!?]$/.test(summary)) return `summary "${summary}" is not a sentence`;
        return null;
      }),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: has every message a routine uses, with a unique title', (locale) => {
    expect(failures((r) => routineKeys(r).filter((k) => text(locale, k).trim() === '').join(', ') || null)).toEqual([]);
    const titles = ROUTINES.map((r) => text(locale, titleKey(r)).toLowerCase());
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  it.each(LOCALES)('%s: has no routine or caution message that nothing uses', (locale) => {
    const wanted = new Set([...ROUTINES.flatMap(routineKeys), ...CAUTIONS.map(cautionKey)]);
    const orphans = Object.keys(MESSAGES[locale]!).filter((k) => /^(r|caution)_/i.test(k) && !wanted.has(k));
    expect(orphans).toEqual([]);
  });

  it.each(LOCALES)('%s: has message names Chrome accepts, unique without regard to case', (locale) => {
    const names = Object.keys(MESSAGES[locale]!);
    expect(names.filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
    const lower = names.map((k) => k.toLowerCase());
    expect(names.filter((_, i) => lower.indexOf(lower[i]!) !== i)).toEqual([]);
  });
});
