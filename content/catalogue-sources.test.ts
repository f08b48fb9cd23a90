// Checks the routine catalogue's citations and cautions: sources that resolve to content/sources.ts
// with a note of what each gives, cited by title and public address (never a file name or a path
// outside the repository), cautions that come from a cited source, where they are needed, and
// their words in every locale's message catalogue.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cautionKey, stepKey, summaryKey } from './keys';
import { ROUTINES } from './routines';
import { CAUTION_SOURCES, MASSAGE_AREAS, SOURCE_NOTES, UNCOVERED } from './source-notes';
import { SOURCE_GAPS, SOURCE_IDS, SOURCES, type Source, type SourceId } from './sources';
import { SCREENED_CAUTIONS } from './screening';
import { CAUTIONS, type BodyArea, type Routine } from './types';
import { RED_FLAGS } from '../components/SafetyScreen';
import { facts, failures, KEBAB, LOCALES, repoRoot, text } from '../tests/support/catalogue';

/** Citations must never be file names (the articles' offline copies are named by three digits, an underscore and a hash, .txt). */
const FILE_NAME = /\.(txt|md|pdf|docx?|html?)$|\d{3}_[0-9a-f]{6,}/i;
/** Paths that leave the repository (the articles' folder sits beside it in some checkouts). */
const OUTSIDE_REPO = /\.\.\/shared|\/shared\/sources|\/work\/shared/;

describe('routine catalogue', () => {
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

  // docs/ROUTINES.md shows these notes as what a routine takes from a page: a practice length the
  // page gives ("for three to five minutes") is either one the routine lasts, or marked as the
  // page's own suggestion ("the page suggests ...").
  it('never presents a page\'s practice length as what a shorter routine does', () => {
    const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
    const num = (s: string): number => WORDS[s.toLowerCase()] ?? Number(s);
    const N = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)';
    const LENGTH = new RegExp(`\\bfor (?:about |at least )?${N}(?:\\s*(?:to|-|–)\\s*${N})? minutes?\\b`, 'gi');
    expect(
      failures((r) =>
        Object.entries(SOURCE_NOTES[r.id] ?? {}).flatMap(([source, note]) =>
          [...(note ?? '').matchAll(LENGTH)].flatMap((m) => {
            const before = (note ?? '').slice(0, m.index);
            if (/\bthe page suggests\b[^;]*$/i.test(before)) return [];
            return r.durationSec >= num(m[1]!) * 60 ? [] : [`${source}: "${m[0]}" but the routine lasts ${r.durationSec} s`];
          }),
        ).join('; ') || null,
      ),
    ).toEqual([]);
  });

  // The five articles cover self-massage of the back only (the shoulder-blade muscles that the back
  // routines also tag 'shoulders' included). A self-massage anywhere else (the neck, the hips, the
  // forearm) needs a cited source that describes self-massage there, or the routine's notes say
  // plainly that none does (UNCOVERED, shown in docs/ROUTINES.md).
  it('cites, for a self-massage beyond the back, a source that describes self-massage there, or states the gap', () => {
    const BACK: readonly BodyArea[] = ['upper-back', 'lower-back', 'shoulders'];
    expect(
      failures((r) => {
        if (r.kind !== 'self-massage') return null;
        const gap = UNCOVERED[r.id];
        if (gap && gap.note.trim().length < 40) return 'the gap note is too short to say what is not covered';
        const bare = r.areas.filter(
          (a) => !BACK.includes(a) && !r.sources.some((s) => MASSAGE_AREAS[s]?.includes(a)) && !gap?.areas.includes(a),
        );
        const stale = (gap?.areas ?? []).filter((a) => r.sources.some((s) => MASSAGE_AREAS[s]?.includes(a)) || !r.areas.includes(a));
        if (bare.length > 0) return `no cited source describes self-massage of: ${bare.join(', ')}`;
        return stale.length > 0 ? `the gap note names ${stale.join(', ')}, which a cited source covers or the routine does not massage` : null;
      }),
    ).toEqual([]);
    // Only self-massage sources and self-massage routines in these tables.
    expect(Object.keys(UNCOVERED).filter((id) => ROUTINES.find((r) => r.id === id)?.kind !== 'self-massage')).toEqual([]);
    expect(Object.keys(MASSAGE_AREAS).filter((s) => !(s in SOURCES))).toEqual([]);
  });

  // The break player's source list (components/SourceList.tsx) cannot read UNCOVERED (the docs'
  // notes stay out of the pages): SOURCE_GAPS gives it the line to show under the sources, so a
  // person reading "Sources" does not take them to cover what they do not.
  it('says in the player, under the sources, what none of them covers: one line for each gap, naming its areas', () => {
    expect(Object.keys(SOURCE_GAPS).sort()).toEqual(Object.keys(UNCOVERED).sort());
    expect(
      Object.entries(UNCOVERED).flatMap(([id, gap]) => {
        const key = SOURCE_GAPS[id];
        if (!key) return [`${id}: no line in SOURCE_GAPS`];
        const line = text('en', key).toLowerCase();
        return gap.areas.filter((a) => !line.includes(text('en', `area_${a.replace('-', '_')}`).toLowerCase())).map((a) => `${id}: "${line}" does not name ${a}`);
      }),
    ).toEqual([]);
    expect(LOCALES.flatMap((l) => Object.values(SOURCE_GAPS).filter((k) => !k || text(l, k).trim() === '').map((k) => `${l} ${k}`))).toEqual([]);
  });

  it('shows only cautions that come from a source the routine cites', () => {
    expect(
      failures((r) => {
        const orphan = r.cautions.find((c) => !CAUTION_SOURCES[c].some((s) => r.sources.includes(s as SourceId)));
        return orphan === undefined ? null : `caution ${orphan} comes from ${CAUTION_SOURCES[orphan].join(' / ')}, none of which it cites`;
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

  // A self-massage whose steps press beside the spine (the neck's included: its vertebrae are the
  // spine too) carries the spinal-condition caution like the back's: the articles name spinal
  // conditions and fragile vertebrae as reasons not to massage there.
  it('warns about spinal conditions and numbness or tingling on back bends, twists and back, hip or beside-the-spine self-massage', () => {
    const spinal = (r: Routine) =>
      ['standing-back-extension', 'seated-spinal-twist', 'cat-cow', 'standing-side-bend', 'knee-to-chest'].includes(r.id) ||
      (r.kind === 'self-massage' && r.areas.some((a) => a === 'lower-back' || a === 'upper-back' || a === 'hips')) ||
      (r.kind === 'self-massage' && r.steps.some((_, i) => /\bspine\b/i.test(text('en', stepKey(r, i)))));
    expect(ROUTINES.filter(spinal).length).toBeGreaterThanOrEqual(10);
    expect(
      failures((r) => {
        if (!spinal(r)) return null;
        const missing = (['spineCondition', 'seePro'] as const).filter((c) => !r.cautions.includes(c));
        return missing.length === 0 ? null : `missing ${missing.join(', ')}`;
      }),
    ).toEqual([]);
  });

  // The sources say how to do a stretch and what it stretches; none says that it corrects posture,
  // undoes sitting or what a tight muscle pulls on. A summary or step that promised that would be
  // a health claim the library cannot back: it says what to do and what is stretched instead.
  // English is the source text the other languages translate.
  it('says what to do and what is stretched, never what it repairs or a cause no source gives', () => {
    const CLAIM = /\b(undo(es)?|revers(es|e)|corrects?|cures?|heals?|treats?|prevents?|fix(es)?|relieves?|improves?)\b|\bslump|forward-drifting|when tight|hours of sitting/i;
    expect(
      failures((r) => {
        const keys = [summaryKey(r), ...r.steps.map((_, i) => stepKey(r, i))];
        const hit = keys.find((k) => CLAIM.test(text('en', k)));
        return hit === undefined ? null : `${hit}: "${text('en', hit)}"`;
      }),
    ).toEqual([]);
  });

  // The screen keeps out every routine with a screened caution (content/screening.ts), so it must
  // ask about that caution's subject: "Back Pain Massage Treatment for Lasting Relief" names
  // certain spinal conditions (beside fractures and open wounds) as reasons not to massage, and
  // the untitled article fragile bones and disc problems. Without the question, a person with a
  // disc problem answers "none of these apply" and gets the back bends and self-massage.
  it.each(LOCALES)('%s: the safety screen asks about the spinal conditions and fragile bones it screens for', (locale) => {
    expect(SCREENED_CAUTIONS).toEqual(['spineCondition']);
    const flags = RED_FLAGS.map((k) => text(locale, k));
    expect(flags.filter((f) => f.trim() === '')).toEqual([]);
    expect(flags.some((f) => facts(locale)!.spine.test(f)), `no question names the spine: ${flags.join(' / ')}`).toBe(true);
    if (locale === 'en') expect(flags.some((f) => /\bfragile bones\b/.test(f) && /\bdisc\b/.test(f))).toBe(true);
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
});
