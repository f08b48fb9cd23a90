/**
 * The weekly review's "Longest sitting" (tile and highlight) for someone who skips breaks: a skip
 * starts the tracker's desk-time counter again, so each break's own `deskMs` alone showed a
 * skip at 50 minutes and a break taken at 100 as a 50-minute stretch. The rows here come from the
 * real tracker (driven as the background drives it), are written as the background writes them,
 * and are read back through the review page's own read (lib/weekly-review.ts). Fixed times,
 * Europe/Berlin; every expectation below is worked out by hand in its comment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { closeHistory, recordBreak } from './storage/history';
import type { BreakRecord } from './tracker/tracker';
import { Sim as RulesSim } from '../tests/tracker-rules-sim';
import { historyReview } from './weekly-review';
import { longestSittingByDay, type SittingFacts } from './sitting';

const TZ = 'Europe/Berlin';
// Monday 2026-03-02 09:00 in Berlin (UTC+1). The review is read that Thursday.
const T0 = Date.UTC(2026, 2, 2, 8, 0);
const REVIEW_AT = Date.UTC(2026, 2, 5, 11, 0);
const MIN = 60_000;
const SEC = 1000;

const S: Settings = {
  ...DEFAULT_SETTINGS,
  weekStart: 'mon',
  pauseWaitMin: 0,
  headsUpSec: 0,
  micro: { enabled: false, everySec: 20 * 60, lengthSec: 20 },
  stretch: { enabled: true, everySec: 50 * 60, lengthSec: 180 },
  snoozeSec: 300,
  snoozeLimit: 2,
  idleSec: 60,
  remindAfterSec: 180,
};

/** The shared driver (the background's wakes and the watchdog while desk time counts), with a tick at each moment run to. */
class Sim extends RulesSim {
  constructor(settings: Settings = S, now = T0) {
    super(settings, now, TZ);
  }
  override runUntil(until: number) {
    super.runUntil(until);
    return this.send({ type: 'tick' }, until);
  }
  /** The break prompted now (the test fails if there is none). */
  open(): string {
    const p = this.state.phase;
    if (p.name !== 'due') throw new Error(`no prompt open at +${(this.now - T0) / MIN} min (${p.name})`);
    return p.brk.id;
  }
  skip(at: number) {
    this.runUntil(at);
    this.send({ type: 'skip', breakId: this.open() }, at);
  }
  take(at: number) {
    this.runUntil(at);
    const id = this.open();
    this.send({ type: 'start', breakId: id }, at);
    this.send({ type: 'finish', breakId: id, outcome: 'completed', routineId: 'cat-cow' }, at + 3 * MIN);
  }
  away(from: number, to: number) {
    this.runUntil(from + S.idleSec * SEC);
    // Reported idle "away after" seconds in: the tracker takes those seconds back (away from `from`).
    this.send({ type: 'activity', state: 'idle' }, from + S.idleSec * SEC);
    this.send({ type: 'activity', state: 'active' }, to);
  }
  /** The rows written and the week's longest sitting as the review shows it (tile and highlight). */
  async review() {
    for (const r of this.records()) await recordBreak(r, TZ);
    const data = await historyReview(REVIEW_AT, TZ, this.settings, 'en-GB');
    if (!data) throw new Error('history off');
    const hl = data.highlights.find((h) => h.key === 'hlSit' || h.key === 'hlSitLonger' || h.key === 'hlSitShorter');
    return { longest: data.thisWeek.longestMs, day: data.thisWeek.longestDay, highlight: hl?.values[0], records: this.records() };
  }
}

afterEach(async () => {
  await closeHistory();
});

const at = (min: number) => T0 + min * MIN;
const outcomes = (rs: BreakRecord[]) => rs.map((r) => [r.outcome, (r.dueAt - T0) / MIN, r.deskMs / MIN]);

describe('the longest sitting stretch, with breaks skipped', () => {
  it('a break skipped at 50 minutes and the next taken at 100: one 100-minute stretch', async () => {
    const sim = new Sim();
    sim.skip(at(50)); // skipped as soon as prompted: the counter starts again at +50
    sim.take(at(100)); // 50 more minutes of desk time: due at +100
    const r = await sim.review();
    expect(outcomes(r.records)).toEqual([
      ['skipped', 50, 50],
      ['completed', 100, 50],
    ]);
    // Sat from 09:00 to 10:40 without a break: 50 + 50 minutes.
    expect(r.longest).toBe(100 * MIN);
    expect(r.day).toBe('2026-03-02');
    expect(r.highlight).toEqual({ ms: 100 * MIN });
  });

  it('two skips in a row and a break taken: one 150-minute stretch', async () => {
    const sim = new Sim();
    sim.skip(at(50));
    sim.skip(at(100));
    sim.take(at(150));
    const r = await sim.review();
    expect(outcomes(r.records).map((o) => o[0])).toEqual(['skipped', 'skipped', 'completed']);
    expect(r.longest).toBe(150 * MIN);
  });

  it('the minutes a skipped prompt stayed open are not counted (desk time then is not recorded)', async () => {
    const sim = new Sim();
    sim.runUntil(at(50));
    sim.send({ type: 'snooze', breakId: sim.open() }, at(50));
    sim.skip(at(55)); // prompted again after the 5-minute postpone, skipped then
    sim.take(at(105));
    const r = await sim.review();
    // 50 before the prompt + 50 after the skip; the 5 minutes between are left out (short, never long).
    expect(r.longest).toBe(100 * MIN);
  });

  it('skipped, then away for 10 minutes (too early to be recorded), then a break: two stretches, not one', async () => {
    const sim = new Sim();
    sim.skip(at(50));
    // 10 minutes after the skip, away for 10: the counter (10 min, under half an interval) starts
    // again without a row. Back at +70, the next break is due at +120.
    sim.away(at(60), at(70));
    sim.take(at(120));
    const r = await sim.review();
    expect(outcomes(r.records)).toEqual([
      ['skipped', 50, 50],
      ['completed', 120, 50],
    ]);
    // The longest sitting was 50 + 10 = 60 minutes before leaving (recorded: 50), then 50: never 100.
    expect(r.longest).toBe(50 * MIN);
  });

  it('skipped, then a 30-minute pause, then a break: not one stretch', async () => {
    const sim = new Sim();
    sim.skip(at(50));
    sim.runUntil(at(55));
    sim.send({ type: 'pause', until: at(85), timed: true }, at(55));
    // The pause (longer than a stretch break) starts the counter again at +85: due at +135.
    sim.take(at(135));
    const r = await sim.review();
    expect(outcomes(r.records)).toEqual([
      ['skipped', 50, 50],
      ['completed', 135, 50],
    ]);
    expect(r.longest).toBe(50 * MIN);
  });

  it('skipped, then taken naturally (away 5 minutes): the stretch runs to the natural break and no further', async () => {
    const sim = new Sim();
    sim.skip(at(50));
    // 30 minutes on (over half an interval): away from +80 to +85 is a natural break, recorded.
    sim.away(at(80), at(85));
    sim.take(at(135));
    const r = await sim.review();
    expect(outcomes(r.records)).toEqual([
      ['skipped', 50, 50],
      ['natural', 80, 30],
      ['completed', 135, 50],
    ]);
    // 09:00 to 10:20 sitting (50 + 30), then 50 after the natural break: 80, not 130.
    expect(r.longest).toBe(80 * MIN);
  });

  it('a clock set back does not join two stretches that time away had parted', async () => {
    const sim = new Sim();
    sim.skip(at(50));
    // 5 minutes on, away 30 (the counter, 5 minutes, starts again without a row); back at +85.
    sim.away(at(55), at(85));
    sim.runUntil(at(90));
    // At +90 the clock is set back 40 minutes (to +50): 5 minutes counted so far, so the next
    // break falls due 45 minutes later by the clock, at +95. From the skip to it the clock shows
    // 45 minutes, under its 50 of desk time: something moved the clock, and nothing is joined.
    sim.send({ type: 'tick' }, at(50));
    sim.take(at(95));
    const r = await sim.review();
    expect(outcomes(r.records)).toEqual([
      ['skipped', 50, 50],
      ['completed', 95, 50],
    ]);
    expect(r.longest).toBe(50 * MIN);
  });
});

describe('longestSittingByDay (rows)', () => {
  const row = (kind: SittingFacts['kind'], outcome: SittingFacts['outcome'], dueMin: number, deskMin: number, extra: Partial<SittingFacts> = {}): SittingFacts => ({
    day: '2026-03-02',
    kind,
    outcome,
    dueAt: at(dueMin),
    promptedAt: outcome === 'natural' ? null : at(dueMin),
    startedAt: outcome === 'completed' || outcome === 'partial' ? at(dueMin) : null,
    endedAt: outcome === 'completed' ? at(dueMin + 3) : at(dueMin),
    deskMs: deskMin * MIN,
    ...extra,
  });

  it('a posture check taken between a skipped stretch break and the next ends the stretch, even one cut short in seconds', () => {
    const rows = [
      row('stretch', 'skipped', 50, 50),
      // Started at +70 and closed 3 s later: its 3 s are within the slack, so only this rule parts them.
      row('micro', 'partial', 70, 20, { startedAt: at(70), endedAt: at(70) + 3 * SEC }),
      row('stretch', 'completed', 100, 50, { dueAt: at(100) + 3 * SEC, promptedAt: at(100) + 3 * SEC, startedAt: at(100) + 3 * SEC }),
    ];
    expect(longestSittingByDay(rows).get('2026-03-02')).toBe(50 * MIN);
    // The same without the posture check: one stretch.
    expect(longestSittingByDay([rows[0]!, rows[2]!]).get('2026-03-02')).toBe(100 * MIN);
  });

  it('a posture check skipped (no time away) leaves a skipped stretch break joined to the next', () => {
    const rows = [row('stretch', 'skipped', 50, 50), row('micro', 'skipped', 70, 20), row('stretch', 'completed', 100, 50)];
    expect(longestSittingByDay(rows).get('2026-03-02')).toBe(100 * MIN);
  });

  it('a break started by the person and skipped adds nothing, as in the day figures', () => {
    expect(longestSittingByDay([row('stretch', 'skipped', 50, 50, { manual: true })]).has('2026-03-02')).toBe(false);
  });
});
