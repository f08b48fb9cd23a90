/**
 * A break's row after the clock was set back while its prompt was open or postponed: the break's
 * own instants were read on the old clock, and its row must still be in order (prompted before it
 * ended) and keep the desk time it came after (the weekly review's longest sitting reads it).
 * Before the fix, a 10-minute set back recorded a break prompted 9 minutes after it ended, due
 * only when it ended, after no desk time at all.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { initialState, transition, type BreakRecord, type TrackerState } from './tracker';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const S: Settings = { ...DEFAULT_SETTINGS, micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 }, stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 }, snoozeSec: 300, remindAfterSec: 120, pauseWaitMin: 0, headsUpSec: 0 };

function prompted(): { s: TrackerState; id: string } {
  let s = initialState(T0);
  for (let t = T0; t <= T0 + 50 * MIN; t += MIN) s = transition(s, { type: 'tick' }, t, S).state;
  if (s.phase.name !== 'due') throw new Error(`not due: ${s.phase.name}`);
  return { s, id: s.phase.brk.id };
}

function rowOf(effects: ReturnType<typeof transition>['effects']): BreakRecord {
  const e = effects.find((x) => x.type === 'record');
  if (e?.type !== 'record') throw new Error('nothing recorded');
  return e.entry;
}

describe('the clock set back 10 min while a break was open', () => {
  const order = (r: BreakRecord) => [r.dueAt, r.promptedAt!, r.startedAt ?? r.endedAt, r.endedAt];

  it('postponed, then skipped: the row is in order and keeps its desk time', () => {
    const { s: due, id } = prompted();
    // Postponed at 09:51 (until 09:56); at 09:53 the clock is set back to 09:43; skipped at 09:45.
    let s = transition(due, { type: 'snooze', breakId: id }, T0 + 51 * MIN, S).state;
    s = transition(s, { type: 'tick' }, T0 + 53 * MIN, S).state;
    s = transition(s, { type: 'tick' }, T0 + 43 * MIN, S).state;
    expect(s.phase).toMatchObject({ name: 'snoozed', until: T0 + 46 * MIN });
    const r = transition(s, { type: 'skip', breakId: id }, T0 + 45 * MIN, S);
    const row = rowOf(r.effects);
    expect(order(row)).toEqual([...order(row)].sort((a, b) => a - b));
    expect(row).toMatchObject({ dueAt: T0 + 40 * MIN, promptedAt: T0 + 40 * MIN, deskMs: 50 * MIN, endedAt: T0 + 45 * MIN });
  });

  it('prompted, then started and finished: the row is in order and keeps its desk time', () => {
    const { s: due, id } = prompted();
    // Prompted at 09:50; at 09:51 the clock is set back to 09:41: started then, done at 09:44.
    let s = transition(due, { type: 'tick' }, T0 + 51 * MIN, S).state;
    s = transition(s, { type: 'tick' }, T0 + 41 * MIN, S).state;
    s = transition(s, { type: 'start', breakId: id }, T0 + 41 * MIN, S).state;
    const r = transition(s, { type: 'finish', breakId: id, outcome: 'completed' }, T0 + 44 * MIN, S);
    const row = rowOf(r.effects);
    expect(order(row)).toEqual([...order(row)].sort((a, b) => a - b));
    expect(row).toMatchObject({ dueAt: T0 + 40 * MIN, promptedAt: T0 + 40 * MIN, deskMs: 50 * MIN });
  });
});
