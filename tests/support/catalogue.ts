/**
 * What the routine catalogue checks share (content/catalogue-*.test.ts): the message catalogue
 * files of every locale as read from disk (public/_locales/<lang>/messages.json), each language's
 * facts, and `failures`, which names the routines that fail a check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGE_FACTS } from '../../content/language-facts';
import { ROUTINES } from '../../content/routines';
import { breakKindOf, type Routine } from '../../content/types';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const localesDir = path.resolve(repoRoot, 'public/_locales');

type MessageFile = Record<string, { message: string; description?: string }>;
/** Every locale with a message catalogue. */
export const LOCALES = readdirSync(localesDir).filter((d) => existsSync(path.join(localesDir, d, 'messages.json')));
export const MESSAGES: Record<string, MessageFile> = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(localesDir, l, 'messages.json'), 'utf8')) as MessageFile]),
);
/** The text of `key` in `locale`, '' when missing. */
export const text = (locale: string, key: string): string => MESSAGES[locale]?.[key]?.message ?? '';

/** Each language's reading rate, step length, breath, spine and pain words: content/language-facts.ts. */
export const facts = (locale: string) => LANGUAGE_FACTS[locale];

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isMicro = (r: Routine) => breakKindOf(r) === 'micro';

/** Lists "id: problem" for every routine failing `check` (so a failure names the culprits). */
export function failures(check: (r: Routine) => string | null): string[] {
  return ROUTINES.flatMap((r) => {
    const problem = check(r);
    return problem ? [`${r.id}: ${problem}`] : [];
  });
}
