/**
 * The desk-time tracker: a pure state machine. `transition(state, event, now, settings)` returns
 * the next state and the effects to carry out; it never reads the clock and never has side
 * effects. The background stores the state after every transition, so a stopped worker loses
 * nothing, and a restart (state reloaded from storage) never changes what happens next.
 *
 *                     idle / locked / asleep for >= a break's length: counted as that break
 *                     taken naturally (recorded `natural`), its desk-time counter reset
 *           +-----------------------------------------------------------+
 *           v                                                           |
 *     +-----------+   desk time reaches an interval    +-------+  snooze   +---------+
 *     |  working  | ---------------------------------> |  due  | --------> | snoozed |
 *     +-----------+          (prompt effect)           +-------+ <-------- +---------+
 *        ^     ^                                         |   |   time is up      |
 *        |     |  skip (recorded `skipped`)              |   | start             | start
 *        |     +-----------------------------------------+   v                   |
 *        |  finish: completed / partial / skipped      +---------+ <-------------+
 *        +-------------------------------------------- | onBreak |  <- "take a break now"
 *                                                       +---------+     (from working)
 *
 * Desk time is active time: two counters (one per break kind) grow only while the machine
 * reports activity, and not during a break. Everything is derived from stored timestamps.
 */
import { BREAK_KINDS, type BreakKind, type Settings } from '../settings';

export const TRACKER_VERSION = 1;

/** A watchdog alarm wakes the worker this often while desk time is counting. */
export const WATCHDOG_MS = 5 * 60_000;
/** More than this without hearing from the machine while active means it slept (or the browser was closed). */
export const SLEEP_GAP_MS = WATCHDOG_MS + 90_000;
/** A micro break falling due this close before a stretch break is folded into it. */
export const MERGE_WINDOW_MS = 2 * 60_000;
/** A break left open this long past its length is closed as `partial`. */
export const ABANDON_AFTER_MS = 15 * 60_000;

export type Activity = 'active' | 'idle' | 'locked';
export type Outcome = 'completed' | 'partial' | 'skipped' | 'natural';

export interface DueBreak {
  /** Stable id: the same due break always has the same id, so recording it twice is one row. */
  id: string;
  kind: BreakKind;
  dueAt: number;
  /** Desk time (ms) before this break. */
  deskMs: number;
  snoozes: number;
  /** Started by the user ("take a break now"), not prompted. */
  manual: boolean;
  promptedAt: number | null;
}

export type Phase =
  | { name: 'working' }
  | { name: 'due'; brk: DueBreak; remindAt: number | null }
  | { name: 'snoozed'; brk: DueBreak; until: number }
  | { name: 'onBreak'; brk: DueBreak; startedAt: number; routineId: string | null };

export interface TrackerState {
  v: typeof TRACKER_VERSION;
  activity: Activity;
  /** When the current away period began (estimated), while not active. */
  awaySince: number | null;
  /** When the machine last became active (bounds how far an idle report is back-dated). */
  activeSince: number;
  /** Counters are exact as of this instant. */
  asOf: number;
  /** Desk time (ms) since the last break of each kind. */
  desk: Record<BreakKind, number>;
  /** The last instant the tracker heard from the machine (any event). */
  lastSeen: number;
  /** When a natural break was last credited (for the popup's "why"). */
  lastNaturalAt: number | null;
  phase: Phase;
}

export type TrackerEvent =
  | { type: 'activity'; state: Activity }
  | { type: 'tick' }
  | { type: 'start'; breakId?: string }
  | { type: 'snooze'; breakId: string }
  | { type: 'skip'; breakId: string }
  | { type: 'finish'; breakId: string; outcome: 'completed' | 'partial' | 'skipped'; routineId?: string | null }
  | { type: 'setRoutine'; breakId: string; routineId: string }
  | { type: 'settingsChanged' };

export interface BreakRecord {
  id: string;
  kind: BreakKind;
  outcome: Outcome;
  dueAt: number;
  promptedAt: number | null;
  startedAt: number | null;
  endedAt: number;
  routineId: string | null;
  deskMs: number;
  snoozes: number;
  manual: boolean;
}

export type Effect =
  | { type: 'prompt'; brk: DueBreak; reminder: boolean }
  | { type: 'clearPrompt'; breakId: string }
  | { type: 'openBreak'; brk: DueBreak }
  | { type: 'record'; entry: BreakRecord };

export interface Result {
  state: TrackerState;
  effects: Effect[];
  /** Why an intent was refused (the state is then unchanged). */
  refused?: 'noSuchBreak' | 'snoozeLimit' | 'disabled';
}

export function initialState(now: number): TrackerState {
  return {
    v: TRACKER_VERSION,
    activity: 'active',
    awaySince: null,
    activeSince: now,
    asOf: now,
    desk: { micro: 0, stretch: 0 },
    lastSeen: now,
    lastNaturalAt: null,
    phase: { name: 'working' },
  };
}

// ---------------------------------------------------------------------------------------------

function currentBreak(p: Phase): DueBreak | null {
  return p.name === 'working' ? null : p.brk;
}

function resetCounters(desk: Record<BreakKind, number>, kind: BreakKind): Record<BreakKind, number> {
  // A stretch break is also a micro break; a micro break only resets its own counter.
  return kind === 'stretch' ? { micro: 0, stretch: 0 } : { ...desk, micro: 0 };
}

function record(brk: DueBreak, outcome: Outcome, endedAt: number, startedAt: number | null, routineId: string | null): Effect {
  return {
    type: 'record',
    entry: {
      id: brk.id,
      kind: brk.kind,
      outcome,
      dueAt: brk.dueAt,
      promptedAt: brk.promptedAt,
      startedAt,
      endedAt,
      routineId,
      deskMs: brk.deskMs,
      snoozes: brk.snoozes,
      manual: brk.manual,
    },
  };
}

/**
 * Brings the counters up to `now`: adds active desk time, notices sleep and clock jumps.
 * Returns the advanced state plus, when a sleep gap was noticed, the instant the machine went away.
 */
function advance(s: TrackerState, now: number, settings: Settings): { s: TrackerState; effects: Effect[] } {
  // Clock set back: keep what was counted, restart counting from the new now.
  if (now < s.asOf || now < s.lastSeen) {
    const phase = clampPhaseTimes(s.phase, now, settings);
    return {
      s: { ...s, asOf: now, lastSeen: now, awaySince: s.awaySince === null ? null : Math.min(s.awaySince, now), phase },
      effects: [],
    };
  }
  if (s.activity === 'active' && now - s.lastSeen > SLEEP_GAP_MS) {
    // Nothing was heard from the machine for too long while it was active: it slept, or the
    // browser was closed. Count everything since we last heard from it as time away.
    const away = s.lastSeen;
    const accrued = accrue(s, away);
    return returnFromAway({ ...accrued, activity: 'idle', awaySince: away }, now, settings, 'active');
  }
  return { s: { ...accrue(s, now), lastSeen: now }, effects: [] };
}

function accrue(s: TrackerState, upTo: number): TrackerState {
  const dt = Math.max(0, upTo - s.asOf);
  if (s.activity !== 'active' || s.phase.name === 'onBreak' || dt === 0) return { ...s, asOf: Math.max(s.asOf, upTo) };
  return { ...s, asOf: upTo, desk: { micro: s.desk.micro + dt, stretch: s.desk.stretch + dt } };
}

function clampPhaseTimes(p: Phase, now: number, settings: Settings): Phase {
  switch (p.name) {
    case 'snoozed':
      return { ...p, until: Math.min(p.until, now + settings.snoozeSec * 1000) };
    case 'due':
      return p.remindAt === null ? p : { ...p, remindAt: Math.min(p.remindAt, now + settings.remindAfterSec * 1000) };
    case 'onBreak':
      return { ...p, startedAt: Math.min(p.startedAt, now) };
    default:
      return p;
  }
}

/** The machine is back (or the tracker noticed it was away): credit natural breaks. */
function returnFromAway(s: TrackerState, now: number, settings: Settings, activity: Activity): { s: TrackerState; effects: Effect[] } {
  const awaySince = s.awaySince ?? now;
  const awayMs = Math.max(0, now - awaySince);
  let desk = { ...s.desk };
  let phase = s.phase;
  const effects: Effect[] = [];
  let credited = false;
  const open = currentBreak(phase);
  for (const kind of BREAK_KINDS) {
    const rule = settings[kind];
    if (awayMs < rule.lengthSec * 1000) continue;
    const openHere = open && open.kind === kind && phase.name !== 'onBreak' ? open : null;
    const meaningful = desk[kind] >= (rule.everySec * 1000) / 2;
    if (openHere) {
      effects.push({ type: 'clearPrompt', breakId: openHere.id });
      effects.push(record(openHere, 'natural', awaySince + rule.lengthSec * 1000, null, null));
      phase = { name: 'working' };
      credited = true;
    } else if (rule.enabled && meaningful && !(kind === 'micro' && credited)) {
      const brk: DueBreak = {
        id: `${kind}-natural-${awaySince}`,
        kind,
        dueAt: awaySince,
        deskMs: desk[kind],
        snoozes: 0,
        manual: false,
        promptedAt: null,
      };
      effects.push(record(brk, 'natural', awaySince + rule.lengthSec * 1000, null, null));
      credited = true;
    }
    desk[kind] = 0;
    if (kind === 'stretch') desk = { micro: 0, stretch: 0 };
  }
  return {
    s: {
      ...s,
      activity,
      awaySince: activity === 'active' ? null : s.awaySince,
      activeSince: activity === 'active' ? now : s.activeSince,
      asOf: now,
      lastSeen: now,
      desk,
      phase,
      lastNaturalAt: credited ? awaySince : s.lastNaturalAt,
    },
    effects,
  };
}

/** When the next break of each enabled kind falls due, given the state (null while away). */
export function dueTimes(s: TrackerState, settings: Settings): Partial<Record<BreakKind, number>> {
  if (s.activity !== 'active' || s.phase.name === 'onBreak') return {};
  const out: Partial<Record<BreakKind, number>> = {};
  for (const kind of BREAK_KINDS) {
    const rule = settings[kind];
    if (!rule.enabled) continue;
    out[kind] = s.asOf + Math.max(0, rule.everySec * 1000 - s.desk[kind]);
  }
  return out;
}

/** The next break the user will be asked to take, and when (null if none is scheduled). */
export function nextBreak(s: TrackerState, settings: Settings): { kind: BreakKind; at: number } | null {
  if (s.phase.name === 'snoozed') return { kind: s.phase.brk.kind, at: s.phase.until };
  if (s.phase.name !== 'working') return null;
  const due = dueTimes(s, settings);
  const { stretch, micro } = due;
  if (stretch === undefined && micro === undefined) return null;
  if (micro === undefined) return { kind: 'stretch', at: stretch! };
  if (stretch === undefined) return { kind: 'micro', at: micro };
  // The stretch break wins when both fall due together.
  if (stretch <= micro + MERGE_WINDOW_MS) return { kind: 'stretch', at: Math.min(stretch, Math.max(micro, stretch - MERGE_WINDOW_MS)) };
  return { kind: 'micro', at: micro };
}

/** The next instant the tracker must be woken (besides activity events), or null. */
export function nextWake(s: TrackerState, settings: Settings): number | null {
  switch (s.phase.name) {
    case 'working':
      return nextBreak(s, settings)?.at ?? null;
    case 'due':
      return s.phase.remindAt;
    case 'snoozed':
      return s.phase.until;
    case 'onBreak':
      return s.phase.startedAt + settings[s.phase.brk.kind].lengthSec * 1000 + ABANDON_AFTER_MS;
  }
}

function prompt(s: TrackerState, brk: DueBreak, now: number, settings: Settings, reminder = false): Result {
  const b = { ...brk, promptedAt: brk.promptedAt ?? now };
  const remindAt = settings.remindAfterSec > 0 && !reminder ? now + settings.remindAfterSec * 1000 : null;
  return { state: { ...s, phase: { name: 'due', brk: b, remindAt } }, effects: [{ type: 'prompt', brk: b, reminder }] };
}

function tick(s: TrackerState, now: number, settings: Settings): Result {
  const p = s.phase;
  switch (p.name) {
    case 'working': {
      const next = nextBreak(s, settings);
      if (!next || next.at > now) return { state: s, effects: [] };
      // The instant the counter crossed the interval: the same whenever the tick runs.
      const over = s.desk[next.kind] - settings[next.kind].everySec * 1000;
      const dueAt = over >= 0 ? now - over : next.at;
      const brk: DueBreak = {
        id: `${next.kind}-${Math.round(dueAt)}`,
        kind: next.kind,
        dueAt,
        deskMs: s.desk[next.kind],
        snoozes: 0,
        manual: false,
        promptedAt: null,
      };
      return prompt(s, brk, now, settings);
    }
    case 'due':
      if (p.remindAt !== null && now >= p.remindAt) return prompt(s, p.brk, now, settings, true);
      return { state: s, effects: [] };
    case 'snoozed':
      if (now >= p.until) return prompt(s, p.brk, now, settings);
      return { state: s, effects: [] };
    case 'onBreak': {
      const wake = nextWake(s, settings)!;
      if (now < wake) return { state: s, effects: [] };
      return finish(s, p.brk.id, 'partial', p.routineId, now);
    }
  }
}

function finish(s: TrackerState, breakId: string, outcome: 'completed' | 'partial' | 'skipped', routineId: string | null, now: number): Result {
  const p = s.phase;
  const brk = currentBreak(p);
  if (!brk || brk.id !== breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
  const startedAt = p.name === 'onBreak' ? p.startedAt : null;
  const effects: Effect[] = [];
  if (p.name !== 'onBreak') effects.push({ type: 'clearPrompt', breakId });
  effects.push(record(brk, outcome, now, startedAt, routineId ?? (p.name === 'onBreak' ? p.routineId : null)));
  return {
    state: { ...s, phase: { name: 'working' }, desk: resetCounters(s.desk, brk.kind), asOf: now },
    effects,
  };
}

/** The one entry point: state x event x now x settings -> state + effects. */
export function transition(state: TrackerState, event: TrackerEvent, now: number, settings: Settings): Result {
  const adv = advance(state, now, settings);
  const r = step(adv.s, event, now, settings);
  // After any event, a break may have fallen due (e.g. the interval was shortened).
  const after = event.type === 'tick' || r.refused ? r : chainTick(r, now, settings);
  return { ...after, effects: [...adv.effects, ...after.effects] };
}

function chainTick(r: Result, now: number, settings: Settings): Result {
  const t = tick(r.state, now, settings);
  return { state: t.state, effects: [...r.effects, ...t.effects] };
}

function step(s: TrackerState, e: TrackerEvent, now: number, settings: Settings): Result {
  switch (e.type) {
    case 'tick':
    case 'settingsChanged':
      return settingsGate(s, now, settings);
    case 'activity': {
      if (e.state === s.activity) return { state: s, effects: [] };
      if (e.state === 'active') return withEffects(returnFromAway(s, now, settings, 'active'));
      // Going away. Chrome reports `idle` only after `idleSec` without input: the user left then.
      // Time counted since then was not desk time; take it back.
      const leftAt = e.state === 'idle' && s.activity === 'active' ? Math.max(now - settings.idleSec * 1000, s.activeSince) : now;
      const over = s.activity === 'active' && s.phase.name !== 'onBreak' ? Math.max(0, s.asOf - leftAt) : 0;
      const desk = { micro: Math.max(0, s.desk.micro - over), stretch: Math.max(0, s.desk.stretch - over) };
      const awaySince = s.activity === 'active' ? Math.min(leftAt, now) : (s.awaySince ?? now);
      return { state: { ...s, activity: e.state, awaySince, desk }, effects: [] };
    }
    case 'start': {
      const p = s.phase;
      if (p.name === 'onBreak') return { state: s, effects: [{ type: 'openBreak', brk: p.brk }] };
      if (p.name === 'due' || p.name === 'snoozed') {
        if (e.breakId !== undefined && e.breakId !== p.brk.id) return { state: s, effects: [], refused: 'noSuchBreak' };
        return {
          state: { ...s, phase: { name: 'onBreak', brk: p.brk, startedAt: now, routineId: null } },
          effects: [{ type: 'clearPrompt', breakId: p.brk.id }, { type: 'openBreak', brk: p.brk }],
        };
      }
      if (e.breakId !== undefined) return { state: s, effects: [], refused: 'noSuchBreak' };
      const kind: BreakKind = settings.stretch.enabled || !settings.micro.enabled ? 'stretch' : 'micro';
      const brk: DueBreak = { id: `manual-${now}`, kind, dueAt: now, deskMs: s.desk[kind], snoozes: 0, manual: true, promptedAt: null };
      return { state: { ...s, phase: { name: 'onBreak', brk, startedAt: now, routineId: null } }, effects: [{ type: 'openBreak', brk }] };
    }
    case 'snooze': {
      const p = s.phase;
      if (p.name !== 'due' || p.brk.id !== e.breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
      if (p.brk.snoozes >= settings.snoozeLimit) return { state: s, effects: [], refused: 'snoozeLimit' };
      const brk = { ...p.brk, snoozes: p.brk.snoozes + 1 };
      return {
        state: { ...s, phase: { name: 'snoozed', brk, until: now + settings.snoozeSec * 1000 } },
        effects: [{ type: 'clearPrompt', breakId: brk.id }],
      };
    }
    case 'skip':
      return finish(s, e.breakId, 'skipped', null, now);
    case 'finish':
      return finish(s, e.breakId, e.outcome, e.routineId ?? null, now);
    case 'setRoutine': {
      const p = s.phase;
      if (p.name !== 'onBreak' || p.brk.id !== e.breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
      return { state: { ...s, phase: { ...p, routineId: e.routineId } }, effects: [] };
    }
  }
}

/** A prompt for a kind that has since been switched off is withdrawn (not recorded). */
function settingsGate(s: TrackerState, now: number, settings: Settings): Result {
  const p = s.phase;
  if ((p.name === 'due' || p.name === 'snoozed') && !settings[p.brk.kind].enabled) {
    return { state: { ...s, phase: { name: 'working' } }, effects: [{ type: 'clearPrompt', breakId: p.brk.id }] };
  }
  // A shorter snooze setting shortens a snooze under way.
  const clamped = p.name === 'snoozed' ? { ...s, phase: clampPhaseTimes(p, now, settings) } : s;
  return tick(clamped, now, settings);
}

function withEffects(r: { s: TrackerState; effects: Effect[] }): Result {
  return { state: r.s, effects: r.effects };
}

/** What the popup shows, derived from state (pure). */
export interface TrackerView {
  phase: Phase['name'];
  activity: Activity;
  next: { kind: BreakKind; at: number } | null;
  open: { id: string; kind: BreakKind; snoozes: number; canSnooze: boolean } | null;
  deskMs: number;
  lastNaturalAt: number | null;
}

export function view(s: TrackerState, settings: Settings): TrackerView {
  const brk = currentBreak(s.phase);
  return {
    phase: s.phase.name,
    activity: s.activity,
    next: nextBreak(s, settings),
    open: brk ? { id: brk.id, kind: brk.kind, snoozes: brk.snoozes, canSnooze: s.phase.name === 'due' && brk.snoozes < settings.snoozeLimit } : null,
    deskMs: Math.max(s.desk.micro, s.desk.stretch),
    lastNaturalAt: s.lastNaturalAt,
  };
}
