// docs/ROUTINES.md is generated from the catalogue; this keeps the two from drifting apart.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTINES } from './routines';
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

  it('takes titles from the English messages and refuses a missing one', () => {
    expect(routineListMarkdown(ROUTINES, english)).toContain(`| ${english.r_knee_to_chest_title!.message} | \`knee-to-chest\` |`);
    expect(() => messageText({}, 'r_knee_to_chest_title')).toThrow(/r_knee_to_chest_title/);
  });

  it('formats durations', () => {
    expect(formatDuration(25)).toBe('25 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(140)).toBe('2 min 20 s');
  });
});
