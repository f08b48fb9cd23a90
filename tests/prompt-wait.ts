/**
 * Waiting for Limber's break prompt, shared by the Chromium and Firefox suites: each passes its own
 * way of listing the notifications shown. A prompt's id is `prompt:<breakId>:<second button>`
 * (lib/platform/notify.ts), and a break id ends in its due time (`<kind>-<dueAt>`, ms since the epoch).
 */
export interface SeenPrompt {
  /** The notification's id. */
  id: string;
  breakId: string;
  dueAt: number;
  /** When this test saw it (Date.now()). */
  seenAt: number;
}

/** Polls `listIds` until a prompt (whose id contains none of `not`) is shown; throws after `timeoutMs`. */
export async function pollForPrompt(listIds: () => Promise<string[]>, opts: { timeoutMs?: number; not?: string[] } = {}): Promise<SeenPrompt> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    const id = (await listIds()).find((i) => i.startsWith('prompt:') && !(opts.not ?? []).some((n) => i.includes(n)));
    if (id) {
      const breakId = id.split(':')[1]!;
      return { id, breakId, dueAt: Number(breakId.split('-').pop()), seenAt: Date.now() };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no prompt notification appeared');
}
