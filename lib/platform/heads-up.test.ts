/**
 * The heads-up's notification offers only what the tracker accepts (the tracker is the outside
 * reference: the button's intent is sent to it and must not be refused, and with no snooze
 * allowed there is no button); its text says "in N min" from the break's due moment.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, transition, type Effect, type TrackerState } from '../tracker/tracker';
import { headsUpText, parseHeadsUpId, showHeadsUp } from './heads-up';
import { NOTIFICATION_POSTPONE_MIN } from './notify';

const T0 = Date.UTC(2026, 2, 2, 9);
const MIN = 60_000;

/** Runs the tracker (stretch every 50 min, heads-up 1 min) to its heads-up. */
function toHeadsUp(settings: Settings): { s: TrackerState; e: Extract<Effect, { type: 'headsUp' }> } {
  let s = initialState(T0, 'UTC');
  for (let m = 5; m <= 49; m += m === 45 ? 4 : 5) {
    const r = transition(s, { type: 'tick' }, T0 + m * MIN, settings);
    s = r.state;
    const e = r.effects.find((x) => x.type === 'headsUp');
    if (e?.type === 'headsUp') return { s, e };
  }
  throw new Error('no heads-up');
}

const BASE: Settings = { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false }, pauseWaitMin: 0, headsUpSec: 60 };

describe('the heads-up notification', () => {
  for (const [name, settings] of [
    ['default', BASE],
    ['strict', { ...BASE, strict: true }],
    ['no snoozes', { ...BASE, snoozeLimit: 0 }],
  ] as const) {
    it(`${name}: a Postpone button exactly when the tracker accepts a postpone from it`, async () => {
      const { s, e } = toHeadsUp(settings);
      const create = vi.spyOn(browser.notifications, 'create');
      await showHeadsUp(e.headsUp, e.postpone, T0 + 49 * MIN);
      const [id, opts] = create.mock.calls.at(-1) as unknown as [string, { buttons?: unknown[]; silent?: boolean; requireInteraction?: boolean }];
      expect(parseHeadsUpId(id)).toBe(e.headsUp.id);
      expect(opts.silent).toBe(true);
      expect(opts.requireInteraction).toBeUndefined();
      const postpone = transition(s, { type: 'snooze', breakId: e.headsUp.id, minutes: NOTIFICATION_POSTPONE_MIN }, T0 + 49 * MIN + 1000, settings);
      expect(opts.buttons ?? []).toHaveLength(postpone.refused ? 0 : 1);
      create.mockRestore();
    });
  }

  it('says the minutes to the break, rounded up; without buttons (Firefox) it says the break can be postponed when it comes', () => {
    const h = { id: 'stretch-1', at: T0, dueAt: T0 + 2 * MIN };
    expect(headsUpText(h, true, T0, true).title).toBe('headsUpTitle_other');
    expect(headsUpText(h, true, T0 + 90_000, true).title).toBe('headsUpTitle_one');
    expect(headsUpText(h, true, T0, true).message).toBe('headsUpBody');
    expect(headsUpText(h, true, T0, false).message).toBe('headsUpBodyPostponeLater');
    // Nothing to postpone with (no snooze allowed): no promise of one.
    expect(headsUpText(h, false, T0, false).message).toBe('headsUpBody');
  });

  it('reads back only its own ids', () => {
    expect(parseHeadsUpId('headsup:stretch-123')).toBe('stretch-123');
    expect(parseHeadsUpId('prompt:stretch-123:snooze')).toBeNull();
    expect(parseHeadsUpId('headsup:Stretch 1')).toBeNull();
  });
});
