import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

const send = (m: unknown) => browser.runtime.sendMessage(m);

/** The current time, re-read every `ms` (display only). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export { send };

/** How long a page waits for the background before it says that it is not answering. */
export const ANSWER_WAIT_MS = 8_000;

/** Messages to the background, given up on (rejected) when no answer comes within ANSWER_WAIT_MS. */
export const timed = (m: unknown) => Promise.race([send(m), new Promise<never>((_, reject) => setTimeout(reject, ANSWER_WAIT_MS))]);
