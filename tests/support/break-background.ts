/**
 * The break page's background as a stub, for tests that render entrypoints/break/App.tsx: it
 * answers `break/session` with the break's session and keeps the routine chosen as
 * lib/engine/handlers/breaks.ts does (a routine chosen stays unless `replace`), takes a Start
 * (`started`) and records a finish as sent (or as `finishAs`, as a break given up meanwhile is
 * recorded cut short). While
 * `failing.next` is above 0, that many next requests fail as a busy background does.
 */
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { BreakSession } from '../../lib/protocol/messages';

export function stubBreakBackground(session: BreakSession, failing: { next: number } = { next: 0 }, finishAs?: 'completed' | 'partial' | 'skipped') {
  /** The session as the background keeps it now. */
  const kept = { ...session };
  /** Every request the page sent, in order. */
  const sent: Array<{ type: string; [k: string]: unknown }> = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; routineId?: string; replace?: boolean }) => {
    sent.push(m);
    if (failing.next > 0 && failing.next--) return { ok: false, error: 'internal' };
    if (m.type === 'break/session') return { ok: true, data: { ...kept } };
    // A Start in a window opened as the prompt (the break was due): the break is under way.
    if (m.type === 'break/start') {
      kept.started = true;
      return { ok: true, data: { started: true } };
    }
    if (m.type === 'break/finish') return { ok: true, data: { today: null, outcome: finishAs ?? (m as { outcome?: string }).outcome } };
    if (m.type === 'break/routine') {
      if (!kept.routineId || m.replace) kept.routineId = m.routineId!;
      return { ok: true, data: { ...kept } };
    }
    return { ok: false, error: 'badRequest' };
  }) as never);
  return { kept, sent };
}
