/**
 * A realistic, seeded break history for screenshots, demos and benchmarks: working days with
 * posture checks every ~20 minutes and stretch breaks every ~50 minutes of desk time, lunch and
 * meetings credited as natural breaks, snoozes, a holiday week, the odd weekend session, and a
 * habit that improves over the months. Deterministic for a given seed, `now` and zone.
 *
 * Loaded through the import path (the same checks as a user's file). As a command:
 *
 *   npx tsx scripts/demo-history.ts [--days 183] [--tz Europe/Berlin] [--seed 7] [--out demo.json]
 *
 * writes a whole backup (default settings and this history) to --out, or to stdout when that is
 * not a terminal, else to limber-demo-history.json in the system's temporary folder; then import
 * that file from the options page ("Your data"). With --from my-export.json the history is put
 * into your own export instead (your settings kept); that form also runs on plain Node
 * (`node scripts/demo-history.ts --from ...`), the default one needs tsx.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, dayKey } from '../lib/days.ts';
import { localToInstant } from '../lib/schedule.ts';
import { ROUTINES } from '../content/routines.ts';
import { mulberry32 as rng } from '../lib/prng.ts';
import type { StoredBreak } from '../lib/storage/history.ts';

/** A history row, exactly as the background stores it. */
export type DemoRow = StoredBreak;

export interface DemoOptions {
  now: number;
  timeZone: string;
  /** How many days back, today included. */
  days?: number;
  seed?: number;
}


const MIN = 60_000;
const STRETCH_IDS = ROUTINES.filter((r) => r.kind === 'stretch' || r.kind === 'self-massage').map((r) => r.id);
const MICRO_IDS = ROUTINES.filter((r) => r.kind === 'posture' || r.kind === 'eyes').map((r) => r.id);
/** Favourites come up more often (the picker's preferences, roughly). */
const FAVOURITES = ['neck-side-stretch', 'shoulder-rolls', 'cat-cow', 'chest-opener', 'seated-spinal-twist'].filter((id) => STRETCH_IDS.includes(id));

export function demoHistory({ now, timeZone, days = 183, seed = 7 }: DemoOptions): DemoRow[] {
  const rand = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const today = dayKey(now, timeZone);
  const first = addDays(today, -(days - 1));
  const rows: DemoRow[] = [];
  // A holiday week about two months back, and a few days the browser was not opened.
  const holidayStart = addDays(today, -Math.min(days - 10, 60));
  const isHoliday = (d: string) => d >= holidayStart && d < addDays(holidayStart, 7);

  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
    const weekday = (new Date(Date.UTC(y, m - 1, dd)).getUTCDay() + 6) % 7; // 0 = Monday
    const progress = i / Math.max(1, days - 1); // the habit improves over time
    if (isHoliday(day) || rand() < 0.03) continue;
    let startMin: number;
    let endMin: number;
    if (weekday < 5) {
      startMin = 8 * 60 + 20 + Math.floor(rand() * 70);
      endMin = 16 * 60 + 45 + Math.floor(rand() * 105);
    } else if (rand() < 0.15) {
      startMin = 10 * 60 + Math.floor(rand() * 60);
      endMin = startMin + 90 + Math.floor(rand() * 90);
    } else continue;
    // A bad day now and then (deadline): most prompts skipped.
    const rough = rand() < 0.1 + 0.08 * (1 - progress);
    const pComplete = rough ? 0.03 : 0.5 + 0.3 * progress;
    const pSkip = rough ? 0.7 : 0.3 - 0.18 * progress;
    const lunch = 12 * 60 + Math.floor(rand() * 45);
    const meetings = Array.from({ length: Math.floor(rand() * 3) }, () => {
      const s = startMin + 60 + Math.floor(rand() * Math.max(1, endMin - startMin - 120));
      return { from: s, to: s + 30 + Math.floor(rand() * 31) };
    });

    let micro = 0;
    let stretch = 0;
    let t = startMin;
    const at = (minute: number) => localToInstant(y, m, dd, minute, timeZone);
    const push = (r: Omit<DemoRow, 'day'>) => {
      if (r.endedAt <= now) rows.push({ ...r, day: dayKey(r.startedAt ?? r.endedAt, timeZone) });
    };
    while (t < endMin) {
      const away = t >= lunch && t < lunch + 45 ? { to: lunch + 45 } : meetings.find((mt) => t >= mt.from && t < mt.to);
      if (away) {
        // Away for longer than a stretch break: credited as natural (recorded after half an interval).
        if (stretch >= 25) push({ id: `stretch-${at(t)}`, kind: 'stretch', outcome: 'natural', dueAt: at(t), promptedAt: null, startedAt: null, endedAt: at(away.to), routineId: null, deskMs: stretch * MIN, snoozes: 0, manual: false });
        else if (micro >= 10) push({ id: `micro-${at(t)}`, kind: 'micro', outcome: 'natural', dueAt: at(t), promptedAt: null, startedAt: null, endedAt: at(away.to), routineId: null, deskMs: micro * MIN, snoozes: 0, manual: false });
        micro = 0;
        stretch = 0;
        t = away.to;
        continue;
      }
      t++;
      micro++;
      stretch++;
      if (stretch >= 50) {
        const snoozes = rand() < 0.2 ? 1 + Math.floor(rand() * 2) : 0;
        const due = at(t);
        const desk = (stretch + snoozes * 5) * MIN;
        const r = rand();
        const outcome = r < pComplete ? 'completed' : r < pComplete + pSkip ? 'skipped' : r < pComplete + pSkip + 0.06 ? 'partial' : 'natural';
        const begin = due + snoozes * 5 * MIN;
        const routineId = outcome === 'completed' || outcome === 'partial' ? (rand() < 0.5 && FAVOURITES.length ? pick(FAVOURITES) : pick(STRETCH_IDS)) : null;
        const len = outcome === 'completed' ? 3 * MIN : outcome === 'partial' ? MIN + Math.floor(rand() * 90_000) : outcome === 'natural' ? 8 * MIN : 20_000;
        push({ id: `stretch-${due}`, kind: 'stretch', outcome, dueAt: due, promptedAt: outcome === 'natural' ? null : due, startedAt: outcome === 'completed' || outcome === 'partial' ? begin : null, endedAt: begin + len, routineId, deskMs: desk, snoozes, manual: false });
        t += snoozes * 5 + Math.round(len / MIN);
        micro = 0;
        stretch = 0;
      } else if (micro >= 20 && stretch < 48) {
        const due = at(t);
        const r = rand();
        const outcome = r < pComplete + 0.05 ? 'completed' : r < pComplete + 0.05 + pSkip ? 'skipped' : r < 0.97 ? 'natural' : 'partial';
        const len = outcome === 'skipped' ? 10_000 : outcome === 'natural' ? 2 * MIN : 20_000;
        push({ id: `micro-${due}`, kind: 'micro', outcome, dueAt: due, promptedAt: outcome === 'natural' ? null : due, startedAt: outcome === 'completed' || outcome === 'partial' ? due + 5_000 : null, endedAt: due + len, routineId: outcome === 'completed' || outcome === 'partial' ? pick(MICRO_IDS) : null, deskMs: micro * MIN, snoozes: 0, manual: false });
        micro = 0;
        if (outcome === 'natural') t += 2;
      }
    }
    // Now and then a stretch break taken on one's own ("Take a break now").
    if (rand() < 0.06 + 0.08 * progress) {
      const s = at(startMin + 150);
      push({ id: `manual-${s}`, kind: 'stretch', outcome: 'completed', dueAt: s, promptedAt: null, startedAt: s, endedAt: s + 3 * MIN, routineId: pick(STRETCH_IDS), deskMs: 30 * MIN, snoozes: 0, manual: true });
    }
  }
  rows.sort((a, b) => a.endedAt - b.endedAt);
  // Ids are unique by construction (their instants are), but make sure.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** An exported backup's text with its history replaced by `rows` (to import). */
export function withHistory(exportedJson: string, rows: DemoRow[]): string {
  const backup = JSON.parse(exportedJson) as { history: unknown };
  backup.history = rows;
  return JSON.stringify(backup);
}

/** A whole backup (default settings) holding `rows`, as the options page exports one. */
export async function demoBackup(rows: DemoRow[], now: number): Promise<string> {
  // Loaded here only: these modules import each other without file extensions, which tsx (and
  // the bundler) resolve but plain Node does not, and screenshots.ts runs this file on plain Node.
  const { backupJson, makeBackup } = await import('../lib/backup.ts');
  const { DEFAULT_SETTINGS } = await import('../lib/settings.ts');
  return backupJson(makeBackup(DEFAULT_SETTINGS, rows, now));
}

// As a command.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const from = arg('from');
  const now = Date.now();
  const rows = demoHistory({
    now,
    timeZone: arg('tz') ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    days: Number(arg('days') ?? 183),
    seed: Number(arg('seed') ?? 7),
  });
  const text = from
    ? withHistory(readFileSync(from, 'utf8'), rows)
    : await demoBackup(rows, now).catch((err: unknown) => {
        console.error(`Could not build a backup (${String(err)}).\nRun it as npx tsx scripts/demo-history.ts, or pass --from <an export of yours>.`);
        process.exit(2);
      });
  const out = arg('out') ?? (process.stdout.isTTY ? path.join(tmpdir(), 'limber-demo-history.json') : undefined);
  const what = `${rows.length} breaks over ${new Set(rows.map((r) => r.day)).size} days`;
  if (out) {
    writeFileSync(out, text);
    console.error(`${what} written to ${out}\nImport it in Limber's options, "Your data" (it replaces the history there).`);
  } else {
    process.stdout.write(text);
    console.error(what);
  }
}
