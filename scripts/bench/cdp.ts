/**
 * A minimal Chrome DevTools Protocol client over Chromium's --remote-debugging-pipe (file
 * descriptors 3 and 4, NUL-separated JSON), for the bench's live run: commands with their
 * answers, events to listeners, and an evaluate that returns a value. Attaching nothing to a
 * service worker is the point: a DevTools session on a worker keeps it alive, which is why
 * Playwright is not used for the live run. Also `until` and `sleep` for polling.
 */
import type { Readable, Writable } from 'node:stream';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

export class Cdp {
  private buf = '';
  private last = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly handlers: Array<(m: CdpMessage) => void> = [];

  constructor(
    private readonly out: Writable,
    inp: Readable,
  ) {
    inp.setEncoding('utf8');
    inp.on('data', (chunk: string) => {
      this.buf += chunk;
      for (let i = this.buf.indexOf('\0'); i >= 0; i = this.buf.indexOf('\0')) {
        const m = JSON.parse(this.buf.slice(0, i)) as CdpMessage;
        this.buf = this.buf.slice(i + 1);
        if (m.id === undefined) {
          for (const h of this.handlers) h(m);
          continue;
        }
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p?.reject(new Error(`${p.method}: ${m.error.message}`));
        else p?.resolve(m.result);
      }
    });
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.last;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  on(handler: (m: CdpMessage) => void): void {
    this.handlers.push(handler);
  }

  /** Evaluates an expression in a page session (awaiting promises) and returns its value. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  }
}

/** Polls `fn` every 100 ms until it returns a truthy value (which it returns) or `timeoutMs` passes. */
export async function until<T>(fn: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
