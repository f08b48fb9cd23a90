/**
 * The break player and own routines as a person uses them (lib/player.ts, lib/own-routines.ts, the
 * picker, entrypoints/break, components/OwnRoutines.tsx), from a review. Pages are rendered with
 * linkedom's document, as in entrypoints/break/FreeBreak.test.ts; the background is a stub
 * answering the page's requests. Fixed timestamps (NOW); history days in UTC. The first two cases
 * failed before their fixes (an Undo that stored a routine twice; "Another routine" after "Not
 * now" that replayed the same one, then said none fits); the rest record what already held.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { polyfillDialog } from '../tests/support/linkedom-page';
import { stubBreakBackground } from '../tests/support/break-background';
import * as P from './player';
import { asRoutine, OwnRoutinesSchema, validateOwnRoutine, type OwnDraft } from './own-routines';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { ROUTINES } from '../content/routines';
import { eligibleRoutines, needsScreening, pickPrefsFor } from '../content/picker';
import { parseHTML } from 'linkedom';
import { DEFAULT_SETTINGS } from './settings';
import { closeHistory, recordBreak } from './storage/history';
import { saveSettings } from './storage/settings-items';
import { saveOwnRoutines, storedOwnRoutines } from './storage/own-routines';
import { exportData, importData } from './data';
import { makeBackup, backupJson } from './backup';
import type { OwnRoutine } from './own-routines';

const NOW = Date.UTC(2026, 2, 5, 15, 0);

const own = (id: string, name: string): OwnRoutine => ({ id, name, kind: 'stretch', areas: ['neck'], position: 'seated', equipment: ['none'], steps: [{ text: 'Roll the shoulders', seconds: 90 }] });

function dom() {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  polyfillDialog(window as never);
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement, HTMLInputElement: window.HTMLInputElement });
  return { window, document };
}
const settle = async (ms = 30) => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, ms / 5));
};


async function waitFor(ok: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});

describe('own routines: Undo after the list changed elsewhere', () => {
  it('Delete, then import a backup that has the routine: the Undo is withdrawn, and the list stays one the export can bring back', async () => {
    const { document } = dom();
    const { h, render } = await import('preact');
    const { OwnRoutines } = await import('../components/OwnRoutines');
    await saveSettings(DEFAULT_SETTINGS);
    const a = own('own-aaaa1111', 'Neck');
    const b = own('own-bbbb2222', 'Back');
    await saveOwnRoutines([a, b]);
    const backup = backupJson(makeBackup(DEFAULT_SETTINGS, [], NOW - 86_400_000, [a, b]));
    const root = document.getElementById('app')!;
    render(h(OwnRoutines, { settings: DEFAULT_SETTINGS, onSaved: () => undefined }), root);
    await settle(200);
    const click = (testId: string) => (document.querySelector(`[data-testid="${testId}"]`) as unknown as { click(): void } | null)!.click();
    click(`own-delete-${a.id}`); // "“Neck” deleted. Undo"
    await waitFor(() => document.querySelector('[data-testid="own-undo"]') !== null);
    await settle();
    expect((await storedOwnRoutines()).map((r) => r.id)).toEqual([b.id]);
    // "Your data" on the same page: the backup made before (it still has "Neck").
    expect(await importData(backup, NOW)).toEqual({ imported: true, breaks: 0 });
    await waitFor(() => document.querySelectorAll('[data-testid^="own-item-"]').length === 2);
    // The list changed elsewhere: the Undo for the old list is withdrawn (it once stored "Neck" twice).
    await settle();
    expect(document.querySelector('[data-testid="own-undo"]')).toBeNull();
    const stored = await storedOwnRoutines();
    // What the person sees and what is stored: each routine once.
    expect.soft(stored.map((r) => r.id)).toEqual([...new Set(stored.map((r) => r.id))]);
    // README: every export can be imported back.
    const file = await exportData('json', NOW, 'UTC');
    expect(await importData(file.text, NOW)).toMatchObject({ imported: true });
    render(null, root);
  });
});

describe('the break page: "Not now" on the safety screen, then "Another routine"', () => {
  it('plays another routine that needs no screen, not the same one again, and never says none fits', async () => {
    const { window, document } = dom();
    Object.assign(window, { close: () => undefined });
    await saveSettings(DEFAULT_SETTINGS); // safety screen never answered (the default)
    // The stretch routines that need no safety screen, each done once in the last days
    // (e.g. posture checks switched off: the last 30 breaks are all stretch breaks).
    const prefs = pickPrefsFor(DEFAULT_SETTINGS.routines, 'ask', DEFAULT_SETTINGS.stretch.lengthSec);
    const plain = eligibleRoutines(ROUTINES, 'stretch', prefs).filter((r) => !needsScreening(r));
    expect(plain.length).toBeGreaterThan(2);
    for (const [i, r] of plain.entries()) {
      const endedAt = NOW - (i + 1) * 3 * 3_600_000;
      await recordBreak({ id: `stretch-${endedAt}`, kind: 'stretch', outcome: 'completed', dueAt: endedAt - 240_000, promptedAt: endedAt - 240_000, startedAt: endedAt - 180_000, endedAt, routineId: r.id, deskMs: 50 * 60_000, snoozes: 0, manual: false }, 'UTC');
    }
    // The background, as far as the page sees it: the break's session and the routine it keeps.
    const breakId = `stretch-${NOW}`;
    const session = { breakId, kind: 'stretch' as const, manual: false, routineId: null as string | null, lengthSec: 180, strict: false, canPostpone: false, started: true };
    const { kept } = stubBreakBackground(session);

    const { h, render } = await import('preact');
    const { App } = await import('../entrypoints/break/App');
    const root = document.getElementById('app')!;
    render(h(App, { breakId }), root);
    try {
    const q = (sel: string) => document.querySelector(sel) as unknown as (HTMLElement & { click(): void }) | null;
    const playing = () => q('article.player')?.getAttribute('data-routine-id') ?? null;

    // Every routine without the screen was done lately: one that needs it comes, with the screen first.
    await waitFor(() => (q('[data-testid="safety-screen"]') as unknown as { open?: boolean } | null)?.open === true, 10_000);
    expect(needsScreening(ROUTINES.find((r) => r.id === q('[data-testid="screen-first"]')!.getAttribute('data-routine-id'))!)).toBe(true);
    q('[data-testid="safety-cancel"]')!.click(); // "Not now"
    await waitFor(() => playing() !== null, 5000);
    const first = playing()!;
    expect(needsScreening(ROUTINES.find((r) => r.id === first)!)).toBe(false);

    /** Until the page has asked for no routine for a while and shows a player or the free break. */
    const calls = () => vi.mocked(browser.runtime.sendMessage).mock.calls.length;
    const quiet = async (before: number) => {
      await waitFor(() => calls() > before, 5000);
      for (let n = calls(); ; n = calls()) {
        await new Promise((r) => setTimeout(r, 300));
        if (calls() === n && (playing() === kept.routineId || q('[data-testid="break-free"]') !== null)) return;
      }
    };
    let before = calls();
    q('[data-testid="another"]')!.click(); // "Another routine"
    await quiet(before);
    expect.soft(playing(), 'the routine that plays after "Another routine"').not.toBe(first);

    before = calls();
    q('[data-testid="another"]')?.click(); // and once more
    await quiet(before);
    // "No routine fits your settings" is not true: 14 fit.
    expect.soft(q('[data-testid="break-free"]'), 'the free break ("No routine fits your settings")').toBeNull();
    } finally {
      render(null, root);
    }
  });
});

describe('what already held', () => {
  const T0 = Date.UTC(2026, 2, 5, 9, 0);

  it('an own routine at the edges (20 steps of 90 s = 30 min; two 5-s steps = 10 s) plays exactly its shown length, step by step', () => {
    for (const steps of [Array.from({ length: 20 }, (_, i) => ({ text: `Step ${i + 1} 🧘`, seconds: 90 })), [{ text: 'Sit tall', seconds: 5 }, { text: 'Breathe', seconds: 5 }]]) {
      const r = asRoutine({ id: 'own-edge1', name: '🧘'.repeat(30), kind: steps.length === 2 ? 'posture' : 'stretch', areas: ['neck'], position: 'seated', equipment: ['none'], steps });
      expect(v.safeParse(OwnRoutinesSchema, [{ id: 'own-edge1', name: r.own!.name, kind: r.kind, areas: ['neck'], position: 'seated', equipment: ['none'], steps }]).success).toBe(true);
      const s0 = P.startPlayer(T0);
      const total = r.durationSec * 1000;
      expect(P.settle(s0, r.steps, T0 + total - 1).finished).toBe(false);
      expect(P.settle(s0, r.steps, T0 + total - 1).step).toBe(steps.length - 1);
      expect(P.settle(s0, r.steps, T0 + total).finished).toBe(true);
      // Every step is visited once, in order, when the page ticks every 250 ms.
      const seen: number[] = [];
      let s = s0;
      for (let t = T0; !s.finished; t += 250) {
        s = P.settle(s, r.steps, t);
        if (!s.finished && seen[seen.length - 1] !== s.step) seen.push(s.step);
      }
      expect(seen).toEqual(steps.map((_, i) => i));
    }
  });

  it('paused while hidden, across a clock set back and forward, then resumed: the step keeps its time left', () => {
    const steps = [{ seconds: 30 }, { seconds: 30 }];
    const s = P.toggle(P.startPlayer(T0), steps, T0 + 40_000); // paused 20 s into step 2
    expect([s.step, P.remainingMs(s, steps, T0 + 999_999)]).toEqual([1, 20_000]);
    for (const resumeAt of [T0 - 3_600_000, T0 + 3_600_000]) {
      const r = P.toggle(s, steps, resumeAt);
      expect(P.remainingMs(P.settle(r, steps, resumeAt + 5_000), steps, resumeAt + 5_000)).toBe(15_000);
      expect(P.settle(r, steps, resumeAt + 20_000).finished).toBe(true);
    }
  });

  it('the editor and the stored shape agree on emoji names: 30 emoji (60 UTF-16 units) pass, 31 are refused', () => {
    const draft = (name: string): OwnDraft => ({ name, kind: 'stretch', areas: ['neck'], position: 'seated', equipment: [], steps: [{ text: 'Roll', seconds: '60' }] });
    expect(validateOwnRoutine(draft('🧘'.repeat(30)), 'own-x1').ok).toBe(true);
    expect(validateOwnRoutine(draft('🧘'.repeat(31)), 'own-x1').ok).toBe(false);
  });
});
