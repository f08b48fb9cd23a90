/**
 * A bounded wait, for operations that could otherwise wait forever (an IndexedDB open blocked by
 * a connection that never closes). Not a way to count time: the worker may die meanwhile, and
 * then the operation simply is not there any more.
 */
export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** Resolves or rejects like `p`, or rejects with DeadlineError after `ms`. */
export function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
