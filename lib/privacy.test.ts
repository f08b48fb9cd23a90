/**
 * PRIVACY.md says exactly what syncs: the list between its synced-fields markers must be the
 * settings' fields (what lib/storage/settings-items.ts writes to storage.sync), no more, no less;
 * and no health answer may be among them. (The e2e side: tests/e2e/privacy.spec.ts reads
 * storage.sync itself after use.) The item scan once missed items whose type argument has a `;`
 * (the break window's and the shown prompt's) or that have none, and nothing pinned the fields
 * inside a synced field: a mutant adding one of either synced unnoticed; now each fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from './settings';
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
  return [...sourceFiles().values()];
}

/** The same files by path (`lib/storage/health.ts`). */
function sourceFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of ['lib', 'entrypoints', 'components']) {
    const root = new URL(`../${dir}/`, import.meta.url);
    for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) out.set(`${dir}/${f}`, readFileSync(new URL(f, root), 'utf8'));
    }
  }
  return out;
}

/**
 * Every storage key `files` name, as `area:key`: each `storage.defineItem(...)` call (with or
 * without a type argument, which may be an object type with `;` in it) and each key WXT's storage
 * is asked for directly (`storage.getItem(TRACKER_KEY)`, `storage.watch(...)`), its key written
 * out or built from an exported string constant (`local:${OWN_KEY}`, TRACKER_KEY).
 */
function itemsIn(files: readonly string[]): string[] {
  const consts = new Map<string, string>();
  for (const src of files) for (const m of src.matchAll(/export const ([A-Z_]+) = '([^']+)'/g)) consts.set(m[1]!, m[2]!);
  const items = new Set<string>();
  for (const src of files) {
    for (const m of src.matchAll(/\b(?:defineItem|storage\.(?:getItem|setItem|removeItem|watch|getMeta|setMeta|removeMeta))(?:<[^()]*>)?\(\s*(?:(['`])([^'`]+)\1|([A-Z_]+)\b)/g)) {
      const raw = m[2] ?? consts.get(m[3]!) ?? `unresolved ${m[3]}`;
      items.add(raw.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => consts.get(name) ?? `unresolved ${name}`));
    }
  }
  return [...items].sort();
}

/** Every storage item the code defines or reads by key. */
const definedItems = (): string[] => itemsIn(sources());

/** PRIVACY.md's "What Limber stores" table, row by row. */
function storageRows(): string[] {
  const section = /## What Limber stores, and where([\s\S]*?)\n## /.exec(privacy)?.[1] ?? '';
  return section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| what'));
}

describe('PRIVACY.md', () => {
  it('its table names every storage item the code defines, in the area it lives in, and the history database', () => {
    const items = definedItems();
    // The scan sees what it must (so that it cannot pass by finding nothing).
    expect(items).toEqual(expect.arrayContaining(['local:tracker', 'sync:settings', 'local:settings', 'session:statusSnapshot', `local:${OWN_KEY}`, 'local:healthScreen', 'session:breakWindow', 'session:shownPrompt']));
    expect(items.filter((i) => !/^(local|session|sync):\w+$/.test(i))).toEqual([]);
    const rows = storageRows();
    const missing = items.filter((item) => {
      const [area, key] = item.split(':') as [string, string];
      return !rows.some((row) => row.includes(`\`storage.${area}\``) && row.includes(`\`${key}\``));
    });
    expect(missing).toEqual([]);
    expect(rows.some((r) => r.includes(`\`${DB_NAME}\``) && r.includes('IndexedDB'))).toBe(true);
  });

  it('the scan finds an item however its definition is written (else one could sync unlisted)', () => {
    const found = itemsIn([
      "export const A = storage.defineItem('sync:noTypeArgument', { fallback: null });",
      'export const B = storage.defineItem<{ windowId: number; breakId: string } | null>(`session:objectType`, { fallback: null });',
      "export const LAST_KEY = 'local:readByKey' as const;\nconst v = await storage.getItem<string>(LAST_KEY);",
    ]);
    expect(found).toEqual(['local:readByKey', 'session:objectType', 'sync:noTypeArgument']);
  });

  it('reads browser.storage directly (past the scan above) only where reviewed: the settings, by their keys', () => {
    // Each file, and the keys named in its get, set and remove calls.
    const raw = [...sourceFiles()]
      .filter(([, src]) => /browser\.storage\.(?:local|sync|session)\b/.test(src))
      .map(([path, src]) => [path, [...new Set([...src.matchAll(/\b(?:get|set|remove|clear)\(([^)]*)\)/g)].flatMap((m) => m[1]!.match(/\b[A-Z][A-Z_]+\b|null/g) ?? ['(no key)']))]]);
    // A new direct use of browser.storage: list its items in PRIVACY.md's table, and add it here.
    expect(Object.fromEntries(raw)).toEqual({
      'lib/pause-tomorrow.ts': ['SETTINGS_KEY', 'SETTINGS_SYNC_KEY'],
      'lib/storage/health.ts': ['SETTINGS_KEY'],
    });
  });

  it('the synced settings have exactly the nested fields PRIVACY.md describes (a new one inside a listed field syncs too)', () => {
    type Node = { type: string; wrapped?: Node; entries?: Record<string, Node>; item?: Node; options?: Node[] };
    const paths = (n: Node, at: string): string[] => {
      while (n.wrapped) n = n.wrapped;
      if (n.entries) return Object.entries(n.entries).flatMap(([k, e]) => [`${at}${k}`, ...paths(e, `${at}${k}.`)]);
      if (n.item) return paths(n.item, `${at}[].`);
      return (n.options ?? []).flatMap((o) => paths(o, at));
    };
    // Each as PRIVACY.md's "Exactly what syncs" words it: change that list with this one.
    expect(paths(SettingsSchema as unknown as Node, '').filter((p) => p.includes('.')).sort()).toEqual([
      'callSites.enabled', 'callSites.own', // whether breaks wait during calls; the host names you added
      'dailyLimit.enabled', 'dailyLimit.minutes',
      'hold.enabled', 'hold.maxMin',
      'micro.enabled', 'micro.everySec', 'micro.lengthSec',
      'prompts.notification', 'prompts.openWindow', // notification, break window
      'routines.equipment', 'routines.excluded', 'routines.focusAreas', 'routines.mine', 'routines.positions',
      'schedule.days', 'schedule.days.[].[].from', 'schedule.days.[].[].to', 'schedule.enabled',
      'sound.chime', 'sound.voice', 'sound.volume', // spoken steps and the chime, and their volume
      'stretch.enabled', 'stretch.everySec', 'stretch.lengthSec',
    ]);
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
