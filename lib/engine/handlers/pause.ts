/** Pausing and resuming reminders from the popup. */
import { tomorrowStart } from '../../schedule';
import type { Runtime } from '../runtime';
import { replyTo, type Handlers } from './types';

const PAUSE_MINUTES = { '30m': 30, '1h': 60, '2h': 120 } as const;

export function pauseHandlers(rt: Runtime): Pick<Handlers, 'pause/set' | 'pause/resume'> {
  return {
    'pause/set': async (msg) => {
      const settings = await rt.store.settings();
      const now = rt.platform.now();
      const until =
        msg.choice === 'indefinite' ? null : msg.choice === 'tomorrow' ? tomorrowStart(settings.schedule, now, rt.platform.timeZone()) : now + PAUSE_MINUTES[msg.choice] * 60_000;
      const { result } = await rt.handle({ type: 'pause', until, timed: msg.choice in PAUSE_MINUTES });
      return replyTo<'pause/set'>(result, { until });
    },
    'pause/resume': async () => {
      await rt.handle({ type: 'resume' });
      return { ok: true, data: { resumed: true } };
    },
  };
}
