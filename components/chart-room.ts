/** How much room a review chart has, so that it is laid out for it (components/ReviewCharts.tsx, RankBars.tsx). */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** A chart's room: its box's width in CSS px, and the page's small text size there. */
export interface Room {
  w: number;
  font: number;
}

/** The room of the chart drawn in the returned box, followed as the window (or the zoom) changes; null until measured. */
export function useRoom(): [RefObject<HTMLDivElement>, Room | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<Room | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      const font = parseFloat(getComputedStyle(el).fontSize) || 13;
      if (w > 0) setRoom((r) => (r && r.w === w && r.font === font ? r : { w, font }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, room];
}
