import { useRef } from 'preact/hooks';

/**
 * One ending of a break at a time (Done, Skip, the last step running out), for the player and the
 * free break: a held key repeats, a button can be clicked twice, and a second ending would be
 * refused (the break is over) and shown as Limber not answering. `sent`: one is under way; a
 * request that failed lets the next one through.
 */
export function useEnding(): { sent: { current: boolean }; send: (ending: () => Promise<boolean>) => void } {
  const sent = useRef(false);
  const send = (ending: () => Promise<boolean>) => {
    if (sent.current) return;
    sent.current = true;
    void ending().then((ok) => (sent.current = ok));
  };
  return { sent, send };
}
