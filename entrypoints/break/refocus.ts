/**
 * After a Skip refused in strict mode, the Skip button goes with the new session's choices, and
 * the keyboard focus with it. Set the returned ref before the session is renewed: the focus then
 * goes to the control before Skip (Start, Done, Another routine), else to the page's heading, and
 * that control is described by the refusal (`#break-error`) while it is said (`saying`): a focus
 * moved as the alert comes may cut it off.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export function useRefocusAfterRefusal(mainRef: RefObject<HTMLElement>, saying: boolean) {
  const refocusAfter = useRef(false);
  const described = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!refocusAfter.current) return;
    refocusAfter.current = false;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const root = mainRef.current;
    const control = root?.querySelector<HTMLElement>('[data-testid="prompt-start"], [data-testid="done"], [data-testid="another"]');
    if (control) {
      control.setAttribute('aria-describedby', 'break-error');
      described.current = control;
    }
    (control ?? root?.querySelector<HTMLElement>('h1'))?.focus();
  });
  useEffect(() => {
    if (saying || !described.current) return;
    described.current.removeAttribute('aria-describedby');
    described.current = null;
  }, [saying]);
  return refocusAfter;
}
