/**
 * PRIVACY.md and README.md ("History, streaks and your data", "Permissions, and why", "Privacy"),
 * claim by claim, where no other unit test pinned the claim yet: driven through the real storage
 * modules, "Your data" (lib/data.ts) and the engine, over WXT's fake browser and the in-memory
 * IndexedDB (tests/unit-setup.ts). describe('holds'): promises kept. describe('bugs found in
 * review'): a break waiting to be written joined the history a reset had just emptied (or an
 * import had just replaced); each test failed before its fix.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGINE_SETTINGS, MIN, T0, useEngineEnv } from '../tests/engine-env';
import { dispatch, handleMessage, wake } from './engine';
import { exportData, importData, resetData } from './data';
import { DEFAULT_SETTINGS } from './settings';
import { CALL_SITE_PRESETS, OPTIONAL_HOSTS } from './call-sites';
import { allBreaks, closeHistory } from './storage/history';
import { loadSettings, loadTrackerAndOutbox, saveSettings } from './storage/items';
import { HEALTH_KEY, loadHealthAnswer, saveHealthAnswer } from './storage/health';
import { OWN_KEY, saveOwnRoutines, storedOwnRoutines } from './storage/own-routines';
import { devTimingItem } from './storage/dev-timing';
import type { OwnRoutine } from './own-routines';
import type { Backup } from './backup';
import background from '../entrypoints/background';

const privacy = readFileSync(new URL('../PRIVACY.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const prose = (s: string) => s.replace(/\s+/g, ' ');

/** PRIVACY.md's list of synced settings fields (between its markers). */
function documentedSyncedFields(): string[] {
  const block = /<!-- synced-fields: start -->([\s\S]*?)<!-- synced-fields: end -->/.exec(privacy)?.[1] ?? '';
  return [...block.matchAll(/^- `([a-zA-Z]+)`:/gm)].map((m) => m[1]!);
}

const MINE: OwnRoutine = {
  id: 'own-a1',
  name: 'Desk reset',
  kind: 'stretch',
  areas: ['neck'],
  position: 'standing',
  equipment: ['wall'],
  steps: [{ text: 'Lean on the wall', seconds: 60 }],
};

let now = T0;
useEngineEnv(() => now, ENGINE_SETTINGS);
beforeEach(() => {
  now = T0;
});

/** Takes a manual break and finishes it (completed). */
async function takeBreak(): Promise<string> {
  await handleMessage({ type: 'break/start' });
  const st = (await loadTrackerAndOutbox()).state;
  const id = st?.phase.name === 'onBreak' ? st.phase.brk.id : '';
  now += 2 * MIN;
  await handleMessage({ type: 'break/finish', breakId: id, outcome: 'completed', routineId: null });
  return id;
}

/** IndexedDB fails to open (a failed upgrade, a disk error), until the returned function is called. */
function breakOpens(): () => void {
  const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('disk trouble', 'UnknownError');
  });
  return () => open.mockRestore();
}

/** The manifest as wxt.config.ts makes it for one browser. */
async function manifestFor(target: 'chrome' | 'firefox'): Promise<Record<string, unknown>> {
  const config = (await import('../wxt.config')).default as { manifest: (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, unknown> };
  return config.manifest({ browser: target, manifestVersion: 3, mode: 'production', command: 'build' });
}

describe('holds', () => {
  it('PRIVACY "Exactly what syncs": after every kind of use, storage.sync holds only settings (+settings$) and ownRoutines; the settings\' fields are exactly the listed ones; nothing of health, history, timer or activity', async () => {
    await wake();
    now += 10 * MIN;
    await dispatch({ type: 'tick' });
    await takeBreak();
    now += 40 * MIN;
    await dispatch({ type: 'tick' });
    await handleMessage({ type: 'pause/set', choice: '30m' });
    await handleMessage({ type: 'pause/resume' });
    await dispatch({ type: 'activity', state: 'idle' });
    now += 5 * MIN;
    await dispatch({ type: 'activity', state: 'active' });
    await saveHealthAnswer('hidden');
    await saveOwnRoutines([MINE]);
    await devTimingItem.setValue({ stretch: { enabled: true, everySec: 20, lengthSec: 5 }, holdSettleSec: 3 });
    await dispatch({ type: 'tick' });
    // An import whose settings carry fields Limber does not have (a health answer among them).
    const b = JSON.parse((await exportData('json')).text) as Backup;
    const extra = { ...b, settings: { ...b.settings, healthScreen: 'hidden', tracker: { desk: 1 }, routines: { ...b.settings.routines, selfMassage: 'hidden' } } };
    expect(await importData(JSON.stringify(extra))).toMatchObject({ imported: true });
    await saveSettings({ ...(await loadSettings()), snoozeLimit: 3 });

    const sync = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(sync).sort()).toEqual([OWN_KEY, 'settings', 'settings$']);
    expect(Object.keys(sync.settings as object).sort()).toEqual([...documentedSyncedFields()].sort());
    const text = JSON.stringify(sync);
    expect(text).not.toMatch(/hidden|healthScreen|selfMassage|holdSettleSec|devTiming|tracker|outbox|desk"|stretch-\d/);
    // The settings item's keys are the documented ones, and the routines' keys are the documented ones.
    expect(Object.keys((sync[OWN_KEY] as OwnRoutine[])[0]!).sort()).toEqual(['areas', 'equipment', 'id', 'kind', 'name', 'position', 'steps']);
    expect(Object.keys((sync[OWN_KEY] as OwnRoutine[])[0]!.steps[0]!).sort()).toEqual(['seconds', 'text']);
  });

  it('PRIVACY table: the safety answer is in storage.local only (not sync, not session) and not in either export', async () => {
    await saveHealthAnswer('hidden');
    expect(await fakeBrowser.storage.local.get(HEALTH_KEY)).toEqual({ [HEALTH_KEY]: 'hidden' });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('hidden');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('hidden');
    for (const f of ['json', 'csv'] as const) expect((await exportData(f)).text).not.toMatch(/hidden|healthScreen/);
  });

  it('PRIVACY table: the timer\'s state and waiting break outcomes are in storage.local; the popup\'s first picture in storage.session; neither in storage.sync', async () => {
    await wake();
    now += 10 * MIN;
    const restore = breakOpens();
    await closeHistory();
    const id = await takeBreak();
    restore();
    const local = await fakeBrowser.storage.local.get('tracker');
    expect((local.tracker as { outbox?: { entry: { id: string } }[] }).outbox?.map((p) => p.entry.id)).toEqual([id]);
    await handleMessage({ type: 'popup/get' });
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.values(session).some((v) => JSON.stringify(v).includes('"streak"'))).toBe(true);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toContain('statusSnapshot');
    const sync = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(sync).not.toMatch(/tracker|outbox|streak/);
  });

  it('PRIVACY "Health information": a reset deletes the safety answer (back to not answered) and the stored history', async () => {
    await wake();
    now += 10 * MIN;
    await takeBreak();
    expect(await allBreaks()).toHaveLength(1);
    await saveHealthAnswer('hidden');
    expect(await resetData()).toEqual({ reset: true, historyOff: false });
    expect(await loadHealthAnswer()).toBe('ask');
    expect(await allBreaks()).toEqual([]);
  });

  it('README "Your data": a reset deletes own routines here and in storage.sync, restores default settings in both areas, clears the developer switch', async () => {
    await saveOwnRoutines([MINE]);
    await saveSettings({ ...DEFAULT_SETTINGS, snoozeLimit: 3 });
    await devTimingItem.setValue({ holdSettleSec: 3 });
    await resetData();
    expect(await storedOwnRoutines()).toEqual([]);
    expect((await fakeBrowser.storage.sync.get(OWN_KEY))[OWN_KEY] ?? []).toEqual([]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(DEFAULT_SETTINGS);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(DEFAULT_SETTINGS);
    expect(await devTimingItem.getValue()).toBeNull();
  });

  it('README "Your data": the JSON export holds settings, own routines and history, and neither the developer switch nor the timer\'s state; the CSV only history columns', async () => {
    await wake();
    now += 10 * MIN;
    await takeBreak();
    await saveOwnRoutines([MINE]);
    await devTimingItem.setValue({ holdSettleSec: 3 });
    const b = JSON.parse((await exportData('json')).text) as Record<string, unknown>;
    expect(Object.keys(b).sort()).toEqual(['exportedAt', 'format', 'history', 'ownRoutines', 'settings', 'settingsVersion', 'version']);
    expect(Object.keys(b.settings as object).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(JSON.stringify(b)).not.toMatch(/holdSettleSec|pauseTab|outbox|"desk"/);
    const csv = (await exportData('csv')).text.split('\r\n');
    expect(csv[0]).toBe('id,day,kind,outcome,due_at,prompted_at,started_at,ended_at,routine_id,desk_minutes,snoozes,manual');
  });

  it('README "Permissions, and why": the manifest asks for exactly idle, alarms, notifications and storage; no host permissions and no content scripts at install; the optional ones are the six built-in call sites and https://*/*', async () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const m = await manifestFor(target);
      expect([...(m.permissions as string[])].sort(), target).toEqual(['alarms', 'idle', 'notifications', 'storage']);
      expect(m.host_permissions, target).toBeUndefined();
      expect(m.content_scripts, target).toBeUndefined();
      expect(m.optional_permissions, target).toBeUndefined();
      expect(m.optional_host_permissions, target).toEqual(OPTIONAL_HOSTS);
    }
    expect(CALL_SITE_PRESETS).toHaveLength(6);
    expect(OPTIONAL_HOSTS.filter((o) => !CALL_SITE_PRESETS.some((p) => p.patterns.includes(o)))).toEqual(['https://*/*']);
    // The table names exactly these four.
    const table = /## Permissions, and why\n\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    expect([...table.matchAll(/^\| `([a-z]+)` \|/gm)].map((x) => x[1]).sort()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
    expect(prose(readme)).toContain('No host permissions at install, no content scripts');
  });
});

describe('bugs found in review (each test holds its fix)', () => {
  // The background as entrypoints/background.ts wires it: its storage.onChanged listener runs the
  // engine (settingsChanged) whenever the settings change, which a reset does (lib/data.ts resetData).
  const listener = () => ({ addListener: vi.fn() });
  const startBackground = async () => {
    Object.assign(browser, { commands: { onCommand: listener() } });
    Object.assign(browser.runtime, { onStartup: listener(), onInstalled: listener() });
    background.main!();
    await handleMessage({ type: 'status/get' }); // main()'s wake() has run
  };
  const settled = () => new Promise((r) => setTimeout(r, 50)); // the change events have run
  /** What components/DataPrefs.tsx sends: the background drops breaks waiting for the old history. */
  const dropWaiting = (replaced = true) => handleMessage({ type: 'status/refresh', replaced });
  /** Ten minutes on, a break ends while the history cannot be opened: it waits with the timer's state. */
  const breakWaiting = async () => {
    now += 10 * MIN;
    await closeHistory();
    const restore = breakOpens();
    const id = await takeBreak();
    expect((await loadTrackerAndOutbox()).outbox.map((p) => p.entry.id)).toEqual([id]);
    restore();
  };

  it('PRIVACY "a reset deletes both": a break that was waiting to be written (history busy when it ended) is not in the history after "Delete everything"', async () => {
    await startBackground();
    await breakWaiting();
    // Options, "Delete everything": exactly what components/DataPrefs.tsx reset() does. The reset
    // clears the history, then writes the default settings; the background's onChanged listener
    // runs the engine on that write, and the engine writes the waiting break into the history the
    // reset just emptied (before the page's 'status/refresh' with `replaced` could drop it).
    expect(await resetData(dropWaiting)).toEqual({ reset: true, historyOff: false });
    await dropWaiting();
    await settled();
    // The next alarm.
    now += MIN;
    await dispatch({ type: 'tick' });
    expect(await allBreaks()).toEqual([]);
    expect(await handleMessage({ type: 'popup/get' })).toMatchObject({ ok: true, data: { status: { today: { taken: 0 }, waitingRecords: 0 } } });
  });

  it('an import replaces the history with the backup\'s: a break waiting to be written for the old history does not join it', async () => {
    await startBackground();
    const backup = (await exportData('json')).text; // an empty history, taken before the break
    await breakWaiting();
    // Options, "Replace with this backup": what components/DataPrefs.tsx replace() does.
    expect(await importData(backup, undefined, dropWaiting)).toMatchObject({ imported: true, breaks: 0 });
    await dropWaiting();
    await settled();
    now += MIN;
    await dispatch({ type: 'tick' });
    expect(await allBreaks()).toEqual([]);
  });
});
