/**
 * Renders the routine catalogue as Markdown (docs/ROUTINES.md), in English. Pure: the same
 * catalogue and messages always give the same text. scripts/routine-list.ts writes the file from
 * content/routines.ts and public/_locales/en/messages.json; content/routine-list.test.ts fails
 * when the committed file no longer matches them.
 */
import { titleKey } from './keys';
import { ROUTINE_KINDS, SOURCE_FILES, type Routine, type RoutineKind, type SourceFile } from './types';

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
    'Fill stretch breaks, only after the one-time safety screen (settings `routines.selfMassage` is `allowed`).',
  posture: 'Fill posture checks (micro breaks).',
  eyes: 'Fill posture checks (micro breaks).',
};

/** Short titles of the articles in ../shared/sources/ (see its README.md). */
export const SOURCE_TITLES: Record<SourceFile, string> = {
  '000_17127256b9a5dc16.txt': 'Relieve Tension and Pain in the Muscles With Back Pain and Massage Therapy',
  '001_2f0860d736cc2a50.txt': 'Massage Therapy For Back Pain',
  '002_61c43f22783eb111.txt': '(untitled) massage therapy for back pain',
  '003_c6dbf771cae5e23a.txt': 'Back Pain Massage Treatment for Lasting Relief',
  '004_7c94fdeeb76c4d01.txt': 'Massage Therapy For Back Pain',
};

/** From docs/ to the shared sources folder beside the repository. */
const SOURCES_LINK = '../../shared/sources/';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatDuration(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

const sourceRef = (f: SourceFile) => `[${f.slice(0, 3)}](${SOURCES_LINK}${f})`;

function table(routines: readonly Routine[], messages: MessageFile): string[] {
  const rows = [
    '| Title | id | Duration | Areas | Position | Equipment | Sources |',
    '|---|---|---|---|---|---|---|',
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
        r.sources.map(sourceRef).join(', '),
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
    `Limber's routine library: ${catalogue.length} routines. Each one names the articles it draws from`,
    '(in `../shared/sources/`). Their timing is in `content/routines.ts`; their words (titles, summaries,',
    'steps, cautions) are in the message catalogues, `public/_locales/<lang>/messages.json` (`r_<id>_*`',
    'and `caution_*`), in English and German. These are general wellness tips, not medical advice.',
    '',
  ];
  for (const kind of ROUTINE_KINDS) {
    const of = catalogue.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    out.push(`## ${KIND_HEADING[kind]} (${of.length})`, '', KIND_NOTE[kind], '', ...table(of, messages), '');
  }
  out.push('## Sources', '', '| id | Article |', '|---|---|');
  for (const f of SOURCE_FILES) out.push(`| ${sourceRef(f)} | ${cell(SOURCE_TITLES[f])} |`);
  out.push('');
  return out.join('\n');
}
