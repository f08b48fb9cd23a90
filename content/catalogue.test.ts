// Checks the routine catalogue itself: the data has to be right, not just type-correct. Its words
// are read from the message catalogue files (public/_locales/<lang>/messages.json), every locale.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { altKey, cautionKey, routineKeys, stepKey, summaryKey, titleKey } from './keys';
import { LANGUAGE_FACTS, readingUnits, SENTENCE_END } from './language-facts';
import { ROUTINES } from './routines';
import { CAUTION_SOURCES, SOURCE_NOTES } from './source-notes';
import { SOURCE_IDS, SOURCES, type Source, type SourceId } from './sources';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { BODY_AREAS, breakKindOf, CAUTIONS, EQUIPMENT, POSITIONS, ROUTINE_KINDS, STEP_CUES, type Routine, type RoutineStep } from './types';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const illustrationsDir = path.resolve(repoRoot, 'public/routines');
const localesDir = path.resolve(repoRoot, 'public/_locales');

type MessageFile = Record<string, { message: string; description?: string }>;
const LOCALES = readdirSync(localesDir).filter((d) => existsSync(path.join(localesDir, d, 'messages.json')));
const MESSAGES: Record<string, MessageFile> = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(localesDir, l, 'messages.json'), 'utf8')) as MessageFile]),
);
/** The text of `key` in `locale`, '' when missing. */
const text = (locale: string, key: string): string => MESSAGES[locale]?.[key]?.message ?? '';

/** Each language's reading rate, step length, breath, spine and pain words: content/language-facts.ts. */
const facts = (locale: string) => LANGUAGE_FACTS[locale];
/** Each in- or out-breath a step asks for needs at least this long (a slow count of four). */
const SECONDS_PER_BREATH = 4;
/** The 20-20-20 rule: at least this long looking into the distance. */
const DISTANCE_GAZE_SEC = 20;
/** Citations must never be file names (the articles' offline copies are named by three digits, an underscore and a hash, .txt). */
const FILE_NAME = /\.(txt|md|pdf|docx?|html?)$|\d{3}_[0-9a-f]{6,}/i;
/** Paths that leave the repository (the articles' folder sits beside it in some checkouts). */
const OUTSIDE_REPO = /\.\.\/shared|\/shared\/sources|\/work\/shared/;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
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
      'standing-desk-check',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('cites sources that resolve to content/sources.ts, each with a note of what it takes', () => {
    expect(
      failures((r) => {
        if (r.sources.length === 0) return 'no sources';
        if (new Set(r.sources).size !== r.sources.length) return 'duplicate source';
        const unknown = r.sources.find((s) => !(s in SOURCES));
        if (unknown !== undefined) return `${unknown} is not in content/sources.ts`;
        const notes = SOURCE_NOTES[r.id] ?? {};
        const noNote = r.sources.find((s) => (notes[s] ?? '').trim().length < 20);
        if (noNote !== undefined) return `no note of what it takes from ${noNote}`;
        const stray = Object.keys(notes).find((s) => !(r.sources as readonly string[]).includes(s));
        return stray === undefined ? null : `a note for ${stray}, which it does not cite`;
      }),
    ).toEqual([]);
    // Notes only for routines that exist, and every source in the table is cited by something.
    expect(Object.keys(SOURCE_NOTES).filter((id) => !ROUTINES.some((r) => r.id === id))).toEqual([]);
    const cited = new Set<string>([...ROUTINES.flatMap((r) => r.sources), ...Object.values(CAUTION_SOURCES).flat()]);
    expect(SOURCE_IDS.filter((s) => !cited.has(s))).toEqual([]);
  });

  it('cites titles and public addresses, never file names or paths outside the repository', () => {
    const bad = (id: string, s: Source): string | null => {
      if (!KEBAB.test(id)) return `id ${id} is not kebab-case`;
      if (FILE_NAME.test(id) || FILE_NAME.test(s.title)) return `${id} looks like a file name`;
      if (s.title.trim().length < 3) return `${id} has no title`;
      if (s.publisher !== null && s.publisher.trim() === '') return `${id} has an empty publisher`;
      if (s.kind === 'article') return s.url === null ? null : `${id} is an offline article: cite it by title, without a link`;
      if (s.url === null) return `${id} is a web source without its URL`;
      let url: URL;
      try {
        url = new URL(s.url);
      } catch {
        return `${id}: ${s.url} is not an absolute URL`;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${id}: ${s.url} is not a web address`;
      if (url.hostname === 'localhost' || !url.hostname.includes('.')) return `${id}: ${s.url} is not a public address`;
      return FILE_NAME.test(url.pathname) && /\.txt$/i.test(url.pathname) ? `${id}: ${s.url} links a text file` : null;
    };
    expect(Object.entries(SOURCES).flatMap(([id, s]) => bad(id, s) ?? [])).toEqual([]);

    // Nothing the repository ships, generates or tests with needs a folder beside it.
    const files = [
      ...readdirSync(path.join(repoRoot, 'content')).map((f) => path.join('content', f)),
      'docs/ROUTINES.md',
      'scripts/routine-list.ts',
      'public/_locales/en/messages.json',
      'public/_locales/de/messages.json',
    ].filter((f) => /\.(ts|md|json)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const outside = files.flatMap((f) => {
      const text = readFileSync(path.join(repoRoot, f), 'utf8').replace(/const OUTSIDE_REPO = .*\n/, '');
      const hit = OUTSIDE_REPO.exec(text) ?? /\b\d{3}_[0-9a-f]{16}\.txt\b/.exec(text);
      return hit ? [`${f}: ${hit[0]}`] : [];
    });
    expect(outside).toEqual([]);
  });

  it('shows only cautions that come from a source the routine cites', () => {
    expect(
      failures((r) => {
        const orphan = r.cautions.find((c) => !CAUTION_SOURCES[c].some((s) => r.sources.includes(s as SourceId)));
        return orphan === undefined ? null : `caution ${orphan} comes from ${CAUTION_SOURCES[orphan].join(' / ')}, none of which it cites`;
      }),
    ).toEqual([]);
  });

  it('has durations that add up', () => {
    expect(failures((r) => (r.durationSec === total(r) ? null : `durationSec ${r.durationSec} but steps sum to ${total(r)}`))).toEqual([]);
  });

  // Micro checks allow 45 s: 20 s of real distance gaze or three slow breaths, plus reading.
  it('keeps micro checks to 20-45 s and the others to 120-300 s', () => {
    expect(
      failures((r) => {
        const [min, max] = isMicro(r) ? [20, 45] : [120, 300];
        return r.durationSec >= min && r.durationSec <= max ? null : `${r.durationSec} s is outside ${min}-${max} s`;
      }),
    ).toEqual([]);
  });

  // The player plays a whole routine, and the picker takes routines that fit the break's length
  // (content/picker.ts): with the default lengths every routine of a kind can come up.
  it("fits every routine into its break kind's default length", () => {
    expect(
      failures((r) => {
        const kind = breakKindOf(r);
        const max = DEFAULT_SETTINGS[kind].lengthSec;
        return r.durationSec <= max ? null : `${r.durationSec} s is longer than the default ${kind} break (${max} s)`;
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

  // A step must leave time to read its text at the language's pace AND then to do what it asks,
  // `actionSec` (content/types.ts).
  it.each(LOCALES)('%s: has steps that can be read and then done in their time', (locale) => {
    const limit = facts(locale);
    expect(limit, `add ${locale} to LANGUAGE_FACTS in content/language-facts.ts`).toBeDefined();
    const { unit, perSecond, maxChars } = limit!;
    expect(
      failures((r) => {
        for (const [i, s] of r.steps.entries()) {
          const t = text(locale, stepKey(r, i));
          if (t.trim() === '') return `step ${i + 1}: no text`;
          if (t.length > maxChars) return `"${t}" is ${t.length} characters (max ${maxChars})`;
          const n = readingUnits(t, unit);
          const needed = n / perSecond + s.actionSec;
          if (needed > s.seconds) {
            return `step ${i + 1} "${t}": ${n} ${unit}s at ${perSecond}/s + ${s.actionSec} s to do it = ${needed.toFixed(1)} s, but it lasts ${s.seconds} s`;
          }
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('gives every step a real action time', () => {
    expect(
      failures((r) => {
        const bad = r.steps.findIndex((s) => !Number.isInteger(s.actionSec) || s.actionSec < 2 || s.actionSec >= s.seconds);
        return bad < 0 ? null : `step ${bad + 1}: actionSec ${r.steps[bad]!.actionSec} (2 .. seconds - 1)`;
      }),
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: gives breathing steps real breaths (at least 4 s per in- or out-breath)', (locale) => {
    const says = facts(locale)?.breath;
    expect(says, `add ${locale} to LANGUAGE_FACTS in content/language-facts.ts`).toBeDefined();
    expect(
      failures((r) => {
        for (const [i, s] of r.steps.entries()) {
          const t = text(locale, stepKey(r, i));
          if (says!.test(t) && !(s.breaths! > 0)) return `step ${i + 1} "${t}" asks for breaths but declares none`;
          const breaths = s.breaths ?? 0;
          if (breaths * SECONDS_PER_BREATH > s.actionSec) {
            return `step ${i + 1} "${t}": ${breaths} in/out-breaths need ${breaths * SECONDS_PER_BREATH} s, it leaves ${s.actionSec} s`;
          }
        }
        return null;
      }),
    ).toEqual([]);
    // The breathing routine is breathing, not one breath.
    const breathing = ROUTINES.find((r) => r.id === 'breathing-reset')!;
    expect(breathing.steps.reduce((n, s) => n + (s.breaths ?? 0), 0)).toBeGreaterThanOrEqual(6);
  });

  it('gives the 20-20-20 eye rest at least 20 s of real distance gaze', () => {
    const eye = ROUTINES.find((r) => r.id === 'eye-rest-20-20-20')!;
    const gaze = eye.steps.filter((s) => s.cue === 'look-away');
    expect(gaze.length).toBeGreaterThan(0);
    expect(Math.max(...gaze.map((s) => s.actionSec))).toBeGreaterThanOrEqual(DISTANCE_GAZE_SEC);
  });

  it('marks eyes-closed and look-away steps, never as the last step (the player cues their end)', () => {
    expect(
      failures((r) => {
        const cues = r.steps.map((s: RoutineStep) => s.cue);
        const unknown = cues.find((c) => c !== undefined && !(STEP_CUES as readonly string[]).includes(c));
        if (unknown !== undefined) return `unknown cue ${unknown}`;
        if (cues.at(-1) !== undefined) return 'the last step has a cue: the player could not show its end';
        if (r.kind === 'eyes' && !cues.some(Boolean)) return 'an eye routine without an eyes-closed or look-away step';
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

  // As many cautions as apply: no cap (the back and hip self-massages need five).
  it('has at least one caution for every routine, all different and known, and uses every caution', () => {
    expect(
      failures((r) => {
        if (r.cautions.length < 1) return 'no caution';
        if (new Set(r.cautions).size !== r.cautions.length) return 'duplicate caution';
        const unknown = r.cautions.find((c) => !(CAUTIONS as readonly string[]).includes(c));
        return unknown === undefined ? null : `unknown caution ${unknown}`;
      }),
    ).toEqual([]);
    expect(CAUTIONS.filter((c) => !ROUTINES.some((r) => r.cautions.includes(c)))).toEqual([]);
  });

  it('warns about a stable chair wherever a routine uses one', () => {
    expect(failures((r) => (r.equipment.includes('chair') && !r.cautions.includes('stableChair') ? 'uses a chair without the stable-chair caution' : null))).toEqual([]);
  });

  it('warns about spinal conditions and numbness or tingling on back bends, twists and back or hip self-massage', () => {
    const spinal = (r: Routine) =>
      r.id === 'standing-back-extension' ||
      r.id === 'seated-spinal-twist' ||
      (r.kind === 'self-massage' && r.areas.some((a) => a === 'lower-back' || a === 'upper-back' || a === 'hips'));
    expect(ROUTINES.filter(spinal).length).toBeGreaterThanOrEqual(7);
    expect(
      failures((r) => {
        if (!spinal(r)) return null;
        const missing = (['spineCondition', 'seePro'] as const).filter((c) => !r.cautions.includes(c));
        return missing.length === 0 ? null : `missing ${missing.join(', ')}`;
      }),
    ).toEqual([]);
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
    const words = facts(locale);
    expect(words, `add ${locale} to LANGUAGE_FACTS in content/language-facts.ts`).toBeDefined();
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
