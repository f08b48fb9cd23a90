/** A small flame-like mark for streaks (decorative). */
export function Flame({ lit }: { lit: boolean }) {
  return (
    <svg class={`flame${lit ? ' lit' : ''}`} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 2c1 3.5 5 5.5 5 10.5A5 5 0 0 1 7 12.5c0-2 1-3.5 2-4.5 0 2 1 3 2 3-1-3 0-6 1-9z"
        fill="currentColor"
      />
    </svg>
  );
}
