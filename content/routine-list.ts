/**
 * Renders the routine catalogue as Markdown (docs/ROUTINES.md), in English. Pure: the same
 * catalogue and messages always give the same text. scripts/routine-list.ts writes the file from
 * content/routines.ts and public/_locales/en/messages.json; content/routine-list.test.ts fails
 * when the committed file no longer matches them.
 */
import { cautionKey, titleKey } from './keys';
import { needsScreening } from './picker';
import { CAUTION_SOURCES, SOURCE_NOTES, UNCOVERED } from './source-notes';
import { SOURCE_IDS, SOURCES, sourceLabel, type SourceId } from './sources';
import { CAUTIONS, ROUTINE_KINDS, type Routine, type RoutineKind } from './types';

/** A message catalogue as stored in public/_locales/<lang>/messages.json. */
export type MessageFile = Record<string, { message: string; description?: string }>;

/** The text of `key` in `messages`; throws when it is missing (so the list never shows a key). */
export function messageText(messages: MessageFile, key: string): string {
  const text = messages[key]?.message;
  if (typeof text !== 'string') throw new Error(`no message ${key}`);
  return text;
}

export const ROUTINE_LIST_PATH = 'docs/ROUTINES.md';

const KIND_HEADING: Record<RoutineKind, string> = {
  stretch: 'Stretches',
  'self-massage': 'Self-massage',
  posture: 'Posture checks',
  eyes: 'Eye rest',
};

const KIND_NOTE: Record<RoutineKind, string> = {
  stretch: 'Fill stretch breaks.',
  'self-massage':
    'Fill stretch breaks, only once the one-time safety screen is answered "none of these apply" and self-massage is switched on in Options (the answer stays on the device).',
  posture: 'Fill posture checks (micro breaks).',
  eyes: 'Fill posture checks (micro breaks).',
};

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatDuration(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** A source as Markdown: its title (linked when it has a public URL) and publisher. */
function sourceRef(id: SourceId): string {
  const src = SOURCES[id];
  const title = src.url ? `[${cell(sourceLabel(src))}](${src.url})` : `*${cell(sourceLabel(src))}*`;
  return src.publisher ? `${title}, ${cell(src.publisher)}` : title;
}

function table(routines: readonly Routine[], messages: MessageFile): string[] {
  const rows = [
    '| Title | id | Duration | Areas | Position | Equipment | Safety screen | Sources |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of routines) {
    rows.push(
      `| ${[
        cell(messageText(messages, titleKey(r))),
        `\`${r.id}\``,
        formatDuration(r.durationSec),
        r.areas.join(', '),
        r.position,
        r.equipment.join(', '),
        needsScreening(r) ? 'first' : '',
        r.sources.map((id) => `\`${id}\``).join(', '),
      ].join(' | ')} |`,
    );
  }
  return rows;
}

export function routineListMarkdown(catalogue: readonly Routine[], messages: MessageFile): string {
  const out: string[] = [
    '# Routines',
    '',
    '<!-- Generated from content/routines.ts and public/_locales/en/messages.json by',
    '     `npx tsx scripts/routine-list.ts`. Do not edit by hand: content/routine-list.test.ts fails',
    '     when this file and the catalogue disagree. -->',
    '',
    `Limber's routine library: ${catalogue.length} routines. Each one cites the sources that contain its`,
    'technique and its cautions (listed by id in the tables; titles, publishers, links and what each',
    'routine takes from each source are below, with anything a routine does that no source describes).',
    'Their timing is in `content/routines.ts`, the sources in',
    '`content/sources.ts`, the notes in `content/source-notes.ts`; their words (titles, summaries, steps,',
    'cautions) are in the message catalogues, `public/_locales/<lang>/messages.json` (`r_<id>_*` and',
    '`caution_*`), in each of the nine languages. These are general wellness tips, not medical advice.',
    '',
    'A routine marked *first* under "Safety screen" comes only after the one-time safety screen',
    '(self-massage, back bends, twists: `needsScreening` in `content/screening.ts`); "one of these applies"',
    'leaves it out for good, and the answer stays on the device.',
    '',
  ];
  for (const kind of ROUTINE_KINDS) {
    const of = catalogue.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    out.push(`## ${KIND_HEADING[kind]} (${of.length})`, '', KIND_NOTE[kind], '', ...table(of, messages), '');
  }
  out.push('## What each routine takes from its sources', '');
  for (const r of catalogue) {
    out.push(`### ${cell(messageText(messages, titleKey(r)))} (\`${r.id}\`)`, '');
    for (const id of r.sources) out.push(`- ${sourceRef(id)}: ${cell(SOURCE_NOTES[r.id]?.[id] ?? '')}`);
    const gap = UNCOVERED[r.id];
    if (gap) out.push(`- *Not covered by these sources* (${gap.areas.join(', ')}): ${cell(gap.note)}`);
    out.push('');
  }
  out.push('## Safety notes and their sources', '', '| Caution | Text (English) | Sources |', '|---|---|---|');
  for (const c of CAUTIONS) {
    out.push(`| \`${c}\` | ${cell(messageText(messages, cautionKey(c)))} | ${CAUTION_SOURCES[c].map((id) => `\`${id}\``).join(', ')} |`);
  }
  out.push(
    '',
    '## Sources',
    '',
    'The five articles the library started from were read as offline copies and are cited by title (and',
    'publisher where the article names one), without a link. The other sources are public pages.',
    '',
    '| id | Source | Link |',
    '|---|---|---|',
  );
  for (const id of SOURCE_IDS) {
    const src = SOURCES[id];
    out.push(`| \`${id}\` | ${sourceRef(id)} | ${src.url ? `<${src.url}>` : 'offline copy, cited by title'} |`);
  }
  out.push('');
  return out.join('\n');
}
