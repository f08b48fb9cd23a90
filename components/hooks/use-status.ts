import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask, type Status } from '../../lib/messages';
import { watchSettingsKeys, watchTracker } from '../../lib/storage/live';

const send = (m: unknown) => browser.runtime.sendMessage(m);

/** The background's status, refreshed whenever the tracker's stored state changes. */
export function useStatus(): { status: Status | null; error: boolean; refresh: () => void } {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState(false);
  const refresh = () => {
    ask(send, { type: 'status/get' }).then(
      (s) => {
        setStatus(s);
        setError(false);
      },
      () => setError(true),
    );
  };
  useEffect(() => {
    refresh();
    const off = [watchTracker(refresh), watchSettingsKeys(refresh)];
    return () => off.forEach((u) => u());
  }, []);
  return { status, error, refresh };
}

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
