// Checks the routine catalogue's structure: unique kebab-case ids, enough routines of each kind
// and the ones promised, known and covered areas, equipment and positions, an illustration for
// each, and in every locale's message catalogue every message a routine uses (title, summary,
// alt text), none that nothing uses, and names Chrome accepts.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { altKey, cautionKey, routineKeys, stepKey, summaryKey, titleKey } from './keys';
import { readingUnits, SENTENCE_END } from './language-facts';
import { ROUTINES } from './routines';
import { BODY_AREAS, CAUTIONS, EQUIPMENT, POSITIONS, ROUTINE_KINDS } from './types';
import { facts, failures, isMicro, KEBAB, LOCALES, MESSAGES, repoRoot, text } from '../tests/support/catalogue';

const illustrationsDir = path.resolve(repoRoot, 'public/routines');

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
      'standing-desk-check',
    ]) {
      expect(ids, id).toContain(id);
    }
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

  it.each(LOCALES)('%s: has a title and a one-sentence summary for every routine', (locale) => {
    expect(
      failures((r) => {
        if (text(locale, titleKey(r)).trim() === '') return 'no title';
        const summary = text(locale, summaryKey(r));
        if (summary.trim() === '' || !SENTENCE_END.test(summary)) return `summary "${summary}" is not a sentence`;
        return null;
      }),
    ).toEqual([]);
  });

  // The player's alt text: what the figure does, in a sentence of its own (not the title again).
  it.each(LOCALES)('%s: describes every illustration in a sentence (its alt text)', (locale) => {
    expect(
      failures((r) => {
        const alt = text(locale, altKey(r));
        const unit = facts(locale)?.unit ?? 'word';
        if (!SENTENCE_END.test(alt) || readingUnits(alt, unit) < (unit === 'word' ? 5 : 10)) return `alt text "${alt}" is not a sentence`;
        if (alt.length > 160) return `alt text is ${alt.length} characters (max 160)`;
        return alt === text(locale, titleKey(r)) || alt === text(locale, summaryKey(r)) ? 'alt text repeats the title or summary' : null;
      }),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: has every message a routine uses, with a unique title', (locale) => {
    expect(failures((r) => routineKeys(r).filter((k) => text(locale, k).trim() === '').join(', ') || null)).toEqual([]);
    const titles = ROUTINES.map((r) => text(locale, titleKey(r)).toLowerCase());
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  // A step that says again what an earlier one said shares its message (`sameAs`): nine catalogues
  // of repeated sentences cost the store package about 0.6 KB.
  it('a step that repeats an earlier one names it, and no routine has one sentence under two names', () => {
    expect(failures((r) => r.steps.map((st, i) => (st.sameAs === undefined || (st.sameAs < i && r.steps[st.sameAs]!.sameAs === undefined) ? '' : `step ${i + 1}`)).filter(Boolean).join(', ') || null)).toEqual([]);
    for (const locale of LOCALES) {
      expect(failures((r) => {
        const words = [...new Set(r.steps.map((_, i) => stepKey(r, i)))].map((k) => text(locale, k));
        return words.filter((w, i) => words.indexOf(w) !== i).join(' | ') || null;
      }), locale).toEqual([]);
    }
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
