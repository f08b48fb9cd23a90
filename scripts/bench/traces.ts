/**
 * The traces bench (issue #14, "Measured"): the pure tracker driven through recorded working days
 * (scripts/bench/traces-data.ts; the browser modelled in traces-model.ts, the worker's day loop
 * from tracker-day.ts), twice: "clock only" (no holds, no wait for a pause, the env never asked)
 * and "right moment" (the default settings). Counted against the trace, not the tracker's view
 * of it: prompts inside a call before the bound, natural breaks credited while a call or a
 * video plays, the delay from due to prompt, prompts per day and worker starts per hour.
 * Runs alone: `npx tsx scripts/bench/traces.ts`.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, type BreakKind, type Settings } from '../../lib/settings';
import { DEFAULT_ENV } from '../../lib/tracker/tracker';
import { median, runAlone, type AddRow } from './table';
import { runDay } from './tracker-day';
import { RECORDED_DAYS, type RecordedDay } from './traces-data';
import { asksBrowser } from '../../lib/engine/asks';
import { browserFeed, envAt, expand, type DayTrace, type Play } from './traces-model';

/** Chrome's floor for an alarm (lib/platform/alarms.ts MIN_ALARM_MS; not imported: that module needs the browser). */
const MIN_ALARM_MS = 30_000;
const MIN = 60_000;

export type Mode = 'clock' | 'moment';

/** The settings of each way of timing: clock only switches off the holds and the wait for a pause. */
export function settingsFor(mode: Mode, base: Settings = DEFAULT_SETTINGS): Settings {
  return mode === 'moment' ? base : { ...base, hold: { ...base.hold, enabled: false }, pauseWaitMin: 0 };
}

/** What one run of a day leaves to count: first prompts, natural breaks credited, the worker's events. */
export interface DayLog {
  prompts: Array<{ at: number; dueAt: number; kind: BreakKind }>;
  /** When the time away that a natural break was credited for began (as the tracker took it). */
  naturals: Array<{ awaySince: number; kind: BreakKind }>;
  /** Events delivered to the worker: its alarms (the next moment, the watchdog) and idle reports. */
  starts: { alarm: number; watchdog: number; activity: number };
}

/**
 * One day through the tracker. Clock only: the env is never asked (all false, as before the
 * right-moment rules). Right moment: asked when the worker asks (lib/engine/asks.ts, as the runtime).
 */
export function runTrace(trace: DayTrace, mode: Mode, base: Settings = DEFAULT_SETTINGS, switchEveryMin?: number): DayLog {
  const settings = settingsFor(mode, base);
  const log: DayLog = { prompts: [], naturals: [], starts: { alarm: 0, watchdog: 0, activity: 0 } };
  // The recorded days have no tabs: one tab in view all day, or (`switchEveryMin`, an assumption
  // for a figure) another one every so many minutes on the clock.
  const tabAt = (at: number) => (switchEveryMin ? Math.floor((at - trace.start) / (switchEveryMin * MIN)) : 1);
  const r = runDay(trace.start, browserFeed(trace, settings), settings, trace.end, {
    minAlarmMs: MIN_ALARM_MS,
    env: (event, at, before) => (mode === 'moment' && asksBrowser(before, settings, at, event) ? { ...envAt(trace.plays, at), tab: tabAt(at) } : DEFAULT_ENV),
    observe: (_event, at, _label, before, result) => {
      // When the tracker began to wait with a due break (a hold, then a wait for a pause), if it waited.
      const waitFrom = before.deferredSince ?? before.pauseFrom ?? Infinity;
      for (const e of result.effects) {
        // Due: when the counter crossed the interval, or when the wait began if sooner (a posture
        // check held until a stretch break took its place carries the stretch break's due time).
        if (e.type === 'prompt' && !e.reminder && e.brk.promptedAt === at) log.prompts.push({ at, dueAt: Math.min(e.brk.dueAt, waitFrom), kind: e.brk.kind });
        if (e.type === 'record' && e.entry.outcome === 'natural') log.naturals.push({ awaySince: e.entry.endedAt - settings[e.entry.kind].lengthSec * 1000, kind: e.entry.kind });
      }
    },
  });
  log.starts = { alarm: r.byType.alarm ?? 0, watchdog: r.byType.watchdog ?? 0, activity: r.byType.activity ?? 0 };
  return log;
}

const playing = (plays: readonly Play[], t: number, what: ReadonlyArray<Play['what']>) => plays.some((p) => what.includes(p.what) && p.from <= t && t < p.to);

/** The figures of one run, counted against the trace's calls and videos (the outside reference). */
export interface Counts {
  /** First prompts inside a call or a fullscreen video before the bound (due + `boundMs`). */
  inCall: number;
  /** Natural breaks credited for time away that began while a call or a video played. */
  whileWatching: number;
  /** Minutes from due to the first prompt, one per prompt. */
  delaysMin: number[];
  prompts: number;
  starts: DayLog['starts'];
  hours: number;
}

export function count(log: DayLog, trace: DayTrace, boundMs: number): Counts {
  return {
    inCall: log.prompts.filter((p) => playing(trace.plays, p.at, ['call', 'video']) && p.at < p.dueAt + boundMs).length,
    whileWatching: log.naturals.filter((n) => playing(trace.plays, n.awaySince, ['call', 'video'])).length,
    delaysMin: log.prompts.map((p) => (p.at - p.dueAt) / MIN),
    prompts: log.prompts.length,
    starts: log.starts,
    hours: (trace.end - trace.start) / 3600_000,
  };
}

/** Counts of several days as one. */
export function total(xs: readonly Counts[]): Counts {
  const sum = (f: (c: Counts) => number) => xs.reduce((a, c) => a + f(c), 0);
  const starts = { alarm: sum((c) => c.starts.alarm), watchdog: sum((c) => c.starts.watchdog), activity: sum((c) => c.starts.activity) };
  return { inCall: sum((c) => c.inCall), whileWatching: sum((c) => c.whileWatching), delaysMin: xs.flatMap((c) => c.delaysMin), prompts: sum((c) => c.prompts), starts, hours: sum((c) => c.hours) };
}

/** Both ways through every day: the totals, and each day's counts. */
export function traceFigures(days: readonly RecordedDay[] = RECORDED_DAYS, base: Settings = DEFAULT_SETTINGS) {
  const boundMs = base.hold.maxMin * MIN;
  const traces = days.map(expand);
  const per = days.map((d, i) => {
    const trace = traces[i]!;
    return { name: d.name, clock: count(runTrace(trace, 'clock', base), trace, boundMs), moment: count(runTrace(trace, 'moment', base), trace, boundMs) };
  });
  // The tab switch (a stopping point too) moves prompts only where tabs change: assumed cadences.
  const switching = SWITCH_EVERY_MIN.map((every) => ({ every, moment: total(traces.map((trace) => count(runTrace(trace, 'moment', base, every), trace, boundMs))) }));
  return { per, clock: total(per.map((p) => p.clock)), moment: total(per.map((p) => p.moment)), boundMin: base.hold.maxMin, switching };
}

/** Assumed tab-switch cadences (minutes) for the figure of what the tab switch moves. */
export const SWITCH_EVERY_MIN = [5, 2] as const;

export async function tracesBench(add: AddRow): Promise<void> {
  const f = traceFigures();
  const { clock: c, moment: m } = f;
  const both = (x: (k: Counts) => string) => `${x(c)} / ${x(m)}`;
  const min = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} min` : '-');
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
  const calls = RECORDED_DAYS.flatMap((d) => d.playing.filter((p) => p[2] === 'call')).length;
  add('traces', `${f.per.length} recorded days, ${c.hours.toFixed(1)} h, ${calls} calls (sound in the tab in view): clock only / right moment`, '');
  add('traces', 'prompts inside a call or a fullscreen video before the bound (due + hold.maxMin)', both((k) => `${k.inCall}`), '0 (right moment)', m.inCall === 0);
  add('traces', 'natural breaks credited while a call or a fullscreen video plays', both((k) => `${k.whileWatching}`), '0 (right moment)', m.whileWatching === 0);
  const perHour = (k: Counts) => (k.starts.alarm + k.starts.watchdog + k.starts.activity) / k.hours;
  const med = median(m.delaysMin);
  add('traces', 'delay from due to prompt, median', both((k) => min(median(k.delaysMin))), '<= 1 min (right moment)', med <= 1);
  for (const sw of f.switching) {
    const withSwitches = perHour(sw.moment) / perHour(m) - 1;
    add('traces', `  the same, had the person switched tabs every ${sw.every} min (assumed: the days record no tabs): median / max; starts per hour`, `${min(median(sw.moment.delaysMin))} / ${min(max(sw.moment.delaysMin))}; ${perHour(sw.moment).toFixed(1)} (${withSwitches >= 0 ? '+' : ''}${(withSwitches * 100).toFixed(0)}%)`);
  }
  add('traces', 'delay from due to prompt, max', both((k) => min(max(k.delaysMin))), `<= ${f.boundMin} min, the bound (right moment)`, max(m.delaysMin) <= f.boundMin);
  add('traces', 'prompts per day', both((k) => (k.prompts / f.per.length).toFixed(1)));
  add('traces', 'worker starts per hour: events delivered (alarms, watchdog, idle reports)', both((k) => perHour(k).toFixed(1)));
  const h = (x: number, k: Counts) => (x / k.hours).toFixed(1);
  add('traces', '  of which alarms (the next moment; a wait looks every minute) + watchdog + idle reports', both((k) => `${h(k.starts.alarm, k)} + ${h(k.starts.watchdog, k)} + ${h(k.starts.activity, k)}`));
  // A figure, not the verdict (its +20% is for the simulated day: the 'worker' rows). Here
  // the right moment also counts desk time through calls and videos that clock only takes as
  // away: more breaks fall due, and the watchdog runs through them.
  const growth = perHour(m) / perHour(c) - 1;
  add('traces', 'worker starts per hour: right moment over clock only (more desk time counted: more breaks, watchdog through calls)', `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}%`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAlone(tracesBench);
