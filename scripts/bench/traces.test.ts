/**
 * The traces bench's counting (scripts/bench/traces.ts) on short hand-made days, against figures
 * worked out by hand from the configured intervals (default settings: a stretch break every 50
 * minutes of desk time, 3 minutes long; a posture check every 20 minutes; holds bounded at 30
 * minutes; a pause in input waited for 2 minutes at most), and the browser model's idle reports
 * (scripts/bench/traces-model.ts) at the detection interval in force.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { initialState } from '../../lib/tracker/tracker';
import { count, runTrace, type Mode } from './traces';
import type { RecordedDay } from './traces-data';
import { at, browserFeed, browserState, expand } from './traces-model';

const DATE = '2026-03-09';
const t = (hhmm: string) => at(DATE, hhmm);
const BOUND = DEFAULT_SETTINGS.hold.maxMin * 60_000;
/** Stretch breaks only, so that one break is in play. */
const STRETCH_ONLY: Settings = { ...DEFAULT_SETTINGS, micro: { ...DEFAULT_SETTINGS.micro, enabled: false } };

function day(doing: RecordedDay['doing'], playing: RecordedDay['playing']): RecordedDay {
  return { name: 'hand-made', date: DATE, seed: 1, doing, playing };
}

function counted(d: RecordedDay, mode: Mode, base: Settings) {
  const trace = expand(d);
  const log = runTrace(trace, mode, base);
  return { log, c: count(log, trace, BOUND) };
}

describe('traces bench: counting against hand-worked figures', () => {
  // Typing from 09:00, a call from 09:40 (typing on in it, its sound in the tab in view) to 10:30.
  // The stretch break is due at 09:50, 50 minutes of desk time after 09:00.
  const callDay = day([['09:00', 'type'], ['10:30', 'end']], [['09:40', '10:30', 'call']]);

  it('clock only: the prompt at 09:50 lands inside the call, 20 minutes before the bound', () => {
    const { log, c } = counted(callDay, 'clock', STRETCH_ONLY);
    expect(log.prompts.map((p) => [p.at, p.dueAt])).toEqual([[t('09:50'), t('09:50')]]);
    expect(c.inCall).toBe(1);
    expect(c.delaysMin).toEqual([0]);
  });

  it('right moment: held through the call to the bound (10:20), which is not "before the bound"', () => {
    const { log, c } = counted(callDay, 'moment', STRETCH_ONLY);
    expect(log.prompts.map((p) => [p.at, p.dueAt])).toEqual([[t('10:20'), t('09:50')]]);
    expect(c.inCall).toBe(0);
    expect(c.delaysMin).toEqual([30]);
  });

  // Typing from 09:00, a fullscreen video watched without input from 09:30 to 09:45, typing to 10:00.
  const videoDay = day([['09:00', 'type'], ['09:30', 'still'], ['09:45', 'type'], ['10:00', 'end']], [['09:30', '09:45', 'video']]);

  it('clock only: the 15 minutes of the video are credited as a natural stretch break from 09:30', () => {
    const { log, c } = counted(videoDay, 'clock', STRETCH_ONLY);
    expect(log.naturals).toEqual([{ awaySince: t('09:30'), kind: 'stretch' }]);
    expect(c.whileWatching).toBe(1);
    // The counter started again at 09:45: the next break (10:35) is after the day's end.
    expect(c.prompts).toBe(0);
  });

  it('right moment: no credit; due at 09:50 while typing, the prompt comes at the 2-minute bound of the wait for a pause', () => {
    const { log, c } = counted(videoDay, 'moment', STRETCH_ONLY);
    expect(log.naturals).toEqual([]);
    expect(c.whileWatching).toBe(0);
    expect(log.prompts.map((p) => [p.at, p.dueAt])).toEqual([[t('09:52'), t('09:50')]]);
    expect(c.delaysMin).toEqual([2]);
  });

  it('right moment, tabs switched every 3 min from 09:00 (at 09:48, 09:51...): the look at 09:51, a minute after due, sees the switch and prompts', () => {
    const trace = expand(videoDay);
    const log = runTrace(trace, 'moment', STRETCH_ONLY, 3);
    expect(log.prompts.map((p) => [p.at, p.dueAt])).toEqual([[t('09:51'), t('09:50')]]);
  });

  // Both kinds: a call with typing from 09:10 to 10:10. The posture check is due at 09:20 and
  // held; by 09:48 the stretch break (due 09:50) takes its place; the hold's bound is 09:50.
  const handOverDay = day([['09:00', 'type'], ['09:55', 'end']], [['09:10', '10:10', 'call']]);

  it('right moment: a held posture check that a stretch break takes over counts from 09:20, when it fell due', () => {
    const { log, c } = counted(handOverDay, 'moment', DEFAULT_SETTINGS);
    expect(log.prompts.map((p) => [p.kind, p.at, p.dueAt])).toEqual([['stretch', t('09:50'), t('09:20')]]);
    expect(c.delaysMin).toEqual([30]);
    expect(c.inCall).toBe(0);
  });

  it('clock only: three prompts inside the call, each on time', () => {
    // 09:20 posture check (started 09:20:30, done 09:21:15); next at 09:41:15 (done 09:42:30);
    // the stretch break: 20.5 + 20.5 min of desk time by 09:41:45, 9 more by 09:51:30.
    const { log, c } = counted(handOverDay, 'clock', DEFAULT_SETTINGS);
    expect(log.prompts.map((p) => [p.kind, p.at])).toEqual([
      ['micro', t('09:20')],
      ['micro', t('09:20') + 21.25 * 60_000],
      ['stretch', t('09:51') + 30_000],
    ]);
    expect(c.inCall).toBe(3);
    expect(c.delaysMin).toEqual([0, 0, 0]);
  });

  it('worker starts: the hold looks again every minute while it waits', () => {
    // Clock only: the alarm at 09:50, the start/finish are the person's; watchdog every 5 min of desk time.
    const clock = counted(callDay, 'clock', STRETCH_ONLY).c.starts;
    const moment = counted(callDay, 'moment', STRETCH_ONLY).c.starts;
    expect(clock.activity).toBe(0);
    expect(moment.activity).toBe(0);
    // 09:50 due, then a look every minute up to the bound at 10:20: 30 alarms more.
    expect(moment.alarm - clock.alarm).toBe(30);
  });
});

describe('traces bench: the browser model', () => {
  const gaps = [{ from: t('09:00'), to: t('09:00') + 20_000, locked: false }];

  it('a 20-s pause in input is an idle report at the lowered 15 s, none at 60 s', () => {
    expect(browserState(gaps, t('09:00') + 15_000, 15)).toBe('idle');
    expect(browserState(gaps, t('09:00') + 15_000, 60)).toBe('active');
    expect(browserState(gaps, t('09:00') + 20_000, 15)).toBe('active');
  });

  it('reports idle at the detection interval the state asks for, and the return at the end of the gap', () => {
    const trace = { start: t('08:59'), end: t('09:10'), gaps, plays: [] };
    const feed = browserFeed(trace, DEFAULT_SETTINGS);
    const working = initialState(t('08:59'));
    expect(feed.peek(t('08:59'), working)).toBeNull();
    const waiting = { ...working, pauseFrom: t('08:59') };
    expect(feed.peek(t('08:59'), waiting)).toEqual({ at: t('09:00') + 15_000, state: 'idle' });
    feed.take();
    expect(feed.peek(t('09:00') + 15_000, waiting)).toEqual({ at: t('09:00') + 20_000, state: 'active' });
  });
});
