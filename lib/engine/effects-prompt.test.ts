/**
 * The effect interpreter shows a prompt the ways the settings say (kills the mutant that showed a
 * notification with notifications off): what the platform was asked, per setting.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { DueBreak } from '../tracker/tracker';
import { interpret } from './effects';
import type { Platform } from './ports';

const T0 = Date.UTC(2026, 2, 2, 9);
const brk = { id: 'stretch-1000', kind: 'stretch', dueAt: T0, deskMs: 0, snoozes: 0, manual: false, promptedAt: T0 } as DueBreak;

function platform(notificationShown: boolean) {
  return {
    now: () => T0,
    promptShownThisSession: vi.fn(async () => false),
    promptShowing: vi.fn(async () => false),
    showPrompt: vi.fn(async () => notificationShown),
    openBreakWindow: vi.fn(async () => undefined),
  };
}

describe('a prompt effect, per the prompt settings', () => {
  const cases: Array<[string, Settings['prompts'], boolean, { notification: boolean; window: boolean }]> = [
    ['window only: no notification', { notification: false, openWindow: true }, true, { notification: false, window: true }],
    ['notification only', { notification: true, openWindow: false }, true, { notification: true, window: false }],
    ['both', { notification: true, openWindow: true }, true, { notification: true, window: true }],
    ['notification refused (blocked): the window instead', { notification: true, openWindow: false }, false, { notification: true, window: true }],
  ];
  for (const [name, prompts, shown, want] of cases) {
    it(name, async () => {
      const p = platform(shown);
      await interpret([{ type: 'prompt', brk, reminder: false }], { ...DEFAULT_SETTINGS, prompts }, p as unknown as Platform);
      expect(p.showPrompt.mock.calls.length > 0).toBe(want.notification);
      expect(p.openBreakWindow.mock.calls).toEqual(want.window ? [[brk.id]] : []);
    });
  }
});

it('a failed effect does not stop the ones after it (the state is already saved)', async () => {
  const p = { ...platform(true), clearPrompt: vi.fn(async () => Promise.reject(new Error('gone'))), breakWindowFinished: vi.fn(async () => undefined) };
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await interpret([{ type: 'clearPrompt', breakId: brk.id }, { type: 'breakEnded', breakId: brk.id }], DEFAULT_SETTINGS, p as unknown as Platform);
  expect(p.breakWindowFinished).toHaveBeenCalledWith(brk.id);
});
