/**
 * The traces bench's model of the browser (scripts/bench/traces.ts): a recorded day
 * (scripts/bench/traces-data.ts) as the gaps in the person's input, the idle reports the browser
 * delivers for them at the detection interval the tracker asks for (lowered while a break waits
 * for a pause), and the env the browser would report when the worker asks it (lib/engine/asks.ts says when).
 */
import { mulberry32 } from '../../lib/prng';
import type { Settings } from '../../lib/settings';
import { DEFAULT_ENV, idleDetectionSec, type Activity, type Env, type TrackerState } from '../../lib/tracker/tracker';
import type { ActivityFeed } from './tracker-day';
import type { Doing, Playing, RecordedDay } from './traces-data';

const SEC = 1000;
/** Chrome looks at the idle state about once a second: a lowered interval already passed shows at the next look. */
export const POLL_MS = 1000;

/** A stretch without input, [from, to); `locked`: the screen is locked all through it. */
export interface Gap {
  from: number;
  to: number;
  locked: boolean;
}
export interface Play {
  from: number;
  to: number;
  what: Playing;
}
/** A recorded day as the model runs it. */
export interface DayTrace {
  start: number;
  end: number;
  gaps: Gap[];
  plays: Play[];
}

export function at(date: string, hhmm: string): number {
  return Date.parse(`${date}T${hhmm}:00Z`);
}

/** The gaps in input inside one stretch of `doing`, from the seeded rhythm (traces-data.ts says which). */
function gapsIn(doing: Doing, from: number, to: number, rnd: () => number): Gap[] {
  if (doing === 'type') return [];
  if (doing === 'still' || doing === 'away' || doing === 'locked') return [{ from, to, locked: doing === 'locked' }];
  const out: Gap[] = [];
  for (let t = from; ; ) {
    t += (doing === 'work' ? 60 + rnd() * 180 : 20 + rnd() * 70) * SEC;
    const long = rnd() < 1 / 6;
    const len = (doing === 'work' ? (long ? 60 + rnd() * 60 : 16 + rnd() * 34) : 30 + rnd() * 120) * SEC;
    if (t + len >= to) return out;
    out.push({ from: Math.round(t), to: Math.round(t + len), locked: false });
    t += len;
  }
}

/** Expands a recorded day (times on its date, seeded pauses) into what the model runs. */
export function expand(day: RecordedDay): DayTrace {
  const rnd = mulberry32(day.seed);
  if (day.doing.at(-1)?.[1] !== 'end') throw new Error(`${day.name}: the last entry must be 'end'`);
  const stretches: Array<{ from: number; to: number; doing: Doing }> = [];
  for (let i = 0; i + 1 < day.doing.length; i++) {
    const [from, doing] = day.doing[i]!;
    if (doing === 'end') throw new Error(`${day.name}: 'end' before the last entry`);
    stretches.push({ from: at(day.date, from), to: at(day.date, day.doing[i + 1]![0]), doing });
  }
  const gaps = stretches.flatMap((s) => gapsIn(s.doing, s.from, s.to, rnd));
  const plays = day.playing.map(([from, to, what]) => ({ from: at(day.date, from), to: at(day.date, to), what }));
  return { start: stretches[0]!.from, end: stretches.at(-1)!.to, gaps: mergeGaps(gaps), plays };
}

/** Adjacent gaps (still, then away) are one stretch without input; a locked part keeps its own gap. */
function mergeGaps(gaps: Gap[]): Gap[] {
  const out: Gap[] = [];
  for (const g of [...gaps].sort((a, b) => a.from - b.from)) {
    const last = out.at(-1);
    if (last && last.to >= g.from && last.locked === g.locked) last.to = Math.max(last.to, g.to);
    else out.push({ ...g });
  }
  return out;
}

/** What the browser reports at `t` with detection interval `sec`: locked, idle after `sec` without input, else active. */
export function browserState(gaps: readonly Gap[], t: number, sec: number): Activity {
  // Input stopped when the first of touching gaps began (a still stretch running into an away one).
  let since = -Infinity;
  let end = -Infinity;
  for (const g of gaps) {
    if (g.from > t) break;
    if (g.from > end) since = g.from;
    end = g.to;
    if (g.to > t) return g.locked ? 'locked' : t - since >= sec * SEC ? 'idle' : 'active';
  }
  return 'active';
}

/**
 * The browser's idle reports: a report whenever its state (at the detection interval the tracker
 * now asks for) differs from the last one it delivered. An interval lowered past the time
 * already without input shows at the next look (POLL_MS).
 */
export function browserFeed(trace: DayTrace, settings: Settings): ActivityFeed {
  let reported: Activity = 'active';
  let next: Activity | null = null;
  return {
    peek(now: number, state: TrackerState) {
      const sec = idleDetectionSec(state, settings);
      const times = [now];
      for (const g of trace.gaps) if (g.to > now) times.push(g.from, g.from + sec * SEC, g.to);
      for (const t of times.filter((x) => x >= now).sort((a, b) => a - b)) {
        const s = browserState(trace.gaps, t, sec);
        if (s !== reported) {
          next = s;
          return { at: t <= now ? now + POLL_MS : t, state: s };
        }
      }
      return null;
    },
    take() {
      if (next) reported = next;
    },
  };
}

/** What plays at `t` as the worker sees it: sound in the tab in view (a call, a video), a fullscreen window (a video). */
export function envAt(plays: readonly Play[], t: number): Env {
  const on = (what: Playing) => plays.some((p) => p.what === what && p.from <= t && t < p.to);
  return { ...DEFAULT_ENV, fullscreen: on('video'), sound: on('call') || on('video') };
}
