/**
 * PRIVACY.md says exactly what syncs: the list between its synced-fields markers must be the
 * settings' fields (what lib/storage/settings-items.ts writes to storage.sync), no more, no less;
 * and no health answer may be among them. (The e2e side: tests/e2e/privacy.spec.ts reads
 * storage.sync itself after use.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { parseSettings } from './settings-parse';
import { OWN_SYNC_BUDGET } from './own-routines';
import { OWN_KEY } from './storage/own-routines';
import { DB_NAME } from './storage/history-db';

const privacy = readFileSync(new URL('../PRIVACY.md', import.meta.url), 'utf8');

function documentedSyncedFields(): string[] {
  const block = /<!-- synced-fields: start -->([\s\S]*?)<!-- synced-fields: end -->/.exec(privacy)?.[1] ?? '';
  return [...block.matchAll(/^- `([a-zA-Z]+)`:/gm)].map((m) => m[1]!);
}

/** The source files the extension is built from (lib/, entrypoints/, components/), tests aside. */
function sources(): string[] {
  const out: string[] = [];
  for (const dir of ['lib', 'entrypoints', 'components']) {
    const root = new URL(`../${dir}/`, import.meta.url);
    for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) out.push(readFileSync(new URL(f, root), 'utf8'));
    }
  }
  return out;
}

/**
 * Every storage item the code defines, as `area:key`: each `storage.defineItem(...)` call, its key
 * written out or built from an exported string constant (`local:${OWN_KEY}`, TRACKER_KEY).
 */
function definedItems(): string[] {
  const files = sources();
  const consts = new Map<string, string>();
  for (const src of files) for (const m of src.matchAll(/export const ([A-Z_]+) = '([^']+)'/g)) consts.set(m[1]!, m[2]!);
  const items = new Set<string>();
  for (const src of files) {
    for (const m of src.matchAll(/defineItem<[^;]*?>\(\s*(?:(['`])([^'`]+)\1|([A-Z_]+)\b)/g)) {
      const raw = m[2] ?? consts.get(m[3]!) ?? `unresolved ${m[3]}`;
      items.add(raw.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => consts.get(name) ?? `unresolved ${name}`));
    }
  }
  return [...items].sort();
}

/** PRIVACY.md's "What Limber stores" table, row by row. */
function storageRows(): string[] {
  const section = /## What Limber stores, and where([\s\S]*?)\n## /.exec(privacy)?.[1] ?? '';
  return section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| what'));
}

describe('PRIVACY.md', () => {
  it('its table names every storage item the code defines, in the area it lives in, and the history database', () => {
    const items = definedItems();
    // The scan sees what it must (so that it cannot pass by finding nothing).
    expect(items).toEqual(expect.arrayContaining(['local:tracker', 'sync:settings', 'local:settings', 'session:statusSnapshot', `local:${OWN_KEY}`, 'local:healthScreen']));
    expect(items.filter((i) => !/^(local|session|sync):\w+$/.test(i))).toEqual([]);
    const rows = storageRows();
    const missing = items.filter((item) => {
      const [area, key] = item.split(':') as [string, string];
      return !rows.some((row) => row.includes(`\`storage.${area}\``) && row.includes(`\`${key}\``));
    });
    expect(missing).toEqual([]);
    expect(rows.some((r) => r.includes(`\`${DB_NAME}\``) && r.includes('IndexedDB'))).toBe(true);
  });

  it('lists exactly the fields that sync', () => {
    const listed = documentedSyncedFields();
    expect(listed.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
  it('names the own-routines item and its sync budget as the code has them', () => {
    const prose = privacy.replace(/\s+/g, ' ');
    expect(prose).toContain(`item \`${OWN_KEY}\``);
    expect(prose).toContain(`at most ${OWN_SYNC_BUDGET.toLocaleString('en')} bytes`);
  });
  it('no health answer can be stored in the synced settings', () => {
    expect(Object.keys(DEFAULT_SETTINGS.routines).sort()).toEqual(['equipment', 'excluded', 'focusAreas', 'mine', 'positions']);
    // An old value carrying the safety answer parses, but the answer is dropped.
    const old = { ...DEFAULT_SETTINGS, routines: { ...DEFAULT_SETTINGS.routines, selfMassage: 'hidden' } };
    const parsed = parseSettings(old);
    expect(parsed.ok && JSON.stringify(parsed.value)).not.toContain('selfMassage');
  });
});
