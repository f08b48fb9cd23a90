/**
 * The bench's table: rows as the measurements add them, printed as one Markdown table. Shared by
 * `npm run bench` and the sections that also run alone (scripts/bench/popup.ts, worker-live.ts).
 */
export interface Row {
  area: string;
  measure: string;
  value: string;
  /** The target the row states ('' for a figure given for information). */
  target: string;
  /** 'ok' (target met), 'OVER' (missed, or not measured), '' (no target). */
  ok: string;
}
export type AddRow = (area: string, measure: string, value: string, target?: string, ok?: boolean) => void;

/**
 * The rows, and the function that adds one. A row with a target carries its verdict (a measure
 * that came out as no number has not met it: pass false), a row without one carries none, so that
 * "a target is missed" always names a target the table shows.
 */
export function table(): { rows: Row[]; add: AddRow } {
  const rows: Row[] = [];
  const add: AddRow = (area, measure, value, target = '', ok) => {
    if ((target === '') !== (ok === undefined)) throw new Error(`bench row "${area}: ${measure}": a target needs a verdict and a verdict needs a target`);
    rows.push({ area, measure, value, target, ok: ok === undefined ? '' : ok ? 'ok' : 'OVER' });
  };
  return { rows, add };
}

/** The rows whose stated target was missed (or could not be measured). */
export function missedTargets(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r.target !== '' && r.ok !== 'ok');
}

/** The bench's exit code: 1 exactly when a stated target was missed, else 0. */
export function exitCodeFor(rows: readonly Row[]): 0 | 1 {
  return missedTargets(rows).length > 0 ? 1 : 0;
}

/** Exit code of a bench that could not run to the end (an error, not a verdict on a target). */
export const EXIT_BENCH_FAILED = 2;

/**
 * A bench that throws exits with EXIT_BENCH_FAILED and says so, instead of Node's 1, which means
 * "a target was missed" here.
 */
export function exitOnCrash(): void {
  const fail = (e: unknown) => {
    console.error('\nThe bench failed before it could finish (no verdict on its targets):', e);
    process.exit(EXIT_BENCH_FAILED);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

/** The median of the finite values (NaN if there are none). */
export function median(xs: readonly number[]): number {
  const ok = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return ok.length ? ok[Math.floor(ok.length / 2)]! : NaN;
}

/** "median ms (min-max)" of the finite values, saying how many were missing; '-' if none. */
export function spread(xs: readonly number[], digits = 0): string {
  const ok = xs.filter((x) => Number.isFinite(x));
  if (ok.length === 0) return '-';
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(ok))} ms (${f(Math.min(...ok))}-${f(Math.max(...ok))})${ok.length < xs.length ? ` [${xs.length - ok.length} missing]` : ''}`;
}

/** "median (min-max)" of the finite values with `unit` after each ('-' if none): a figure over cycles or runs. */
export function range(xs: readonly number[], digits = 0, unit = ''): string {
  const ok = xs.filter((x) => Number.isFinite(x));
  if (ok.length === 0) return '-';
  const f = (x: number) => `${x.toFixed(digits)}${unit}`;
  return `${f(median(ok))} (${f(Math.min(...ok))}-${f(Math.max(...ok))})`;
}

/** The closing lines: every missed target by name, or that all were met. */
export function verdictLines(rows: readonly Row[]): string[] {
  const missed = missedTargets(rows);
  const stated = rows.filter((r) => r.target !== '').length;
  if (missed.length === 0) return [`All ${stated} stated targets met.`];
  return [`${missed.length} of ${stated} stated targets missed:`, ...missed.map((r) => `- ${r.area}: ${r.measure.trim()}: ${r.value} (target ${r.target})`)];
}

/** Prints the rows and the verdict, and sets the exit code: 1 exactly when a stated target was missed. */
export function printTable(rows: readonly Row[]): void {
  const cols: Array<keyof Row> = ['area', 'measure', 'value', 'target', 'ok'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))])) as Record<keyof Row, number>;
  const line = (r: Record<keyof Row, string>) => `| ${cols.map((c) => r[c].padEnd(width[c])).join(' | ')} |`;
  console.log(line({ area: 'area', measure: 'measure', value: 'value', target: 'target', ok: 'ok' }));
  console.log(`|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\n${verdictLines(rows).join('\n')}`);
  process.exitCode = exitCodeFor(rows);
}

/** Runs one section on its own and prints its rows. */
export async function runAlone(section: (add: AddRow) => Promise<void>): Promise<void> {
  exitOnCrash();
  const { rows, add } = table();
  await section(add);
  printTable(rows);
}
