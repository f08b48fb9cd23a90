/**
 * The README's demo-history command works as written (`npx tsx scripts/demo-history.ts`) and its
 * file passes the import check a user's file goes through.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../lib/backup-parse';
import { demoBackup, demoHistory } from './demo-history';

const NOW = Date.UTC(2026, 2, 4, 15, 0);
const dir = mkdtempSync(path.join(tmpdir(), 'limber-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo history', () => {
  it('as a whole backup, passes the import check with every row', async () => {
    const rows = demoHistory({ now: NOW, timeZone: 'Europe/Berlin', days: 90 });
    expect(rows.length).toBeGreaterThan(500);
    const parsed = parseBackup(await demoBackup(rows, NOW), NOW);
    expect(parsed.ok ? parsed.value.history.length : parsed).toBe(rows.length);
  });

  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

  it('the README command, exactly as written, gives an importable backup (on stdout when that is not a terminal)', () => {
    const text = execFileSync(tsx, ['scripts/demo-history.ts'], { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    const parsed = parseBackup(text, Date.now());
    expect(parsed.ok && parsed.value.history.length).toBeGreaterThan(1000);
  }, 30_000);

  it('--out writes the file there', () => {
    const out = path.join(dir, 'demo.json');
    execFileSync(tsx, ['scripts/demo-history.ts', '--days', '30', '--out', out], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] });
    const parsed = parseBackup(readFileSync(out, 'utf8'), Date.now());
    expect(parsed.ok && parsed.value.history.length).toBeGreaterThan(50);
  }, 30_000);
});
