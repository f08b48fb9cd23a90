/**
 * The popup's Today figures on a new day (lib/engine/publish.ts): found by a mutation hunt, each
 * test failed on a variant that kept the previous snapshot's figures across midnight. Measured
 * against the date on the person's clock in Berlin: a snapshot of Monday's figures is not Tuesday's.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import type { PopupData } from '../protocol/messages';
import type { StatusSnapshot } from '../storage/status-cache';
import type { TodaySummary } from '../storage/history';
import { initialState, type Env } from '../tracker/tracker';
import type { Store } from './ports';
import { publishStatus } from './publish';

const env: Env = { timeZone: 'Europe/Berlin', fullscreen: false, sound: false, call: false };
const TUESDAY_0005 = Date.UTC(2026, 2, 2, 23, 5); // Tue 3 March 2026, 0:05 in Berlin (UTC+1)
const monday: TodaySummary = { day: '2026-03-02', taken: 4, completed: 4, skipped: 0, streak: 3, longest: 3 };
const mondayHistory = { today: '2026-03-02' } as unknown as NonNullable<PopupData['history']>;

/** A store whose last snapshot was taken on Monday at 23:50, and whose history read gives `summary`. */
function storeWith(summary: () => ReturnType<Store['summary']>): { store: Store; written: StatusSnapshot[] } {
  const taken = TUESDAY_0005 - 15 * 60_000;
  const prev: StatusSnapshot = {
    day: '2026-03-02',
    data: { status: { now: taken, tracker: {} as PopupData['status']['tracker'], today: monday, historyError: false, waitingRecords: 0 }, history: mondayHistory, validUntil: TUESDAY_0005 - 5 * 60_000 },
  };
  const written: StatusSnapshot[] = [];
  const store = { summary, readSnapshot: async () => prev, writeSnapshot: async (s: StatusSnapshot) => void written.push(s) } as unknown as Store;
  return { store, written };
}

describe('the popup\'s Today figures after midnight', () => {
  it('are read again for the new day, not Monday\'s kept (an ordinary event at 0:05 on Tuesday)', async () => {
    const tuesday: TodaySummary = { day: '2026-03-03', taken: 0, completed: 0, skipped: 0, streak: 3, longest: 3 };
    let reads = 0;
    const { store, written } = storeWith(async () => {
      reads++;
      return { today: tuesday, history: { today: '2026-03-03' } as unknown as NonNullable<PopupData['history']> };
    });
    const data = await publishStatus(store, initialState(TUESDAY_0005, env.timeZone), DEFAULT_SETTINGS, TUESDAY_0005, env, false, 0);
    expect(reads).toBe(1);
    expect(data.status.today).toEqual(tuesday);
    expect(data.status.historyError).toBe(false);
    expect(written.at(-1)?.day).toBe('2026-03-03');
  });

  it('a history that cannot be read just after midnight shows no figures (under its note), not Monday\'s as today\'s', async () => {
    const { store } = storeWith(() => Promise.reject(new Error('blocked')));
    const warn = console.warn;
    console.warn = () => {};
    try {
      const data = await publishStatus(store, initialState(TUESDAY_0005, env.timeZone), DEFAULT_SETTINGS, TUESDAY_0005, env, false, 0);
      expect(data.status.historyError).toBe(true);
      expect(data.status.today).toBeNull();
      expect(data.history).toBeNull();
    } finally {
      console.warn = warn;
    }
  });
});
