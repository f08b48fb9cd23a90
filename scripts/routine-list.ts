/**
 * Writes docs/ROUTINES.md from the routine catalogue and its English messages
 * (public/_locales/en/messages.json): npx tsx scripts/routine-list.ts
 * With --check it writes nothing and exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTINES } from '../content/routines';
import { ROUTINE_LIST_PATH, routineListMarkdown, type MessageFile } from '../content/routine-list';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = path.resolve(root, ROUTINE_LIST_PATH);
const english = JSON.parse(readFileSync(path.resolve(root, 'public/_locales/en/messages.json'), 'utf8')) as MessageFile;
const text = routineListMarkdown(ROUTINES, english);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error(`${ROUTINE_LIST_PATH} is out of date: run npx tsx scripts/routine-list.ts`);
    process.exit(1);
  }
  console.log(`${ROUTINE_LIST_PATH} is up to date (${ROUTINES.length} routines).`);
} else {
  writeFileSync(file, text);
  console.log(`Wrote ${ROUTINE_LIST_PATH} (${ROUTINES.length} routines).`);
}
