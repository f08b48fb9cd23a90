import { clockCountdown } from '../lib/format';

/**
 * A ring that empties as a time runs out (a step's, or in strict mode the break's), with the time
 * left in the middle; `testId` names that time for tests and a person inspecting the page. `timeId`:
 * that time's id, for a control it describes (the ring's aria-label, its name, leaves the time out).
 */
export function CountdownRing({ remainingMs, totalMs, label, testId, timeId }: { remainingMs: number; totalMs: number; label: string; testId: 'step-remaining' | 'break-remaining'; timeId?: string }) {
  const r = 44;
  const c = 2 * Math.PI * r;
  const frac = totalMs > 0 ? Math.min(1, Math.max(0, remainingMs / totalMs)) : 0;
  return (
    <div class="ring" role="timer" aria-label={label}>
      <svg viewBox="0 0 100 100" width="112" height="112" aria-hidden="true" focusable="false">
        <circle cx="50" cy="50" r={r} class="ring-track" />
        <circle cx="50" cy="50" r={r} class="ring-bar" stroke-dasharray={c} stroke-dashoffset={c * (1 - frac)} />
      </svg>
      <span class="ring-text" id={timeId} data-testid={testId}>{clockCountdown(remainingMs)}</span>
    </div>
  );
}
