/** What the pages show of the tracker (the popup, the badge), derived from its state (pure). */
import type { BreakKind, Settings } from '../settings';
import { currentInterval, nextWorkStart } from '../schedule';
import { countingDeskTime, currentBreak } from './desk-time';
import { effectiveSnoozeLimit, nextBreak } from './due';
import { holdUntil } from './hold';
import { pauseUntil } from './moment';
import { DEFAULT_ENV, type WaitReason, type Activity, type Env, type Phase, type TrackerState } from './state';

/** What the popup shows, derived from state (pure). */
export interface TrackerView {
  phase: Phase['name'];
  activity: Activity;
  next: { kind: BreakKind; at: number } | null;
  open: { id: string; kind: BreakKind; snoozes: number; canSnooze: boolean; canSkip: boolean } | null;
  deskMs: number;
  todayDeskMs: number;
  lastNaturalAt: number | null;
  paused: { until: number | null } | null;
  /** Outside working hours: when they start again (null if not within a week). */
  offHours: { until: number | null } | null;
  /** A due break held: by what ('settle': the hold just ended; 'pause': waiting for a pause in input) and until when at the latest. */
  held: { reason: WaitReason; until: number } | null;
  /**
   * The end of today's working hours, when it comes first: before the next break (then `next` is
   * null: none comes before it), or before a wait's own limit (then `held.until` is this end: the
   * break comes before then or not at all). Null otherwise.
   */
  hoursEnd: number | null;
}

export function view(s: TrackerState, settings: Settings, env: Env = DEFAULT_ENV): TrackerView {
  const brk = currentBreak(s.phase);
  const limit = effectiveSnoozeLimit(settings);
  // Not while desk time stands still (paused, outside working hours, away): a postponed break
  // then comes on the return, not when its postpone ends (transition.ts), so no time is promised.
  const next = countingDeskTime(s) ? nextBreak(s, settings) : null;
  const held =
    s.pauseFrom !== null
      ? { reason: s.pauseTab === null ? ('typing' as const) : ('pause' as const), until: pauseUntil(s, settings)! }
      : s.deferredSince === null || !countingDeskTime(s)
        ? null
        : { reason: s.heldBy ?? ('settle' as const), until: holdUntil(s, settings)! };
  // No break comes outside working hours: one that would fall at or after their end is not named
  // (a postpone that runs past it too: the prompt is closed then, skipped or natural), and a wait whose
  // limit is later ends with them.
  const end = settings.schedule.enabled && !s.paused && !s.offHours ? (currentInterval(settings.schedule, s.asOf, env.timeZone)?.end ?? null) : null;
  const cut = end !== null && (held ? held.until : (next?.at ?? -Infinity)) >= end;
  return {
    phase: s.phase.name,
    activity: s.activity,
    next: cut && !held ? null : next,
    open: brk
      ? { id: brk.id, kind: brk.kind, snoozes: brk.snoozes, canSnooze: s.phase.name === 'due' && brk.snoozes < limit, canSkip: !settings.strict }
      : null,
    deskMs: Math.max(s.desk.micro, s.desk.stretch),
    todayDeskMs: s.today.deskMs,
    lastNaturalAt: s.lastNaturalAt,
    paused: s.paused ? { until: s.paused.until } : null,
    offHours: s.offHours ? { until: nextWorkStart(settings.schedule, s.asOf, env.timeZone) } : null,
    held: held && cut ? { ...held, until: end! } : held,
    hoursEnd: cut ? end : null,
  };
}
