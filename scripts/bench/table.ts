/**
 * The bench's table: rows as the measurements add them, printed as one Markdown table. Shared by
 * `npm run bench` and the sections that also run alone (scripts/bench/popup.ts, worker-live.ts).
 */
export interface Row {
  area: string;
  measure: string;
  value: string;
  target: string;
  ok: string;
}
export type AddRow = (area: string, measure: string, value: string, target?: string, ok?: boolean) => void;

export function table(): { rows: Row[]; add: AddRow } {
  const rows: Row[] = [];
  const add: AddRow = (area, measure, value, target = '', ok) => rows.push({ area, measure, value, target, ok: ok === undefined ? '' : ok ? 'ok' : 'OVER' });
  return { rows, add };
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

/** Prints the rows; a missed target sets a failing exit code. */
export function printTable(rows: readonly Row[]): void {
  const cols: Array<keyof Row> = ['area', 'measure', 'value', 'target', 'ok'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))])) as Record<keyof Row, number>;
  const line = (r: Record<keyof Row, string>) => `| ${cols.map((c) => r[c].padEnd(width[c])).join(' | ')} |`;
  console.log(line({ area: 'area', measure: 'measure', value: 'value', target: 'target', ok: 'ok' }));
  console.log(`|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const over = rows.filter((r) => r.ok === 'OVER');
  if (over.length) {
    console.log(`\n${over.length} target(s) missed.`);
    process.exitCode = 1;
  }
}

/** Runs one section on its own and prints its rows. */
export async function runAlone(section: (add: AddRow) => Promise<void>): Promise<void> {
  const { rows, add } = table();
  await section(add);
  printTable(rows);
}
