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
