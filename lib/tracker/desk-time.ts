/**
 * Desk time: when it counts, how it grows between events (inside working hours, split at
 * midnight), and what a return from time away credits as natural breaks. Also the small helpers
 * every phase shares: the open break, resetting counters, a break's history record.
 */
import { BREAK_KINDS, type BreakKind, type Settings } from '../settings';
import { workingIntervals } from '../schedule';
import { dayAt } from './day';
import { LEFT_WAIT, type Activity, type DueBreak, type Effect, type Outcome, type Phase, type TrackerState } from './state';

export function currentBreak(p: Phase): DueBreak | null {
  return p.name === 'working' ? null : p.brk;
}

export function resetCounters(desk: Record<BreakKind, number>, kind: BreakKind): Record<BreakKind, number> {
  // A stretch break is also a micro break; a micro break only resets its own counter.
  return kind === 'stretch' ? { micro: 0, stretch: 0 } : { ...desk, micro: 0 };
}

/**
 * A break's history record. A break postponed from its heads-up exists before its moment: ended
 * or begun before then (reminders paused, the break taken at once), it was due no later than
 * that, with the desk time sat by then (its `deskMs` is what it would have had at its moment).
 */
export function record(brk: DueBreak, outcome: Outcome, endedAt: number, startedAt: number | null, routineId: string | null): Effect {
  const dueAt = Math.min(brk.dueAt, startedAt ?? endedAt);
  return {
    type: 'record',
    entry: {
      id: brk.id,
      kind: brk.kind,
      outcome,
      dueAt,
      promptedAt: brk.promptedAt,
      startedAt,
      endedAt,
      routineId,
      deskMs: Math.max(0, brk.deskMs - (brk.dueAt - dueAt)),
      snoozes: brk.snoozes,
      manual: brk.manual,
    },
  };
}

/** Desk time is counted now: active, not paused, inside working hours, not on a break. */
export function countingDeskTime(s: TrackerState): boolean {
  return s.activity === 'active' && !s.paused && !s.offHours && s.phase.name !== 'onBreak';
}

/** Active working time in [from, to] under the schedule. */
export function workingOverlap(settings: Settings, from: number, to: number, tz: string): number {
  if (to <= from) return 0;
  if (!settings.schedule.enabled) return to - from;
  let sum = 0;
  for (const iv of workingIntervals(settings.schedule, from, to, tz)) sum += Math.max(0, Math.min(to, iv.end) - Math.max(from, iv.start));
  return sum;
}

export function accrue(s: TrackerState, upTo: number, settings: Settings, tz: string): TrackerState {
  if (upTo <= s.asOf) return s;
  // Not outside working hours as last heard: hours that began unheard (asleep across a change of
  // zone, its wake for them missed) start fresh when heard of (advance.ts), never back then.
  const dt = countingDeskTime(s) ? workingOverlap(settings, s.asOf, upTo, tz) : 0;
  const today = dayAt(s.today, upTo, tz);
  return {
    ...s,
    asOf: upTo,
    desk: dt ? { micro: s.desk.micro + dt, stretch: s.desk.stretch + dt } : s.desk,
    // Only the part of dt inside today counts toward it (a stretch across midnight is split).
    today: dt ? { ...today, deskMs: today.deskMs + Math.min(dt, upTo - Math.max(s.asOf, today.start)) } : today,
  };
}

/** The machine is back (or the tracker noticed it was away): credit natural breaks. */
export function returnFromAway(s: TrackerState, now: number, settings: Settings, activity: Activity): { s: TrackerState; effects: Effect[] } {
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
    // Judged on the desk time before this absence: a stretch break's reset below is not the posture check's.
    const meaningful = s.desk[kind] >= (rule.everySec * 1000) / 2;
    if (openHere) {
      effects.push({ type: 'clearPrompt', breakId: openHere.id });
      effects.push(record(openHere, 'natural', awaySince + rule.lengthSec * 1000, null, null));
      phase = { name: 'working' };
      credited = true;
    } else if (rule.enabled && meaningful && !s.paused && !s.offHours && phase.name !== 'onBreak' && !(kind === 'micro' && credited)) {
      // (Away during a break under way is that break: it ends as itself, never also as a natural one.)
      const brk: DueBreak = { id: `${kind}-natural-${awaySince}`, kind, dueAt: awaySince, deskMs: s.desk[kind], snoozes: 0, manual: false, promptedAt: null };
      effects.push(record(brk, 'natural', awaySince + rule.lengthSec * 1000, null, null));
      credited = true;
    }
    desk[kind] = 0;
    // A stretch break taken (its kind on) covers the posture check too.
    if (kind === 'stretch' && rule.enabled) desk = { micro: 0, stretch: 0 };
  }
  // Away for a stretch break's length: that break is taken, and a heads-up for it is forgotten.
  const stretchTaken = awayMs >= settings.stretch.lengthSec * 1000;
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
      // A hold goes on (a settle starts from the return); the tick ends it if the break is no
      // longer due.
      ...(phase.name === 'working' ? LEFT_WAIT : {}),
      lastNaturalAt: credited ? awaySince : s.lastNaturalAt,
      headsUp: stretchTaken ? null : s.headsUp,
    },
    effects,
  };
}
