import type { ErrorCode, Reply, RequestOf, RequestType, ResponseOf } from '../../protocol/messages';
import type { Result } from '../../tracker/tracker';

/**
 * One handler per request type. The map's type makes each handler take its own request and
 * answer with its own response type (lib/protocol/messages.ts `Responses`): a wrong answer does
 * not compile.
 */
export type Handlers = { [T in RequestType]: (msg: RequestOf<T>) => Promise<Reply<T>> };

/** A reply from a tracker result: its refusal as the error, else `data`. */
export function replyTo<T extends RequestType>(r: Result, data: ResponseOf<T>): Reply<T> {
  return r.refused ? { ok: false, error: r.refused as ErrorCode } : { ok: true, data };
}
