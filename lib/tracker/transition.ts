/**
 * The transition function and its per-event handlers: `transition` catches the state up to now
 * (advance.ts), handles the event (`step`), then lets a break fall due (`tick`).
 */
import type { BreakKind, Settings } from '../settings';
import { notifiedToday } from './day';
import { advance, clampPhaseTimes, closeOpenPrompt } from './advance';
import { countingDeskTime, currentBreak, record, resetCounters, returnFromAway } from './desk-time';
import { effectiveSnoozeLimit, givenUpAt, nextBreak, reminderDue } from './due';
import { headsUpStep, idTime, postponeEarly } from './heads-up';
import { holdDue } from './hold';
import { idleReported, inputPaused, pauseDue, pauseEnded, pauseWasAway } from './moment';
import { DEFAULT_ENV, LEFT_WAIT, MERGE_WINDOW_MS, NO_HOLD, type DueBreak, type Effect, type Env, type Result, type TrackerEvent, type TrackerState } from './state';

const CLEAR_NOTICE: Effect = { type: 'clearNotice' };

function prompt(s: TrackerState, brk: DueBreak, now: number, settings: Settings, reminder = false): Result {
  const b = { ...brk, promptedAt: brk.promptedAt ?? now };
  const remindAt = settings.remindAfterSec > 0 && !reminder ? now + settings.remindAfterSec * 1000 : null;
  return { state: { ...s, ...NO_HOLD, phase: { name: 'due', brk: b, remindAt } }, effects: [{ type: 'prompt', brk: b, reminder }] };
}

function tick(s: TrackerState, now: number, settings: Settings, env: Env): Result {
  const effects: Effect[] = [];
  if (settings.dailyLimit.enabled && !notifiedToday(s.today) && s.today.deskMs >= settings.dailyLimit.minutes * 60_000 && !s.paused && !s.offHours) {
    s = { ...s, today: { ...s.today, notifiedAt: now } };
    effects.push({ type: 'notice', notice: 'dailyLimit' });
  }
  const withEffects = (r: Result): Result => ({ ...r, effects: [...effects, ...r.effects] });
  const p = s.phase;
  switch (p.name) {
    // A postponed break whose postpone ended comes back as a break falling due does: not while
    // the person is away, paused or outside working hours (the return is its moment; away its
    // length, it was taken), then held, then waiting for a pause in input.
    case 'snoozed':
    case 'working': {
      // Waiting for a pause in input, and it came: the break is due as if still active.
      const quiet = s.pauseFrom !== null && inputPaused(s);
      const q: TrackerState = quiet ? { ...s, activity: 'active' } : s;
      const next = countingDeskTime(q) ? nextBreak(q, settings) : null;
      // No longer due (credited, moved on, or no kind of break left on): the wait is over. Not
      // counting (away, locked, paused): the person left, and only what LEFT_WAIT says ends; a hold goes on.
      if (!next || next.at > now) return { state: s.deferredSince === null && s.pauseFrom === null ? s : { ...s, ...(next || countingDeskTime(s) ? NO_HOLD : LEFT_WAIT) }, effects };
      // Fullscreen, sound in view, a call: wait, up to a bound, then a short settle (hold.ts); also
      // when it began while the break waited for a pause in input.
      const held = holdDue(s, now, settings, env);
      if (held) return { state: held, effects };
      // Then a pause in input, bounded (moment.ts).
      const waiting = pauseDue(s, now, settings, env);
      if (waiting) return { state: waiting, effects };
      if (p.name === 'snoozed') return withEffects(prompt(s, p.brk, now, settings));
      // The instant the counter crossed the interval: the same whenever the tick runs.
      const over = s.desk[next.kind] - settings[next.kind].everySec * 1000;
      const dueAt = over >= 0 ? now - over : next.at;
      // The id's time never repeats, even after the clock was set back past an earlier one.
      const idAt = idTime(s, dueAt);
      const brk: DueBreak = { id: `${next.kind}-${idAt}`, kind: next.kind, dueAt, deskMs: s.desk[next.kind], snoozes: 0, manual: false, promptedAt: null };
      return withEffects(prompt({ ...s, lastDueAt: idAt }, brk, now, settings));
    }
    case 'due': {
      // Not at someone away (nor paused, nor outside working hours): it waits for their return,
      // and comes then (away for the break's length, the break was taken: no reminder). Held as
      // the prompt is (a call joined since it came): up to the bound from its moment, then settled.
      const held = reminderDue(s, now) && countingDeskTime(s) ? holdDue(s, now, settings, env) : s;
      return held ? { state: held, effects } : withEffects(prompt(s, p.brk, now, settings, true));
    }
    case 'onBreak': {
      if (now < givenUpAt(p, settings)) return { state: s, effects };
      return withEffects(finish(s, p.brk.id, 'partial', p.routineId, now, settings));
    }
  }
}

function finish(s: TrackerState, breakId: string, outcome: 'completed' | 'partial' | 'skipped', routineId: string | null, now: number, settings: Settings): Result {
  const p = s.phase;
  const brk = currentBreak(p);
  if (brk?.id !== breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
  // Strict mode: no skipping, from the prompt or from the break window (closing the window early
  // still ends the break, recorded as cut short: `partial`).
  if (outcome === 'skipped' && settings.strict) return { state: s, effects: [], refused: 'strict' };
  const startedAt = p.name === 'onBreak' ? p.startedAt : null;
  // A break still open past its length and the grace after it was given up at that moment (the
  // alarm then records it so): heard of only later (the machine slept through it), it is cut
  // short then, on that moment's day, whatever the window says now (its clock ran on in the sleep).
  const abandonAt = p.name === 'onBreak' ? givenUpAt(p, settings) : Infinity;
  const [how, endedAt] = now >= abandonAt ? (['partial', abandonAt] as const) : ([outcome, now] as const);
  const effects: Effect[] = [];
  if (p.name !== 'onBreak') effects.push({ type: 'clearPrompt', breakId });
  effects.push(record(brk, how, endedAt, startedAt, routineId ?? (p.name === 'onBreak' ? p.routineId : null)));
  return { state: { ...s, phase: { name: 'working' }, desk: resetCounters(s.desk, brk.kind), asOf: now, ...NO_HOLD }, effects };
}

/** The one entry point: state x event x now x settings x env -> state + effects. */
export function transition(state: TrackerState, event: TrackerEvent, now: number, settings: Settings, env: Env = DEFAULT_ENV): Result {
  const adv = advance(state, now, settings, env, event.type === 'activity' && event.state === 'active');
  const r = step(adv.s, event, now, settings, env);
  // After any event, a break may have fallen due (e.g. the interval was shortened).
  const after = event.type === 'tick' || r.refused ? r : chain(r, tick(r.state, now, settings, env));
  // Then the heads-up before a stretch break: shown when its moment came, cleared when its break did (heads-up.ts).
  return headsUpStep(state, { ...after, state: after.refused ? adv.s : after.state, effects: [...adv.effects, ...after.effects] }, now, settings, env);
}

function chain(a: Result, b: Result): Result {
  return { state: b.state, effects: [...a.effects, ...b.effects] };
}

function step(s: TrackerState, e: TrackerEvent, now: number, settings: Settings, env: Env): Result {
  switch (e.type) {
    case 'tick':
      return settingsGate(s, now, settings, env);
    case 'settingsChanged':
      return settingsGate(headsUpKept(s, settings), now, settings, env);
    case 'activity': {
      if (e.state === s.activity) return { state: e.state === 'active' && s.still ? { ...s, still: false } : s, effects: [] };
      if (e.state === 'active') {
        // Back within "away after" from a pause seen at the lowered interval: it was a pause.
        const paused = pauseEnded(s, now, settings, env.timeZone);
        if (paused) return { state: paused, effects: [] };
        const r = returnFromAway(s, now, settings, 'active');
        return { state: r.s, effects: r.effects };
      }
      // Idle while watching is still sitting; idle at the lowered interval is a pause (moment.ts).
      const quiet = e.state === 'idle' ? idleReported(s, now, env, settings) : null;
      if (quiet) return { state: quiet, effects: [] };
      s = { ...pauseWasAway(s), still: false };
      // Going away. Chrome reports `idle` only after `idleSec` without input: the user left then.
      // Time counted since then was not desk time; take it back.
      const leftAt = e.state === 'idle' && s.activity === 'active' ? Math.max(now - settings.idleSec * 1000, s.activeSince) : now;
      const over = countingDeskTime(s) ? Math.max(0, s.asOf - leftAt) : 0;
      const desk = { micro: Math.max(0, s.desk.micro - over), stretch: Math.max(0, s.desk.stretch - over) };
      const deskMs = Math.max(0, s.today.deskMs - over);
      // The limit's notice came after the person left (the browser said idle only later): it was
      // early and came to no one, so it comes again when the limit is really passed (not one
      // "after" now: that is from before a clock set back, day.ts notifiedToday).
      const n = s.today.notifiedAt ?? 0;
      const today = { ...s.today, deskMs, notifiedAt: leftAt < n && n <= now && deskMs < settings.dailyLimit.minutes * 60_000 ? null : s.today.notifiedAt };
      const awaySince = s.activity === 'active' ? Math.min(leftAt, now) : (s.awaySince ?? now);
      return { state: { ...s, activity: e.state, awaySince, desk, today }, effects: [] };
    }
    case 'start': {
      const p = s.phase;
      // A start naming a break (a prompt's Start, the popup's) is for that break only (none open: refused).
      if (e.breakId !== undefined && e.breakId !== currentBreak(p)?.id) return { state: s, effects: [], refused: 'noSuchBreak' };
      if (p.name === 'onBreak') return { state: s, effects: [{ type: 'openBreak', brk: p.brk }] };
      // A prompted break (due or postponed).
      if (p.name !== 'working') {
        return {
          state: { ...s, ...NO_HOLD, phase: { name: 'onBreak', brk: p.brk, startedAt: now, routineId: null } },
          effects: [{ type: 'clearPrompt', breakId: p.brk.id }, { type: 'openBreak', brk: p.brk }],
        };
      }
      const kind: BreakKind = e.kind ?? (settings.stretch.enabled || !settings.micro.enabled ? 'stretch' : 'micro');
      const at = s.lastManualAt !== null && s.lastManualAt >= now ? s.lastManualAt + 1 : now;
      const brk: DueBreak = { id: `manual-${at}`, kind, dueAt: now, deskMs: s.desk[kind], snoozes: 0, manual: true, promptedAt: null };
      return {
        state: { ...s, ...NO_HOLD, lastManualAt: at, phase: { name: 'onBreak', brk, startedAt: now, routineId: null } },
        effects: [{ type: 'openBreak', brk }],
      };
    }
    case 'snooze': {
      // From the prompt, or from the break window of a prompted break (not one the person started);
      // before the break is due, from its heads-up (heads-up.ts).
      const p = s.phase;
      if (p.name === 'working') return postponeEarly(s, e.breakId, e.minutes, now, settings);
      const open = p.name === 'due' || (p.name === 'onBreak' && !p.brk.manual);
      if (!open || p.brk.id !== e.breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
      if (p.brk.snoozes >= effectiveSnoozeLimit(settings)) return { state: s, effects: [], refused: 'snoozeLimit' };
      const brk = { ...p.brk, snoozes: p.brk.snoozes + 1 };
      const chosenMs = e.minutes === undefined ? undefined : e.minutes * 60_000;
      const phase = { name: 'snoozed' as const, brk, until: now + (chosenMs ?? settings.snoozeSec * 1000), ...(chosenMs === undefined ? {} : { chosenMs }) };
      // Postponed from its window: closing that window is then no early end of the break.
      return { state: { ...s, phase }, effects: [{ type: p.name === 'due' ? 'clearPrompt' : 'breakEnded', breakId: brk.id }] };
    }
    case 'skip':
      return ended(finish(s, e.breakId, 'skipped', null, now, settings), e.breakId);
    case 'finish':
      if (e.underWay && e.outcome !== 'skipped' && s.phase.name !== 'onBreak') return { state: s, effects: [], refused: 'noSuchBreak' };
      return ended(finish(s, e.breakId, e.outcome, e.routineId ?? null, now, settings), e.breakId);
    case 'setRoutine': {
      const p = s.phase;
      if (p.name !== 'onBreak' || p.brk.id !== e.breakId) return { state: s, effects: [], refused: 'noSuchBreak' };
      return { state: { ...s, phase: { ...p, routineId: e.routineId } }, effects: [] };
    }
    case 'pause': {
      if (e.until !== null && e.until <= now) return { state: s, effects: [], refused: 'paused' };
      // Strict mode: a pause is no Skip. The prompt is withdrawn and its break waits out the pause,
      // as one postponed does (due from now: no snooze is spent); back inside working hours, it is
      // prompted again (tick); away for its length meanwhile, it was taken naturally; working
      // hours that end first close it as they close any prompt (advance.ts).
      const closed = settings.strict ? waitOutPause(s, now) : closeOpenPrompt(s, now);
      // A heads-up on screen is withdrawn ("Stretch break in 1 min" would stand through the pause);
      // back after a short pause with its break still ahead, it is announced again (heads-up.ts).
      // A notice about the pause on screen (the shortcut's, "back on") may now say otherwise: it goes.
      return { state: { ...closed.s, paused: { since: s.paused?.since ?? now, until: e.until, ...(e.timed && e.until !== null ? { timed: true as const } : {}) }, ...NO_HOLD, headsUp: null }, effects: [...closed.effects, CLEAR_NOTICE] };
    }
    case 'resume': {
      if (!s.paused) return { state: s, effects: [] };
      const long = now - s.paused.since >= settings.stretch.lengthSec * 1000;
      return { state: { ...s, paused: null, asOf: now, ...(long ? { desk: { micro: 0, stretch: 0 }, headsUp: null } : {}) }, effects: [CLEAR_NOTICE] };
    }
  }
}

/** Strict mode's pause: an open prompt's break waits for the pause's end (a postponed one already does). */
function waitOutPause(s: TrackerState, now: number): { s: TrackerState; effects: Effect[] } {
  const p = s.phase;
  if (p.name !== 'due') return { s, effects: [] };
  return { s: { ...s, phase: { name: 'snoozed', brk: p.brk, until: now } }, effects: [{ type: 'clearPrompt', breakId: p.brk.id }] };
}

/**
 * A finish or skip the person asked for, once accepted, ends the break as far as its window is
 * concerned (closing the window is then no early end). Only these two events say so: a break
 * closed by the tracker itself (abandoned, away, a pause, working hours ending) does not.
 */
function ended(r: Result, breakId: string): Result {
  return r.refused ? r : { ...r, effects: [...r.effects, { type: 'breakEnded', breakId }] };
}

/**
 * New settings: a heads-up out whose break they call off or move further (stretch breaks, the
 * heads-up or notifications switched off, a longer interval: more desk time left than its lead
 * and than when it came, so a lead shortened from 2 min to 1 keeps it) is
 * taken back (headsUpStep clears its notice); the break's new moment brings its own. Judged in
 * desk time, so the same whether the person is at the desk or briefly away, and from the moment
 * the break comes (a posture check folded in brings it up to MERGE_WINDOW_MS early, due.ts
 * nextBreak). With no postpone allowed any more, one that offered it is taken back too and so
 * announced again at once (headsUpStep), without its Postpone button, or cleared when too little
 * of its lead is left. Any other change keeps it: it comes at most once per break.
 */
function headsUpKept(s: TrackerState, settings: Settings): TrackerState {
  const h = s.headsUp;
  if (!h) return s;
  let left = settings.stretch.everySec * 1000 - s.desk.stretch;
  const micro = settings.micro.enabled ? settings.micro.everySec * 1000 - s.desk.micro : left;
  if (micro + MERGE_WINDOW_MS >= left) left = Math.min(left, micro);
  const off = settings.headsUpSec <= 0 || !settings.prompts.notification || !settings.stretch.enabled;
  return off || (h.postpone !== false && effectiveSnoozeLimit(settings) < 1) || left > Math.max(settings.headsUpSec * 1000, h.dueAt - h.at) + 1000 ? { ...s, headsUp: null } : s;
}

/** A prompt for a kind that has since been switched off is withdrawn, recorded as skipped. */
function settingsGate(s: TrackerState, now: number, settings: Settings, env: Env): Result {
  const p = s.phase;
  if ((p.name === 'due' || p.name === 'snoozed') && !settings[p.brk.kind].enabled) {
    const closed = closeOpenPrompt(s, now);
    return { state: closed.s, effects: closed.effects };
  }
  // A shorter snooze setting shortens a snooze under way.
  const clamped = p.name === 'snoozed' ? { ...s, phase: clampPhaseTimes(p, now, settings) } : s;
  return tick(clamped, now, settings, env);
}
