/** Messages from the pages: validated, then handled one at a time in the runtime's queue. */
import type { Reply, RequestType } from '../../protocol/messages';
import { parseRequest, type Request } from '../../protocol/requests';
import type { Runtime } from '../runtime';
import { breakHandlers } from './breaks';
import { pauseHandlers } from './pause';
import { statusHandlers } from './status';
import type { Handlers } from './types';

export function messageHandler(rt: Runtime): (raw: unknown) => Promise<Reply<RequestType>> {
  const handlers: Handlers = { ...statusHandlers(rt), ...pauseHandlers(rt), ...breakHandlers(rt) };
  return (raw) => {
    const msg = parseRequest(raw);
    if (!msg) return Promise.resolve({ ok: false, error: 'badRequest' });
    // The request was checked against its type's schema, so it fits its own handler.
    const handler = handlers[msg.type] as (m: Request) => Promise<Reply<RequestType>>;
    return rt.serial(() => handler(msg)).catch((err: unknown) => {
      console.error('[limber] message failed', err);
      return { ok: false, error: 'internal' as const };
    });
  };
}
