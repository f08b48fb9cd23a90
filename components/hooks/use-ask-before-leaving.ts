/**
 * While `asking.current` is true, closing or reloading the tab makes the browser ask first (in its
 * own words): a draft that would be lost, an import or a reset halfway through. The listener is
 * there from the first render and asks only while `asking`: Chromium runs no beforeunload listener
 * it has not yet been told of (the page tells it by message), so one added at the first keystroke
 * could miss a reload right after it.
 */
import { useLayoutEffect } from 'preact/hooks';

export function useAskBeforeLeaving(asking: { readonly current: boolean }): void {
  useLayoutEffect(() => {
    const ask = (e: BeforeUnloadEvent) => {
      if (!asking.current) return;
      e.preventDefault();
      e.returnValue = ''; // what Chrome before 119 looks for
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);
}
