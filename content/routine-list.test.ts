// docs/ROUTINES.md is generated from the catalogue; this keeps the two from drifting apart.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTINES } from './routines';
import { SOURCE_NOTES, UNCOVERED } from './source-notes';
import { SOURCES, sourceLabel } from './sources';
import { formatDuration, messageText, ROUTINE_LIST_PATH, routineListMarkdown, type MessageFile } from './routine-list';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const english = JSON.parse(readFileSync(path.join(repoRoot, 'public/_locales/en/messages.json'), 'utf8')) as MessageFile;

describe('docs/ROUTINES.md', () => {
  it('is up to date with the catalogue (regenerate: npx tsx scripts/routine-list.ts)', () => {
    const committed = readFileSync(path.join(repoRoot, ROUTINE_LIST_PATH), 'utf8');
    expect(committed).toBe(routineListMarkdown(ROUTINES, english));
  });

  it('lists every routine once, by id, with its duration', () => {
    const md = routineListMarkdown(ROUTINES, english);
    for (const r of ROUTINES) {
      const rows = md.split('\n').filter((l) => l.includes(`| \`${r.id}\` |`));
      expect(rows, r.id).toHaveLength(1);
      expect(rows[0], r.id).toContain(`| ${formatDuration(r.durationSec)} |`);
    }
  });

  it('marks the routines that come after the safety screen, and only those (the twist does, the chest opener does not)', () => {
    const md = routineListMarkdown(ROUTINES, english);
    const row = (id: string) => md.split('\n').find((l) => l.includes(`| \`${id}\` |`))!;
    expect(row('seated-spinal-twist')).toContain('| first |');
    expect(row('hand-massage-sore-spots')).toContain('| first |');
    expect(row('chest-opener')).not.toContain('| first |');
  });

  it('takes titles from the English messages and refuses a missing one', () => {
    expect(routineListMarkdown(ROUTINES, english)).toContain(`| ${english.r_knee_to_chest_title!.message} | \`knee-to-chest\` |`);
    expect(() => messageText({}, 'r_knee_to_chest_title')).toThrow(/r_knee_to_chest_title/);
  });

  it('shows every source by title and publisher, with its link when it has one, and never a file name', () => {
    const md = routineListMarkdown(ROUTINES, english);
    for (const r of ROUTINES) {
      const section = md.slice(md.indexOf(`(\`${r.id}\`)\n`));
      const lines = section.split('\n').slice(2, 2 + r.sources.length);
      for (const [i, id] of r.sources.entries()) {
        const src = SOURCES[id];
        const line = lines[i] ?? '';
        expect(line, `${r.id} / ${id}`).toContain(sourceLabel(src));
        if (src.publisher) expect(line, `${r.id} / ${id}`).toContain(src.publisher);
        if (src.url) expect(line, `${r.id} / ${id}`).toContain(`](${src.url})`);
        expect(line, `${r.id} / ${id}`).toContain(SOURCE_NOTES[r.id]![id]!);
      }
    }
    expect(md).not.toMatch(/\d{3}_[0-9a-f]{16}|\.txt\b|\.\.\/shared/);
  });

  it('says, under its sources, what a routine does that none of them describes', () => {
    const md = routineListMarkdown(ROUTINES, english);
    expect(Object.keys(UNCOVERED).length).toBeGreaterThan(0);
    for (const [id, gap] of Object.entries(UNCOVERED)) {
      const r = ROUTINES.find((x) => x.id === id)!;
      const section = md.slice(md.indexOf(`(\`${id}\`)\n`)).split('\n');
      expect(section[2 + r.sources.length], id).toContain(gap.note);
    }
  });

  it('formats durations', () => {
    expect(formatDuration(25)).toBe('25 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(140)).toBe('2 min 20 s');
  });
});
