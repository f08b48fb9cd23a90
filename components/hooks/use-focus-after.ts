import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, type MutableRef } from 'preact/hooks';

/**
 * Keyboard focus moved by an action to an element its render shows: set `.current` to a selector
 * (inside `root`) before the state change; after the next render that element takes focus, or
 * `fallback` when it is missing or disabled. A layout effect: it runs in the same task as that
 * render. An effect would wait for the next frame, and a key pressed meanwhile (Undo right after
 * Delete) would find its target in a page that does not show it yet.
 */
export function useFocusAfterRender(root: RefObject<HTMLElement>, initial: string | null = null, fallback?: string): MutableRef<string | null> {
  const next = useRef<string | null>(initial);
  useLayoutEffect(() => {
    if (!next.current) return;
    const el = root.current?.querySelector<HTMLElement>(next.current);
    if (el && !(el as HTMLButtonElement).disabled) el.focus();
    else if (fallback) root.current?.querySelector<HTMLElement>(fallback)?.focus();
    next.current = null;
  });
  return next;
}
