// Checks the routine catalogue itself: the data has to be right, not just type-correct.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTINES } from './routines';
import { BODY_AREAS, breakKindOf, EQUIPMENT, POSITIONS, ROUTINE_KINDS, SOURCE_FILES, type Routine } from './types';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sourcesDir = path.resolve(repoRoot, '../shared/sources');
const illustrationsDir = path.resolve(repoRoot, 'public/routines');

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

  it('has steps that can be read and done in their time', () => {
    expect(
      failures((r) => {
        if (r.steps.length === 0) return 'no steps';
        for (const s of r.steps) {
          if (!Number.isInteger(s.seconds) || s.seconds < 5 || s.seconds > 60) return `"${s.text}" lasts ${s.seconds} s (5-60)`;
          if (s.text.trim() === '') return 'empty step';
          if (s.text.length > 110) return `"${s.text}" is ${s.text.length} characters (max 110)`;
          if (words(s.text) > 2 * s.seconds) return `"${s.text}" is ${words(s.text)} words for ${s.seconds} s`;
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

  it('has 1-3 short cautions for every routine', () => {
    expect(
      failures((r) => {
        if (r.cautions.length < 1 || r.cautions.length > 3) return `${r.cautions.length} cautions`;
        const long = r.cautions.find((c) => c.length > 140 || c.trim() === '');
        return long !== undefined ? `caution "${long}" is empty or too long` : null;
      }),
    ).toEqual([]);
  });

  it('warns about the spine and about pain in every self-massage routine', () => {
    const massage = ROUTINES.filter((r) => r.kind === 'self-massage');
    expect(massage.length).toBeGreaterThan(0);
    expect(
      massage.flatMap((r) => [
        ...(r.cautions.some((c) => /\bspine\b/i.test(c)) ? [] : [`${r.id}: no caution about the spine`]),
        ...(r.cautions.some((c) => /\bpain\b/i.test(c)) ? [] : [`${r.id}: no caution about pain`]),
      ]),
    ).toEqual([]);
  });

  it('has a title and a one-sentence summary', () => {
    expect(
      failures((r) => {
        if (r.title.trim() === '') return 'no title';
        if (r.summary.trim() === '' || !/[.!?]$/.test(r.summary)) return 'summary is not a sentence';
        return null;
      }),
    ).toEqual([]);
  });
});
