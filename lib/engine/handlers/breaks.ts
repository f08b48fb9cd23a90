/**
 * A break's life from the pages: start, snooze, skip, the break window's session, its routine and
 * its finish. The routine is chosen by the break page (lib/routine-choice.ts, with the routine
 * library the worker does not carry); the background keeps the choice with the break.
 */
import type { BreakSession } from '../../protocol/messages';
import type { Runtime } from '../runtime';
import { effectiveSnoozeLimit } from '../../tracker/due';
import { recordDay } from '../../storage/history';
import { replyTo, type Handlers } from './types';

export function breakHandlers(rt: Runtime): Pick<Handlers, 'break/start' | 'break/snooze' | 'break/skip' | 'break/session' | 'break/routine' | 'break/finish'> {
  /**
   * The break with this id, as its window needs it: under way, or (`started: false`) due and
   * waiting for its Start in a window opened as the prompt; null when there is none.
   */
  const session = async (breakId: string): Promise<BreakSession | null> => {
    const [settings, { state }] = await Promise.all([rt.store.settings(), rt.load()]);
    const p = state?.phase;
    if (!p || (p.name !== 'onBreak' && p.name !== 'due') || p.brk.id !== breakId) return null;
    const canPostpone = !p.brk.manual && p.brk.snoozes < effectiveSnoozeLimit(settings);
    const started = p.name === 'onBreak';
    return { breakId, kind: p.brk.kind, manual: p.brk.manual, routineId: started ? p.routineId : null, lengthSec: settings[p.brk.kind].lengthSec, strict: settings.strict, canPostpone, started };
  };

  return {
    'break/start': async (msg) => replyTo<'break/start'>((await rt.handle({ type: 'start', breakId: msg.breakId, kind: msg.kind })).result, { started: true }),
    'break/snooze': async (msg) => {
      const { result } = await rt.handle({ type: 'snooze', breakId: msg.breakId, ...(msg.minutes === undefined ? {} : { minutes: msg.minutes }) });
      const p = result.state.phase;
      return replyTo<'break/snooze'>(result, { until: p.name === 'snoozed' ? p.until : 0 });
    },
    'break/skip': async (msg) => replyTo<'break/skip'>((await rt.handle({ type: 'skip', breakId: msg.breakId })).result, { skipped: true }),
    'break/session': async (msg) => ({ ok: true, data: await session(msg.breakId) }),
    // The page's choice of routine. Without `replace` a routine already chosen (by another window
    // of the same break) stays: both windows then play the same one.
    'break/routine': async (msg) => {
      const current = await session(msg.breakId);
      if (!current?.started) return { ok: false, error: 'noSuchBreak' };
      if (current.routineId && !msg.replace) return { ok: true, data: current };
      const { result } = await rt.handle({ type: 'setRoutine', breakId: msg.breakId, routineId: msg.routineId });
      return replyTo<'break/routine'>(result, { ...current, routineId: msg.routineId });
    },
    'break/finish': async (msg) => {
      // A page's Done or early end is of a break under way (the tracker refuses it of a prompt never started).
      const { result, now, settings, env, published, waiting } = await rt.handle({ type: 'finish', breakId: msg.breakId, outcome: msg.outcome, routineId: msg.routineId, underWay: true });
      if (result.refused) return replyTo<'break/finish'>(result, { today: null, outcome: msg.outcome });
      // How it was recorded: a break given up before this finish came (the machine slept) is cut short.
      const rec = result.effects.find((x) => x.type === 'record' && x.entry.id === msg.breakId);
      const outcome = rec?.type === 'record' && rec.entry.outcome !== 'natural' ? rec.entry.outcome : msg.outcome;
      // The break's record was just written and the popup's picture made from it: the same today.
      // A record still waiting to be written (or a history not readable just now): the break is
      // recorded all the same, but no count to show (the history's would leave it out, or be an older one).
      const today = waiting || published?.status.historyError ? null : published ? published.status.today : ((await rt.store.summary(now, env.timeZone, settings).catch(() => null))?.today ?? null);
      // The day it was recorded on: begun before midnight, the evening's, not `today`'s (the end screen says no "0 breaks today" then).
      return { ok: true, data: { today, outcome, day: rec?.type === 'record' ? recordDay(rec.entry, env.timeZone) : undefined } };
    },
  };
}
