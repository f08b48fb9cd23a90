/**
 * PRIVACY.md says exactly what syncs: the list between its synced-fields markers must be the
 * settings' fields (what lib/storage/settings-items.ts writes to storage.sync), no more, no less;
 * and no health answer may be among them. (The e2e side: tests/e2e/privacy.spec.ts reads
 * storage.sync itself after use.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './settings';
import { OWN_SYNC_BUDGET } from './own-routines';
import { OWN_KEY } from './storage/own-routines';

const privacy = readFileSync(new URL('../PRIVACY.md', import.meta.url), 'utf8');

function documentedSyncedFields(): string[] {
  const block = /<!-- synced-fields: start -->([\s\S]*?)<!-- synced-fields: end -->/.exec(privacy)?.[1] ?? '';
  return [...block.matchAll(/^- `([a-zA-Z]+)`:/gm)].map((m) => m[1]!);
}

describe('PRIVACY.md', () => {
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
