/** Status reads: the popup's data, a refresh after a page replaced the history, the bare status. */
import type { Runtime } from '../runtime';
import type { Handlers } from './types';
import { view } from '../../tracker/tracker';

export function statusHandlers(rt: Runtime): Pick<Handlers, 'popup/get' | 'status/refresh' | 'status/get'> {
  return {
    'popup/get': async () => ({ ok: true, data: await rt.read() }),
    // A page imported or reset the data (lib/data.ts): the popup's snapshot and the badge show the
    // new history. `replaced`: records still waiting belong to the old history and are dropped.
    'status/refresh': async (msg) => {
      if (msg.replaced) {
        const { state, outbox } = await rt.load();
        if (state && outbox.length) await rt.store.saveTracker(state, []);
      }
      await rt.read();
      return { ok: true, data: { refreshed: true } };
    },
    'status/get': async () => {
      const { result, settings, now, env, waiting } = await rt.handle({ type: 'tick' }, { read: true });
      // A history that cannot be read just now does not fail the status (the welcome page asks it for the tracker).
      const s = await rt.store.summary(now, env.timeZone, settings).catch(() => undefined);
      return { ok: true, data: { now, tracker: view(result.state, settings, env), today: s?.today ?? null, historyError: s === undefined, waitingRecords: waiting } };
    },
  };
}
